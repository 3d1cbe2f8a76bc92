import type { GridCell, WorkbookGrids } from '../../src/app/port';
import { asExcelQuotes } from './sheet-references';

/**
 * Grids read from a file written as the layout writes formulas (sheets' names always quoted), given as Excel gives
 * the same workbook back through Office.js (quotes only where a name needs them): what the two back ends compare.
 */
export function asExcelGivesBack(grids: WorkbookGrids): WorkbookGrids {
  const cellOf = (cell: GridCell | null): GridCell | null =>
    cell?.formula === undefined ? cell : { ...cell, formula: asExcelQuotes(`=${cell.formula}`).slice(1) };
  return { sheets: grids.sheets.map((sheet) => ({ ...sheet, rows: sheet.rows.map((row) => row.map(cellOf)) })) };
}
