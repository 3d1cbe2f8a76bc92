import { sampleExtractGrids } from './sample-extract';
import { validateGrids } from '../../src/app/validate';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessageFor } from '../../src/domain/issues';
import { sheet } from '../rewrite/helpers';
import { sortTable } from '../rewrite/sort-table';

const today = new Date('2026-05-10T09:00:00Z');

/**
 * A partner who sorts the table of the extract they fill (docs/WORKBOOK.md, « Extracts »): no command puts an
 * extract's rows back in order (each refuses an extract), and the merge reads each row by its key; so checking the
 * extract says the sort loses nothing, and never sends the partner or the officer to `compute` or « Calculer ».
 */
describe('an extract whose axis table a partner sorted', () => {
  let sorted: WorkbookGrids;

  beforeAll(async () => {
    sorted = await sampleExtractGrids('CCMP', today);
    sortTable(sheet(sorted, 'Axe 1'), 'Type');
  }, 30_000);

  it('is a warning for the sheet that says the merge reads rows by key, not an error sending to compute', async () => {
    const report = await validateGrids(sorted, { today });

    expect(report.issues.filter((issue) => issue.code === 'axis-rows-out-of-order')).toEqual([]);
    const said = report.issues.filter((issue) => issue.code === 'extract-rows-out-of-order');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ severity: 'warning', sheet: 'Axe 1' });
    expect(report.errors).toBe(0);
    for (const surface of ['command-line', 'task-pane'] as const) {
      const message = renderIssueMessageFor(surface, said[0]);
      expect(message).toMatch(/^Axe 1, cellule A\d+\u00a0: \d+ critères ne sont plus sous la ligne de leur fiche/);
      expect(message).toContain('La fusion lit chaque ligne par sa clé\u00a0: le tri ne fait rien perdre');
      expect(message).not.toMatch(/compute|Calculer/);
    }
  });
});
