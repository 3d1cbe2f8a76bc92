import type { WorkbookGrids } from '../../app/port';
import { renderMessage } from '../../app';
import { DEFAULT_XLSX_READ_LIMITS, readXlsx, type XlsxReadError } from '../../xlsx/reader';
import type { CliError } from '../failure';
import { readInputFile } from '../files';
import { convertedToXlsx } from '../spreadsheet-conversion';
import { texts } from '../texts';

/**
 * A file a partner sent back, as `merge` reads it: an .xlsx by our reader; an .ods or a legacy .xls converted by
 * LibreOffice when it is installed (src/cli/spreadsheet-conversion.ts), what comes out read by the same reader with
 * the same limits; refused with the advice to save it as .xlsx when LibreOffice is not there.
 */

export type ReturnedRead = { ok: true; grids: WorkbookGrids } | { ok: false; error: CliError };

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
  const converted = await convertedToXlsx(path, file.bytes, read.error, 'merge');
  if (converted === null) return unreadable(read.error);
  if (!converted.ok) return converted;
  const reread = readXlsx(converted.bytes);
  return reread.ok ? { ok: true, grids: reread.grids } : unreadable(reread.error);
}
