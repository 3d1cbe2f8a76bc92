import { embeddedPlan, renderIssueMessage, validateGrids, type Issue } from '../../src/app';
import type { WorkbookGrids } from '../../src/domain/grid';
import { cleanGrids, GENERATION_DAY, rowIndex, sheet } from './clean-workbook';

/**
 * An axis sheet renamed or deleted, and rows deleted at the top of an axis sheet, on the workbook of the embedded
 * plan (13 axes): each is reported once, on the sheet it concerns, because `_ctg`'s key list knows each key's axis.
 */

const describeIssue = (issue: Issue) => `${issue.code} ${issue.sheet ?? ''} ${issue.cell ?? ''} ${issue.rowKey ?? ''}`;

/** The issues of the edited workbook that the clean one does not have. */
async function newIssues(edit: (grids: WorkbookGrids) => void): Promise<Issue[]> {
  const plan = embeddedPlan().plan;
  const clean = await validateGrids(await cleanGrids(plan), { today: GENERATION_DAY });
  const before = new Set(clean.issues.map(describeIssue));
  const grids = await cleanGrids(plan);
  edit(grids);
  const report = await validateGrids(grids, { today: GENERATION_DAY });
  expect(report.readable).toBe(true);
  return report.issues.filter((issue) => !before.has(describeIssue(issue)));
}

const rename = (grids: WorkbookGrids, from: string, to: string) => void (sheet(grids, from).name = to);
const remove = (grids: WorkbookGrids, name: string) =>
  void grids.sheets.splice(grids.sheets.indexOf(sheet(grids, name)), 1);

describe('a renamed or deleted axis sheet', () => {
  it('« Axe 1 » renamed « Axe 1 Parentalité »: one missing-sheet error naming the renamed sheet, no missing rows', async () => {
    const issues = await newIssues((grids) => rename(grids, 'Axe 1', 'Axe 1 Parentalité'));
    expect(issues.map(describeIssue)).toEqual(['missing-sheet Axe 1  ']);
    expect(renderIssueMessage(issues[0])).toBe(
      'La feuille «\u00a0Axe 1\u00a0» manque. La feuille «\u00a0Axe 1 Parentalité\u00a0» semble être «\u00a0Axe 1\u00a0» renommée\u00a0: ' +
        'rendez-lui son nom.',
    );
  });

  it('« Axe 13 » deleted: one missing-sheet error, and no row of it reported on « Axe 12 »', async () => {
    const issues = await newIssues((grids) => remove(grids, 'Axe 13'));
    expect(issues.map(describeIssue)).toEqual(['missing-sheet Axe 13  ']);
    expect(renderIssueMessage(issues[0])).toMatch(
      /^La feuille «\u00a0Axe 13\u00a0» manque\. Elle a sans doute été supprimée/,
    );
  });

  it('both at once: each sheet is reported, the renamed one pointed at', async () => {
    const issues = await newIssues((grids) => {
      rename(grids, 'Axe 1', 'Axe 1 Parentalité');
      remove(grids, 'Axe 13');
    });
    expect(issues.map(describeIssue).sort()).toEqual(['missing-sheet Axe 1  ', 'missing-sheet Axe 13  ']);
    const messages = issues.map((issue) => renderIssueMessage(issue));
    expect(messages.filter((message) => message.includes('«\u00a0Axe 1 Parentalité\u00a0»'))).toHaveLength(1);
  });

  it('an axis sheet renamed as another number (« Axe 13 » → « Axe 14 ») is pointed at too', async () => {
    // Its rows are still read (under « Axe 14 »): only the errors are new.
    const issues = (await newIssues((grids) => rename(grids, 'Axe 13', 'Axe 14'))).filter(
      (issue) => issue.severity === 'error',
    );
    expect(issues.map(describeIssue)).toEqual(['missing-sheet Axe 13  ']);
    expect(renderIssueMessage(issues[0])).toContain(
      'La feuille «\u00a0Axe 14\u00a0» semble être «\u00a0Axe 13\u00a0» renommée',
    );
  });

  it('a sheet of a person that holds none of the keys is not taken for the lost one', async () => {
    const issues = await newIssues((grids) => {
      remove(grids, 'Axe 13');
      grids.sheets.splice(3, 0, {
        name: 'Notes',
        visibility: 'visible',
        rows: [[{ value: 'Clé' }], [{ value: 'X1' }]],
      });
    });
    expect(issues.map(describeIssue)).toEqual(['missing-sheet Axe 13  ']);
    expect(renderIssueMessage(issues[0])).not.toContain('semble être');
  });
});

describe('the first fiche row of an axis deleted', () => {
  it.each([
    ['Axe 2', 'PE7'],
    ['Axe 5', 'E8'],
    ['Axe 13', 'G24'],
  ])('is a missing row on « %s » (key %s), not on the sheet before', async (sheetName, key) => {
    const issues = await newIssues((grids) => {
      const grid = sheet(grids, sheetName);
      grid.rows.splice(rowIndex(grid, key), 1);
    });
    expect(issues.filter((issue) => issue.code === 'missing-row').map(describeIssue)).toEqual([
      `missing-row ${sheetName}  ${key}`,
    ]);
  });
});
