import type { SheetGrid } from '../../domain/grid';
import { parseA1 } from '../../domain/issues';
import { parseA1Range } from '../a1';

/**
 * The cells a returned sheet's merged ranges hide. Excel and LibreOffice keep a merged range's value in its first
 * cell and save the others empty: a value the extract held there reads as emptied, though the partner only merged
 * the cells. Knowing the range lets the merge say so (docs/WORKBOOK.md, « Merging returned rows »).
 */

/**
 * The most hidden cells looked at in one sheet: a range is only looked at within the sheet's cells (its rows, its
 * widest row), and a sheet whose merged ranges hide more is told by the first of them only. They explain, they decide
 * nothing.
 */
const MAX_HIDDEN_CELLS = 200_000;

/** One more than the widest sheet's columns: a cell's number in the map of hidden cells. */
const ROW_STRIDE = 16_385;

/** A merged range that hides cells of one row: the range, its first cell, and the columns hidden on that row. */
export interface RangeOnRow {
  range: string;
  firstCell: string;
  columns: number[];
}

export class MergedCells {
  private readonly hidden = new Map<number, string>();
  /** The sheet's widest row: no cell past it holds anything. */
  private readonly lastColumn: number = 0;

  constructor(grid: SheetGrid) {
    const ranges = grid.mergedRanges ?? [];
    if (ranges.length === 0) return;
    const lastRow = grid.rows.length;
    this.lastColumn = grid.rows.reduce((widest, row) => Math.max(widest, Array.isArray(row) ? row.length : 0), 0);
    // Counted as looked at, not as kept: ranges written over one another cost their cells all the same.
    let budget = MAX_HIDDEN_CELLS;
    for (const range of ranges) {
      const corners = parseA1Range(range);
      if (!corners || corners.top > lastRow || corners.left > this.lastColumn) continue;
      const { top, left } = corners;
      const [bottom, right] = [Math.min(corners.bottom, lastRow), Math.min(corners.right, this.lastColumn)];
      if (bottom < top || right < left) continue; // corners out of order: no range the reader gives
      for (let row = top; row <= bottom; row++) {
        for (let column = row === top ? left + 1 : left; column <= right; column++) {
          if (--budget < 0) return;
          this.hidden.set(row * ROW_STRIDE + column, range);
        }
      }
    }
  }

  /** The merged range hiding the cell (1-based), null when none does or the cell is a range's first cell. */
  hiding(row: number, column: number): string | null {
    if (this.hidden.size === 0) return null;
    return this.hidden.get(row * ROW_STRIDE + column) ?? null;
  }

  /** `hiding` for a cell's address (`W5`). */
  hidingCell(address: string): string | null {
    if (this.hidden.size === 0) return null;
    const at = parseA1(address);
    return at === null ? null : this.hiding(at.row, at.column);
  }

  /** The merged ranges hiding cells of `row` (a header row), each with the columns it hides there, left to right. */
  hidingOnRow(row: number): RangeOnRow[] {
    const columnsOf = new Map<string, number[]>();
    for (let column = 1; column <= this.lastColumn && this.hidden.size > 0; column++) {
      const range = this.hiding(row, column);
      if (range === null) continue;
      const columns = columnsOf.get(range) ?? [];
      columns.push(column);
      columnsOf.set(range, columns);
    }
    return [...columnsOf].map(([range, columns]) => ({ range, firstCell: range.split(':')[0], columns }));
  }
}
