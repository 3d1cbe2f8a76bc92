import { validateGrids, validateWorkbook } from '../../src/app/validate';
import { embeddedPlan } from '../../src/app/plan-source';
import { samplePlan } from '../layout/helpers/sample-plan';
import { asExcelGivesBack } from '../fake-excel';
import { generateOnFake } from './helpers/run-on-fake';
import { editXlsx, generateXlsx, gridsOfXlsx } from './helpers/xlsx-side';

/**
 * The same use cases on both back ends: the workbook generated in (fake) Excel through Office.js and the .xlsx
 * file generated with ExcelJS read back to the same grids — values, formulas, computed results, dates, sheet
 * order and visibility — and validate to the same report.
 */
const today = new Date('2026-11-28T10:00:00Z');

describe.each([
  ['the embedded Monts du Pilat plan', () => embeddedPlan().plan],
  ['the hand-made sample plan', () => samplePlan()],
])('%s on both back ends', (_, plan) => {
  test('generate gives the same grids for every sheet, read by either reader', async () => {
    const { fake, port } = await generateOnFake(plan(), today);
    // Compared as Excel gives formulas back: a sheet's name without the quotes it does not need.
    const file = asExcelGivesBack(gridsOfXlsx(await generateXlsx(plan(), today)));
    const excel = await port.read();
    expect(excel.sheets.map((sheet) => sheet.name)).toEqual(file.sheets.map((sheet) => sheet.name));
    // Merged ranges only the .xlsx reader gives, for a merge to tell a partner's merged cells (Paramètres' title).
    expect(file.sheets.find((sheet) => sheet.name === 'Paramètres')?.mergedRanges).toContain('A1:B1');
    file.sheets.forEach(({ mergedRanges: _, ...sheet }, index) => expect(excel.sheets[index]).toEqual(sheet));
    // The port's read equals what the fake holds (the fake's own snapshot, no proxies).
    expect(excel).toEqual(fake.inspect.snapshotWorkbook());
  });

  test('validate gives the same report', async () => {
    const { port } = await generateOnFake(plan(), today);
    const file = gridsOfXlsx(await generateXlsx(plan(), today));
    const fromExcel = await validateWorkbook(port, { today });
    expect(fromExcel.readable).toBe(true);
    expect(fromExcel).toEqual(await validateGrids(file, { today }));
  });
});

test('the same wrong entries are reported the same by both back ends', async () => {
  const plan = embeddedPlan().plan;
  const { fake, port } = await generateOnFake(plan, today);
  const axis = (await port.read()).sheets.find((sheet) => sheet.name === 'Axe 1')!;
  const header = axis.rows.findIndex((row) => row.some((cell) => cell?.value === 'Clé'));
  const column = (title: string) => axis.rows[header].findIndex((cell) => cell?.value === title);
  const letter = (index: number) => String.fromCharCode(65 + index);
  const ficheRow = header + 2; // the first data row, 1-based
  const criterionRow = header + 3;
  const edits = [
    { sheet: 'Axe 1', cell: `${letter(column('Statut'))}${ficheRow}`, value: 'Presque fini' },
    { sheet: 'Axe 1', cell: `${letter(column('Avancement (%)'))}${ficheRow}`, value: 140 },
    { sheet: 'Axe 1', cell: `${letter(column('Clé'))}${criterionRow}`, value: 'ZZ9' },
  ];
  for (const edit of edits) fake.seed.sheet(edit.sheet, [[edit.value]], edit.cell);
  const file = gridsOfXlsx(await editXlsx(await generateXlsx(plan, today), edits));

  const fromExcel = await validateWorkbook(port, { today });
  const fromFile = await validateGrids(file, { today });
  expect(fromExcel.errors).toBeGreaterThanOrEqual(3);
  expect(fromExcel).toEqual(fromFile);
});
