import { embeddedPlan } from '../../src/app/plan-source';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { validateWorkbook } from '../../src/app/validate';
import { generateOnFake, WITHOUT_PAYLOAD_LIMITS } from './helpers/run-on-fake';

/**
 * In Excel too (the pane's Calculer), a value a person typed in `_ctg`, unhidden, outside what the tools write there
 * refuses the rewrite at its cell, and the open workbook is left as it was, the value with it.
 */
const today = new Date('2026-11-28T10:00:00Z');
const now = new Date('2026-11-28T11:00:00Z');

test('Calculer is refused at _ctg!H2 and writes nothing', async () => {
  const { fake, port } = await generateOnFake(embeddedPlan().plan, today, WITHOUT_PAYLOAD_LIMITS);
  await fake.officeJs.Excel.run(async (context) => {
    const meta = context.workbook.worksheets.getItem('_ctg');
    meta.protection.unprotect();
    meta.getRange('H2').values = [['à garder']];
    await context.sync();
  });
  const before = fake.inspect.snapshotWorkbook();

  const outcome = await computeAndWrite(port, { now });
  expect(outcome.status).toBe('refused');
  const issues = 'issues' in outcome ? outcome.issues : [];
  expect(issues.map((issue) => [issue.code, issue.sheet, issue.cell])).toEqual([['ctg-cell-typed', '_ctg', 'H2']]);
  expect(fake.inspect.snapshotWorkbook()).toEqual(before);
  expect(fake.inspect.values('_ctg', 'H2')).toEqual([['à garder']]);

  const report = await validateWorkbook(port, { today: now });
  expect(report.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.cell)).toEqual(['H2']);
}, 120_000);
