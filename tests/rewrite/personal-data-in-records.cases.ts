import { mergeAndWrite } from '../../src/app/merge/merge-workbook';
import { closeQuarterAndWrite, computeAndWrite, regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import type { WorkbookGrids } from '../../src/domain/grid';
import { gridText } from '../../src/domain/grid';
import { cellAddress } from '../../src/layout/a1';
import { readJournalSheet } from '../../src/layout/sheets/journal/journal-read';
import { editXlsx } from '../excel-backend/helpers/xlsx-side';
import { samplePlan, samplePlanWithoutG1QL1 } from '../layout/helpers/sample-plan';
import { changesOf, filledWorkbook, gridsOf, recordingPort } from '../xlsx-patch/helpers';
import { locate, sheet, typeInto } from './helpers';

/**
 * Personal data the records keep after it left the tracking (docs/WORKBOOK.md, « Personal data in the records »): a
 * closed quarter's Historique, the Archives of a row the plan removed, a merge's Journal line with a person's note
 * beside it. The next rewrite erases it there in place (the file patched, not rebuilt), and a note beside a record
 * stays beside it.
 */

const generatedOn = new Date('2026-08-10T10:00:00Z'); // Q = 2026-T3
const later = new Date('2026-10-05T10:00:00Z');
const EMAIL = 'marie.martin@example.org';
const ERASED = '[donnée personnelle effacée]';

/** The address (`A1`) of an axis cell, by key and header. */
function axisCell(grids: WorkbookGrids, key: string, header: string): string {
  const at = locate(sheet(grids, 'Axe 1'), key, header)!;
  return cellAddress(at.row + 1, at.column + 1);
}

/** The values of a sheet's column, from row 2. */
function columnTexts(grids: WorkbookGrids, name: string, column: number): string[] {
  const grid = sheet(grids, name);
  return grid.rows.slice(1).map((_, index) => gridText(grid, index + 2, column));
}

describe('personal data erased from the tracking, in the records of a file', () => {
  it('is erased in place from Historique by the compute that follows, journalled, the file patched', async () => {
    let bytes = await filledWorkbook(
      samplePlan(),
      [{ key: 'G1-QL1', header: 'Commentaire', value: `Voir avec ${EMAIL}` }],
      generatedOn,
    );
    const closing = recordingPort(bytes);
    expect((await closeQuarterAndWrite(closing.port, { now: generatedOn })).status).toBe('done');
    bytes = closing.last();
    // Still in the tracking: Historique keeps it as it was.
    expect(columnTexts(gridsOf(bytes), 'Historique', 4)).toEqual([`Voir avec ${EMAIL}`]);
    bytes = await editXlsx(bytes, [
      { sheet: 'Axe 1', cell: axisCell(gridsOf(bytes), 'G1-QL1', 'Commentaire'), value: '' },
    ]);

    const computing = recordingPort(bytes);
    const outcome = await computeAndWrite(computing.port, { now: later });
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.notes.map((note) => `${note.code} ${note.sheet} ${String(note.params.count)}`)).toEqual([
      'personal-data-erased Historique 1',
    ]);
    const changed = changesOf(computing.contexts[0]).cells.filter((cell) => cell.sheet === 'Historique');
    expect(changed).toEqual([expect.objectContaining({ row: 2, column: 4, content: `Voir avec ${ERASED}` })]);
    const grids = gridsOf(computing.last());
    expect(columnTexts(grids, 'Historique', 4)).toEqual([`Voir avec ${ERASED}`]);
    const line = readJournalSheet(sheet(grids, 'Journal')).entries.find((entry) => entry.operation === 'erasure');
    expect(line).toMatchObject({
      label: 'Historique',
      before: {
        value: '1 valeur contenait une donnée personnelle qui n’est plus dans le suivi (une adresse électronique)',
      },
    });
  }, 30_000);

  it('erases only the pieces that stand whole: not inside a longer address or digit run the tracking keeps', async () => {
    const kept = `Écrire à ${EMAIL}, allocataire 10477123456`;
    const typed = `Écrire à martin@example.org ou ${EMAIL}, tél. 0477123456, allocataire 10477123456`;
    let bytes = await filledWorkbook(
      samplePlan(),
      [{ key: 'G1-QL1', header: 'Commentaire', value: typed }],
      generatedOn,
    );
    const closing = recordingPort(bytes);
    expect((await closeQuarterAndWrite(closing.port, { now: generatedOn })).status).toBe('done');
    bytes = await editXlsx(closing.last(), [
      { sheet: 'Axe 1', cell: axisCell(gridsOf(closing.last()), 'G1-QL1', 'Commentaire'), value: kept },
    ]);

    const computing = recordingPort(bytes);
    const outcome = await computeAndWrite(computing.port, { now: later });

    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
    expect(columnTexts(gridsOf(computing.last()), 'Historique', 4)).toEqual([
      `Écrire à ${ERASED} ou ${EMAIL}, tél. ${ERASED}, allocataire 10477123456`,
    ]);
  }, 30_000);

  it('erases it from Archives in the regeneration that removes its row, saying so', async () => {
    const bytes = await filledWorkbook(
      samplePlan(),
      [
        { key: 'G1-QL1', header: 'Commentaire', value: `Voir avec ${EMAIL}` },
        { key: 'G1-QN1', header: '2026-T1', value: 4 },
      ],
      generatedOn,
    );
    const amended = samplePlanWithoutG1QL1();
    const port = recordingPort(bytes);
    const outcome = await regenerateAndWrite(port.port, amended, { now: later });
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.notes.map((note) => note.code)).toEqual(
      expect.arrayContaining(['rows-archived', 'personal-data-erased']),
    );
    const grids = gridsOf(port.last());
    expect(columnTexts(grids, 'Archives', 6)).toEqual([`Voir avec ${ERASED}`]);
    expect(gridText(sheet(grids, 'Archives'), 2, 2)).toBe('G1-QL1');
  }, 30_000);

  it('keeps a person’s note beside the Journal line whose value it erases', async () => {
    const partner = 'Centre social Le Lien';
    let bytes = await filledWorkbook(samplePlan(), [{ key: 'G1', header: 'Partenaires', value: partner }], generatedOn);
    const merging = recordingPort(bytes);
    const returned = typeInto(gridsOf(bytes), [{ key: 'G1', header: 'Difficultés', value: `Écrire à ${EMAIL}` }]);
    const merged = await mergeAndWrite(merging.port, [{ file: 'retour.xlsx', grids: returned }], {
      now: later,
      partner,
    });
    expect(merged.status).toBe('done');
    bytes = merging.last();
    const journal = sheet(gridsOf(bytes), 'Journal');
    const row = journal.rows.findIndex((cells) => cells?.[5]?.value === `Écrire à ${EMAIL}`) + 1;
    expect(row).toBeGreaterThan(1);
    bytes = await editXlsx(bytes, [
      { sheet: 'Journal', cell: `M${row}`, value: 'Vu avec la DPO' },
      { sheet: 'Axe 1', cell: axisCell(gridsOf(bytes), 'G1', 'Difficultés'), value: '' },
    ]);

    const computing = recordingPort(bytes);
    const outcome = await computeAndWrite(computing.port, { now: later });
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
    const grids = gridsOf(computing.last());
    expect(gridText(sheet(grids, 'Journal'), row, 6)).toBe(`Écrire à ${ERASED}`);
    expect(gridText(sheet(grids, 'Journal'), row, 13)).toBe('Vu avec la DPO');
    expect(changesOf(computing.contexts[0]).cells.length).toBeGreaterThan(0);
  }, 30_000);
});
