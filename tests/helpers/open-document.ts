import { strToU8, zipSync } from 'fflate';

/**
 * The least an OpenDocument spreadsheet is for the reader to tell it (its first part, `mimetype`, stored, naming its
 * type, as LibreOffice writes it): for tests whose stand-in LibreOffice never opens the file it is given.
 */
export function openDocumentSpreadsheet(): Uint8Array {
  return zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }] });
}
