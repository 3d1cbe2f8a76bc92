import {
  consolidationRead,
  measureTerritory,
  renderMessage,
  type MeasureOptions,
  type MeasureOutcome,
} from '../../app/consolidate';
import { DEFAULT_XLSX_READ_LIMITS, readXlsx } from '../../xlsx/reader';
import { readInputFile } from '../files';
import { convertedToXlsx } from '../spreadsheet-conversion';

/**
 * One file of a consolidation: read (the sheets the figures need only; an .ods or .xls converted first, as merge
 * converts them) and measured. Whatever goes wrong with this
 * file (missing, unreadable, damaged, not a tracking workbook) is its rejection, never an exception: one bad file
 * never stops the others.
 */
export async function measureFile(path: string, options: MeasureOptions): Promise<MeasureOutcome> {
  const file = readInputFile(path, DEFAULT_XLSX_READ_LIMITS.maxFileBytes, 'workbook');
  if (!file.ok) return { ok: false, rejected: { file: path, code: file.error.code, reason: file.error.message } };
  let read = readXlsx(file.bytes, consolidationRead);
  if (!read.ok) {
    // A territory's workbook saved as .ods or .xls: converted by LibreOffice when it is there, as merge does.
    const converted = await convertedToXlsx(path, file.bytes, read.error, 'consolidate');
    if (converted && !converted.ok)
      return { ok: false, rejected: { file: path, code: converted.error.code, reason: converted.error.message } };
    if (converted) read = readXlsx(converted.bytes, consolidationRead);
  }
  if (!read.ok) {
    const { code, params } = read.error;
    return { ok: false, rejected: { file: path, code, reason: renderMessage(code, params) } };
  }
  return measureTerritory(path, read.grids, options);
}
