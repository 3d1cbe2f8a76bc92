import type { CellValue, GridCell, SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { readXlsx } from '../../src/xlsx/reader';
import { writeXlsx } from '../../src/xlsx/writer';
import type { WorkbookState } from '../../src/app/workbook-state';

/** Writes a spec to .xlsx bytes and reads them back, as the command line does. */
export async function roundTrip(spec: WorkbookSpec): Promise<WorkbookGrids> {
  const read = readXlsx(await writeXlsx(spec));
  if (!read.ok) throw new Error(`unreadable: ${read.error.code}`);
  return read.grids;
}

export function sheet(grids: WorkbookGrids, name: string): SheetGrid {
  const found = grids.sheets.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Row of a key and column of a header in an axis sheet (found by text, as a person would). */
export function locate(grid: SheetGrid, key: string, header: string): { row: number; column: number } | null {
  const headerRow = grid.rows.findIndex((row) => row?.some((cell) => cell?.value === 'Clé'));
  const column = grid.rows[headerRow].findIndex((cell) => cell?.value === header);
  const row = grid.rows.findIndex((cells, index) => index > headerRow && cells?.[0]?.value === key);
  return row < 0 || column < 0 ? null : { row, column };
}

export interface Entry {
  key: string;
  header: string;
  value: CellValue;
  isDate?: boolean;
}

/** Types values into the grids the way a person would in Excel (the cell now holds that value). */
export function typeInto(grids: WorkbookGrids, entries: readonly Entry[]): WorkbookGrids {
  const copy: WorkbookGrids = {
    sheets: grids.sheets.map((grid) => ({ ...grid, rows: grid.rows.map((row) => [...(row ?? [])]) })),
  };
  for (const entry of entries) {
    for (const grid of copy.sheets.filter((candidate) => candidate.name.startsWith('Axe '))) {
      const at = locate(grid, entry.key, entry.header);
      if (!at) continue;
      const cell: GridCell = { value: entry.value, ...(entry.isDate ? { isDate: true } : {}) };
      grid.rows[at.row][at.column] = cell;
    }
  }
  return copy;
}

/** The value of a key's cell under a header, across the axis sheets. */
export function valueAt(grids: WorkbookGrids, key: string, header: string): GridCell | null {
  for (const grid of grids.sheets.filter((candidate) => candidate.name.startsWith('Axe '))) {
    const at = locate(grid, key, header);
    if (at) return grid.rows[at.row][at.column] ?? null;
  }
  return null;
}

/** Every entered value of a state as plain data; blank text and empty cells are the same. */
export function enteredSnapshot(
  state: WorkbookState,
): Record<string, Record<string, { value: CellValue; isDate: boolean }>> {
  const result: Record<string, Record<string, { value: CellValue; isDate: boolean }>> = {};
  for (const [key, row] of state.entered) {
    result[key] = {};
    for (const [field, cell] of row) {
      const value = cell.value === '' ? null : cell.value;
      result[key][field] = { value, isDate: value === null ? false : cell.isDate };
    }
  }
  return result;
}
