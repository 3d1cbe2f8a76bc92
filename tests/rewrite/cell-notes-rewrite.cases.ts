import { regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import { renderIssueMessage } from '../../src/domain/issues';
import { gridText, type CellNote } from '../../src/domain/grid';
import { cellAddress } from '../../src/layout/a1';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan, samplePlanWithFicheBeforeG2 } from '../layout/helpers/sample-plan';
import { filePort, locate, put, roundTrip, sheet } from './helpers';

/**
 * A whole rewrite writes each note a person attached to a cell where that cell's content goes: in an axis table by
 * row key and column header (a person's added column included, and the rows under the table, which keep their
 * distance to it), in a record sheet with its record, in a sheet of fixed shape and in a person's own sheet at its
 * address. Here a fiche is inserted before G2: G2's rows, and those under the table, move two rows down.
 */

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');
const note = (address: string, text: string): CellNote => ({ address, text });

describe('notes on cells through a regeneration that moves rows', () => {
  it('each goes where its cell goes, and none is said lost', async () => {
    const grids = await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec);
    const axis = sheet(grids, 'Axe 1');
    // A column a person added after the table (AT, the 46th), a value on G2-QN2's row; a note under the table.
    put(axis, 3, 46, { value: 'Remarques' });
    put(axis, 10, 46, { value: 'Voir la convention' });
    put(axis, 15, 3, { value: 'Total vérifié' });
    axis.notes = [
      note('O10', 'Difficultés de G2-QN2'),
      note('AT10', 'Sur la remarque'),
      note('C15', 'Sous le tableau'),
    ];
    sheet(grids, 'Paramètres').notes = [note('B3', 'Nom officiel du territoire')];
    sheet(grids, 'Journal').notes = [note('F2', 'La génération')];
    sheet(grids, '_ctg').notes = [note('B2', 'Version vue avec le service informatique')];
    grids.sheets.push({ name: 'Mes calculs', visibility: 'visible', rows: [[{ value: 'Mon total' }]] });
    grids.sheets[grids.sheets.length - 1].notes = [note('A1', 'Mon propre calcul')];
    const file = filePort(grids);

    const outcome = await regenerateAndWrite(file.port, samplePlanWithFicheBeforeG2(), { now: later });

    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(outcome.notes.filter((one) => one.code === 'cell-note-not-kept')).toEqual([]);
    const after = file.grids();
    const rewritten = sheet(after, 'Axe 1');
    const remark = locate(rewritten, 'G2-QN2', 'Remarques')!;
    expect(rewritten.rows[remark.row][remark.column]?.value).toBe('Voir la convention');
    expect(gridText(rewritten, 12, 1)).toBe('G2-QN2');
    expect(gridText(rewritten, 17, 3)).toBe('Total vérifié');
    expect(rewritten.notes).toEqual([
      note('O12', 'Difficultés de G2-QN2'),
      note(cellAddress(remark.row + 1, remark.column + 1), 'Sur la remarque'),
      note('C17', 'Sous le tableau'),
    ]);
    expect(sheet(after, 'Paramètres').notes).toEqual([note('B3', 'Nom officiel du territoire')]);
    expect(gridText(sheet(after, 'Journal'), 2, 2)).toBe('Génération');
    expect(sheet(after, 'Journal').notes).toEqual([note('F2', 'La génération')]);
    expect(sheet(after, 'Mes calculs').notes).toEqual([note('A1', 'Mon propre calcul')]);
    expect(sheet(after, '_ctg').notes).toEqual([note('B2', 'Version vue avec le service informatique')]);
  }, 60_000);

  it('a note too long to be read is said, not written back empty', async () => {
    const grids = await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec);
    sheet(grids, 'Axe 1').notes = [{ address: 'O10', text: '', unread: true }];
    const file = filePort(grids);

    const outcome = await regenerateAndWrite(file.port, samplePlanWithFicheBeforeG2(), { now: later });

    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    const said = outcome.notes.filter((one) => one.code === 'cell-note-not-kept');
    expect(said.map((one) => renderIssueMessage(one))).toEqual([
      'Axe 1, cellule O10\u00a0: la note attachée à cette cellule, trop longue pour être lue, n’a pas été reprise. ' +
        'L’ancien fichier la garde\u00a0: recopiez-la depuis celui-ci si vous en avez besoin.',
    ]);
    expect(sheet(file.grids(), 'Axe 1').notes).toBeUndefined();
  }, 60_000);
});
