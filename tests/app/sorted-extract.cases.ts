import { sampleExtractGrids } from './sample-extract';
import { validateGrids } from '../../src/app/validate';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessageFor } from '../../src/domain/issues';
import { sheet } from '../rewrite/helpers';
import { keysOf, sortTable } from '../rewrite/sort-table';

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

  it('says of one criterion dragged under another fiche that the move, not a sort, loses nothing', async () => {
    const grids = await sampleExtractGrids('CCMP', today);
    const axis = sheet(grids, 'Axe 1');
    const keys = keysOf(axis);
    const criterion = keys.find((key) => /-QN1$/.test(key))!;
    const otherFiche = keys.find((key, index) => index > keys.indexOf(criterion) && !key.includes('-'))!;
    const rowOf = (key: string) => axis.rows.findIndex((row) => row?.[0]?.value === key);
    const [moved] = axis.rows.splice(rowOf(criterion), 1);
    axis.rows.splice(rowOf(otherFiche) + 1, 0, moved);

    const said = (await validateGrids(grids, { today })).issues.filter(
      (issue) => issue.code === 'extract-rows-out-of-order',
    );

    expect(said).toHaveLength(1);
    const message = renderIssueMessageFor('command-line', said[0]);
    expect(message).toContain('une ligne a sans doute été déplacée');
    expect(message).toContain('le déplacement ne fait rien perdre');
    expect(message).toContain('annulez le déplacement (Ctrl+Z)');
    expect(message).not.toMatch(/trié|le tri\b/);
  });

  // The merge tells keys swapped from rows moved by the master's Intitulé (`merge-key-changed`), never mixing values.
  it('says no key changed of two criteria of one type the partner exchanged whole', async () => {
    const grids = await sampleExtractGrids('CCMP', today);
    const axis = sheet(grids, 'Axe 1');
    const keys = keysOf(axis);
    const at = keys.findIndex((key, index) => /-QN1$/.test(key) && /-QN2$/.test(keys[index + 1] ?? ''));
    expect(at).toBeGreaterThanOrEqual(0);
    const rowOf = (key: string) => axis.rows.findIndex((row) => row?.[0]?.value === key);
    const [a, b] = [rowOf(keys[at]), rowOf(keys[at + 1])];
    [axis.rows[a], axis.rows[b]] = [axis.rows[b], axis.rows[a]];

    const report = await validateGrids(grids, { today });

    expect(report.issues.filter((issue) => issue.code === 'key-changed')).toEqual([]);
    expect(report.errors).toBe(0);
  });
});
