import type { CellChange, FormatChange, WorkbookChanges } from '../app/port';
import type { ScalarValue } from '../layout/workbook-spec';
import { rectanglesOf, type Rect, type ValueRect } from './rectangles';
import { formatsOfStyle, type FormatBlock } from './sheet-plan';
import { excelNameKey } from './workbook-facts';

/**
 * Cell changes in the shapes Office.js writes in bulk, per sheet: rectangles of neighbouring cells of one kind,
 * each written with one 2-D array, so that the requests grow with the blocks, not the cells. Pure data.
 *
 * Order of the writes (change-workbook.ts): number formats (`@` before a text, a new cell's format; General before
 * a formula that goes into an `@` cell), then values (texts, numbers, booleans; "" empties a cell and keeps its
 * format), then formulas, then formats put back (the `@` after such formulas; a text's cell its own format, the
 * style's or the one it had, when known: Excel does not type a cell again), then new cells' other formats, then the
 * layout's formats given to cells still in a former one (`formats`, already those to set).
 */

export interface Block<T> extends Rect {
  rows: T[][];
}

export interface SheetChangePlan {
  sheet: string;
  formatsBefore: ValueRect<string>[];
  values: Block<ScalarValue>[];
  formulas: Block<string>[];
  formatsAfter: ValueRect<string>[];
  formatBlocks: FormatBlock[];
  /** The layout's number formats set on cells whose content may stay (format changes). */
  layoutFormats: ValueRect<string>[];
  /** A1 ranges the sheet's autofilter is applied to again. */
  autoFilters: string[];
}

const TEXT = '@';
const GENERAL = 'General';

type Kind = 'value' | 'formula';

/** A cell's current number format, undefined when not known. */
export type NumberFormatAt = (sheet: string, row: number, column: number) => string | undefined;

/**
 * `changes` are the ones to write (formulas already filtered: isWritten); the last change of a cell wins.
 * `formatAt` tells the format a text's cell is given back after its `@`.
 */
export function planCellChanges(
  changes: WorkbookChanges,
  formatAt: NumberFormatAt = () => undefined,
): SheetChangePlan[] {
  const bySheet = new Map<
    string,
    { sheet: string; cells: Map<string, CellChange>; formats: FormatChange[]; autoFilters: string[] }
  >();
  const entry = (sheet: string) => {
    const key = excelNameKey(sheet);
    let found = bySheet.get(key);
    if (!found) bySheet.set(key, (found = { sheet, cells: new Map(), formats: [], autoFilters: [] }));
    return found;
  };
  for (const change of changes.cells) entry(change.sheet).cells.set(`${change.row}|${change.column}`, change);
  for (const format of changes.formats ?? []) entry(format.sheet).formats.push(format);
  for (const range of changes.ranges) entry(range.sheet).autoFilters.push(range.autoFilter);
  return [...bySheet.values()].map(({ sheet, cells, formats, autoFilters }) => ({
    ...planSheetChanges(sheet, [...cells.values()], formatAt),
    layoutFormats: formatRectangles(formats),
    autoFilters,
  }));
}

/** Number formats to set, grouped into rectangles of one format over the cells' bounding box. */
function formatRectangles(formats: readonly FormatChange[]): ValueRect<string>[] {
  if (formats.length === 0) return [];
  const top = Math.min(...formats.map((one) => one.row));
  const left = Math.min(...formats.map((one) => one.column));
  const bottom = Math.max(...formats.map((one) => one.row));
  const right = Math.max(...formats.map((one) => one.column));
  const at = new Map(formats.map((one) => [`${one.row - top + 1}|${one.column - left + 1}`, one.numFmt]));
  return rectanglesOf<string>(bottom - top + 1, right - left + 1, (row, column) => at.get(`${row}|${column}`)).map(
    (rect) => ({
      ...rect,
      top: rect.top + top - 1,
      bottom: rect.bottom + top - 1,
      left: rect.left + left - 1,
      right: rect.right + left - 1,
    }),
  );
}

function planSheetChanges(
  sheet: string,
  cells: CellChange[],
  formatAt: NumberFormatAt,
): Omit<SheetChangePlan, 'autoFilters' | 'layoutFormats'> {
  if (cells.length === 0)
    return { sheet, formatsBefore: [], values: [], formulas: [], formatsAfter: [], formatBlocks: [] };
  const top = Math.min(...cells.map((cell) => cell.row));
  const left = Math.min(...cells.map((cell) => cell.column));
  const bottom = Math.max(...cells.map((cell) => cell.row));
  const right = Math.max(...cells.map((cell) => cell.column));
  // Rows and columns relative to the changes' bounding box, so that the grouping scans only that box.
  const at = new Map(cells.map((cell) => [`${cell.row - top + 1}|${cell.column - left + 1}`, cell]));
  const cellAt = (row: number, column: number) => at.get(`${row}|${column}`);
  const height = bottom - top + 1;
  const width = right - left + 1;
  const shift = <R extends Rect>(rect: R): R => ({
    ...rect,
    top: rect.top + top - 1,
    bottom: rect.bottom + top - 1,
    left: rect.left + left - 1,
    right: rect.right + left - 1,
  });

  const isFormula = (cell: CellChange) => cell.content !== null && typeof cell.content === 'object';
  const kindOf = (cell: CellChange): Kind => (isFormula(cell) ? 'formula' : 'value');
  const blocksOf = <T>(kind: Kind, contentOf: (cell: CellChange) => T): Block<T>[] =>
    rectanglesOf<Kind>(height, width, (row, column) => {
      const cell = cellAt(row, column);
      return cell && kindOf(cell) === kind ? kind : undefined;
    }).map(({ value: _kind, ...rect }) => ({
      ...shift(rect),
      rows: Array.from({ length: rect.bottom - rect.top + 1 }, (_, r) =>
        Array.from({ length: rect.right - rect.left + 1 }, (_, c) => contentOf(cellAt(rect.top + r, rect.left + c)!)),
      ),
    }));

  // The format a cell needs before its content, and after it (a formula in an `@` cell: General, then `@`).
  const formatBefore = (cell: CellChange): string | undefined => {
    const styled = cell.style?.numFmt;
    if (isFormula(cell)) return styled === TEXT ? GENERAL : styled;
    if (typeof cell.content === 'string') return TEXT;
    return styled;
  };
  const formatAfter = (cell: CellChange): string | undefined => {
    if (isFormula(cell)) return cell.style?.numFmt === TEXT ? TEXT : undefined;
    if (typeof cell.content !== 'string') return undefined;
    const own = cell.style?.numFmt ?? formatAt(cell.sheet, cell.row, cell.column);
    return own === TEXT ? undefined : own;
  };
  const formatRects = (formatOf: (cell: CellChange) => string | undefined) =>
    rectanglesOf<string>(height, width, (row, column) => {
      const cell = cellAt(row, column);
      return cell && formatOf(cell);
    }).map(shift);

  return {
    sheet,
    formatsBefore: formatRects(formatBefore),
    values: blocksOf<ScalarValue>('value', (cell) => (cell.content === null ? '' : (cell.content as ScalarValue))),
    formulas: blocksOf<string>('formula', (cell) => `=${(cell.content as { formula: string }).formula}`),
    formatsAfter: formatRects(formatAfter),
    formatBlocks: rectanglesOf(height, width, (row, column) => formatsOfStyle(cellAt(row, column)?.style)).map(
      ({ value, ...rect }) => ({ ...shift(rect), formats: value }),
    ),
  };
}
