import { isTrackingWorkbook } from '../app/consolidate';
import { DEFAULT_XLSX_READ_LIMITS, readXlsxSheetList } from '../xlsx/reader';
import type { CliError } from './failure';
import { readInputFile } from './files';

/**
 * Why a document of another kind (a consolidation, a bilan) may not be written over `-o` even with `--force`: it is a
 * territory's tracking workbook (master or partner's extract). Replaced, it would be kept only as a `.bak`, which no
 * command reads: for a consolidation, the next one of its folder would refuse the file as a consolidation and the
 * territory would be gone; for a bilan, the territory's tracking would be left in a backup. `message` says so in the
 * command's words. Told by the
 * `_ctg` its workbook part lists, so that one whose sheets are damaged or missing is one too. Null when `-o` is no such
 * workbook (not there, another file, or one whose list of sheets cannot be read: `--force` decides, as before).
 */
export function outputIsTrackingWorkbook(output: string, message: (path: string) => string): CliError | null {
  const file = readInputFile(output, DEFAULT_XLSX_READ_LIMITS.maxFileBytes, 'workbook');
  if (!file.ok) return null;
  // The sheets' names only: no sheet's part is read, nor looked for.
  const read = readXlsxSheetList(file.bytes);
  if (!read.ok || !isTrackingWorkbook(read.grids)) return null;
  return {
    code: 'output-is-tracking-workbook',
    message: message(output),
    file: output,
  };
}
