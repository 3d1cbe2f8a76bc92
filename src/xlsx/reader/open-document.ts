import { DEFAULT_XLSX_READ_LIMITS } from './limits';
import { XlsxReadFailure } from './read-error';
import { findPart, type PackageSource } from './xml-part';
import type { ZipBytes, ZipDirectory } from './zip-directory';
import { compressedDataOf, inflateWhole, newInflateBudget } from './zip-entry-stream';

const ODS_MIME_TYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const METHOD_STORED = 0;
/** Far more than the type's name: a larger `mimetype` part is no OpenDocument's. */
const MAX_MIME_TYPE_BYTES = 200;
/** A local file header's fixed part, and the most its name and extra field add to it. */
const MAX_LOCAL_HEADER_BYTES = 30 + 2 * 0xffff;

/**
 * An OpenDocument spreadsheet (.ods, as LibreOffice saves it): a zip whose `mimetype` part (stored first, as the
 * format asks, or compressed by a less careful writer) names its type. Told apart from other zips so that the person
 * is told to save it as .xlsx, and so that the command line knows to convert it.
 */
export function isOpenDocumentSpreadsheet(source: PackageSource): boolean {
  const entry = findPart(source, 'mimetype');
  if (!entry || entry.compressedSize > MAX_MIME_TYPE_BYTES || entry.declaredSize > MAX_MIME_TYPE_BYTES) return false;
  try {
    const bytes =
      entry.method === METHOD_STORED
        ? compressedDataOf(source.bytes, entry)
        : inflateWhole(source.bytes, entry, source.budget);
    return bytes !== null && new TextDecoder().decode(bytes).trim() === ODS_MIME_TYPE;
  } catch (error) {
    // A damaged `mimetype` part: the file is then no .xlsx either, said as such.
    if (error instanceof XlsxReadFailure) return false;
    throw error;
  }
}

/**
 * `isOpenDocumentSpreadsheet` of a zip read piece by piece (a .zip found in a folder): its `mimetype` part alone is
 * read, from its local header, never the archive.
 */
export function isOpenDocumentSpreadsheetZip(zip: ZipBytes, directory: ZipDirectory): boolean {
  const entry = directory.entries.get('mimetype');
  if (!entry || entry.compressedSize > MAX_MIME_TYPE_BYTES) return false;
  const bytes = zip.read(entry.localHeaderOffset, MAX_LOCAL_HEADER_BYTES + MAX_MIME_TYPE_BYTES);
  // The part's bytes start these: its offset in them is 0.
  const part = { ...entry, localHeaderOffset: 0 };
  return isOpenDocumentSpreadsheet({
    bytes,
    directory: { entries: new Map([['mimetype', part]]) },
    budget: newInflateBudget(DEFAULT_XLSX_READ_LIMITS),
  });
}
