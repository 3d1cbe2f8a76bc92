import { validateGrids } from '../../src/app/validate';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage } from '../../src/domain/issues';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { copyOf, roundTrip, sheet } from '../rewrite/helpers';

/**
 * A header of an axis table retyped with a letter more or less (« Commentaires ») is no header of the tools': its
 * column is missing, and the retyped one is a person's. The error names the cell to put the header back in, and the
 * column is not also said kept as the person's.
 */

const today = new Date('2026-05-10T09:00:00Z');

describe('a header of an axis table retyped a letter off', () => {
  let fresh: WorkbookGrids;

  beforeAll(async () => {
    fresh = await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec);
  }, 30_000);

  function renamed(from: string, to: string): WorkbookGrids {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    const r = axis.rows.findIndex((row) => row?.some((cell) => cell?.value === 'Clé'));
    const c = axis.rows[r].findIndex((cell) => cell?.value === from);
    axis.rows[r][c] = { value: to };
    return grids;
  }

  it('is one error at its cell that says which header to put back there', async () => {
    const grids = renamed('Commentaire', 'Commentaires');
    const report = await validateGrids(grids, { today });
    const onAxis = report.issues.filter((issue) => issue.code.endsWith('-column'));
    expect(onAxis.map((issue) => issue.code)).toEqual(['missing-column']);
    const [issue] = onAxis;
    expect(issue.cell).not.toBeNull();
    const message = renderIssueMessage(issue);
    expect(message).toContain(`Axe 1, cellule ${issue.cell}`);
    expect(message).toMatch(/«\u00a0Commentaires\u00a0»/);
    expect(message).toMatch(/Remettez «\u00a0Commentaire\u00a0» dans cette cellule/);
  }, 30_000);

  it('leaves a header of the person’s own, far from any missing one, as their column', async () => {
    const grids = renamed('Commentaire', 'Suivi interne');
    const report = await validateGrids(grids, { today });
    const codes = report.issues.filter((issue) => issue.code.endsWith('-column')).map((issue) => issue.code);
    expect(codes.sort()).toEqual(['missing-column', 'unknown-column']);
  }, 30_000);
});
