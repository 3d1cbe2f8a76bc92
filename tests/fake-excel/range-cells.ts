import { assertStorable } from './cell-limits';
import { MAX_COLUMNS, Rect, cellCount, formatAddress, isEntireColumns, isEntireRows } from './a1';
import { interpretInput, interpretValuesInput, StoredCell, type TypedInput } from './cell-input';
import { displayText } from './cell-text';
import { asExcelQuotes } from './sheet-references';
import { FakeErrorCodes, officeError } from './errors';
import { SheetModel, WorkbookModel } from './model';
import { assertCellsWritable, assertFormatAllowed } from './protection-rules';

/**
 * What a range's cell properties read and write in the model: computed values, formulas, number formats, hidden
 * rows and columns, with Excel's shape, typing and protection rules. The proxy side is in range.ts.
 */

const invalid = (message: string) => officeError(FakeErrorCodes.invalidArgument, message);

export function readRangeProperty(model: WorkbookModel, sheet: SheetModel, rect: Rect, name: string): unknown {
  const engine = model.engine;
  const computed = (r: number, c: number): { value: string | number | boolean | null; isError: boolean } => {
    const cell = sheet.cell(r, c);
    if (!cell) return { value: null, isError: false };
    if (cell.formula) return engine.valueAt(sheet.name, r, c);
    return { value: cell.value, isError: false };
  };
  switch (name) {
    case 'address':
    case 'addressLocal':
      return formatAddress(sheet.name, rect);
    case 'values':
      return mapCells(rect, (r, c) => computed(r, c).value ?? '');
    case 'formulas':
    case 'formulasLocal':
      return mapCells(rect, (r, c) => {
        const cell = sheet.cell(r, c);
        if (cell?.formula) return asExcelQuotes(cell.formula);
        return cell ? cell.value : '';
      });
    case 'numberFormat':
      return mapCells(rect, (r, c) => sheet.formats.get(r, c, 'numberFormat'));
    case 'text':
      return mapCells(rect, (r, c) => displayText(computed(r, c).value, sheet.formats.get(r, c, 'numberFormat')));
    case 'valueTypes':
      return mapCells(rect, (r, c) => {
        const { value, isError } = computed(r, c);
        if (isError) return 'Error';
        if (value === null) return 'Empty';
        return typeof value === 'number' ? 'Double' : typeof value === 'boolean' ? 'Boolean' : 'String';
      });
    case 'rowCount':
      return rect.rowCount;
    case 'columnCount':
      return rect.columnCount;
    case 'cellCount':
      return cellCount(rect);
    case 'rowIndex':
      return rect.row;
    case 'columnIndex':
      return rect.column;
    case 'isEntireColumn':
      return isEntireColumns(rect);
    case 'isEntireRow':
      return isEntireRows(rect);
    case 'columnHidden':
      return allOrNone(rect.column, Math.min(rect.columnCount, MAX_COLUMNS), sheet.hiddenColumns);
    case 'rowHidden':
      return allOrNone(rect.row, Math.min(rect.rowCount, 100_000), sheet.hiddenRows);
  }
  throw invalid(`Unknown property ${name}`);
}

export function writeRangeProperty(
  model: WorkbookModel,
  sheet: SheetModel,
  rect: Rect,
  name: string,
  value: unknown,
): void {
  // Office.js: null is valid inside a 2-D array (leave the cell), not for the whole property.
  if (value === null || value === undefined) throw invalid(`Range.${name} cannot be set to null.`);
  if (name === 'columnHidden' || name === 'rowHidden') {
    const byColumn = name === 'columnHidden';
    assertFormatAllowed(sheet, byColumn ? 'columns' : 'rows');
    const set = byColumn ? sheet.hiddenColumns : sheet.hiddenRows;
    const [start, count] = byColumn ? [rect.column, rect.columnCount] : [rect.row, Math.min(rect.rowCount, 100_000)];
    for (let i = start; i < start + count; i++) {
      if (value) set.add(i);
      else set.delete(i);
    }
    return;
  }
  if (name === 'numberFormat') {
    assertFormatAllowed(sheet, 'cells');
    if (!Array.isArray(value)) {
      if (typeof value !== 'string') throw invalid('The number format must be a string.');
      sheet.formats.setRect(rect, 'numberFormat', value === '' ? 'General' : value);
      return;
    }
    const grid = checkGrid(value, rect);
    forEachCell(rect, (r, c, i, j) => {
      const f = grid[i][j];
      // null leaves the cell's format; "" resets it to General (docs: "Blank and null values").
      if (f !== null && f !== undefined) sheet.formats.setCell(r, c, 'numberFormat', f === '' ? 'General' : String(f));
    });
    return;
  }
  // values, formulas, formulasLocal: the same typing rules (the fake's formulas are invariant English).
  const grid = Array.isArray(value) ? checkGrid(value, rect) : null;
  const changes: [number, number, TypedInput][] = [];
  forEachCell(rect, (r, c, i, j) => {
    const input = grid ? grid[i][j] : value;
    const format = sheet.formats.get(r, c, 'numberFormat');
    const typed =
      name === 'values'
        ? interpretValuesInput(input, format, `Range.${name}`)
        : wrap(interpretInput(input, format, `Range.${name}`));
    if (typed?.cell) assertStorable(typed.cell, `Range.${name}`);
    if (typed !== undefined) changes.push([r, c, typed]);
  });
  assertCellsWritable(
    sheet,
    rect,
    changes.map(([r, c]) => [r, c] as [number, number]),
  );
  let contentChanged = false;
  for (const [r, c, typed] of changes) {
    contentChanged ||= !sameContent(sheet.cell(r, c), typed.cell);
    sheet.setCell(r, c, typed.cell);
    if (typed.numberFormat) sheet.formats.setCell(r, c, 'numberFormat', typed.numberFormat);
  }
  // Formulas are evaluated from the cells' contents alone: a write of what the cells already hold (a rewrite's
  // requests mostly) keeps the evaluation, which otherwise spells out the whole workbook again at the next read.
  if (contentChanged) model.engine.invalidate();
}

const sameContent = (before: StoredCell | undefined, after: StoredCell | null): boolean =>
  before === undefined || after === null
    ? before === undefined && after === null
    : before.formula === after.formula && Object.is(before.value, after.value);

const wrap = (cell: StoredCell | null | undefined): TypedInput | undefined =>
  cell === undefined ? undefined : { cell };

/** True when every index is in the set, false when none is, null when mixed (as Excel reports it). */
function allOrNone(start: number, count: number, set: Set<number>): boolean | null {
  let hidden = 0;
  for (let i = start; i < start + count; i++) if (set.has(i)) hidden++;
  return hidden === count ? true : hidden === 0 ? false : null;
}

function mapCells<T>(rect: Rect, fn: (row: number, column: number) => T): T[][] {
  // Made at their size: a read of a whole sheet's values, formulas and formats maps hundreds of thousands of cells.
  const out: T[][] = new Array<T[]>(rect.rowCount);
  for (let i = 0; i < rect.rowCount; i++) {
    const line: T[] = new Array<T>(rect.columnCount);
    for (let j = 0; j < rect.columnCount; j++) line[j] = fn(rect.row + i, rect.column + j);
    out[i] = line;
  }
  return out;
}

function forEachCell(rect: Rect, fn: (row: number, column: number, i: number, j: number) => void): void {
  for (let i = 0; i < rect.rowCount; i++)
    for (let j = 0; j < rect.columnCount; j++) fn(rect.row + i, rect.column + j, i, j);
}

/** A 2-D array must have exactly the range's shape, as Excel requires. */
export function checkGrid(value: unknown[], rect: Rect): unknown[][] {
  const ok =
    value.length === rect.rowCount && value.every((row) => Array.isArray(row) && row.length === rect.columnCount);
  if (!ok) {
    const rows = value.length;
    const columns = Array.isArray(value[0]) ? (value[0] as unknown[]).length : 0;
    throw invalid(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range. ` +
        `(range ${rect.rowCount}×${rect.columnCount}, array ${rows}×${columns})`,
    );
  }
  return value as unknown[][];
}
