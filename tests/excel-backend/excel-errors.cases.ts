import { generateWorkbook } from '../../src/app/generate';
import { validateWorkbook } from '../../src/app/validate';
import { createExcelPort, explainExcelError, ExcelWorkbookError } from '../../src/excel';
import { excelErrorTexts } from '../../src/excel/excel-texts';
import type { FakeContext } from '../fake-excel';
import { samplePlan } from '../layout/helpers/sample-plan';
import { portOnFake } from './helpers/run-on-fake';

/** Excel's failures reach the task pane as ExcelWorkbookError: the Office.js code and a French "what to do". */
const today = new Date('2026-11-28T10:00:00Z');

test('a cell being edited: generate and validate fail with what to press in Excel', async () => {
  const { fake, port } = portOnFake();
  fake.setCellEditMode(true);
  const expected = {
    code: 'InvalidOperationInCellEditMode',
    message: 'Une cellule est en cours de modification\u00a0: appuyez sur Entrée ou Échap dans Excel, puis réessayez.',
  };
  await expect(generateWorkbook(samplePlan(), port, { today })).rejects.toMatchObject(expected);
  await expect(validateWorkbook(port, { today })).rejects.toMatchObject(expected);
  // Once the cell is left, the same port works.
  fake.setCellEditMode(false);
  await generateWorkbook(samplePlan(), port, { today });
  expect(fake.inspect.sheetNames()).toContain('Paramètres');
});

test("a request above the host's limit (budget set too high for it) is explained, nothing half-written", async () => {
  const { fake, port } = portOnFake({ requestPayloadLimit: 50_000 });
  const failure = generateWorkbook(samplePlan(), port, { today });
  await expect(failure).rejects.toBeInstanceOf(ExcelWorkbookError);
  await expect(failure).rejects.toMatchObject({
    code: 'RequestPayloadSizeLimitExceeded',
    message: excelErrorTexts.RequestPayloadSizeLimitExceeded,
  });
  expect(fake.inspect.sheetNames()).toEqual(['Feuil1']);
});

test('a locked cell of a protected sheet (AccessDenied) is explained with the protection to lift', async () => {
  const { fake } = portOnFake();
  let caught: unknown = null;
  try {
    await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.getItem('Feuil1');
      sheet.protection.protect();
      await context.sync();
      sheet.getRange('A1').values = [['x']];
      await context.sync();
    });
  } catch (error) {
    caught = error;
  }
  expect(caught).toMatchObject({ code: 'AccessDenied' });
  expect(explainExcelError(caught)).toEqual({ code: 'AccessDenied', message: excelErrorTexts.AccessDenied });
});

test('codes with the same meaning share a text; anything else gets the general one, never an English message', () => {
  expect(explainExcelError({ code: 'ItemNotFound', message: 'The requested resource doesn’t exist.' })).toEqual({
    code: 'ItemNotFound',
    message: excelErrorTexts.ItemNotFound,
  });
  expect(explainExcelError({ code: 'InsertDeleteConflict' }).message).toBe(excelErrorTexts.Conflict);
  expect(explainExcelError({ code: 'GeneralException' }).message).toBe(excelErrorTexts.GeneralException);
  expect(explainExcelError({ code: 'InvalidArgument' }).message).toBe(excelErrorTexts.InvalidArgument);
  expect(explainExcelError(new TypeError('x is undefined'))).toEqual({
    code: 'Unknown',
    message: excelErrorTexts.Unknown,
  });
  for (const message of Object.values(excelErrorTexts)) expect(message).not.toMatch(/\b(the|please|error)\b/i);
});

test('outside Excel (no Excel global) the port says so instead of crashing', async () => {
  const port = createExcelPort({ office: undefined });
  await expect(port.read()).rejects.toMatchObject({
    code: 'ExcelUnavailable',
    message: excelErrorTexts.ExcelUnavailable,
  });
});

test('select shows a cell: its sheet activated, the cell selected, in one round trip', async () => {
  const { fake, port } = portOnFake();
  await generateWorkbook(samplePlan(), port, { today });
  fake.stats.reset();
  await port.select('Axe 1', 'K5');
  expect(fake.stats.roundTrips).toBe(1);
  expect(fake.inspect.activeSheet()).toBe('Axe 1');
  expect(fake.inspect.selection()).toEqual({ sheet: 'Axe 1', address: 'K5' });
});
