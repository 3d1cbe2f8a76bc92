import type { GridCell, SheetGrid, SheetVisibility } from '../app/port';
import { isDateOrTimeFormat, isPercentFormat } from '../domain/date-number-format';

/**
 * A used range as Office.js returns it (values, formulas, number formats and value types, with its top-left
 * position) → the port's SheetGrid, dense from A1, the same shape as the .xlsx reader's: empty cells null, a
 * formula without its `=` beside its computed value, dates flagged by their number format, errors flagged.
 */

export interface LoadedRange {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  valueTypes: string[][];
}

const VISIBILITY: Record<string, SheetVisibility> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

export function sheetVisibility(visibility: string): SheetVisibility {
  return VISIBILITY[visibility] ?? 'visible';
}

/**
 * A cell's formula without `=`, from what Office.js gives in `formulas` and `values`; null for a constant. A text
 * typed in an `@` cell that looks like a formula reads back as itself in both arrays: it is no formula.
 */
export function formulaWritten(written: unknown, value: unknown): string | null {
  return typeof written === 'string' && written.startsWith('=') && written !== value ? written.slice(1) : null;
}

function gridCell(range: LoadedRange, r: number, c: number): GridCell | null {
  const type = range.valueTypes[r]?.[c];
  const value = range.values[r]?.[c];
  const written = range.formulas[r]?.[c];
  const formula = formulaWritten(written, value);
  // A formula whose result is "" is still a cell (the .xlsx reader gives it with its empty result).
  if (formula === null && (type === 'Empty' || value === '' || value === null || value === undefined)) return null;
  const cell: GridCell = { value: (value ?? null) as GridCell['value'] };
  if (formula !== null) cell.formula = formula;
  if (type === 'Error') cell.isError = true;
  const format = range.numberFormat[r]?.[c];
  if (typeof value === 'number' && typeof format === 'string' && isDateOrTimeFormat(format)) cell.isDate = true;
  else if (typeof value === 'number' && typeof format === 'string' && isPercentFormat(format)) cell.isPercent = true;
  return cell;
}

export function gridOfRange(name: string, visibility: string, range: LoadedRange | null): SheetGrid {
  const rows: (GridCell | null)[][] = [];
  if (range) {
    range.values.forEach((valueRow, r) => {
      valueRow.forEach((_, c) => {
        const cell = gridCell(range, r, c);
        if (!cell) return;
        const row = range.rowIndex + r;
        const column = range.columnIndex + c;
        const cells = rows[row] ?? (rows[row] = []);
        cells[column] = cell;
      });
    });
  }
  for (let r = 0; r < rows.length; r += 1) {
    const cells = rows[r] ?? (rows[r] = []);
    for (let c = 0; c < cells.length; c += 1) if (cells[c] === undefined) cells[c] = null;
  }
  return { name, visibility: sheetVisibility(visibility), rows };
}
