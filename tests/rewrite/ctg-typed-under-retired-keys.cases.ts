import { computeAndWrite, regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import { validateWorkbook } from '../../src/app/validate';
import { renderIssueMessage } from '../../src/domain/issues';
import { gridText } from '../../src/domain/grid';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { metaTexts } from '../../src/layout/texts';
import { samplePlan, samplePlanWithoutG1QL1 } from '../layout/helpers/sample-plan';
import { filePort, put, refusal, roundTrip, sheet } from './helpers';

/**
 * `_ctg`'s retired keys block ends, as the tools write it, at its last key: a value a person types in column A right
 * under it is no retired key, and the next rewrite, which writes `_ctg` again from the keys it reads, would drop it.
 * It is named at its cell (`ctg-cell-typed`) and every rewrite refused until it is moved.
 */

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');

/** A workbook regenerated once with a row removed: `_ctg` holds one retired key; the row under it. */
async function withRetiredKey() {
  const generated = filePort(await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec));
  expect((await regenerateAndWrite(generated.port, samplePlanWithoutG1QL1(), { now: today })).status).toBe('done');
  const file = filePort(generated.grids());
  const meta = sheet(file.grids(), '_ctg');
  const title = meta.rows.findIndex((_, index) => gridText(meta, index + 1, 1) === metaTexts.retiredKeysTitle) + 1;
  expect(gridText(meta, title + 1, 1)).toBe('G1-QL1');
  return { file, meta, under: title + 2 };
}

describe('a value typed in _ctg right under the last retired key', () => {
  it('refuses the rewrite, named at its cell, instead of being dropped as a malformed retired key', async () => {
    const { file, meta, under } = await withRetiredKey();
    put(meta, under, 1, { value: 'Voir avec la CAF' });

    const issues = await refusal(file, (port) => computeAndWrite(port, { now: later }));

    expect(issues.map((issue) => [issue.code, issue.cell, issue.params.value])).toEqual([
      ['ctg-cell-typed', `A${under}`, 'Voir avec la CAF'],
    ]);
  }, 60_000);

  it('is read as a retired key, and kept, when it is one as the tools write it', async () => {
    const { file, meta, under } = await withRetiredKey();
    put(meta, under, 1, { value: 'G7' });
    put(meta, under, 2, { value: 'Fiche' });
    put(meta, under, 4, { value: 1 });

    const outcome = await computeAndWrite(file.port, { now: later });

    expect(outcome.status).toBe('done');
    const rewritten = sheet(file.grids(), '_ctg');
    expect([gridText(rewritten, under - 1, 1), gridText(rewritten, under, 1)]).toEqual(['G1-QL1', 'G7']);
  }, 60_000);
});

describe('a retired key’s type changed by hand in _ctg', () => {
  it('refuses the rewrite, saying at the type cell that it is the tools’ record and which type to type back', async () => {
    const { file, meta, under } = await withRetiredKey();
    const row = under - 1; // G1-QL1's
    put(meta, row, 2, { value: 'Qualitatf' });

    const issues = await refusal(file, (port) => computeAndWrite(port, { now: later }));

    expect(issues.map((issue) => [issue.code, issue.cell])).toEqual([['ctg-retired-key-changed', `B${row}`]]);
    const message = renderIssueMessage(issues[0]);
    expect(message).toContain(
      'le type de la clé retirée «\u00a0G1-QL1\u00a0» a été remplacé par «\u00a0Qualitatf\u00a0»',
    );
    expect(message).toContain(`retapez «\u00a0Qualitatif\u00a0» en B${row}`);
    expect(message).not.toContain('Déplacez-le');
    // Validation, which the pane and the command line both show, says the same.
    const report = await validateWorkbook(file.port, { today: later });
    const errors = report.issues.filter((issue) => issue.severity === 'error');
    expect(errors.map((issue) => [issue.code, issue.cell, renderIssueMessage(issue)])).toEqual([
      ['ctg-retired-key-changed', `B${row}`, message],
    ]);
  }, 60_000);

  it('writes again once the type is typed back, the retired key kept', async () => {
    const { file, meta, under } = await withRetiredKey();
    put(meta, under - 1, 2, { value: 'Qualitatf' });
    expect((await computeAndWrite(file.port, { now: later })).status).toBe('refused');
    put(meta, under - 1, 2, { value: 'Qualitatif' });

    expect((await computeAndWrite(file.port, { now: later })).status).toBe('done');
    expect(gridText(sheet(file.grids(), '_ctg'), under - 1, 1)).toBe('G1-QL1');
  }, 60_000);
});
