import { embeddedPlan } from '../../src/app/plan-source';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { validateWorkbook } from '../../src/app/validate';
import { generateOnFake } from '../excel-backend/helpers/run-on-fake';
import { samplePlan } from '../layout/helpers/sample-plan';
import { generateXlsx } from '../excel-backend/helpers/xlsx-side';
import { axisCell, computeFile, editWorkbook, validateFile } from './file-side';

/**
 * The convention's dates are stored in `_ctg` (the tools wrote them; the quarter columns were made from them) and
 * shown in Paramètres. Changed by hand in either sheet, they are an error at the changed cell and nothing is
 * rewritten: today's quarter columns would otherwise be read as « unknown » and their values deleted.
 */
const now = new Date('2026-11-28T10:00:00Z');

let generated: Uint8Array;
beforeAll(async () => {
  generated = await generateXlsx(embeddedPlan().plan, now);
});

/** A value typed in 2026-T1, then one edit of a convention date. */
async function withDateEdit(sheet: string, cell: string, value: string | Date) {
  return editWorkbook(generated, (workbook) => {
    axisCell(workbook, 'G1-QN1', '2026-T1').value = 7;
    workbook.getWorksheet(sheet)!.getCell(cell).value = value;
  });
}

test('the start date of `_ctg` changed by hand: an error at that cell, no « unknown column », nothing written', async () => {
  const bytes = await withDateEdit('_ctg', 'B5', '2026-04-01');
  const { report, messages } = await validateFile(bytes, now);
  const errors = report.issues.filter((issue) => issue.severity === 'error');
  expect(errors.map((issue) => [issue.code, issue.sheet, issue.cell])).toEqual([['ctg-period-changed', '_ctg', 'B5']]);
  expect(messages).toContain(
    '_ctg, cellule B5\u00a0: «\u00a0Début de la convention\u00a0» a été modifié à la main (valeur lue\u00a0: «\u00a02026-04-01\u00a0»)\u00a0: ' +
      'il ne correspond plus aux colonnes des trimestres des feuilles d’axe, de 2026-T1 à 2030-T4. ' +
      'Remettez «\u00a02026-01-01\u00a0»\u00a0; les dates de la convention se changent dans le plan, puis en régénérant le classeur.',
  );
  expect(report.issues.filter((issue) => issue.code === 'unknown-column')).toEqual([]);
  const computed = await computeFile(bytes, now);
  expect(computed.outcome.status).toBe('refused');
  expect(computed.written).toBeNull();
});

test('the convention lengthened by hand in `_ctg`: that one error, not a missing column for each quarter added', async () => {
  for (const [cell, value] of [
    ['B5', '2025-01-01'],
    ['B6', '2031-12-31'],
  ]) {
    const bytes = await withDateEdit('_ctg', cell, value);
    const { report } = await validateFile(bytes, now);
    const errors = report.issues.filter((issue) => issue.severity === 'error');
    expect(errors.map((issue) => [issue.code, issue.sheet, issue.cell])).toEqual([
      ['ctg-period-changed', '_ctg', cell],
    ]);
  }
});

/** Deletes the quarter column `label` from the axis sheets `sheets` (every one when omitted). */
function deleteQuarterColumn(
  workbook: Parameters<Parameters<typeof editWorkbook>[1]>[0],
  label: string,
  sheets?: string[],
) {
  for (const sheet of workbook.worksheets) {
    if (!sheet.name.startsWith('Axe ') || (sheets && !sheets.includes(sheet.name))) continue;
    let column = 0;
    sheet.getRow(3).eachCell((cell, index) => {
      if (cell.value === label) column = index;
    });
    if (column > 0) sheet.spliceColumns(column, 1);
  }
}

test('the first or last quarter column deleted, the dates intact in both sheets: the column is named, not the dates', async () => {
  for (const label of ['2030-T4', '2026-T1']) {
    const bytes = await editWorkbook(generated, (workbook) => deleteQuarterColumn(workbook, label));
    const { report } = await validateFile(bytes, now);
    const errors = report.issues.filter((issue) => issue.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((issue) => [issue.code, issue.params.header])).toEqual(
      errors.map(() => ['missing-column', label]),
    );
  }
});

test('both sheets’ dates changed alike against the columns they were made from: still the dates’ error', async () => {
  const bytes = await editWorkbook(generated, (workbook) => {
    workbook.getWorksheet('_ctg')!.getCell('B5').value = '2026-04-01';
    workbook.getWorksheet('Paramètres')!.getCell('B7').value = new Date(Date.UTC(2026, 3, 1));
  });
  const { report } = await validateFile(bytes, now);
  const dates = report.issues.filter((issue) => ['ctg-period-changed', 'missing-column'].includes(issue.code));
  expect(dates.map((issue) => [issue.code, issue.sheet, issue.cell])).toEqual([['ctg-period-changed', '_ctg', 'B5']]);
});

test('`_ctg` lengthened and a column deleted inside the convention: the deleted column is still named', async () => {
  const bytes = await editWorkbook(generated, (workbook) => {
    workbook.getWorksheet('_ctg')!.getCell('B6').value = '2031-12-31';
    deleteQuarterColumn(workbook, '2027-T2', ['Axe 1']);
  });
  const { report } = await validateFile(bytes, now);
  const errors = report.issues.filter((issue) => issue.severity === 'error');
  expect(errors.map((issue) => [issue.code, issue.sheet, issue.params.header ?? null])).toEqual([
    ['missing-column', 'Axe 1', '2027-T2'],
    ['ctg-period-changed', '_ctg', null],
  ]);
});

test('the end date of `_ctg` typed as a date (not the stored text): an error at that cell', async () => {
  const bytes = await withDateEdit('_ctg', 'B6', new Date(Date.UTC(2029, 11, 31)) as never);
  const { report } = await validateFile(bytes, now);
  const errors = report.issues.filter((issue) => issue.severity === 'error');
  expect(errors.map((issue) => [issue.code, issue.sheet, issue.cell])).toEqual([['ctg-period-changed', '_ctg', 'B6']]);
  expect((await computeFile(bytes, now)).written).toBeNull();
});

test('Paramètres’ start date no longer the one of `_ctg`: an error at the Paramètres cell, nothing written', async () => {
  const bytes = await withDateEdit('Paramètres', 'B7', new Date(Date.UTC(2026, 3, 1)) as never);
  const { report, messages } = await validateFile(bytes, now);
  const errors = report.issues.filter((issue) => issue.severity === 'error');
  expect(errors.map((issue) => [issue.code, issue.sheet, issue.cell])).toEqual([
    ['settings-period-mismatch', 'Paramètres', 'B7'],
  ]);
  expect(messages).toContain(
    'Paramètres, cellule B7\u00a0: «\u00a0Début de la convention\u00a0» (01/04/2026) n’est plus la date enregistrée par l’outil ' +
      '(01/01/2026)\u00a0: elle a été modifiée à la main. Remettez 01/01/2026\u00a0; les dates de la convention se changent ' +
      'dans le plan, puis en régénérant le classeur.',
  );
  expect((await computeFile(bytes, now)).written).toBeNull();
});

test('on the fake Excel: the start date of `_ctg` changed by hand is the same error, and compute refuses', async () => {
  const { fake, port } = await generateOnFake(samplePlan(), now);
  fake.seed.sheet('_ctg', [['2026-04-01']], 'B5');
  const report = await validateWorkbook(port, { today: now });
  const errors = report.issues.filter((issue) => issue.severity === 'error');
  expect(errors.map((issue) => [issue.code, issue.sheet, issue.cell])).toEqual([['ctg-period-changed', '_ctg', 'B5']]);
  expect((await computeAndWrite(port, { now })).status).toBe('refused');
});
