import { generateWorkbook } from '../../src/app/generate';
import { validateWorkbook } from '../../src/app/validate';
import { createExcelPort } from '../../src/excel';
import type { FakeContext } from '../fake-excel';
import { samplePlan } from '../layout/helpers/sample-plan';
import { portOnFake } from './helpers/run-on-fake';

/**
 * « Aller à » a cell of a hidden sheet (`_ctg`, where validation names a value typed by hand, or a person's own hidden
 * sheet): Excel cannot activate a hidden sheet, so the port shows it first and says it did, for the pane to tell.
 */
const today = new Date('2026-11-28T10:00:00Z');

test('after a read, a cell of the hidden _ctg is shown in one round trip, the sheet made visible and said so', async () => {
  const { fake, port } = portOnFake();
  await generateWorkbook(samplePlan(), port, { today });
  await validateWorkbook(port, { today });
  expect(fake.inspect.sheets().find((sheet) => sheet.name === '_ctg')?.visibility).toBe('Hidden');
  fake.stats.reset();
  await expect(port.select('_ctg', 'B40')).resolves.toEqual({ shownSheet: '_ctg' });
  expect(fake.stats.roundTrips).toBe(1);
  expect(fake.inspect.sheets().find((sheet) => sheet.name === '_ctg')?.visibility).toBe('Visible');
  expect(fake.inspect.activeSheet()).toBe('_ctg');
  expect(fake.inspect.selection()).toEqual({ sheet: '_ctg', address: 'B40' });
});

test('a sheet hidden since the last read (or with no read before) is shown all the same', async () => {
  const { fake, port } = portOnFake();
  await generateWorkbook(samplePlan(), port, { today });
  await validateWorkbook(port, { today });
  await fake.officeJs.Excel.run(async (context) => {
    context.workbook.worksheets.getItem('Compétences AO').visibility = 'Hidden';
    await context.sync();
  });
  fake.stats.reset();
  await expect(port.select('Compétences AO', 'C7')).resolves.toEqual({ shownSheet: 'Compétences AO' });
  // Excel's refusal, then the sheet shown as one known hidden is.
  expect(fake.stats.roundTrips).toBe(2);
  expect(fake.inspect.selection()).toEqual({ sheet: 'Compétences AO', address: 'C7' });

  // A fresh port, which has read nothing: `_ctg` is hidden as generated.
  const fresh = createExcelPort({ excel: fake.officeJs.Excel, office: fake.officeJs.Office });
  await expect(fresh.select('_ctg', 'A1')).resolves.toEqual({ shownSheet: '_ctg' });
  expect(fake.inspect.activeSheet()).toBe('_ctg');
});

test('a sheet the last read saw hidden, shown by the person since: not said shown, still one round trip', async () => {
  const { fake, port } = portOnFake();
  await generateWorkbook(samplePlan(), port, { today });
  await validateWorkbook(port, { today });
  await fake.officeJs.Excel.run(async (context) => {
    context.workbook.worksheets.getItem('_ctg').visibility = 'Visible';
    await context.sync();
  });
  fake.stats.reset();
  await expect(port.select('_ctg', 'B40')).resolves.toEqual({ shownSheet: null });
  expect(fake.stats.roundTrips).toBe(1);
  expect(fake.inspect.selection()).toEqual({ sheet: '_ctg', address: 'B40' });
});

test('a visible sheet: nothing shown, one round trip as before', async () => {
  const { fake, port } = portOnFake();
  await generateWorkbook(samplePlan(), port, { today });
  fake.stats.reset();
  await expect(port.select('Axe 1', 'K5')).resolves.toEqual({ shownSheet: null });
  expect(fake.stats.roundTrips).toBe(1);
  expect(
    fake.inspect
      .sheets()
      .filter((sheet) => sheet.visibility !== 'Visible')
      .map((sheet) => sheet.name),
  ).toEqual(['_ctg']);
});

test('a protected workbook structure (no sheet may be shown): Excel refusal explained, the sheet left hidden', async () => {
  const { fake, port } = portOnFake();
  await generateWorkbook(samplePlan(), port, { today });
  await validateWorkbook(port, { today });
  await fake.Excel.run(async (context: FakeContext) => {
    context.workbook.protection.protect();
    await context.sync();
  });
  const failure = port.select('_ctg', 'B40');
  await expect(failure).rejects.toMatchObject({
    code: 'HiddenSheetProtected',
    message:
      'La feuille de cette cellule est masquée et la structure du classeur est protégée\u00a0: Excel ne peut pas ' +
      'l’afficher pour montrer la cellule. Ôtez la protection du classeur (Révision › Protéger le classeur) ou ' +
      'affichez la feuille vous-même, puis réessayez.',
  });
  expect(fake.inspect.sheets().find((sheet) => sheet.name === '_ctg')?.visibility).toBe('Hidden');
});
