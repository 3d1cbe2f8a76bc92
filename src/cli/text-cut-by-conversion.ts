import { cellAddress, isSkipped } from '../app';
import type { AnyWorkbookGrids } from '../app/port';
import { DEFAULT_XLSX_READ_LIMITS } from '../xlsx/reader';

/**
 * LibreOffice writes a text longer than Excel's limit cut to that length, with no word, when it converts an .ods or
 * an .xls to .xlsx (src/cli/spreadsheet-conversion.ts): a text of exactly that length in a converted workbook is taken
 * as cut (one typed at exactly 32 767 characters too). `merge` and `validate` refuse such a file; `consolidate` keeps
 * it and says where (docs/WORKBOOK.md, « Consolidation »).
 */

export const CONVERSION_TEXT_LIMIT = DEFAULT_XLSX_READ_LIMITS.maxCellTextChars;

/** The first text at the limit among the sheets read (a sheet a selective read skipped is not looked into). */
export function textCutByConversion(grids: AnyWorkbookGrids): { sheet: string; cell: string } | null {
  for (const sheet of grids.sheets) {
    if (isSkipped(sheet)) continue;
    for (const [rowIndex, row] of sheet.rows.entries()) {
      const column = (row ?? []).findIndex(
        (cell) => typeof cell?.value === 'string' && cell.value.length === CONVERSION_TEXT_LIMIT,
      );
      if (column >= 0) return { sheet: sheet.name, cell: cellAddress(rowIndex + 1, column + 1) };
    }
  }
  return null;
}
