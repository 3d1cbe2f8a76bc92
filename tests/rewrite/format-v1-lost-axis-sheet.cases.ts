import { renderIssueMessage, validateGrids, type Issue } from '../../src/app';
import type { WorkbookGrids } from '../../src/domain/grid';
import { fixtureBytes, FIXTURE_DAY, gridsOfBytes } from './format-v1';

/**
 * A format 1 workbook (its key list does not record axes) whose axis sheet was renamed or deleted is reported as
 * the current format's is: one `missing-sheet` error naming the sheet (and the renamed one), not one « la ligne a
 * disparu » per row of it. The key list goes axis by axis, so a key's axis is told by where its row is, or by the
 * place of its keys between the axes whose sheets are there.
 */

const describeIssue = (issue: Issue) => `${issue.code} ${issue.sheet ?? ''}`;

async function errorsAfter(edit: (grids: WorkbookGrids) => void): Promise<Issue[]> {
  const grids = gridsOfBytes(fixtureBytes('suivi-v1.xlsx'));
  edit(grids);
  const report = await validateGrids(grids, { today: FIXTURE_DAY });
  expect(report.readable).toBe(true);
  return report.issues.filter((issue) => issue.severity === 'error');
}

function sheetIndex(grids: WorkbookGrids, name: string): number {
  const index = grids.sheets.findIndex((sheet) => sheet.name === name);
  if (index < 0) throw new Error(`no sheet ${name}`);
  return index;
}

const rename = (from: string, to: string) => (grids: WorkbookGrids) =>
  void (grids.sheets[sheetIndex(grids, from)].name = to);
const remove = (name: string) => (grids: WorkbookGrids) => void grids.sheets.splice(sheetIndex(grids, name), 1);

describe('a format 1 workbook whose axis sheet was renamed or deleted', () => {
  it.each([
    ['Axe 1', 'Parentalité'],
    ['Axe 2', 'Axe deux'],
    ['Axe 13', 'Dernier axe'],
  ])('« %s » renamed « %s »: one missing-sheet error pointing at it, no lost row', async (from, to) => {
    const errors = await errorsAfter(rename(from, to));
    expect(errors.map(describeIssue)).toEqual([`missing-sheet ${from}`]);
    expect(renderIssueMessage(errors[0])).toContain(
      `La feuille «\u00a0${to}\u00a0» semble être «\u00a0${from}\u00a0» renommée`,
    );
  });

  it.each(['Axe 1', 'Axe 7'])('« %s » deleted: one missing-sheet error, no lost row', async (name) => {
    const errors = await errorsAfter(remove(name));
    expect(errors.map(describeIssue)).toEqual([`missing-sheet ${name}`]);
  });

  it('two sheets renamed: each is pointed at under its own name', async () => {
    const errors = await errorsAfter((grids) => {
      rename('Axe 3', 'Jeunesse')(grids);
      rename('Axe 4', 'Logement')(grids);
    });
    expect(errors.map(describeIssue)).toEqual(['missing-sheet Axe 3', 'missing-sheet Axe 4']);
    const messages = errors.map((issue) => renderIssueMessage(issue));
    expect(messages[0]).toContain('La feuille «\u00a0Jeunesse\u00a0» semble être «\u00a0Axe 3\u00a0» renommée');
    expect(messages[1]).toContain('La feuille «\u00a0Logement\u00a0» semble être «\u00a0Axe 4\u00a0» renommée');
  });
});
