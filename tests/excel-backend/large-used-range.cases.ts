import { generateWorkbook } from '../../src/app/generate';
import { validateWorkbook } from '../../src/app/validate';
import { readSheet } from '../../src/domain/grid';
import { createFakeExcel, type FakeContext } from '../fake-excel';
import { samplePlan } from '../layout/helpers/sample-plan';
import { portOnFake, WITHOUT_PAYLOAD_LIMITS, type FakeOptions } from './helpers/run-on-fake';

/**
 * « On all platforms, a range is limited to five million cells for get operations » and « in some cases,
 * `Range.values` returns `null` instead » of an error (learn.microsoft.com, « Excel JavaScript API performance
 * optimization », Payload size limit best practices; OfficeDev/office-js#4783 and #6781: a used range above five
 * million cells reads `values` and `text` as null, on Windows, Mac and the web alike). A person's sheet reaches
 * that size with one value typed far down or far right (A1 and E1000001: 5 × 1 000 001 cells). The fake's
 * `cellReadLimit` stands for the five million here, so that the sheet stays small: 'Mes notes' with a value in A1
 * and one in E5000 passes a limit of 20 000 cells that every sheet of the tracking workbook stays under.
 */

const today = new Date('2026-11-28T10:00:00Z');
const CELL_READ_LIMIT = 20_000;

const hosts: [string, FakeOptions][] = [
  ['Excel on the web', { cellReadLimit: CELL_READ_LIMIT }],
  ['Excel on a computer', { ...WITHOUT_PAYLOAD_LIMITS, cellReadLimit: CELL_READ_LIMIT }],
];

describe.each(hosts)('%s: a person’s sheet whose used range passes the cells Excel reads at once', (_host, options) => {
  test('is read whole, and the tracking workbook validates as it did without it', async () => {
    const { fake, port } = portOnFake(options);
    await generateWorkbook(samplePlan(), port, { today });
    const before = await validateWorkbook(port, { today });
    for (const sheet of fake.inspect.snapshotWorkbook().sheets) {
      const cells = sheet.rows.length * Math.max(0, ...sheet.rows.map((row) => row.length));
      expect([sheet.name, cells < CELL_READ_LIMIT]).toEqual([sheet.name, true]);
    }

    fake.seed.sheet('Mes notes', [['début']]).sheet('Mes notes', [['fin']], 'E5000');
    const grids = await port.read();
    const notes = readSheet(grids, 'Mes notes')!;
    expect(notes.rows[0][0]?.value).toBe('début');
    expect(notes.rows[4999][4]?.value).toBe('fin');
    expect(notes.rows[2500].every((cell) => cell === null)).toBe(true);

    const after = await validateWorkbook(port, { today });
    expect(after.issues).toEqual(before.issues);
  }, 120_000);
});

test('the fake reads a range of five million cells (on a computer), and past that gives its contents as null', async () => {
  const fake = createFakeExcel({ sheets: ['Feuil1'], ...WITHOUT_PAYLOAD_LIMITS });
  fake.seed.sheet('Feuil1', [['début']]).sheet('Feuil1', [['fin']], 'E1000000');
  await fake.Excel.run(async (context: FakeContext) => {
    const sheet = context.workbook.worksheets.getItem('Feuil1');
    const limit = sheet.getRange('A1:E1000000').load('values, cellCount');
    const past = sheet
      .getUsedRange(true)
      .getResizedRange(1, 0)
      .load('values, formulas, numberFormat, valueTypes, text, cellCount');
    await context.sync();
    expect(limit.cellCount).toBe(5_000_000);
    expect(limit.values[999_999][4]).toBe('fin');
    expect(past.cellCount).toBe(5_000_005);
    expect([past.values, past.formulas, past.numberFormat, past.valueTypes, past.text]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
