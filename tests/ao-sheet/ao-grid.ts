import type { CellValue, SheetGrid, WorkbookGrids } from '../../src/domain/grid';

/**
 * Test helpers that find cells of `Compétences AO` on their own (the `Nom` header row, headers by text, rows by
 * name), independent of the layout's constants, so that tests also catch a layout that moved something.
 */

export const AO_SHEET = 'Compétences AO';

export function aoGrid(grids: WorkbookGrids): SheetGrid {
  const found = grids.sheets.find((candidate) => candidate.name === AO_SHEET);
  if (!found) throw new Error('no AO sheet');
  return found;
}

function letters(column: number): string {
  let text = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

/** 0-based index of the header row (first cell `Nom`). */
export function aoHeaderIndex(grid: SheetGrid): number {
  const index = grid.rows.findIndex((row) => row?.[0]?.value === 'Nom');
  if (index < 0) throw new Error('no Nom header');
  return index;
}

/** 0-based column index of a header. */
export function aoColumnIndex(grid: SheetGrid, header: string): number {
  const index = grid.rows[aoHeaderIndex(grid)].findIndex((cell) => cell?.value === header);
  if (index < 0) throw new Error(`no column ${header}`);
  return index;
}

/** 0-based row index of the data row named `name`. */
export function aoRowIndex(grid: SheetGrid, name: string): number {
  const index = grid.rows.findIndex((row, i) => i > aoHeaderIndex(grid) && row?.[0]?.value === name);
  if (index < 0) throw new Error(`no row ${name}`);
  return index;
}

/** 0-based row index of the row whose first cell starts with `label` (summary rows). */
export function aoLabelRowIndex(grid: SheetGrid, label: string): number {
  const index = grid.rows.findIndex((row) => typeof row?.[0]?.value === 'string' && row[0].value.startsWith(label));
  if (index < 0) throw new Error(`no row labelled ${label}`);
  return index;
}

export function aoAddress(row: number, column: number): string {
  return `${letters(column + 1)}${row + 1}`;
}

/** Sets a cell (0-based), returns its A1 address. */
export function setAoCell(grid: SheetGrid, row: number, column: number, value: CellValue): string {
  while (grid.rows.length <= row) grid.rows.push([]);
  const cells = grid.rows[row];
  while (cells.length <= column) cells.push(null);
  cells[column] = value === null ? null : { value };
  return aoAddress(row, column);
}

/** Sets the cell of row `name`, column `header`; returns its address. */
export function setAoValue(grid: SheetGrid, name: string, header: string, value: CellValue): string {
  return setAoCell(grid, aoRowIndex(grid, name), aoColumnIndex(grid, header), value);
}

export const HOLDER = {
  commune: 'Commune',
  all: "Transférée à l'EPCI par toutes les communes",
  some: "Transférée à l'EPCI par certaines communes",
} as const;
