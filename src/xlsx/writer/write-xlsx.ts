import type { WorkbookSpec } from '../../layout/workbook-spec';
import { postProcessXlsx } from './post-process';
import { writeWithExcelJs } from './write-with-exceljs';

/** The .xlsx bytes of a workbook spec: written by ExcelJS, then fixed where ExcelJS falls short. No file I/O. */
export async function writeXlsx(spec: WorkbookSpec): Promise<Uint8Array> {
  return postProcessXlsx(
    await writeWithExcelJs(spec),
    spec.sheets.map((sheet) => sheet.columnBreaks),
  );
}
