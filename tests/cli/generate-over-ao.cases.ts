import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../src/xlsx/reader';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';

const workDir = mkdtempSync(join(tmpdir(), 'ctg-generate-over-ao-'));
const path = (name: string) => join(workDir, name);
const seedText = readFileSync(join(__dirname, '..', 'fixtures', 'ctg-monts-du-pilat-2026-2030.txt'), 'utf8');

/** Types a population into `Compétences AO` with Excel's file format library, as a person editing the file would. */
async function typePopulation(file: string, commune: string, population: number): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('Compétences AO')!;
  let headerRow = 0;
  sheet.eachRow((row, index) => {
    if (row.getCell(1).value === 'Nom') headerRow = index;
  });
  let column = 0;
  sheet.getRow(headerRow).eachCell((cell, index) => {
    if (cell.value === 'Population (INSEE)') column = index;
  });
  sheet.eachRow((row) => {
    if (row.getCell(1).value === commune) row.getCell(column).value = population;
  });
  await workbook.xlsx.writeFile(file);
}

function aoNames(file: string): unknown[] {
  const read = readXlsx(new Uint8Array(readFileSync(file)));
  if (!read.ok) throw new Error(read.error.code);
  const rows = read.grids.sheets.find((sheet) => sheet.name === 'Compétences AO')!.rows;
  return rows.filter((row) => ['EPCI', 'Commune'].includes(String(row?.[1]?.value))).map((row) => row[0]?.value);
}

describe('ctg-suivi generate --force over a workbook, from a convention whose communes changed', () => {
  it('rebuilds Compétences AO from the new parties and says so in one line, exit 0', async () => {
    const workbook = path('suivi.xlsx');
    const seedFile = path('convention.txt');
    writeFileSync(seedFile, seedText);
    await generatedWorkbook(workbook, { plan: seedFile });
    await typePopulation(workbook, 'Tarentaise', 512);

    const amended = path('convention-modifiee.txt');
    writeFileSync(
      amended,
      seedText
        .replace('- la commune de TARENTEISE\nreprésentée par Monsieur Pierre LETIEVANT, Maire\n', '')
        .replace('- la commune de LA VERSANNE\n', '- la commune de PELUSSIN\n\n- la commune de LA VERSANNE\n'),
    );
    const run = await runCli(['generate', '--plan', amended, '-o', workbook, '--force']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '  Compétences AO\u00a0: 1 ligne ajoutée, 1 ligne retirée (7 valeurs saisies notées dans le Journal)\n',
    );
    expect(run.stdout).toContain(
      'Commune absente du nouveau plan, retirée de «\u00a0Compétences AO\u00a0»\u00a0: Tarentaise. Ses 7 valeurs saisies sont notées dans le Journal.',
    );
    const names = aoNames(workbook);
    expect(names).toContain('PELUSSIN');
    expect(names).not.toContain('Tarentaise');
    expect(aoNames(`${workbook}.bak`)).toContain('Tarentaise');

    const again = await runCli(['generate', '--plan', amended, '-o', workbook, '--force']);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('Compétences AO :');
  }, 60_000);
});
