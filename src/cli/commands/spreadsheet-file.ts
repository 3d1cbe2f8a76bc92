import type { WorkbookGrids } from '../../app/port';
import { DEFAULT_XLSX_READ_LIMITS, readXlsx } from '../../xlsx/reader';
import type { CliError } from '../failure';
import { readInputFile } from '../files';
import { convertedToXlsx, type ConversionUse } from '../spreadsheet-conversion';
import { CONVERSION_TEXT_LIMIT, textCutByConversion } from '../text-cut-by-conversion';
import { texts } from '../texts';
import { unreadableFileError } from './workbook-in-place';

/**
 * A workbook the command line only reads, as a person may have saved it (a partner's returned file for `merge`, any
 * workbook for `validate`): an .xlsx by our reader; an .ods or a legacy .xls converted by LibreOffice when it is
 * installed (src/cli/spreadsheet-conversion.ts, in a temporary folder: nothing is written next to the file), what
 * comes out read by the same reader with the same limits; refused with the advice to save it as .xlsx when
 * LibreOffice is not there.
 */

export type SpreadsheetRead =
  | {
      ok: true;
      grids: WorkbookGrids;
      convertedFrom: 'ods' | 'xls' | null;
      /** The file as read, before any conversion. */
      bytes: Uint8Array;
    }
  | { ok: false; error: CliError };

export async function readSpreadsheetFile(path: string, use: ConversionUse): Promise<SpreadsheetRead> {
  // validate reads one workbook; merge several returned files, as a consolidation reads several.
  const takes = use === 'validate' ? 'one' : 'several';
  const file = readInputFile(path, DEFAULT_XLSX_READ_LIMITS.maxFileBytes, 'workbook', takes);
  if (!file.ok) return file;
  const read = readXlsx(file.bytes);
  if (read.ok) return { ok: true, grids: read.grids, convertedFrom: null, bytes: file.bytes };
  const converted = await convertedToXlsx(path, file.bytes, read.error, use);
  if (converted === null) return { ok: false, error: unreadableFileError(path, read.error, takes) };
  if (!converted.ok) return converted;
  const reread = readXlsx(converted.bytes);
  if (!reread.ok) return { ok: false, error: unreadableFileError(path, reread.error, takes) };
  const cut = textCutByConversion(reread.grids);
  if (cut) {
    const message = texts.convert.textCut(path, converted.from, cut, CONVERSION_TEXT_LIMIT);
    return { ok: false, error: { code: 'text-cut-by-conversion', message, file: path } };
  }
  return { ok: true, grids: reread.grids, convertedFrom: converted.from, bytes: file.bytes };
}
