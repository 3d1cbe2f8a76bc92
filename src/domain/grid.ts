/**
 * What a use case sees of a workbook, whoever holds it (an .xlsx file in src/xlsx, the open workbook through
 * Office.js in src/excel): values only. Declared in the domain so that src/layout can read grids too; src/app/port.ts
 * re-exports them for the back ends.
 */

/** A cell's value as a reader returns it; formulas give their cached result. */
export type CellValue = string | number | boolean | null;

export interface GridCell {
  value: CellValue;
  /** The formula in invariant (English, comma) form without the leading `=`, when the cell has one. */
  formula?: string;
  /** True when the cell's number format is a date format (the value is then an Excel serial number). */
  isDate?: boolean;
  /** True when a number's format is a percentage (« 85 % » is then the value 0.85). */
  isPercent?: boolean;
  /**
   * True when the cell has a formula but the file stores no result for it (a file written by a script and never
   * opened in a spreadsheet): `value` is then null, which does not mean the cell is empty. Only the .xlsx reader
   * sets it: in Excel every formula has a result.
   */
  uncalculated?: boolean;
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

/** The value at a 1-based row and column, null when the cell is missing. */
export function gridValue(grid: SheetGrid, row: number, column: number): CellValue {
  return grid.rows[row - 1]?.[column - 1]?.value ?? null;
}

/** The cell at a 1-based row and column, null when missing. */
export function gridCell(grid: SheetGrid, row: number, column: number): GridCell | null {
  return grid.rows[row - 1]?.[column - 1] ?? null;
}

/** A value as trimmed text: numbers in their plain JavaScript form, null/empty → ''. */
export function gridText(grid: SheetGrid, row: number, column: number): string {
  const value = gridValue(grid, row, column);
  if (value === null) return '';
  return String(value).trim();
}
