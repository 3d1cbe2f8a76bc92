import { computeAndWrite, regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import { validateWorkbook } from '../../src/app/validate';
import { renderIssueMessage } from '../../src/domain/issues';
import { gridText, type SheetGrid } from '../../src/domain/grid';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { KEYS_FIRST_ROW } from '../../src/layout/sheets/ctg-meta/ctg-meta-layout';
import { metaTexts } from '../../src/layout/texts';
import { samplePlan, samplePlanWithoutG1QL1 } from '../layout/helpers/sample-plan';
import { filePort, put, refusal, roundTrip, sheet } from './helpers';

/**
 * The tools leave the row right under `_ctg`'s key list empty (the list ends there). A note a person types in its
 * column A is no key of theirs: it is named as typed (`ctg-cell-typed`, to be moved to another sheet), as any other
 * value typed in `_ctg`, and the key list and the retired keys under it are read as they are.
 */

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');

/** The first row under the key list, empty as the tools write it. */
function underKeyList(meta: SheetGrid): number {
  let row = KEYS_FIRST_ROW;
  while (gridText(meta, row, 1) !== '') row += 1;
  return row;
}

describe('a note typed in _ctg right under the key list', () => {
  it('refuses the rewrite, named at its cell as typed, not as a key list row', async () => {
    const file = filePort(await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec));
    const meta = sheet(file.grids(), '_ctg');
    const under = underKeyList(meta);
    put(meta, under, 1, { value: 'Voir avec la CAF' });

    const issues = await refusal(file, (port) => computeAndWrite(port, { now: later }));

    expect(issues.map((issue) => [issue.code, issue.cell, issue.params.value])).toEqual([
      ['ctg-cell-typed', `A${under}`, 'Voir avec la CAF'],
    ]);
    expect(renderIssueMessage(issues[0])).toContain('Déplacez-le dans une autre feuille');
    const report = await validateWorkbook(file.port, { today: later });
    expect(report.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.code)).toEqual([
      'ctg-cell-typed',
    ]);

    put(meta, under, 1, null);
    expect((await computeAndWrite(file.port, { now: later })).status).toBe('done');
  }, 60_000);

  it('between the key list and the retired keys, leaves both read as they are', async () => {
    const generated = filePort(await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec));
    expect((await regenerateAndWrite(generated.port, samplePlanWithoutG1QL1(), { now: today })).status).toBe('done');
    const file = filePort(generated.grids());
    const meta = sheet(file.grids(), '_ctg');
    const under = underKeyList(meta);
    expect([gridText(meta, under + 1, 1), gridText(meta, under + 2, 1)]).toEqual([
      metaTexts.retiredKeysTitle,
      'G1-QL1',
    ]);
    put(meta, under, 1, { value: 'Voir avec la CAF' });

    const report = await validateWorkbook(file.port, { today: later });

    expect(
      report.issues.filter((issue) => issue.severity === 'error').map((issue) => [issue.code, issue.cell]),
    ).toEqual([['ctg-cell-typed', `A${under}`]]);
  }, 60_000);
});
