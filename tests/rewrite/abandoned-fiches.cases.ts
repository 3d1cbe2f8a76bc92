import { closeQuarterAndWrite, computeAndWrite } from '../../src/app/rewrite-use-cases';
import { computeFigures } from '../../src/app/compute';
import { readWorkbookState } from '../../src/app/workbook-state';
import type { WorkbookGrids } from '../../src/domain/grid';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { samplePlan } from '../layout/helpers/sample-plan';
import { roundTrip, sheet, typeInto, valueAt, type Entry } from './helpers';

/**
 * « Abandonnée en » kept in step with Statut by compute and close-quarter (docs/WORKBOOK.md, « Abandoned fiches »): Q is
 * written when the Statut is first seen « Abandonnée », the cell is emptied when it no longer is, each change a
 * Journal line; the figures returned (the task pane's follow-up) are those of the workbook written.
 */

const generatedOn = new Date('2026-05-10T09:00:00Z');
const computedOn = new Date('2026-05-20T10:00:00Z');

/** A port over grids that keeps what is written, read back as the next read (a file written, then opened). */
function filePort(initial: WorkbookGrids) {
  let grids = initial;
  return {
    grids: () => grids,
    port: {
      read: async () => grids,
      write: async (spec: WorkbookSpec) => {
        grids = await roundTrip(spec);
      },
    },
  };
}

const journalRows = (grids: WorkbookGrids) =>
  sheet(grids, 'Journal')
    .rows.slice(1)
    .map((row) => Array.from({ length: 5 }, (_, index) => row[index + 1]?.value ?? null));

async function workbookWith(entries: readonly Entry[]) {
  const fresh = await roundTrip((await buildNewWorkbook(samplePlan(), { today: generatedOn })).spec);
  return filePort(typeInto(fresh, entries));
}

describe('the quarter of abandonment', () => {
  it('is written by compute when the Statut is first seen « Abandonnée », emptied when it no longer is, journalled', async () => {
    const file = await workbookWith([
      { key: 'G1', header: 'Statut', value: 'abandonnée' },
      { key: 'G2', header: 'Statut', value: 'En cours' },
      { key: 'G2', header: 'Abandonnée en', value: '2026-T1' },
      { key: 'S13', header: 'Statut', value: 'Abandonnée' },
      { key: 'S13', header: 'Abandonnée en', value: '2026-T1' },
    ]);
    const journalBefore = journalRows(file.grids());
    const outcome = await computeAndWrite(file.port, { now: computedOn });
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome));
    const written = file.grids();
    expect(valueAt(written, 'G1', 'Abandonnée en')?.value).toBe('2026-T2');
    expect(valueAt(written, 'G2', 'Abandonnée en')?.value ?? null).toBeNull();
    // A quarter already there (typed by an officer) is kept.
    expect(valueAt(written, 'S13', 'Abandonnée en')?.value).toBe('2026-T1');
    expect(journalRows(written)).toEqual([
      ...journalBefore,
      ['Calcul des taux', 'G1', 'Abandonnée en', null, '2026-T2'],
      ['Calcul des taux', 'G2', 'Abandonnée en', '2026-T1', null],
    ]);
    // The figures returned are those of the workbook as written (G1 and S13 expect nothing in Q).
    const reread = await readWorkbookState(written);
    if (!reread.ok) throw new Error('unreadable');
    expect(outcome.figures).toEqual(computeFigures(reread.state).figures);
    expect(outcome.figures.axes.find((axis) => axis.number === 13)?.fillPeriod).toBeNull();

    // Computed again, in a later quarter: nothing changes, no Journal line.
    const again = await computeAndWrite(file.port, { now: computedOn, quarter: '2026-T3' });
    if (again.status !== 'done') throw new Error(JSON.stringify(again));
    expect(valueAt(file.grids(), 'G1', 'Abandonnée en')?.value).toBe('2026-T2');
    expect(journalRows(file.grids()).filter((row) => row[2] === 'Abandonnée en')).toHaveLength(2);
  }, 60_000);

  it('is, for close-quarter, the quarter being closed', async () => {
    const file = await workbookWith([{ key: 'G1-B', header: 'Statut', value: 'Abandonnée' }]);
    const outcome = await closeQuarterAndWrite(file.port, { now: new Date('2026-07-02T10:00:00Z') });
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome));
    expect(outcome).toMatchObject({ closed: '2026-T2', next: '2026-T3' });
    expect(valueAt(file.grids(), 'G1-B', 'Abandonnée en')?.value).toBe('2026-T2');
    expect(journalRows(file.grids()).slice(-2)).toEqual([
      ['Clôture du trimestre', 'G1-B', 'Abandonnée en', null, '2026-T2'],
      ['Clôture du trimestre', null, 'Trimestre en cours', '2026-T2', '2026-T3'],
    ]);
  }, 60_000);
});
