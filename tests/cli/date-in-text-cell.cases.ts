import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';

/**
 * A day that does not exist (« 31/02/2026 ») typed in a date cell a person formatted as Text, on a master: the
 * message's advice, followed as Excel then reads what is typed, fixes the cell in one round. In a Text cell Excel
 * keeps a date typed as text; in a cell put back to a date format it reads it as the date.
 */

const workDir = mkdtempSync(join(tmpdir(), 'ctg-date-in-text-cell-'));
const HEADER = 'Dernière mise à jour';

/** The cell of the fiche `key` under `HEADER` in Axe 1. */
function dateCell(workbook: ExcelJS.Workbook, key: string): ExcelJS.Cell {
  const sheet = workbook.getWorksheet('Axe 1')!;
  let headerRow = 0;
  let column = 0;
  let keyRow = 0;
  sheet.eachRow((row, number) => {
    const first = row.getCell(1).value;
    if (first === 'Clé') {
      headerRow = number;
      row.eachCell((cell, index) => {
        if (cell.value === HEADER) column = index;
      });
    } else if (headerRow > 0 && first === key) keyRow = number;
  });
  if (column === 0 || keyRow === 0) throw new Error(`no ${HEADER} for ${key}`);
  return sheet.getRow(keyRow).getCell(column);
}

async function edit(file: string, change: (cell: ExcelJS.Cell) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const cell = dateCell(workbook, 'G1');
  change(cell);
  await workbook.xlsx.writeFile(file);
  return cell.address;
}

/** What validate says of `address` in Axe 1. */
async function saidOf(file: string, address: string): Promise<string[]> {
  const run = await runCli(['validate', file]);
  return run.stdout.split('\n').filter((line) => line.includes(`Axe 1, cellule ${address}\u00a0:`));
}

/** `typed` entered in the cell the way Excel reads it: a date in a date-formatted cell, text in a Text cell. */
function typeAsExcelReads(cell: ExcelJS.Cell, typed: string): void {
  const [day, month, year] = typed.split('/').map(Number);
  cell.value = cell.numFmt === '@' ? typed : new Date(Date.UTC(year, month - 1, day));
}

describe('an impossible date typed in a date cell formatted as Text, on a master', () => {
  it('is fixed in one round by following what validate says', async () => {
    const file = join(workDir, 'suivi.xlsx');
    await generatedWorkbook(file);
    const address = await edit(file, (cell) => {
      cell.numFmt = '@';
      cell.value = '31/02/2026';
    });
    const [said, ...more] = await saidOf(file, address);
    expect(more).toEqual([]);
    expect(said).toContain('le 31 février 2026 n’existe pas');

    // The person follows the advice: the cell's format if it says to change it, then the day that exists.
    await edit(file, (cell) => {
      if (/au format Date/.test(said)) cell.numFmt = 'dd/mm/yyyy';
      typeAsExcelReads(cell, '28/02/2026');
    });
    expect(await saidOf(file, address)).toEqual([]);
  }, 60_000);
});
