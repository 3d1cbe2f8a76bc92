import { computeAndWrite, regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import { validateWorkbook } from '../../src/app/validate';
import { renderIssueMessageFor } from '../../src/domain/issues';
import { metaTexts } from '../../src/layout/texts';
import { samplePlan, samplePlanWithoutG2 } from '../layout/helpers/sample-plan';
import { generateOnFake, WITHOUT_PAYLOAD_LIMITS } from './helpers/run-on-fake';

/**
 * In Excel too (the pane's Calculer and its check), a retired key's type changed by hand in `_ctg` is said to be the
 * tools' record, with the type to type back, not a value to move; the rewrite is refused and nothing written.
 */
const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');

test('Calculer is refused at the changed type cell, saying which type to type back', async () => {
  const { fake, port } = await generateOnFake(samplePlan(), today, WITHOUT_PAYLOAD_LIMITS);
  expect((await regenerateAndWrite(port, samplePlanWithoutG2(), { now: later })).status).toBe('done');
  const column = fake.inspect.values('_ctg', 'A1:A200').map(([value]) => value);
  const row = column.indexOf(metaTexts.retiredKeysTitle) + 2; // the first retired key's
  expect(fake.inspect.values('_ctg', `A${row}:B${row}`)).toEqual([['G2', 'Fiche']]);
  await fake.officeJs.Excel.run(async (context) => {
    const meta = context.workbook.worksheets.getItem('_ctg');
    meta.protection.unprotect();
    meta.getRange(`B${row}`).values = [['Fich']];
    await context.sync();
  });
  const before = fake.inspect.snapshotWorkbook();

  const outcome = await computeAndWrite(port, { now: later });

  expect(outcome.status).toBe('refused');
  const issues = 'issues' in outcome ? outcome.issues : [];
  expect(issues.map((issue) => [issue.code, issue.sheet, issue.cell])).toEqual([
    ['ctg-retired-key-changed', '_ctg', `B${row}`],
  ]);
  const message = renderIssueMessageFor('task-pane', issues[0]);
  expect(message).toContain('le type de la clé retirée «\u00a0G2\u00a0» a été remplacé par «\u00a0Fich\u00a0»');
  expect(message).toContain(`retapez «\u00a0Fiche\u00a0» en B${row}`);
  expect(fake.inspect.snapshotWorkbook()).toEqual(before);
  const report = await validateWorkbook(port, { today: later });
  const errors = report.issues.filter((issue) => issue.severity === 'error');
  expect(errors.map((issue) => [issue.code, issue.cell, renderIssueMessageFor('task-pane', issue)])).toEqual([
    ['ctg-retired-key-changed', `B${row}`, message],
  ]);
}, 120_000);
