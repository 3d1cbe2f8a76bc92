import { generateWorkbook } from '../../src/app/generate';
import { ExcelWorkbookError } from '../../src/excel';
import { excelErrorTexts, degradationNotes } from '../../src/excel/excel-texts';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import type { FakeContext } from '../fake-excel';
import { samplePlan } from '../layout/helpers/sample-plan';
import { portOnFake } from './helpers/run-on-fake';

/**
 * Older Excel versions (requirement sets) and workbooks that already hold something: what is degraded is said in
 * French, what the user added is kept, our own sheets are replaced whole.
 */
const today = new Date('2026-11-28T10:00:00Z');

describe('requirement sets', () => {
  test('ExcelApi 1.8: the workbook is written without filters and print setup, and the notes say so', async () => {
    const { fake, port } = portOnFake({ apiVersion: '1.8' });
    await generateWorkbook(samplePlan(), port, { today });
    const { spec } = await buildNewWorkbook(samplePlan(), { today });
    const filtered = spec.sheets.filter((sheet) => sheet.autoFilter);
    expect(filtered.length).toBeGreaterThan(0);
    expect(port.notes()).toEqual([degradationNotes.pageLayout, degradationNotes.sheetAutoFilter]);
    for (const sheet of filtered) expect(fake.inspect.autoFilter(sheet.name)).toBeNull();
    expect(fake.inspect.pageLayout('Axe 1')).toEqual({});
    // Everything else is there: the validations (1.8) and the protection.
    expect(fake.inspect.validations('Axe 1').length).toBeGreaterThan(0);
    expect(fake.inspect.protection('Axe 1').protected).toBe(true);
    // The facts, the content with the look at the new workbook's empty sheet, the protection and the switch.
    expect(port.lastWriteSyncs()).toBe(3);
  }, 60_000);

  test('a current Excel gets everything and no note', async () => {
    const { port } = portOnFake({ apiVersion: '1.12' });
    await generateWorkbook(samplePlan(), port, { today });
    expect(port.notes()).toEqual([]);
    expect(port.capabilities()).toEqual({
      minimum: true,
      pageLayout: true,
      sheetAutoFilter: true,
      undo: false,
      createWorkbook: true,
      cellComments: true,
      cellNotes: false,
      mergedAreas: false,
    });
  }, 60_000);

  test('below ExcelApi 1.8 nothing is written and the message says which Excel to use', async () => {
    const { fake, port } = portOnFake({ apiVersion: '1.7' });
    const failure = generateWorkbook(samplePlan(), port, { today });
    await expect(failure).rejects.toBeInstanceOf(ExcelWorkbookError);
    await expect(failure).rejects.toMatchObject({ code: 'ExcelApiTooOld', message: excelErrorTexts.ExcelApiTooOld });
    expect(fake.inspect.sheetNames()).toEqual(['Feuil1']);
  });
});

describe('a workbook that already holds something', () => {
  test("a user's sheet with content is kept (after ours); an empty default sheet among others too", async () => {
    const { fake, port } = portOnFake({ sheets: ['Feuil1', 'Mes notes'] });
    fake.seed.sheet('Mes notes', [['Réunion du 3 mars', 12]]);
    const summary = await generateWorkbook(samplePlan(), port, { today });
    expect(fake.inspect.sheetNames()).toEqual([...summary.sheets, 'Feuil1', 'Mes notes']);
    expect(fake.inspect.values('Mes notes', 'A1:B1')).toEqual([['Réunion du 3 mars', 12]]);
  }, 60_000);

  test('generating again replaces our sheets whole (even protected with a password), keeps the others', async () => {
    const { fake, port } = portOnFake();
    const first = await generateWorkbook(samplePlan(), port, { today });
    fake.seed.sheet('Mes notes', [['à garder']]);
    await fake.Excel.run(async (context: FakeContext) => {
      const axis = context.workbook.worksheets.getItem('Axe 1');
      axis.protection.unprotect();
      axis.getRange('Z40').values = [['saisie hors tableau']];
      // The layout of format 2: the axis sheet as an Excel table, criterion rows grouped under their fiche.
      axis.autoFilter.remove();
      axis.tables.add('A3:AS12', true).name = 'Suivi_Axe_1';
      axis.getRange('5:7').group('ByRows');
      axis.protection.protect({ allowAutoFilter: true }, 'secret');
      await context.sync();
    });

    fake.stats.reset();
    const again = await generateWorkbook(samplePlan(), port, { today });
    expect(fake.stats.roundTrips).toBe(2);
    expect(fake.inspect.sheetNames()).toEqual([...again.sheets, 'Mes notes']);
    expect(again.sheets).toEqual(first.sheets);
    expect(fake.inspect.values('Axe 1', 'Z40')).toEqual([['']]);
    expect(fake.inspect.values('Mes notes', 'A1')).toEqual([['à garder']]);
    // No table and no group (the old ones went with their sheets), the sheets' filters, one of each name.
    const { spec } = await buildNewWorkbook(samplePlan(), { today });
    expect(fake.inspect.tables()).toEqual([]);
    expect(fake.inspect.rowOutlineLevels('Axe 1')).toEqual({});
    for (const sheet of spec.sheets)
      expect([sheet.name, fake.inspect.autoFilter(sheet.name)]).toEqual([sheet.name, sheet.autoFilter ?? null]);
    expect(fake.inspect.names().map((name) => name.name)).toEqual(spec.definedNames.map((name) => name.name));
    expect(fake.inspect.protection('Axe 1')).toMatchObject({ protected: true, options: { allowFormatRows: true } });
    expect(fake.inspect.snapshotGrid('Paramètres')).toEqual(
      (await port.read()).sheets.find((sheet) => sheet.name === 'Paramètres'),
    );
  }, 120_000);

  test('a workbook whose structure is protected is left untouched, with a French explanation', async () => {
    const { fake, port } = portOnFake({ sheets: ['Feuil1', 'Budget'] });
    await fake.Excel.run(async (context: FakeContext) => {
      context.workbook.protection.protect();
      await context.sync();
    });
    const failure = generateWorkbook(samplePlan(), port, { today });
    await expect(failure).rejects.toMatchObject({
      code: 'WorkbookStructureProtected',
      message: excelErrorTexts.WorkbookStructureProtected,
    });
    expect(fake.inspect.sheetNames()).toEqual(['Feuil1', 'Budget']);
  });
});
