import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { validateGrids } from '../../src/app/validate';
import type { SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage } from '../../src/domain/issues';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { copyOf, filePort, refusal, roundTrip } from '../rewrite/helpers';

/**
 * A sheet a person added under a name the tools keep for their own (an `Axe N` the plan has no axis for, `Archives`
 * before any value was archived) is read as the tools': the rewrite is refused, and the message says to rename it,
 * not to put back a header the person never had. The sheet of the tools whose header row was lost still hears so.
 */

const today = new Date('2026-05-10T09:00:00Z');

function personsSheet(name: string): SheetGrid {
  return {
    name,
    visibility: 'visible',
    rows: [[{ value: 'Brouillon' }], [null, { value: 'dossier 2025' }], [null, null, { value: 42 }]],
  };
}

/** The grids with `added` put before the hidden `_ctg`, where Excel adds a sheet. */
function withSheet(grids: WorkbookGrids, added: SheetGrid): WorkbookGrids {
  const copy = copyOf(grids);
  copy.sheets.splice(copy.sheets.length - 1, 0, added);
  return copy;
}

describe('a person’s sheet named as the tools name theirs', () => {
  let fresh: WorkbookGrids;

  beforeAll(async () => {
    fresh = await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec);
  }, 30_000);

  it('« Axe 14 », for an axis the plan does not have: one error that says to rename it', async () => {
    const grids = withSheet(fresh, personsSheet('Axe 14'));
    const report = await validateGrids(grids, { today });
    const errors = report.issues.filter((issue) => issue.sheet === 'Axe 14');
    expect(errors).toHaveLength(1);
    const message = renderIssueMessage(errors[0]);
    expect(message).toMatch(/n’a pas d’axe 14/);
    expect(message).toMatch(/renommez-la/i);
    expect(message).not.toMatch(/Rétablissez la ligne d’en-tête/);
    const issues = await refusal(filePort(grids), (port) => computeAndWrite(port, { now: today }));
    expect(issues.map((issue) => renderIssueMessage(issue))).toEqual([message]);
  }, 30_000);

  it('« Archives », before the tools made theirs: one error that says to rename it, not one per header and line', async () => {
    expect(fresh.sheets.map((sheet) => sheet.name)).not.toContain('Archives');
    const grids = withSheet(fresh, personsSheet('Archives'));
    const report = await validateGrids(grids, { today });
    const errors = report.issues.filter((issue) => issue.sheet === 'Archives');
    expect(errors).toHaveLength(1);
    const message = renderIssueMessage(errors[0]);
    expect(message).toMatch(/aucun des en-têtes/);
    expect(message).toMatch(/renommez-la/i);
  }, 30_000);

  it('the tools’ own axis sheet whose header row was deleted is still told to put it back', async () => {
    const grids = copyOf(fresh);
    const axis = grids.sheets.find((sheet) => sheet.name === 'Axe 1')!;
    axis.rows.splice(2, 1);
    const report = await validateGrids(grids, { today });
    const message = report.issues
      .filter((issue) => issue.code === 'missing-header-row')
      .map((issue) => renderIssueMessage(issue));
    expect(message).toEqual([expect.stringMatching(/Rétablissez la ligne d’en-tête/)]);
  }, 30_000);
});
