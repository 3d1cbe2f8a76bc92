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

const remove = (grids: WorkbookGrids, name: string) =>
  void grids.sheets.splice(grids.sheets.indexOf(sheet(grids, name)), 1);

describe('a deleted axis sheet', () => {
  it('« Axe 13 » deleted: one missing-sheet error, and no row of it reported on « Axe 12 »', async () => {
    const issues = await newIssues((grids) => remove(grids, 'Axe 13'));
    expect(issues.map(describeIssue)).toEqual(['missing-sheet Axe 13  ']);
    expect(renderIssueMessage(issues[0])).toMatch(/^La feuille « Axe 13 » manque\. Elle a sans doute été supprimée/);
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
