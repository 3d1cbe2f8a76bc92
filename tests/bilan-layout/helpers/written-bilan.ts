import { strFromU8, unzipSync } from 'fflate';
import type { Bilan } from '../../../src/domain/bilan/bilan';
import type { GridCell, SheetGrid, WorkbookGrids } from '../../../src/domain/grid';
import { buildBilanWorkbook } from '../../../src/layout/bilan/bilan-workbook';
import type { WorkbookSpec } from '../../../src/layout/workbook-spec';
import { readXlsx } from '../../../src/xlsx/reader';
import { writeXlsx } from '../../../src/xlsx/writer';
import { recalcWithHyperFormula } from '../../workbook-formulas/helpers/recalc-hyperformula';
import { WRITTEN_AT } from './sample-bilan';

/** A bilan laid out, written to an .xlsx and read back: the cells as a user's application opens them. */
export interface WrittenBilan {
  spec: WorkbookSpec;
  bytes: Uint8Array;
  grids: WorkbookGrids;
  /** The grids with every formula recalculated by HyperFormula from the other cells. */
  recalculated: WorkbookGrids;
}

export async function writeBilan(bilan: Bilan): Promise<WrittenBilan> {
  const spec = buildBilanWorkbook(bilan, { writtenAt: WRITTEN_AT });
  const bytes = await writeXlsx(spec);
  const read = readXlsx(bytes);
  if (!read.ok) throw new Error(`unreadable: ${read.error.code}`);
  return { spec, bytes, grids: read.grids, recalculated: recalcWithHyperFormula(read.grids) };
}

export function sheetOf(grids: WorkbookGrids, name: string): SheetGrid {
  const sheet = grids.sheets.find((candidate) => candidate.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** The cell at a 1-based row and column. */
export function at(sheet: SheetGrid, row: number, column: number): GridCell | null {
  return sheet.rows[row - 1]?.[column - 1] ?? null;
}

/** The row values (1-based columns at index column − 1). */
export function rowValues(sheet: SheetGrid, row: number): unknown[] {
  return (sheet.rows[row - 1] ?? []).map((cell) => cell?.value ?? null);
}

/** The 1-based row whose column `column` holds `value`, the first after `after`. */
export function rowWith(sheet: SheetGrid, column: number, value: unknown, after = 0): number {
  const index = sheet.rows.findIndex((row, r) => r + 1 > after && row?.[column - 1]?.value === value);
  if (index < 0) throw new Error(`no row with ${String(value)} in column ${column} of ${sheet.name}`);
  return index + 1;
}

/** The 1-based column of a header in a row. */
export function columnOf(sheet: SheetGrid, row: number, header: string): number {
  const index = (sheet.rows[row - 1] ?? []).findIndex((cell) => cell?.value === header);
  if (index < 0) throw new Error(`no header ${header} in row ${row} of ${sheet.name}`);
  return index + 1;
}

/** The raw XML of a worksheet of the file, by its position (1-based) in the workbook. */
export function sheetXml(bytes: Uint8Array, position: number): string {
  return strFromU8(unzipSync(bytes)[`xl/worksheets/sheet${position}.xml`]);
}
