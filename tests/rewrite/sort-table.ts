import type { GridCell, SheetGrid } from '../../src/domain/grid';

/** How a person sorts an axis table in Excel or LibreOffice, on grids. */

export const headerIndexOf = (grid: SheetGrid) =>
  grid.rows.findIndex((row) => row?.some((cell) => cell?.value === 'Clé'));

export const columnIndexOf = (grid: SheetGrid, header: string) =>
  grid.rows[headerIndexOf(grid)].findIndex((cell) => cell?.value === header);

/** The table's rows (from under the header to the last keyed row), as grid indexes. */
export function tableRange(grid: SheetGrid): { first: number; last: number } {
  const first = headerIndexOf(grid) + 1;
  let last = first;
  while (typeof grid.rows[last + 1]?.[0]?.value === 'string' && grid.rows[last + 1]?.[0]?.value !== '') last += 1;
  return { first, last };
}

/** The table's keys, top to bottom. */
export const keysOf = (grid: SheetGrid) => {
  const { first, last } = tableRange(grid);
  return grid.rows.slice(first, last + 1).map((row) => String(row?.[0]?.value ?? ''));
};

/** Sorts the table's whole rows as Excel's « Trier » does on one column (a row's cells move together). */
export function sortTable(grid: SheetGrid, header: string, descending = false): void {
  const { first, last } = tableRange(grid);
  const column = columnIndexOf(grid, header);
  const text = (row: (GridCell | null)[]) => String(row?.[column]?.value ?? '');
  const rows = grid.rows.slice(first, last + 1);
  rows.sort((a, b) => text(a).localeCompare(text(b), 'fr') * (descending ? -1 : 1));
  grid.rows.splice(first, rows.length, ...rows);
}
