import type { CellSpec, CellStyle, ScalarValue, SheetSpec } from '../layout/workbook-spec';
import { rectanglesOf, runsOf, type Rect } from './rectangles';
import { excelMayRetype } from './text-typing';

/**
 * A sheet spec in the shapes Office.js writes in bulk: whole 2-D arrays for number formats, values and formulas
 * over the written rectangle, and every other cell format as rectangles of cells sharing it. Pure data, so that
 * the grouping is tested without Excel.
 */

/** The cell formats set through `range.format` (the number format goes in its own 2-D array). */
export type FormatProperty =
  'bold' | 'italic' | 'fontSize' | 'fontColor' | 'fill' | 'wrap' | 'horizontal' | 'vertical' | 'unlocked' | 'border';

export type FormatValues = Partial<Record<FormatProperty, string | number | boolean>>;

export interface FormatBlock extends Rect {
  formats: FormatValues;
}

export interface SheetPlan {
  /** Rows × columns of the written rectangle from A1 (0 × 0 for an empty sheet). */
  rowCount: number;
  columnCount: number;
  /**
   * Cells' number formats where they differ from their column's (set before, whole column), null elsewhere
   * (unchanged). Set before any value.
   */
  numberFormats: (string | null)[][];
  /** Constants; null where nothing is written or where a formula goes. */
  values: ScalarValue[][];
  /** `=formula` texts over their bounding rectangle, null elsewhere; absent when the sheet has no formula. */
  formulas?: { top: number; left: number; rows: (string | null)[][] };
  /**
   * Number formats put back once values and formulas are in, over `top`/`left` (1-based) and the rows given (null:
   * unchanged). Excel stores a formula entered into an `@` cell as text, so such a cell gets General first and the
   * layout's `@` (what the .xlsx file holds) after; a text Excel would type as something else (`excelMayRetype`)
   * in a cell not formatted `@` gets `@` first and its own format after.
   */
  formatsAfter?: { top: number; left: number; rows: (string | null)[][] };
  formatBlocks: FormatBlock[];
  /** Runs of columns sharing a whole-column number format (cells beyond the written rows take it too). */
  columnFormats: { first: number; last: number; value: string }[];
  columnWidths: { first: number; last: number; value: number }[];
  hiddenColumns: { first: number; last: number }[];
  rowHeights: { first: number; last: number; value: number }[];
}

const GENERAL = 'General';
const TEXT = '@';

function formatValue(style: CellStyle, property: FormatProperty): string | number | boolean | undefined {
  switch (property) {
    case 'unlocked':
      return style.locked === false ? true : undefined;
    case 'wrap':
      return style.wrap || undefined;
    case 'bold':
    case 'italic':
    case 'border':
      return style[property] || undefined;
    default:
      return style[property] ?? undefined;
  }
}

const FORMAT_PROPERTIES: FormatProperty[] = [
  'bold',
  'italic',
  'fontSize',
  'fontColor',
  'fill',
  'wrap',
  'horizontal',
  'vertical',
  'unlocked',
  'border',
];

/** The formats of a cell style set through `range.format` (all but the number format); undefined when none. */
export function formatsOfStyle(style: CellStyle | undefined): FormatValues | undefined {
  if (!style) return undefined;
  const formats: FormatValues = {};
  for (const property of FORMAT_PROPERTIES) {
    const value = formatValue(style, property);
    if (value !== undefined) formats[property] = value;
  }
  return Object.keys(formats).length > 0 ? formats : undefined;
}

export function planSheet(sheet: SheetSpec): SheetPlan {
  const rowCount = sheet.rows.length;
  const columnCount = Math.max(0, ...sheet.rows.map((row) => row.cells.length));
  const cellAt = (row: number, column: number): CellSpec | null => sheet.rows[row - 1]?.cells[column - 1] ?? null;

  const numberFormats: (string | null)[][] = [];
  const values: ScalarValue[][] = [];
  const formulaCells: FormulaCell[] = [];
  const restored: RestoredCell[] = [];
  for (let row = 1; row <= rowCount; row += 1) {
    const formatRow: (string | null)[] = [];
    const valueRow: ScalarValue[] = [];
    for (let column = 1; column <= columnCount; column += 1) {
      const spec = cellAt(row, column);
      const columnFormat = sheet.columns[column - 1]?.numFmt ?? GENERAL;
      const numberFormat = spec?.style?.numFmt ?? columnFormat;
      const unlessColumns = (format: string) => (format === columnFormat ? null : format);
      const content = spec?.value ?? null;
      if (content !== null && typeof content === 'object') {
        const asText = numberFormat === TEXT;
        formulaCells.push({ row, column, text: `=${content.formula}` });
        if (asText) restored.push({ row, column, numberFormat: TEXT });
        formatRow.push(unlessColumns(asText ? GENERAL : numberFormat));
        valueRow.push(null);
      } else if (typeof content === 'string' && numberFormat !== TEXT && excelMayRetype(content)) {
        // Written as text, then given its format back: Excel does not type a cell again.
        restored.push({ row, column, numberFormat });
        formatRow.push(unlessColumns(TEXT));
        valueRow.push(content);
      } else {
        formatRow.push(unlessColumns(numberFormat));
        valueRow.push(content);
      }
    }
    numberFormats.push(formatRow);
    values.push(valueRow);
  }

  // One rectangle per distinct set of formats: most blocks carry several formats at once.
  const formatsAt = (row: number, column: number): FormatValues | undefined =>
    formatsOfStyle(cellAt(row, column)?.style);
  const formatBlocks = rectanglesOf(rowCount, columnCount, formatsAt).map(({ value, ...rect }) => ({
    ...rect,
    formats: value,
  }));

  const columnFormats = runsOf(sheet.columns.map((column) => column.numFmt));
  const columnWidths = runsOf(sheet.columns.map((column) => column.width));
  const hiddenColumns = runsOf(sheet.columns.map((column) => (column.hidden ? true : undefined))).map(
    ({ first, last }) => ({ first, last }),
  );
  const rowHeights = runsOf(sheet.rows.map((row) => row.height));

  return {
    rowCount,
    columnCount,
    numberFormats,
    values,
    ...formulaBlock(formulaCells),
    ...restoredBlock(restored),
    formatBlocks,
    columnFormats,
    columnWidths,
    hiddenColumns,
    rowHeights,
  };
}

interface FormulaCell {
  row: number;
  column: number;
  text: string;
}

/** A cell whose number format is put back after its content. */
interface RestoredCell {
  row: number;
  column: number;
  numberFormat: string;
}

/** The bounding rectangle of cells (1-based), with a 2-D array over it filled by `valueOf` (null elsewhere). */
function blockOf<C extends { row: number; column: number }>(cells: C[], valueOf: (cell: C) => string) {
  const top = Math.min(...cells.map((cell) => cell.row));
  const left = Math.min(...cells.map((cell) => cell.column));
  const bottom = Math.max(...cells.map((cell) => cell.row));
  const right = Math.max(...cells.map((cell) => cell.column));
  const rows = Array.from({ length: bottom - top + 1 }, () =>
    Array.from({ length: right - left + 1 }, (): string | null => null),
  );
  for (const cell of cells) rows[cell.row - top][cell.column - left] = valueOf(cell);
  return { top, left, rows };
}

function formulaBlock(cells: FormulaCell[]): Pick<SheetPlan, 'formulas'> {
  return cells.length === 0 ? {} : { formulas: blockOf(cells, (cell) => cell.text) };
}

function restoredBlock(cells: RestoredCell[]): Pick<SheetPlan, 'formatsAfter'> {
  return cells.length === 0 ? {} : { formatsAfter: blockOf(cells, (cell) => cell.numberFormat) };
}
