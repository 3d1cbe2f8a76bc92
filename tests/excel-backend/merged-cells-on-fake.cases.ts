import { bilanSheets, buildBilan } from '../../src/app/bilan';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { validateGrids, validateWorkbook } from '../../src/app/validate';
import { cellAddress } from '../../src/layout/a1';
import { samplePlan } from '../layout/helpers/sample-plan';
import { locate, sheet } from '../rewrite/helpers';
import { withMergedCells } from '../xlsx-patch/helpers';
import { generateOnFake, validateOnFake, WITHOUT_PAYLOAD_LIMITS } from './helpers/run-on-fake';
import { editXlsx, generateXlsx, gridsOfXlsx } from './helpers/xlsx-side';

/**
 * Cells a person merged in an axis sheet of the open workbook: the pane's « Vérifier » names them as `validate` names
 * a file's, and « Calculer » is refused alike, the workbook left as it was. The read asks Excel for the axis sheets'
 * merged areas where it has them (ExcelApi 1.13), in the same round trip; an older Excel names none, and a sheet past
 * the 512 areas Excel lists never fails the read.
 */

const today = new Date('2026-11-28T10:00:00Z');
const now = new Date('2026-11-28T11:00:00Z');

/** `first:last` of G1-QN1's 2026-T1 and 2026-T2 in `Axe 1` of the generated workbook, with 12 in the first. */
async function mergedQuartersOnFake(apiVersion: string) {
  const run = await generateOnFake(samplePlan(), today, { ...WITHOUT_PAYLOAD_LIMITS, apiVersion });
  const axis = sheet(await run.port.read(), 'Axe 1');
  const at = locate(axis, 'G1-QN1', '2026-T1')!;
  const [first, hidden] = [cellAddress(at.row + 1, at.column + 1), cellAddress(at.row + 1, at.column + 2)];
  run.fake.seed.sheet('Axe 1', [[12, 15]], first).merge('Axe 1', `${first}:${hidden}`);
  return { ...run, first, hidden, range: `${first}:${hidden}` };
}

const mergedIssuesOf = (report: Awaited<ReturnType<typeof validateWorkbook>>) =>
  report.issues.filter((issue) => issue.code.startsWith('merged-'));

test('« Vérifier » names the merged range as validate names a file’s', async () => {
  const { port, first, hidden, range } = await mergedQuartersOnFake('1.13');
  const file = gridsOfXlsx(
    withMergedCells(
      await editXlsx(await generateXlsx(samplePlan(), today), [
        { sheet: 'Axe 1', cell: first, value: 12 },
        { sheet: 'Axe 1', cell: hidden, value: 15 },
      ]),
      'Axe 1',
      [range],
    ),
  );
  const fromExcel = mergedIssuesOf(await validateWorkbook(port, { today: now }));
  expect(fromExcel).toEqual(mergedIssuesOf(await validateGrids(file, { today: now })));
  expect(fromExcel).toEqual([
    expect.objectContaining({
      code: 'merged-cells',
      cell: first,
      params: expect.objectContaining({ range, value: '15' }),
    }),
  ]);
}, 120_000);

test('the merged areas cost the read no round trip', async () => {
  const { fake, port } = await mergedQuartersOnFake('1.13');
  await port.read();
  const { roundTrips } = await validateOnFake(fake, port, now);
  expect(roundTrips).toBe(1);
}, 120_000);

test('« Calculer » is refused at the range and writes nothing', async () => {
  const { fake, port, first, range } = await mergedQuartersOnFake('1.13');
  const before = fake.inspect.snapshotWorkbook();
  const outcome = await computeAndWrite(port, { now });
  expect(outcome.status).toBe('refused');
  const issues = 'issues' in outcome ? outcome.issues : [];
  expect(issues.map((issue) => [issue.code, issue.cell, issue.params.range])).toEqual([['merged-cells', first, range]]);
  expect(fake.inspect.snapshotWorkbook()).toEqual(before);
  expect(fake.inspect.merges('Axe 1')).toEqual([range]);
}, 120_000);

test('a bilan of the open workbook, read from some sheets, is refused as the command line’s is', async () => {
  const { port, first } = await mergedQuartersOnFake('1.13');
  const outcome = await buildBilan(await port.read({ sheets: bilanSheets }), {
    kind: 'annual',
    cdsf: false,
    today: now,
  });
  expect(outcome).toMatchObject({ ok: false, refusal: 'refused' });
  const issues = outcome.ok ? [] : outcome.issues;
  expect(issues.map((issue) => [issue.code, issue.cell])).toEqual([['merged-cells', first]]);
}, 120_000);

test('an Excel without merged areas (before ExcelApi 1.13) names none', async () => {
  const { port } = await mergedQuartersOnFake('1.12');
  expect(mergedIssuesOf(await validateWorkbook(port, { today: now }))).toEqual([]);
}, 120_000);

test('an axis sheet past the 512 areas Excel lists is read without them, never failing the read', async () => {
  const { fake, port } = await mergedQuartersOnFake('1.13');
  for (let row = 200; row < 712; row++) fake.seed.merge('Axe 1', `AM${row}:AN${row}`);
  const report = await validateWorkbook(port, { today: now });
  expect(report.readable).toBe(true);
  expect(mergedIssuesOf(report)).toEqual([]);
}, 120_000);

test('a sheet of a person’s own is not asked: its many merged areas leave the axis sheets’ named', async () => {
  const { fake, port, first } = await mergedQuartersOnFake('1.13');
  fake.seed.sheet('Mes notes', [['Réunion du 12 mars']]);
  for (let row = 1; row < 601; row++) fake.seed.merge('Mes notes', `A${row}:C${row}`);
  const issues = mergedIssuesOf(await validateWorkbook(port, { today: now }));
  expect(issues.map((issue) => [issue.sheet, issue.cell])).toEqual([['Axe 1', first]]);
}, 120_000);

test('a row merged whole (its number clicked, then « Fusionner et centrer ») is named as in a file', async () => {
  // Excel gives such an area's address as whole rows (`'Axe 1'!5:5`), a file as cells (`A5:XFD5`).
  const run = await generateOnFake(samplePlan(), today, { ...WITHOUT_PAYLOAD_LIMITS, apiVersion: '1.13' });
  const row = locate(sheet(await run.port.read(), 'Axe 1'), 'G1-QN1', 'Clé')!.row + 1;
  run.fake.seed.merge('Axe 1', `${row}:${row}`);
  const file = gridsOfXlsx(withMergedCells(await generateXlsx(samplePlan(), today), 'Axe 1', [`A${row}:XFD${row}`]));
  const fromExcel = mergedIssuesOf(await validateWorkbook(run.port, { today: now }));
  expect(fromExcel).toEqual(mergedIssuesOf(await validateGrids(file, { today: now })));
  expect(fromExcel).toEqual([
    expect.objectContaining({
      code: 'merged-cells',
      cell: `A${row}`,
      params: expect.objectContaining({ reason: 'key' }),
    }),
  ]);
}, 120_000);
