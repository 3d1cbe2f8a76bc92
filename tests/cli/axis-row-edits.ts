import ExcelJS from 'exceljs';
import { sheet } from '../rewrite/helpers';
import { fileGrids } from './file-grids';

/** Clears every cell of `key`'s row in « Axe 1 » but the ones of `kept` (header → value typed back), as a person would. */
export async function clearRow(file: string, key: string, kept: Record<string, ExcelJS.CellValue>): Promise<void> {
  await editRow(file, key, (row, headers) => {
    for (let column = 1; column < headers.length; column += 1) row.getCell(column).value = null;
    for (const [header, value] of Object.entries(kept)) row.getCell(headers.indexOf(header)).value = value;
  });
}

/** Empties the cells of `key`'s row in « Axe 1 » under `cleared` (headers), as a person would. */
export async function clearCells(file: string, key: string, cleared: readonly string[]): Promise<void> {
  await editRow(file, key, (row, headers) => {
    for (const header of cleared) row.getCell(headers.indexOf(header)).value = null;
  });
}

async function editRow(file: string, key: string, edit: (row: ExcelJS.Row, headers: unknown[]) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const axis = workbook.getWorksheet('Axe 1')!;
  const headers = axis.getRow(3).values as unknown[];
  axis.eachRow((row) => {
    if (row.getCell(1).value === key) edit(row, headers);
  });
  await workbook.xlsx.writeFile(file);
}

/** The Journal's lines of `key`, as `[source, column header, new value]`. */
export function journalOf(file: string, key: string): (string | number | null)[][] {
  const rows = sheet(fileGrids(file), 'Journal').rows.map((row) => (row ?? []).map((cell) => cell?.value ?? null));
  const header = rows.findIndex((row) => row.includes('Clé'));
  const [keyAt, fieldAt, afterAt, sourceAt] = ['Clé', 'Colonne', 'Nouvelle valeur', 'Source'].map((name) =>
    rows[header].indexOf(name),
  );
  return rows
    .slice(header + 1)
    .filter((row) => row[keyAt] === key)
    .map((row) => [row[sourceAt], row[fieldAt], row[afterAt]] as (string | number | null)[]);
}
