import type { CellValue, GridCell, SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import type { Issue } from '../../src/domain/issues';
import type { WorkbookPort } from '../../src/app/port';
import type { RewriteOutcome } from '../../src/app/rewrite-use-cases';
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

/** A port over an .xlsx held in memory, as the command line rewrites a file. */
export function filePort(grids: WorkbookGrids) {
  let current = grids;
  let writes = 0;
  const port: WorkbookPort = {
    read: async () => current,
    write: async (spec) => {
      writes += 1;
      const read = readXlsx(await writeXlsx(spec));
      if (!read.ok) throw new Error(read.error.code);
      current = read.grids;
    },
  };
  return { port, grids: () => current, writes: () => writes };
}

/** The issues of a rewrite that must be refused, once checked that it was and that nothing was written. */
export async function refusal(
  file: ReturnType<typeof filePort>,
  rewrite: (port: WorkbookPort) => Promise<RewriteOutcome<unknown>>,
): Promise<Issue[]> {
  const outcome = await rewrite(file.port);
  expect(outcome.status).toBe('refused');
  expect(file.writes()).toBe(0);
  return outcome.status === 'refused' ? outcome.issues : [];
}

/** A copy of the grids whose rows can be edited without touching the original. */
export function copyOf(grids: WorkbookGrids): WorkbookGrids {
  return { sheets: grids.sheets.map((grid) => ({ ...grid, rows: grid.rows.map((row) => [...(row ?? [])]) })) };
}

/** Types a cell into a grid (1-based), as a person would in a sheet unprotected first. */
export function put(grid: SheetGrid, row: number, column: number, cell: GridCell | null): void {
  while (grid.rows.length < row) grid.rows.push([]);
  const cells = grid.rows[row - 1];
  while (cells.length < column) cells.push(null);
  cells[column - 1] = cell;
}

/** The cell of a grid at a 1-based row and column. */
export const cellAt = (grid: SheetGrid, row: number, column: number) => grid.rows[row - 1]?.[column - 1] ?? null;

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
