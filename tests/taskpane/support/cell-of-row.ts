import { columnLetters } from '../../fake-excel/a1';
import type { FakeExcel } from '../../fake-excel';

/**
 * The A1 address of the cell in the column headed `header` on the row keyed `key` of an axis sheet of the fake.
 * Looked for cell by cell, top to bottom (the header row is the first holding « Clé »; the key's row the first
 * whose « Clé » cell, trimmed, is `key`), rather than through a snapshot of the whole sheet: a test that types
 * into many rows changes the workbook before each look, and a snapshot evaluated all its formulas each time.
 */
export function cellOfRow(fake: FakeExcel, sheet: string, key: string, header: string): string {
  const model = fake.inspect.sheet(sheet);
  let rows = 0;
  let columns = 0;
  for (const [r, c] of model.storedCells()) {
    rows = Math.max(rows, r + 1);
    columns = Math.max(columns, c + 1);
  }
  const value = (r: number, c: number) => fake.inspect.cellValue(sheet, r, c);
  const columnOf = (r: number, text: string) => {
    for (let c = 0; c < columns; c++) if (value(r, c) === text) return c;
    return -1;
  };
  let headerRow = 0;
  while (headerRow < rows && columnOf(headerRow, 'Clé') < 0) headerRow++;
  if (headerRow === rows) throw new Error(`No ${header} on row ${key} of ${sheet}`);
  const keyColumn = columnOf(headerRow, 'Clé');
  const column = columnOf(headerRow, header);
  let row = 0;
  while (row < rows && String(value(row, keyColumn) ?? '').trim() !== key) row++;
  if (column < 0 || row === rows) throw new Error(`No ${header} on row ${key} of ${sheet}`);
  return `${columnLetters(column)}${row + 1}`;
}
