import { createFakeExcel } from './index';

/** Code written against @types/office-js, as src/excel will be, runs unchanged on the fake. */
async function writeStatuses(run: typeof Excel.run, sheetName: string, statuses: string[]): Promise<number> {
  return run(async (context: Excel.RequestContext) => {
    const existing = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    const sheet = existing.isNullObject ? context.workbook.worksheets.add(sheetName) : existing;
    const target = sheet.getRangeByIndexes(0, 0, statuses.length, 1);
    target.numberFormat = statuses.map(() => ['@']);
    target.values = statuses.map((s) => [s]);
    target.format.autofitColumns();
    sheet.freezePanes.freezeRows(1);
    const used = sheet.getUsedRange(true);
    used.load('rowCount');
    await context.sync();
    return used.rowCount;
  });
}

describe('Office.js-typed code on the fake', () => {
  it('runs a typed batch and reports what Excel would', async () => {
    const fake = createFakeExcel();
    const rows = await writeStatuses(fake.officeJs.Excel.run, 'Paramètres', ['Statut', 'Non démarrée', '=En cours']);
    expect(rows).toBe(3);
    expect(fake.inspect.values('Paramètres', 'A1:A3')).toEqual([['Statut'], ['Non démarrée'], ['=En cours']]);
    expect(fake.inspect.freezePanes('Paramètres')).toEqual({ rows: 1, columns: 0 });
    // Two explicit syncs plus Excel.run's final one, which had nothing left to send.
    expect([fake.stats.syncs, fake.stats.roundTrips]).toEqual([3, 2]);
    expect(fake.officeJs.Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
  });
});
