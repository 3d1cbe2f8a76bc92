import type { GridCell, SheetGrid, WorkbookGrids } from '../../../src/app/port';
import { readXlsx, type XlsxReadOptions } from '../../../src/xlsx/reader';
import type { XlsxReadError } from '../../../src/xlsx/reader';

/** Reads a file that must be readable; fails the test with the error otherwise. */
export function readGrids(bytes: Uint8Array, options?: XlsxReadOptions): WorkbookGrids {
  const result = readXlsx(bytes, options);
  if (!result.ok) throw new Error(`expected a readable file, got ${JSON.stringify(result.error)}`);
  return result.grids;
}

/** Reads a file that must be refused; fails the test when it is read. */
export function readError(bytes: Uint8Array, options?: XlsxReadOptions): XlsxReadError {
  const result = readXlsx(bytes, options);
  if (result.ok) throw new Error('expected the file to be refused, it was read');
  return result.error;
}

export function sheetNamed(grids: WorkbookGrids, name: string): SheetGrid {
  const sheet = grids.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name} in ${grids.sheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

/** The cell at an A1 address (`B3`), or null. */
export function cellAt(sheet: SheetGrid, address: string): GridCell | null {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) throw new Error(`bad address ${address}`);
  let col = 0;
  for (const char of match[1]) col = col * 26 + char.charCodeAt(0) - 64;
  return sheet.rows[Number(match[2]) - 1]?.[col - 1] ?? null;
}

/** Every value of a sheet as a plain 2-D array (null for empty), for whole-grid comparisons. */
export function valuesOf(sheet: SheetGrid): unknown[][] {
  return sheet.rows.map((row) => row.map((cell) => cell?.value ?? null));
}
