/**
 * What a use case sees of a workbook, whoever holds it (an .xlsx file in src/xlsx, the open workbook through
 * Office.js in src/excel). Values only: the shape of what is written comes from src/layout.
 */

/** A cell's value as a reader returns it; formulas give their cached result. */
export type CellValue = string | number | boolean | null;

export interface GridCell {
  value: CellValue;
  /** The formula in invariant (English, comma) form without the leading `=`, when the cell has one. */
  formula?: string;
  /** True when the cell's number format is a date format (the value is then an Excel serial number). */
  isDate?: boolean;
  /** True when the cell held an error value (`#DIV/0!`…); `value` then holds the error text. */
  isError?: boolean;
}

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface SheetGrid {
  name: string;
  visibility: SheetVisibility;
  /** Dense rows from A1: `rows[r][c]` is the cell at row r+1, column c+1; missing cells are absent or null. */
  rows: (GridCell | null)[][];
}

export interface WorkbookGrids {
  /** In workbook order. */
  sheets: SheetGrid[];
}
