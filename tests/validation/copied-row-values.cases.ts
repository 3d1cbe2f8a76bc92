import { validateGrids } from '../../src/app/validate';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage } from '../../src/domain/issues';
import { cellAddress } from '../../src/layout/a1';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { copyOf, locate, put, roundTrip, sheet } from '../rewrite/helpers';

/**
 * A row copied under its own key is refused (`duplicate-key`); the message says to delete the copy. When the person
 * typed values in the copy that its original does not hold, deleting it as told would lose them: the message names
 * those cells, to carry over first.
 */

const today = new Date('2026-05-10T09:00:00Z');

describe('a row copied under its own key', () => {
  let fresh: WorkbookGrids;

  beforeAll(async () => {
    fresh = await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec);
  }, 30_000);

  function withCopy(edit: (copyRow: number, quarterColumn: number, grids: WorkbookGrids) => void) {
    const grids = copyOf(fresh);
    const axis = sheet(grids, 'Axe 1');
    const at = locate(axis, 'G1-QN2', '2026-T2')!;
    put(axis, at.row + 1, at.column + 1, { value: 4 });
    const copy = axis.rows[at.row].map((cell) => (cell ? { ...cell } : null));
    axis.rows.splice(at.row + 1, 0, copy);
    edit(at.row + 2, at.column + 1, grids);
    return grids;
  }

  async function duplicateMessage(grids: WorkbookGrids): Promise<string> {
    const report = await validateGrids(grids, { today });
    const [issue] = report.issues.filter((one) => one.code === 'duplicate-key');
    return renderIssueMessage(issue);
  }

  it('names the cells only the copy holds, to carry over before deleting it', async () => {
    const grids = withCopy((copyRow, quarterColumn, g) => {
      put(sheet(g, 'Axe 1'), copyRow, quarterColumn, { value: 9 });
      put(sheet(g, 'Axe 1'), copyRow, quarterColumn + 1, { value: 11 });
    });
    const message = await duplicateMessage(grids);
    const copyRow = locate(sheet(fresh, 'Axe 1'), 'G1-QN2', '2026-T2')!.row + 2;
    const column = locate(sheet(fresh, 'Axe 1'), 'G1-QN2', '2026-T2')!.column + 1;
    expect(message).toContain(`${cellAddress(copyRow, column)}, ${cellAddress(copyRow, column + 1)}`);
    expect(message).toMatch(/reportez/);
    expect(message).toMatch(/Supprimez-la ensuite\.$/);
  }, 30_000);

  it('only says to delete the copy when it holds nothing its original does not', async () => {
    const message = await duplicateMessage(withCopy(() => {}));
    expect(message).not.toMatch(/reportez/);
    expect(message).toMatch(/Supprimez la ligne copiée\.$/);
  }, 30_000);
});
