import { isTrackingWorkbook } from '../../app/consolidate';
import { DEFAULT_XLSX_READ_LIMITS, readXlsxSheetList } from '../../xlsx/reader';
import type { CliError } from '../failure';
import { readInputFile } from '../files';
import { texts } from '../texts';

/**
 * Why the consolidation may not be written over `-o` even with `--force`: it is a territory's tracking workbook
 * (master or partner's extract). Replaced, it would be kept only as a `.bak`, which no consolidation reads, and the
 * next consolidation of its folder would refuse the file as a consolidation: the territory would be gone. Told by the
 * `_ctg` its workbook part lists, so that one whose sheets are damaged or missing is one too. Null when `-o` is no such
 * workbook (not there, another file, or one whose list of sheets cannot be read: `--force` decides, as before).
 */
export function outputIsTrackingWorkbook(output: string): CliError | null {
  const file = readInputFile(output, DEFAULT_XLSX_READ_LIMITS.maxFileBytes, 'workbook');
  if (!file.ok) return null;
  // The sheets' names only: no sheet's part is read, nor looked for.
  const read = readXlsxSheetList(file.bytes);
  if (!read.ok || !isTrackingWorkbook(read.grids)) return null;
  return {
    code: 'output-is-tracking-workbook',
    message: texts.consolidate.outputIsTrackingWorkbook(output),
    file: output,
  };
}
