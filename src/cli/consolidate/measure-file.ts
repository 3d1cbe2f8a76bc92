import {
  consolidationRead,
  measureTerritory,
  renderMessage,
  type MeasureOptions,
  type MeasureOutcome,
} from '../../app/consolidate';
import { DEFAULT_XLSX_READ_LIMITS, readXlsx } from '../../xlsx/reader';
import { readInputFile } from '../files';

/**
 * One file of a consolidation: read (the sheets the figures need only) and measured. Whatever goes wrong with this
 * file (missing, unreadable, damaged, not a tracking workbook) is its rejection, never an exception: one bad file
 * never stops the others.
 */
export async function measureFile(path: string, options: MeasureOptions): Promise<MeasureOutcome> {
  const file = readInputFile(path, DEFAULT_XLSX_READ_LIMITS.maxFileBytes, 'workbook');
  if (!file.ok) return { ok: false, rejected: { file: path, code: file.error.code, reason: file.error.message } };
  const read = readXlsx(file.bytes, consolidationRead);
  if (!read.ok) {
    const { code, params } = read.error;
    return { ok: false, rejected: { file: path, code, reason: renderMessage(code, params) } };
  }
  return measureTerritory(path, read.grids, options);
}
