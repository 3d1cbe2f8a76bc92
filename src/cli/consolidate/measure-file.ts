import {
  figureSheets,
  measureTerritory,
  renderMessage,
  type MeasureOptions,
  type MeasureOutcome,
} from '../../app/consolidate';
import { DEFAULT_XLSX_READ_LIMITS, readXlsx, type XlsxSelectiveReadOptions } from '../../xlsx/reader';
import { readInputFile } from '../files';

/**
 * What a consolidation reads of each file: the figures' sheets, formula texts left (the figures need to know a cell
 * holds a formula, and its text only where it has no result), each sheet up to the end of its cells (a consolidation
 * never writes a territory's workbook back).
 */
export const consolidationRead: XlsxSelectiveReadOptions = {
  sheets: figureSheets,
  formulaTexts: false,
  sheetTails: false,
};

/**
 * One file of a consolidation: read (the sheets the figures need only) and measured. Whatever goes wrong with this
 * file (missing, unreadable, damaged, not a tracking workbook) is its rejection, never an exception: one bad file
 * never stops the others.
 */
export async function measureFile(path: string, options: MeasureOptions): Promise<MeasureOutcome> {
  const file = await readInputFile(path, DEFAULT_XLSX_READ_LIMITS.maxFileBytes, 'workbook');
  if (!file.ok) return { ok: false, rejected: { file: path, code: file.error.code, reason: file.error.message } };
  const read = readXlsx(file.bytes, consolidationRead);
  if (!read.ok) {
    const { code, params } = read.error;
    return { ok: false, rejected: { file: path, code, reason: renderMessage(code, params) } };
  }
  return measureTerritory(path, read.grids, options);
}
