import { XlsxReadFailure } from './read-error';
import type { PackageSource } from './xml-part';
import { zipDirectoryOf, type ZipBytes, type ZipDirectory } from './zip-directory';

/** The formats a territory's workbook may be saved as, as a folder's listing counts them. */
const SPREADSHEET = /\.(xlsx|xlsm|xlsb|xls|ods)$/i;

/**
 * A part of an Office package, at its root or in a folder (an unpacked workbook zipped again): its content types, a
 * relationships part, a spreadsheet's own parts. A workbook damaged past reading still has some of them, and the .xlsx
 * objects in its `xl/embeddings/` are no workbooks to extract.
 */
const PACKAGE_PART =
  /(?:^|\/)(?:\[content_types\]\.xml$|_rels\/[^/]*\.rels$|xl\/(?:worksheets|embeddings|theme)\/|xl\/(?:workbook|styles|sharedstrings)\.xml$)/i;

/** Excel's lock files (`~$…`), hidden files and the resource forks macOS adds to an archive (`__MACOSX/`, `._…`). */
function isHidden(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base.startsWith('~$') || base.startsWith('.') || name.startsWith('__MACOSX/');
}

/** What a plain zip archive holds that a person may have meant: spreadsheets, and zip archives that may hold them. */
interface ArchiveListing {
  workbooks: string[];
  archives: string[];
}

/**
 * What a plain zip archive's directory lists, by names in it; null for a document's package: an OpenDocument
 * `mimetype` (part names are keyed lower-cased, as `findPart` finds them), or any part of an Office one.
 */
function archiveListing(directory: ZipDirectory): ArchiveListing | null {
  if (directory.entries.has('mimetype')) return null;
  const names = [...directory.entries.values()].map((entry) => entry.name);
  if (names.some((name) => PACKAGE_PART.test(name))) return null;
  const shown = names.filter((name) => !isHidden(name));
  return {
    workbooks: shown.filter((name) => SPREADSHEET.test(name)),
    archives: shown.filter((name) => /\.zip$/i.test(name)),
  };
}

/** The listing of a zip read from its central directory alone (`maxDirectoryBytes`); null when it cannot be read. */
function listingOfZip(zip: ZipBytes, maxDirectoryBytes: number): ArchiveListing | null {
  try {
    return archiveListing(zipDirectoryOf(zip, maxDirectoryBytes));
  } catch (error) {
    if (error instanceof XlsxReadFailure) return null;
    throw error;
  }
}

const countsOf = (listing: ArchiveListing | null) =>
  listing && { workbooks: listing.workbooks.length, archives: listing.archives.length };

/**
 * A plain zip archive rather than a document's package — no part of an Office package, no OpenDocument
 * `mimetype` —, as workbooks are often sent zipped together: how many spreadsheets it holds, so that the person is
 * told to extract them (no re-saving would make the archive a workbook), and how many other zip archives, which may
 * hold them in turn. Null for any other zip.
 */
export function archiveContents(source: PackageSource): { workbooks: number; archives: number } | null {
  return countsOf(archiveListing(source.directory));
}

/** `archiveContents` of a zip read from its central directory alone (`maxDirectoryBytes`; null when unreadable). */
export function archiveContentsOfZip(
  zip: ZipBytes,
  maxDirectoryBytes: number,
): { workbooks: number; archives: number } | null {
  return countsOf(listingOfZip(zip, maxDirectoryBytes));
}

/**
 * The spreadsheets a zip archive found among the territories' files lists (their names in it), read from its
 * central directory alone — nothing inflated, the archive never loaded whole, a directory over `maxDirectoryBytes`
 * not read —; null when it is no plain zip archive, or its directory cannot be read.
 */
export function spreadsheetsInZip(zip: ZipBytes, maxDirectoryBytes: number): string[] | null {
  return listingOfZip(zip, maxDirectoryBytes)?.workbooks ?? null;
}
