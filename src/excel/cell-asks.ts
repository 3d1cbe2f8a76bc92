import type { CellChange } from '../app/port';
import { rectanglesOf } from './rectangles';
import { excelNameKey } from './workbook-facts';

/** What a cell change (change-workbook.ts) and its undo (change-recovery.ts) ask of cells, block by block. */

/** Where a cell is, as a change names it. */
export type CellAt = Pick<CellChange, 'sheet' | 'row' | 'column'>;

/**
 * Queues the load of `properties` over rectangles of the given cells (one range per block of neighbours), and
 * returns the readers to call after the sync; `read(range, cell, r, c)` is called for each cell of a block.
 */
export function queueAsk<Cell extends CellAt>(
  worksheets: Excel.WorksheetCollection,
  cells: Cell[],
  properties: string[],
  read: (range: Excel.Range, cell: Cell, r: number, c: number) => void,
): (() => void)[] {
  const bySheet = new Map<string, Cell[]>();
  for (const cell of cells) {
    const key = excelNameKey(cell.sheet);
    const sheetCells = bySheet.get(key);
    if (sheetCells) sheetCells.push(cell);
    else bySheet.set(key, [cell]);
  }
  const readers: (() => void)[] = [];
  for (const sheetCells of bySheet.values()) {
    const worksheet = worksheets.getItem(sheetCells[0].sheet);
    const top = Math.min(...sheetCells.map((cell) => cell.row));
    const left = Math.min(...sheetCells.map((cell) => cell.column));
    const height = Math.max(...sheetCells.map((cell) => cell.row)) - top + 1;
    const width = Math.max(...sheetCells.map((cell) => cell.column)) - left + 1;
    const at = new Map(sheetCells.map((cell) => [`${cell.row - top}|${cell.column - left}`, cell]));
    for (const rect of rectanglesOf(height, width, (row, column) =>
      at.has(`${row - 1}|${column - 1}`) ? 1 : undefined,
    )) {
      const range = worksheet.getRangeByIndexes(
        top + rect.top - 2,
        left + rect.left - 2,
        rect.bottom - rect.top + 1,
        rect.right - rect.left + 1,
      );
      // The caller names the properties (formulas or locks): never an empty load.
      // eslint-disable-next-line office-addins/no-empty-load
      range.load(properties);
      readers.push(() => {
        for (let r = 0; r <= rect.bottom - rect.top; r += 1)
          for (let c = 0; c <= rect.right - rect.left; c += 1)
            read(range, at.get(`${rect.top - 1 + r}|${rect.left - 1 + c}`)!, r, c);
      });
    }
  }
  return readers;
}
