import { extname } from 'node:path';
import type { WorkbookGrids } from '../../app/port';
import { renderMessage } from '../../app';
import { DEFAULT_XLSX_READ_LIMITS, readXlsx, type XlsxReadError } from '../../xlsx/reader';
import type { CliError } from '../failure';
import { readInputFile } from '../files';
import { convertToXlsx, findLibreOffice, type Conversion } from '../libreoffice';
import { texts } from '../texts';

/**
 * A file a partner sent back, as `merge` reads it: an .xlsx by our reader; an .ods or a legacy .xls converted by
 * LibreOffice when it is installed (src/cli/libreoffice.ts), what comes out read by the same reader with the same
 * limits; refused with the advice to save it as .xlsx when LibreOffice is not there.
 */

export type ReturnedRead = { ok: true; grids: WorkbookGrids } | { ok: false; error: CliError };

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/** An OpenDocument spreadsheet: a zip whose first entry, `mimetype`, stored, says so. */
function isOpenDocument(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(30, 38 + ODS_MIME.length));
  return head === `mimetype${ODS_MIME}`;
}

/** The kind LibreOffice has to convert (`ods`, `xls`), or null when the reader's refusal stands. */
function formatToConvert(path: string, bytes: Uint8Array, error: XlsxReadError): 'ods' | 'xls' | null {
  const extension = extname(path).toLowerCase();
  if (error.code === 'legacy-format') return 'xls';
  if (error.code === 'not-xlsx' && (isOpenDocument(bytes) || extension === '.ods')) return 'ods';
  return null;
}

function conversionError(path: string, format: string, conversion: Exclude<Conversion, { ok: true }>): CliError {
  if (conversion.reason === 'too-large') {
    const params = { size: Number(conversion.detail), limit: DEFAULT_XLSX_READ_LIMITS.maxFileBytes };
    return { code: 'too-large', message: texts.inFile(path, renderMessage('too-large', params)), file: path };
  }
  const message =
    conversion.reason === 'timeout'
      ? texts.convert.timedOut(path, format)
      : // LibreOffice's own words are English and technical: the message says what to do instead.
        texts.convert.failed(path, format);
  return { code: 'conversion-failed', message, file: path };
}

export async function readReturnedFile(path: string): Promise<ReturnedRead> {
  const limits = DEFAULT_XLSX_READ_LIMITS;
  const file = readInputFile(path, limits.maxFileBytes, 'workbook');
  if (!file.ok) return file;
  const read = readXlsx(file.bytes);
  if (read.ok) return { ok: true, grids: read.grids };
  const unreadable = (error: XlsxReadError): ReturnedRead => ({
    ok: false,
    error: { code: error.code, message: texts.inFile(path, renderMessage(error.code, error.params)), file: path },
  });
  const format = formatToConvert(path, file.bytes, read.error);
  if (format === null) return unreadable(read.error);
  const program = await findLibreOffice();
  if (program === null) {
    return {
      ok: false,
      error: { code: 'needs-libreoffice', message: texts.convert.missing(path, format), file: path },
    };
  }
  const conversion = await convertToXlsx(program, file.bytes, format, { maxBytes: limits.maxFileBytes });
  if (!conversion.ok) return { ok: false, error: conversionError(path, format, conversion) };
  const converted = readXlsx(conversion.bytes);
  return converted.ok ? { ok: true, grids: converted.grids } : unreadable(converted.error);
}
