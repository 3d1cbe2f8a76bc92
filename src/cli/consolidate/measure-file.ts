import {
  consolidationRead,
  measureTerritory,
  type MeasureOptions,
  type MeasureOutcome,
  type SheetSelection,
  type TextCut,
} from '../../app/consolidate';
import { DEFAULT_XLSX_READ_LIMITS, readXlsx } from '../../xlsx/reader';
import { readInputFile } from '../files';
import { convertedToXlsx } from '../spreadsheet-conversion';
import { textCutByConversion } from '../text-cut-by-conversion';
import { texts } from '../texts';

/**
 * One file of a consolidation: read (the sheets the figures need only, and the others when an axis sheet is missing;
 * an .ods or .xls converted first, as merge converts them) and measured; `options.origin` fits the advice to how the
 * file was given. A text the conversion cut is told with the measure (`textCut`), the file kept. Whatever goes wrong
 * with this file (missing, unreadable, damaged, not a tracking workbook) is its rejection, never an exception: one
 * bad file never stops the others.
 */
export async function measureFile(path: string, options: MeasureOptions): Promise<MeasureOutcome> {
  const file = readInputFile(path, DEFAULT_XLSX_READ_LIMITS.maxFileBytes, 'workbook', 'several');
  // Listed beside the file's name: the reason does not name it again.
  if (!file.ok) return { ok: false, rejected: { file: path, code: file.error.code, reason: file.reason } };
  let bytes = file.bytes;
  let read = readXlsx(bytes, consolidationRead);
  let convertedFrom: TextCut['from'] | null = null;
  if (!read.ok) {
    // A territory's workbook saved as .ods or .xls: converted by LibreOffice when it is there, as merge does.
    const use = options.origin?.kind === 'given' ? 'consolidate-given' : 'consolidate-folder';
    const converted = await convertedToXlsx(path, bytes, read.error, use);
    if (converted && !converted.ok)
      return { ok: false, rejected: { file: path, code: converted.error.code, reason: converted.error.message } };
    if (converted) {
      bytes = converted.bytes;
      convertedFrom = converted.from;
      read = readXlsx(bytes, consolidationRead);
    }
  }
  if (!read.ok) {
    const reason = texts.readRefusal(path, read.error, 'several');
    return { ok: false, rejected: { file: path, code: read.error.code, reason } };
  }
  // An axis sheet missing: the sheets skipped are read from the same bytes, for one renamed.
  const reread = async (sheets: SheetSelection) => {
    const again = readXlsx(bytes, { ...consolidationRead, sheets });
    return again.ok ? again.grids : null;
  };
  const outcome = await measureTerritory(path, read.grids, { ...options, reread });
  if (convertedFrom === null || !outcome.ok) return outcome;
  // A text the conversion cut: the territory is kept, its counts read no such text, and the cut is said with it.
  const cut = textCutByConversion(read.grids);
  return cut ? { ok: true, measure: { ...outcome.measure, textCut: { ...cut, from: convertedFrom } } } : outcome;
}
