import { mergeAndWrite } from '../../src/app/merge/merge-workbook';
import { undoLastMerge } from '../../src/app/merge/undo-merge';
import type { GridCell, SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import { readTrackingWorkbook } from '../../src/app/read-tracking-workbook';
import { quarterCellEntries } from '../../src/domain/tracking';
import { cellAddress } from '../../src/layout/a1';
import { writtenRowPlaces } from '../../src/layout/sheets/axis/written-addresses';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { filePort, locate, roundTrip, sheet, typeInto } from '../rewrite/helpers';

/**
 * A master whose axis table a person sorted, then merged into: the merge's rewrite puts the rows back in the plan's
 * order (docs/WORKBOOK.md, « Rows out of order »), so the cells its report names are where the values are once
 * written, not where they were read. So for its undo.
 */

const generatedOn = new Date('2026-05-10T09:00:00Z');
const mergedOn = new Date('2026-05-11T09:00:00Z');
const undoneOn = new Date('2026-05-12T09:00:00Z');

/** Sorts the table's rows on the « Type » column, descending, as Excel's « Trier » would (whole rows move). */
function sortAxisTable(grid: SheetGrid): void {
  const header = grid.rows.findIndex((row) => row?.some((cell) => cell?.value === 'Clé'));
  const typeColumn = grid.rows[header].findIndex((cell) => cell?.value === 'Type');
  let last = header + 1;
  while (typeof grid.rows[last + 1]?.[0]?.value === 'string' && grid.rows[last + 1]?.[0]?.value !== '') last += 1;
  const rows = grid.rows.slice(header + 1, last + 1);
  const text = (row: (GridCell | null)[]) => String(row?.[typeColumn]?.value ?? '');
  rows.sort((a, b) => text(b).localeCompare(text(a), 'fr'));
  grid.rows.splice(header + 1, rows.length, ...rows);
}

const addressOf = (grids: WorkbookGrids, key: string, header: string) => {
  const at = locate(sheet(grids, 'Axe 1'), key, header);
  if (!at) throw new Error(`no cell for ${key} ${header}`);
  return cellAddress(at.row + 1, at.column + 1);
};

describe('a merge into a master whose axis table was sorted', () => {
  let fresh: WorkbookGrids;

  beforeAll(async () => {
    fresh = await roundTrip((await buildNewWorkbook(samplePlan(), { today: generatedOn })).spec);
  }, 30_000);

  const sortedMaster = () => {
    const grids = typeInto(fresh, [{ key: 'G1', header: 'Partenaires', value: 'Centre social Le Lien' }]);
    sortAxisTable(sheet(grids, 'Axe 1'));
    return filePort(grids);
  };

  it('knows where a rewrite writes each cell: where a freshly written workbook holds it', async () => {
    const reading = await readTrackingWorkbook(fresh);
    if (!reading.ok) throw new Error('unreadable');
    const read = new Map<string, string>();
    for (const row of reading.axisSheets.flatMap((axis) => axis.rows)) {
      if (row.type !== 'fiche' && row.type !== 'criterion') continue;
      for (const [field, cell] of Object.entries(row.cells)) if (cell) read.set(`${row.key} ${field}`, cell.address);
      if (row.type === 'criterion')
        for (const [label, cell] of quarterCellEntries(row.quarterCells)) read.set(`${row.key} ${label}`, cell.address);
    }
    const written = new Map<string, string>();
    for (const [key, place] of writtenRowPlaces(samplePlan(), reading.quarters))
      for (const [field, cell] of place.cells) written.set(`${key} ${field}`, cell);

    expect(written.size).toBeGreaterThan(100);
    expect(written).toEqual(read);
  });

  it('names in its report the cells where the values are after the rows were put back', async () => {
    const master = sortedMaster();
    const readAt = addressOf(master.grids(), 'G1-QN1', '2026-T1');
    const returned = { file: 'retour.xlsx', grids: typeInto(fresh, [{ key: 'G1-QN1', header: '2026-T1', value: 9 }]) };

    const outcome = await mergeAndWrite(master.port, [returned], { now: mergedOn, partner: 'Centre social Le Lien' });

    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    const writtenAt = addressOf(master.grids(), 'G1-QN1', '2026-T1');
    // The sort moved the row: the test means something only if the rewrite moved it back.
    expect(writtenAt).not.toBe(readAt);
    expect(outcome.report.applied.map(({ key, cell }) => ({ key, cell }))).toEqual([
      { key: 'G1-QN1', cell: writtenAt },
    ]);
    expect(outcome.report.applied[0].new).toEqual({ type: 'number', value: 9 });
  });

  it('names in the undo’s report the cells given back, where they are', async () => {
    const master = sortedMaster();
    const returned = { file: 'retour.xlsx', grids: typeInto(fresh, [{ key: 'G1-QN1', header: '2026-T1', value: 9 }]) };
    await mergeAndWrite(master.port, [returned], { now: mergedOn, partner: 'Centre social Le Lien' });
    // Sorted again after the merge: the undo's own rewrite puts the rows back again.
    const grids = master.grids();
    sortAxisTable(sheet(grids, 'Axe 1'));
    const again = filePort(grids);
    const readAt = addressOf(again.grids(), 'G1-QN1', '2026-T1');

    const outcome = await undoLastMerge(again.port, { now: undoneOn });

    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    const writtenAt = addressOf(again.grids(), 'G1-QN1', '2026-T1');
    expect(writtenAt).not.toBe(readAt);
    expect(outcome.report.restored.map(({ key, cell }) => ({ key, cell }))).toEqual([
      { key: 'G1-QN1', cell: writtenAt },
    ]);
  });
});
