import { XlsxReadFailure } from './read-error';
import { findPart, type PackageSource } from './xml-part';
import { compressedDataOf, inflateWhole } from './zip-entry-stream';

const ODS_MIME_TYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const METHOD_STORED = 0;
/** Far more than the type's name: a larger `mimetype` part is no OpenDocument's. */
const MAX_MIME_TYPE_BYTES = 200;

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
