import type { SheetGrid } from '../domain/grid';
import { parseA1 } from '../domain/issues';
import { parseA1Range } from './a1';

/**
 * The cells a sheet's merged ranges hide (`SheetGrid.mergedRanges`, given by the .xlsx reader on a whole read and by
 * the Office.js reader where Excel can). Excel and LibreOffice show a merged range's first cell over the whole range;
 * the others are not seen, whatever they hold. A partner's return (the merge: a value the extract held there reads
 * as emptied, though the partner only merged the cells) and a tracking workbook's axis sheets (validation: a value no
 * one sees, or a cell no one can fill) are told by them (docs/WORKBOOK.md, « Merging returned rows », « Issues »).
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

/** A merged range of a sheet: its corners (1-based) and the cells it hides within the sheet's cells, row by row. */
export interface HidingRange {
  range: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** Each hidden cell (all but the first), 1-based, as far as the sheet has cells: `[row, column]`. */
  hidden: [number, number][];
}

/** The sheet's widest row: no cell past it holds anything. */
const widestRow = (grid: SheetGrid): number =>
  grid.rows.reduce((widest, row) => Math.max(widest, Array.isArray(row) ? row.length : 0), 0);

/**
 * The sheet's merged ranges that hide cells within its cells, in the file's order, each with its corners as given
 * and the cells it hides up to the sheet's last row and widest row; ranges past them, not ranges (`A1:B`) or with
 * corners out of order are left out, and once `MAX_HIDDEN_CELLS` are looked at the rest are.
 */
export function hidingRanges(grid: SheetGrid): HidingRange[] {
  const ranges = grid.mergedRanges ?? [];
  if (ranges.length === 0) return [];
  const lastRow = grid.rows.length;
  const lastColumn = widestRow(grid);
  const found: HidingRange[] = [];
  // Counted as looked at, not as kept: ranges written over one another cost their cells all the same.
  let budget = MAX_HIDDEN_CELLS;
  for (const range of ranges) {
    const corners = parseA1Range(range);
    if (!corners || corners.top > lastRow || corners.left > lastColumn) continue;
    const { top, left } = corners;
    const [bottom, right] = [Math.min(corners.bottom, lastRow), Math.min(corners.right, lastColumn)];
    if (bottom < top || right < left) continue; // corners out of order: no range the reader gives
    const hidden: [number, number][] = [];
    found.push({ range, ...corners, hidden });
    for (let row = top; row <= bottom; row++) {
      for (let column = row === top ? left + 1 : left; column <= right; column++) {
        if (--budget < 0) return found;
        hidden.push([row, column]);
      }
    }
  }
  return found;
}

export class MergedCells {
  private readonly hidden = new Map<number, string>();
  /** The sheet's widest row: no cell past it holds anything. */
  private readonly lastColumn: number = 0;

  constructor(grid: SheetGrid) {
    const ranges = hidingRanges(grid);
    if (ranges.length === 0) return;
    this.lastColumn = widestRow(grid);
    for (const { range, hidden } of ranges)
      for (const [row, column] of hidden) this.hidden.set(row * ROW_STRIDE + column, range);
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
