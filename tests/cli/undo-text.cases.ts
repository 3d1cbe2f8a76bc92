import type { JournalValue } from '../../src/app';
import { texts } from '../../src/cli/texts';

/** What `undo` prints of a report of the merge undone (made on 05/12/2026 at 01:27, Paris time), on the command line. */
const undoneText = (report: Omit<Parameters<typeof texts.undo.done>[0], 'mergeAt'>) =>
  texts.undo.done({ mergeAt: '2026-12-05T00:27:29Z', ...report }, null);

// What `ctg-suivi undo` prints: a user trial read « Fusion du 2026-12-05T00:27:29Z annulée ». (A cell changed since
// that two files' merges fed is reported once by the undo itself: tests/merge/shared-cells.cases.ts.)
it('dates the merge undone the French way and says where a cell changed since is', () => {
  const cell = { key: 'G1-QN1', column: '2026-T3', sheet: 'Axe 1', cell: 'Y5', leftPlan: null };
  const text = undoneText({
    files: ['a.xlsx', 'b.xlsx'],
    restored: [],
    changedSince: [cell],
    alreadyBefore: [],
    contributionsRemoved: 2,
  });
  expect(text).toContain('Fusion du 05/12/2026 à 01:27 (heure de Paris) annulée (a.xlsx, b.xlsx)');
  expect(text).toContain('\n  Non rétablie (modifiée depuis la fusion)\u00a0: Axe 1!Y5 G1-QN1, 2026-T3');
});

// A cell two returned files fed in one merge has a Journal line each: undone, it is one cell given back.
it('counts a cell two files of the merge changed as one cell given back', () => {
  const line = { key: 'G1-QN1', field: '2026-T3' };
  const text = undoneText({
    files: ['a.xlsx', 'b.xlsx'],
    restored: [line, { ...line }, { key: 'G1', field: 'status' }],
    changedSince: [],
    alreadyBefore: [],
    contributionsRemoved: 3,
  });
  expect(text).toContain('annulée (a.xlsx, b.xlsx)\u00a0: 2 cellules rétablies, 3 contributions retirées.');
});

// A cell set back since to its value before the merge: told where, as nothing to give back, not as a failure.
it('says where a cell already holds its value before the merge', () => {
  const text = undoneText({
    files: ['a.xlsx'],
    restored: [],
    changedSince: [],
    alreadyBefore: [{ key: 'G1-QN1', column: '2026-T3', sheet: 'Axe 1', cell: 'Y5', leftPlan: null }],
    contributionsRemoved: 1,
  });
  expect(text).toContain('annulée (a.xlsx)\u00a0: 0 cellule rétablie, 1 contribution retirée.');
  expect(text).toContain('\n  Rien à rétablir (déjà à sa valeur d’avant la fusion)\u00a0: Axe 1!Y5 G1-QN1, 2026-T3');
  expect(text).not.toContain('Non rétablie');
});

// A cell whose row an amended plan removed since the merge has no place: its row is said to have left the plan, and
// where its value is, the one it held then, maybe not the merge's (a user trial read « Non rétablie (modifiée depuis
// la fusion) : ! G1-QN2, 2026-T2 »). A row put back in the plan since has its cell again, empty: it is said too.
it('says of a cell whose row left the plan since the merge which value Archives keeps, and gives it no place', () => {
  const left = (archived: JournalValue | null, backInPlan = false) => ({
    key: 'G1-QN2',
    column: '2026-T2',
    sheet: backInPlan ? 'Axe 1' : null,
    cell: backInPlan ? 'X6' : null,
    leftPlan: { removed: 'row' as const, archived, backInPlan },
  });
  const text = undoneText({
    files: ['a.xlsx'],
    restored: [],
    changedSince: [
      left({ type: 'number', value: 8 }),
      { ...left(null), column: 'Statut', key: 'G9' },
      { ...left({ type: 'text', value: 'Réalisée' }, true), column: 'Statut', key: 'G1', cell: 'K4' },
    ],
    alreadyBefore: [],
    contributionsRemoved: 2,
  });
  expect(text.split('\n').slice(1)).toEqual([
    '  Non rétablie (ligne retirée du plan depuis la fusion)\u00a0: G1-QN2, 2026-T2\u00a0; sa valeur au retrait de ' +
      'la ligne, «\u00a08\u00a0», est gardée dans la feuille «\u00a0Archives\u00a0».',
    '  Non rétablie (ligne retirée du plan depuis la fusion)\u00a0: G9, Statut\u00a0; la cellule était vide au ' +
      'retrait de la ligne, rien n’en est gardé dans «\u00a0Archives\u00a0».',
    '  Non rétablie (ligne retirée du plan depuis la fusion, puis remise)\u00a0: Axe 1!K4 G1, Statut\u00a0; sa ' +
      'valeur au retrait de la ligne, «\u00a0Réalisée\u00a0», est gardée dans la feuille «\u00a0Archives\u00a0».',
  ]);
  expect(text).not.toMatch(/\s!/);
});

// A changed period removes the columns of the quarters it no longer has, the rows staying: a merged quarter's cell is
// no longer in the workbook, which is said as a row's is (it read « Non rétablie (modifiée depuis la fusion) : Axe 1
// G1-QN1, 2026-T3 »), with its sheet; a column put back since by the period given back has its cell again, empty.
it('says of a cell whose quarter left the workbook since the merge which value Archives keeps, at its sheet', () => {
  const left = (archived: JournalValue | null, backInPlan = false) => ({
    key: 'G1-QN1',
    column: '2026-T3',
    sheet: 'Axe 1',
    cell: backInPlan ? 'Y5' : null,
    leftPlan: { removed: 'quarter' as const, archived, backInPlan },
  });
  const text = undoneText({
    files: ['a.xlsx'],
    restored: [],
    changedSince: [left({ type: 'number', value: 5 }), { ...left(null), key: 'G1-QN2' }, left(null, true)],
    alreadyBefore: [],
    contributionsRemoved: 3,
  });
  expect(text.split('\n').slice(1)).toEqual([
    '  Non rétablie (colonne du trimestre retirée du classeur depuis la fusion, la période de la convention ayant ' +
      'changé)\u00a0: Axe 1 G1-QN1, 2026-T3\u00a0; sa valeur au retrait de la colonne, «\u00a05\u00a0», est gardée ' +
      'dans la feuille «\u00a0Archives\u00a0».',
    '  Non rétablie (colonne du trimestre retirée du classeur depuis la fusion, la période de la convention ayant ' +
      'changé)\u00a0: Axe 1 G1-QN2, 2026-T3\u00a0; la cellule était vide au retrait de la colonne, rien n’en est ' +
      'gardé dans «\u00a0Archives\u00a0».',
    '  Non rétablie (colonne du trimestre retirée du classeur depuis la fusion, puis remise, la période de la ' +
      'convention ayant changé)\u00a0: Axe 1!Y5 G1-QN1, 2026-T3\u00a0; la cellule était vide au retrait de la ' +
      'colonne, rien n’en est gardé dans «\u00a0Archives\u00a0».',
  ]);
});

// A cell empty before the merge, whose row or quarter's column a regeneration removed since and a later one put back,
// empty: back at its value before the merge, nothing to give back, but the merge's value is in Archives, which is
// said, and why (it read « Rien à rétablir (déjà à sa valeur d’avant la fusion) » alone).
it('says of a cell back at its value before the merge because its row or column left and came back what Archives keeps', () => {
  const text = undoneText({
    files: ['a.xlsx'],
    restored: [],
    changedSince: [],
    alreadyBefore: [
      {
        key: 'G1',
        column: 'Statut',
        sheet: 'Axe 1',
        cell: 'K4',
        leftPlan: { removed: 'row', archived: { type: 'text', value: 'Réalisée' }, backInPlan: true },
      },
      {
        key: 'G1-QN1',
        column: '2026-T2',
        sheet: 'Axe 1',
        cell: 'X5',
        leftPlan: { removed: 'quarter', archived: { type: 'number', value: 4 }, backInPlan: true },
      },
    ],
    contributionsRemoved: 2,
  });
  expect(text.split('\n').slice(1)).toEqual([
    '  Rien à rétablir (déjà à sa valeur d’avant la fusion\u00a0; ligne retirée du plan depuis la fusion, puis ' +
      'remise)\u00a0: Axe 1!K4 G1, Statut\u00a0; sa valeur au retrait de la ligne, «\u00a0Réalisée\u00a0», est gardée ' +
      'dans la feuille «\u00a0Archives\u00a0».',
    '  Rien à rétablir (déjà à sa valeur d’avant la fusion\u00a0; colonne du trimestre retirée du classeur depuis la ' +
      'fusion, puis remise, la période de la convention ayant changé)\u00a0: Axe 1!X5 G1-QN1, 2026-T2\u00a0; sa valeur ' +
      'au retrait de la colonne, «\u00a04\u00a0», est gardée dans la feuille «\u00a0Archives\u00a0».',
  ]);
});
