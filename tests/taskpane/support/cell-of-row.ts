import { gridText } from '../../../src/domain/grid';
import type { FakeExcel } from '../../fake-excel';

/** The A1 address of the cell in the column headed `header` on the row keyed `key` of an axis sheet of the fake. */
export function cellOfRow(fake: FakeExcel, sheet: string, key: string, header: string): string {
  const grid = fake.inspect.snapshotGrid(sheet);
  const headerRow = grid.rows.findIndex((row) => row.some((cell) => cell?.value === 'Clé')) + 1;
  const keyColumn = grid.rows[headerRow - 1].findIndex((cell) => cell?.value === 'Clé') + 1;
  const column = grid.rows[headerRow - 1].findIndex((cell) => cell?.value === header) + 1;
  const row = grid.rows.findIndex((_, index) => gridText(grid, index + 1, keyColumn) === key) + 1;
  if (Math.min(headerRow, column, row) <= 0) throw new Error(`No ${header} on row ${key} of ${sheet}`);
  return `${String.fromCharCode(64 + column)}${row}`;
}
