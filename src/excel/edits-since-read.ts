import type { CellContent } from '../layout/workbook-spec';
import type { SheetGrid } from '../app/port';
import { cellAddress } from '../layout/a1';
import { sameFormula } from '../layout/formula-references';
import { ExcelWorkbookError } from './excel-errors';
import { editedDuringRewriteText } from './excel-texts';
import { formulaWritten } from './grid-from-range';

/**
 * Excel does not lock the workbook while an add-in works: between the read of a rewrite and its write, or between
 * two requests of a write, a person may type. A rewrite loads again, in the request that overwrites or just before
 * the one that deletes, what it is about to replace, and compares it with what it read: a cell that differs is a
 * person's edit, which the rewrite must not lose.
 */

export interface EditedCell {
  sheet: string;
  row: number;
  column: number;
  /** What the cell holds now (the person's value). */
  now: CellContent;
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/** A cell's content from what Office.js loaded (`values` and `formulas` of the same cell). */
export function loadedContent(value: unknown, written: unknown): CellContent {
  const formula = formulaWritten(written, value);
  if (formula !== null) return { formula, result: (value ?? null) as string | number | boolean | null };
  return isEmpty(value) ? null : (value as string | number | boolean);
}

/** Whether a person changed the cell: another formula, another constant. A formula's result may differ (Excel computes it). */
export function sameContent(before: CellContent | undefined, now: CellContent): boolean {
  const formulaOf = (content: CellContent | undefined) =>
    content !== null && typeof content === 'object' ? content.formula : null;
  const a = formulaOf(before);
  const b = formulaOf(now);
  if (a !== null || b !== null) return a !== null && b !== null && sameFormula(a, b);
  if (isEmpty(before) || isEmpty(now)) return isEmpty(before) && isEmpty(now);
  return before === now;
}

/** Queues the load of sheets' used ranges; the returned function gives the cells that differ from the grids read. */
export function queueSheetsCheck(
  worksheets: Excel.WorksheetCollection,
  grids: readonly SheetGrid[],
): () => EditedCell[] {
  const loaded = grids.map((grid) => {
    const range = worksheets.getItem(grid.name).getUsedRangeOrNullObject(true);
    range.load('values, formulas, rowIndex, columnIndex');
    return { grid, range };
  });
  return () => loaded.flatMap(({ grid, range }) => editedCells(grid, range.isNullObject ? null : range));
}

function editedCells(grid: SheetGrid, range: Excel.Range | null): EditedCell[] {
  const now = new Map<string, CellContent>();
  if (range)
    (range.values as unknown[][]).forEach((line, r) =>
      line.forEach((value, c) => {
        const content = loadedContent(value, (range.formulas as unknown[][])[r][c]);
        if (content !== null) now.set(`${range.rowIndex + r + 1}|${range.columnIndex + c + 1}`, content);
      }),
    );
  const edited: EditedCell[] = [];
  grid.rows.forEach((cells, r) =>
    (cells ?? []).forEach((cell, c) => {
      const key = `${r + 1}|${c + 1}`;
      const before: CellContent = !cell
        ? null
        : cell.formula !== undefined
          ? { formula: cell.formula, result: cell.value }
          : cell.value;
      const content = now.get(key) ?? null;
      now.delete(key);
      if (!sameContent(before, content)) edited.push({ sheet: grid.name, row: r + 1, column: c + 1, now: content });
    }),
  );
  for (const [key, content] of now) {
    const [row, column] = key.split('|').map(Number);
    edited.push({ sheet: grid.name, row, column, now: content });
  }
  return edited;
}

/** Whether a rewrite stopped because a person typed during it. */
export function isEditedDuringRewrite(error: unknown): boolean {
  return error instanceof ExcelWorkbookError && error.code === 'EditedDuringRewrite';
}

/** The French refusal naming the cells a person changed. */
export function editedDuringRewrite(cells: readonly EditedCell[]): ExcelWorkbookError {
  return new ExcelWorkbookError(
    'EditedDuringRewrite',
    editedDuringRewriteText(cells.map((cell) => `${cell.sheet}!${cellAddress(cell.row, cell.column)}`)),
  );
}
