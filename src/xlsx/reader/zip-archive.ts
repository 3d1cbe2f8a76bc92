import { isCompoundFile } from './compound-file';
import type { NotAPackageKind } from './not-a-package';
import { isOpenDocumentSpreadsheetZip } from './open-document';
import { XlsxReadFailure, type XlsxReadErrorCode } from './read-error';
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
export interface ArchiveListing {
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

/** A spreadsheet's package: its `xl/` parts at the root, as an .xlsx, .xlsm or .xlsb holds them. */
const isWorkbookPackage = (directory: ZipDirectory) =>
  [...directory.entries.keys()].some((key) => key.startsWith('xl/'));

/**
 * What a zip lists, read from its central directory alone — nothing inflated, the archive never loaded whole, a
 * directory over `maxDirectoryBytes` not read —: a plain archive's spreadsheets and zip archives (their names in it);
 * `workbook`, a spreadsheet's package (an .xlsx renamed .zip, which the reader reads whatever its name, or an .ods,
 * told by its `mimetype` part, the one part read) or compound file (a legacy .xls, a password-protected workbook: no
 * zip, told by its first bytes); `package`, another document's package (a .docx renamed .zip, an
 * OpenDocument text); or the reader's code for why its directory cannot be read (`empty-file`; `truncated`: a zip
 * cut; `not-xlsx`: no zip at all, with what its first bytes seem to be, `found`, as the reader tells it of a file
 * named .xlsx; `damaged`; `too-large`: over `maxDirectoryBytes`).
 */
export type ZipContents =
  | ({ kind: 'archive' } & ArchiveListing)
  | { kind: 'workbook' }
  | { kind: 'package' }
  | { kind: 'unreadable'; code: XlsxReadErrorCode; found?: NotAPackageKind };

export function zipContents(zip: ZipBytes, maxDirectoryBytes: number): ZipContents {
  // Empty, a file is no text to tell: the reader's own code for it.
  if (zip.size === 0) return { kind: 'unreadable', code: 'empty-file' };
  // A legacy .xls or a password-protected workbook: the reader tells which, as it does whatever the file's name.
  if (isCompoundFile(zip.read(0, 8))) return { kind: 'workbook' };
  let directory: ZipDirectory;
  try {
    directory = zipDirectoryOf(zip, maxDirectoryBytes);
  } catch (error) {
    if (!(error instanceof XlsxReadFailure)) throw error;
    const { found } = error.params;
    return { kind: 'unreadable', code: error.code, ...(found ? { found: found as NotAPackageKind } : {}) };
  }
  const listing = archiveListing(directory);
  if (listing) return { kind: 'archive', ...listing };
  const spreadsheet = isWorkbookPackage(directory) || isOpenDocumentSpreadsheetZip(zip, directory);
  return { kind: spreadsheet ? 'workbook' : 'package' };
}

/** The listing of a zip read from its central directory alone (`maxDirectoryBytes`); null when it cannot be read. */
function listingOfZip(zip: ZipBytes, maxDirectoryBytes: number): ArchiveListing | null {
  const contents = zipContents(zip, maxDirectoryBytes);
  return contents.kind === 'archive' ? contents : null;
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
