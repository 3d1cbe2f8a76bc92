import { findPart, type PackageSource } from './xml-part';

/** The formats a territory's workbook may be saved as, as a folder's listing counts them. */
const SPREADSHEET = /\.(xlsx|xlsm|xlsb|xls|ods)$/i;

/** Excel's lock files (`~$…`), hidden files and the resource forks macOS adds to an archive (`__MACOSX/`, `._…`). */
function isSpreadsheet(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return SPREADSHEET.test(base) && !base.startsWith('~$') && !base.startsWith('.') && !name.startsWith('__MACOSX/');
}

/**
 * A plain zip archive rather than a document's package — no `[Content_Types].xml`, no package relationships, no
 * OpenDocument `mimetype` —, as workbooks are often sent zipped together: how many spreadsheets it holds, so that
 * the person is told to extract them (no re-saving would make the archive a workbook). Null for any other zip.
 */
export function spreadsheetsInArchive(source: PackageSource): number | null {
  if (['[Content_Types].xml', '_rels/.rels', 'mimetype'].some((part) => findPart(source, part))) return null;
  let count = 0;
  for (const entry of source.directory.entries.values()) if (isSpreadsheet(entry.name)) count += 1;
  return count;
}
