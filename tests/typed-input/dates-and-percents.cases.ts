import { embeddedPlan } from '../../src/app/plan-source';
import { validateWorkbook } from '../../src/app/validate';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { renderIssueMessage } from '../../src/domain/issues';
import { quarterLabel, quarterOfDate } from '../../src/domain/periods';
import type { GridCell, WorkbookGrids } from '../../src/domain/grid';
import { generateOnFake } from '../excel-backend/helpers/run-on-fake';
import { samplePlan } from '../layout/helpers/sample-plan';
import { generateXlsx } from '../excel-backend/helpers/xlsx-side';
import { axisCell, computeFile, editWorkbook, validateFile } from './file-side';

/**
 * A date or a percentage where a number is expected. « 15/03 » typed in a quarter cell is stored as a date
 * (46096): an error at its cell, not a value of 46 096. « 85 % » is stored as 0.85 with a % format: read as
 * stored, with a warning that says so, and compute keeps the cell's % format.
 */
const now = new Date('2026-11-28T10:00:00Z');
const quarter = quarterLabel(quarterOfDate(now));
const MARCH_15 = new Date(Date.UTC(2026, 2, 15));

let generated: Uint8Array;
beforeAll(async () => {
  generated = await generateXlsx(embeddedPlan().plan, now);
});

/** The cell under `header` in the row of `key` (axis sheets, header row found by « Clé »). */
function cellOf(grids: WorkbookGrids, key: string, header: string): GridCell | null {
  for (const sheet of grids.sheets.filter((candidate) => candidate.name.startsWith('Axe '))) {
    const headerRow = sheet.rows.findIndex((row) => row?.[0]?.value === 'Clé');
    const column = sheet.rows[headerRow]?.findIndex((cell) => cell?.value === header) ?? -1;
    const row = sheet.rows.find((cells) => cells?.[0]?.value === key);
    if (row && column >= 0) return row[column] ?? null;
  }
  return null;
}

test('a date in a quarter cell, Référence, Cible and Avancement: an error at each cell, nothing written', async () => {
  const addresses: string[] = [];
  const bytes = await editWorkbook(generated, (workbook) => {
    for (const [key, header] of [
      ['G1-QN1', quarter],
      ['G1-QN1', 'Référence'],
      ['G1-QN1', 'Cible'],
      ['G1', 'Avancement (%)'],
    ]) {
      const cell = axisCell(workbook, key, header);
      // « 15/03 » typed: the spreadsheet stores the date and gives the cell a date format.
      cell.value = MARCH_15;
      cell.numFmt = 'dd/mm/yyyy';
      addresses.push(cell.address);
    }
  });
  const { report, messages } = await validateFile(bytes, now);
  const errors = report.issues.filter((issue) => issue.code === 'number-is-date');
  expect(errors.map((issue) => issue.cell).sort()).toEqual([...addresses].sort());
  expect(errors.every((issue) => issue.severity === 'error')).toBe(true);
  expect(messages).toContain(
    `Axe 1, cellule ${addresses[0]}\u00a0: la colonne «\u00a0${quarter}\u00a0» attend un nombre, mais la cellule est au format ` +
      'date\u00a0: elle affiche 15/03/2026 (enregistrée comme le nombre 46\u00a0096). Le tableur prend une saisie comme ' +
      '«\u00a015/03\u00a0» pour une date. Remettez le format Nombre à la cellule, puis saisissez la valeur.',
  );
  const computed = await computeFile(bytes, now);
  expect(computed.outcome.status).toBe('refused');
  expect(computed.written).toBeNull();
});

test('« 85 % » in a quarter cell: read as 0.85 with a warning, and compute keeps the value and its % format', async () => {
  let address = '';
  const bytes = await editWorkbook(generated, (workbook) => {
    const cell = axisCell(workbook, 'G1-QN1', quarter);
    cell.value = 0.85;
    cell.numFmt = '0%';
    address = cell.address;
  });
  const { report, messages } = await validateFile(bytes, now);
  expect(report.errors).toBe(0);
  expect(report.issues.filter((issue) => issue.code === 'percent-read-as-fraction')).toHaveLength(1);
  expect(messages).toContain(
    `Axe 1, cellule ${address}\u00a0: la valeur du trimestre ${quarter} est au format pourcentage (elle affiche ` +
      '«\u00a085\u00a0%\u00a0»)\u00a0: elle est lue telle qu’elle est enregistrée, 0,85. Si vous vouliez dire 85, saisissez 85 ' +
      'sans «\u00a0%\u00a0», au format Nombre.',
  );
  const computed = await computeFile(bytes, now);
  expect(computed.outcome.status).toBe('done');
  expect(cellOf(computed.after!, 'G1-QN1', quarter)).toEqual({ value: 0.85, isPercent: true });
});

test('« 85 % » in Avancement: the error says how it was read and what to type', async () => {
  const bytes = await editWorkbook(generated, (workbook) => {
    const cell = axisCell(workbook, 'G1', 'Avancement (%)');
    cell.value = 0.85;
    cell.numFmt = '0%';
  });
  const { report } = await validateFile(bytes, now);
  const issue = report.issues.find((candidate) => candidate.code === 'progress-invalid')!;
  expect(renderIssueMessage(issue)).toBe(
    `Axe 1, cellule ${issue.cell}\u00a0: l’avancement doit être un nombre entier de 0 à 100\u00a0; la cellule est au ` +
      'format pourcentage (elle affiche «\u00a085\u00a0%\u00a0») et elle est lue telle qu’elle est enregistrée, 0,85. ' +
      'Saisissez 85 sans «\u00a0%\u00a0», au format Nombre.',
  );
});

test('« 50 % » typed in Avancement that kept its Nombre format (0,5): the error says what was likely meant', async () => {
  const bytes = await editWorkbook(generated, (workbook) => {
    axisCell(workbook, 'G1', 'Avancement (%)').value = 0.5;
  });
  const { report } = await validateFile(bytes, now);
  const issue = report.issues.find((candidate) => candidate.code === 'progress-invalid')!;
  expect(renderIssueMessage(issue)).toBe(
    `Axe 1, cellule ${issue.cell}\u00a0: l’avancement doit être un nombre entier de 0 à 100 (valeur lue\u00a0: ` +
      '«\u00a00,5\u00a0»). Si vous avez saisi «\u00a050\u00a0%\u00a0», saisissez 50 sans «\u00a0%\u00a0».',
  );
});

test('on the fake Excel: the same date error and percentage warning, and compute keeps the % format', async () => {
  const { fake, port } = await generateOnFake(samplePlan(), now);
  const grids = await port.read();
  const axis = grids.sheets.find((sheet) => sheet.name === 'Axe 1')!;
  const headerRow = axis.rows.findIndex((row) => row?.[0]?.value === 'Clé');
  const column = axis.rows[headerRow].findIndex((cell) => cell?.value === quarter);
  const rowOf = (key: string) => axis.rows.findIndex((row) => row?.[0]?.value === key) + 1;
  const letter = (index: number) => String.fromCharCode(65 + index);
  const percentCell = `${letter(column)}${rowOf('G1-QN1')}`;
  const dateCell = `${letter(column)}${rowOf('G1-QN2')}`;
  fake.seed.numberFormat('Axe 1', percentCell, '0%').sheet('Axe 1', [[0.85]], percentCell);
  fake.seed.numberFormat('Axe 1', dateCell, 'dd/mm/yyyy').sheet('Axe 1', [[46096]], dateCell);

  const report = await validateWorkbook(port, { today: now });
  const found = report.issues
    .filter((issue) => ['number-is-date', 'percent-read-as-fraction'].includes(issue.code))
    .map((issue) => [issue.code, issue.cell]);
  expect(found).toEqual([
    ['percent-read-as-fraction', percentCell],
    ['number-is-date', dateCell],
  ]);
  expect((await computeAndWrite(port, { now })).status).toBe('refused');

  fake.seed.numberFormat('Axe 1', dateCell, 'General').sheet('Axe 1', [['']], dateCell);
  expect((await computeAndWrite(port, { now })).status).toBe('done');
  expect(cellOf(await port.read(), 'G1-QN1', quarter)).toEqual({ value: 0.85, isPercent: true });
});
