import { mergeAndWrite, type MergeOptions } from '../../src/app/merge/merge-workbook';
import { undoLastMerge } from '../../src/app/merge/undo-merge';
import { renderIssueMessage } from '../../src/domain/issues';
import { cellAddress } from '../../src/layout/a1';
import type { JournalValue } from '../../src/domain/journal';
import { conflictExplanation } from '../../src/domain/messages/merge';
import type { WorkbookGrids } from '../../src/domain/grid';
import { readJournalSheet } from '../../src/layout/sheets/journal/journal-read';
import { readContributionsSheet } from '../../src/layout/sheets/contributions/contributions-sheet';
import { changesOf, filledWorkbook, gridsOf, recordingPort } from '../xlsx-patch/helpers';
import { locate, sheet, typeInto, valueAt, type Entry } from '../rewrite/helpers';
import { samplePlan } from '../layout/helpers/sample-plan';
import { backEnds, generatedOn, type Master } from './helpers/masters';

/**
 * A merge as the command line and the pane run it, on both back ends (a file, and the open workbook in the fake
 * Excel): a partner's copy of the master, filled in, merged back by key, then undone. (A copy without `_ctg`'s
 * extract fields is a file « without extract », whose partner is given.)
 */

const mergedOn = new Date('2026-09-20T08:00:00Z');
const undoneOn = new Date('2026-09-21T08:00:00Z');
const options: MergeOptions = { now: mergedOn, partner: 'Centre social Le Lien' };
// The partner is named on the fiche it reports on; the officer typed a first value.
const typedBefore: Entry[] = [
  { key: 'G1', header: 'Partenaires', value: 'Centre social Le Lien' },
  { key: 'G1-QN1', header: '2026-T1', value: 4 },
];

function returned(master: Master, entries: readonly Entry[]): { file: string; grids: WorkbookGrids } {
  return { file: 'retour-lien.xlsx', grids: typeInto(master.grids(), entries) };
}

async function merge(master: Master, entries: readonly Entry[], extra: Partial<MergeOptions> = {}) {
  const outcome = await mergeAndWrite(master.port(), [returned(master, entries)], { ...options, ...extra });
  if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
  return outcome.report;
}

async function undo(master: Master) {
  const outcome = await undoLastMerge(master.port(), { now: undoneOn });
  if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
  return outcome.report;
}

describe.each(backEnds)('merging a returned file %s', (_name, open) => {
  let master: Master;
  beforeEach(async () => {
    master = await open(typedBefore);
  }, 30_000);

  it('takes the partner’s values by key into the master, journalled with the file and the partner', async () => {
    const report = await merge(master, [
      { key: 'G1', header: 'Statut', value: 'en cours' },
      { key: 'G1', header: 'Mise en œuvre', value: '=HYPERLINK("http://x") reste un texte' },
      { key: 'G1-QN1', header: '2026-T2', value: 6 },
      { key: 'G1-QL1', header: '2026-T3', value: 'satisfaisant' },
    ]);
    expect(report.written).toBe(true);
    expect(report.applied.map((change) => `${change.key} ${change.column} ${String(change.new.value)}`)).toEqual([
      'G1 Statut En cours',
      'G1 Mise en œuvre =HYPERLINK("http://x") reste un texte',
      'G1-QN1 2026-T2 6',
      'G1-QL1 2026-T3 Satisfaisant',
    ]);
    expect(report.applied[0]).toMatchObject({ sheet: 'Axe 1', source: 'retour-lien.xlsx' });
    expect(report.conflicts).toEqual([]);
    expect(report.rejected).toEqual([]);
    const grids = master.grids();
    expect(valueAt(grids, 'G1', 'Statut')?.value).toBe('En cours');
    expect(valueAt(grids, 'G1', 'Mise en œuvre')).toMatchObject({ value: '=HYPERLINK("http://x") reste un texte' });
    expect(valueAt(grids, 'G1', 'Mise en œuvre')?.formula).toBeUndefined();
    expect(valueAt(grids, 'G1-QN1', '2026-T2')?.value).toBe(6);
    expect(valueAt(grids, 'G1-QN1', '2026-T1')?.value).toBe(4);
    const journal = readJournalSheet(sheet(grids, 'Journal')).entries.filter((line) => line.operation === 'merge');
    expect(journal).toHaveLength(5);
    expect(journal[4]).toMatchObject({ label: 'Fichier fusionné', after: { value: '4 valeurs reprises' } });
    const contributions = readContributionsSheet(sheet(grids, 'Contributions')).entries;
    expect(
      contributions.map((line) => `${line.partner} ${line.key} ${line.field} ${String(line.value.value)}`),
    ).toEqual([
      'Centre social Le Lien G1 status En cours',
      'Centre social Le Lien G1 implementation =HYPERLINK("http://x") reste un texte',
      'Centre social Le Lien G1-QN1 2026-T2 6',
      'Centre social Le Lien G1-QL1 2026-T3 Satisfaisant',
    ]);
    expect(contributions[0]).toMatchObject({ at: '2026-09-20T08:00:00Z', file: 'retour-lien.xlsx', label: 'Statut' });
    expect(journal[0]).toMatchObject({
      source: 'Fusion',
      file: 'retour-lien.xlsx',
      partner: 'Centre social Le Lien',
      rowKey: 'G1',
      field: 'status',
      before: { type: 'empty', value: null },
      after: { type: 'text', value: 'En cours' },
    });
  });

  it('changes nothing, and writes nothing, when the same file is merged again', async () => {
    const entries = [{ key: 'G1-QN1', header: '2026-T2', value: 6 }];
    await merge(master, entries);
    const before = master.grids();
    const second = await merge(master, entries);
    expect(second.written).toBe(false);
    expect(second.applied).toEqual([]);
    expect(second.unchanged).toBeGreaterThan(0);
    expect(master.grids()).toEqual(before);
  });

  it('rejects, with its cell and a French reason, what it does not take, and takes the rest of the row', async () => {
    const report = await merge(master, [
      { key: 'G1', header: 'Intitulé', value: 'Un autre intitulé' },
      { key: 'G1-QN1', header: 'Intitulé', value: '' },
      { key: 'G1', header: 'Avancement (%)', value: 140 },
      { key: 'G1', header: 'Statut', value: 'En cours' },
      { key: 'G1-QN1', header: '2026-T4', value: 9 },
      { key: 'G1-QN1', header: 'Cible', value: 99 },
      { key: 'G1-QN2', header: '2026-T2', value: 'beaucoup' },
    ]);
    const rejected = report.rejected.map(({ issue }) => `${issue.code} ${issue.sheet}!${issue.cell}`);
    expect(rejected).toEqual([
      expect.stringMatching(/^merge-plan-cell-edited Axe 1!C\d+$/),
      expect.stringMatching(/^merge-wrong-value Axe 1!/),
      expect.stringMatching(/^merge-plan-cell-edited Axe 1!C\d+$/),
      expect.stringMatching(/^merge-reserved-cell Axe 1!/),
      expect.stringMatching(/^merge-quarter-not-open Axe 1!/),
      expect.stringMatching(/^merge-wrong-value Axe 1!/),
    ]);
    const messages = report.rejected.map(({ issue }) => renderIssueMessage(issue));
    expect(messages[0]).toContain('modifiée («\u00a0Un autre intitulé\u00a0»)');
    expect(messages[2]).toContain('a été vidée');
    expect(messages[4]).toContain('2026-T4');
    expect(messages[4]).toContain('jusqu’à 2026-T3');
    const grids = master.grids();
    expect(valueAt(grids, 'G1', 'Statut')?.value).toBe('En cours');
    expect(valueAt(grids, 'G1', 'Intitulé')?.value).toBe('Animer le comité de pilotage');
    expect(valueAt(grids, 'G1', 'Avancement (%)')?.value ?? null).toBeNull();
    expect(valueAt(grids, 'G1-QN1', 'Cible')?.value ?? null).toBeNull();
  });

  it('holds a value that differs from one the officer typed as a conflict, taken only when chosen', async () => {
    const entries = [{ key: 'G1-QN1', header: '2026-T1', value: 5 }];
    const held = await merge(master, entries);
    expect(held.conflicts).toMatchObject([
      { key: 'G1-QN1', column: '2026-T1', master: { value: 4 }, incoming: { value: 5 }, resolution: null },
    ]);
    expect(held.written).toBe(false);
    const kept = await merge(master, entries, { prefer: 'master' });
    expect(kept.conflicts[0].resolution).toBe('master');
    expect(kept.written).toBe(false);
    // The key as typed on a command line, in lower case, as the file's keys are read.
    const taken = await merge(master, entries, { take: ['g1-qn1:2026-T1'] });
    expect(taken.conflicts[0].resolution).toBe('incoming');
    expect(valueAt(master.grids(), 'G1-QN1', '2026-T1')?.value).toBe(5);
  });

  it('says, for a partner correcting its own value in a cell fed by two, what it gave and what the cell would hold', async () => {
    // Two partners feed G1-QN1 2026-T2 (Somme): Le Lien, named on G1, and CCMP, its porteur: 10 + 5 = 15.
    await merge(master, [{ key: 'G1-QN1', header: '2026-T2', value: 10 }]);
    await merge(master, [{ key: 'G1-QN1', header: '2026-T2', value: 5 }], { partner: 'CCMP' });
    expect(valueAt(master.grids(), 'G1-QN1', '2026-T2')?.value).toBe(15);
    // Le Lien corrects its 10 to 12: the cell would hold 17, not the 12 it sent.
    const corrected = await merge(master, [{ key: 'G1-QN1', header: '2026-T2', value: 12 }]);
    expect(corrected.conflicts).toMatchObject([
      {
        reason: 'own-changed',
        master: { value: 15 },
        incoming: { value: 12 },
        previous: { value: 10 },
        result: { value: 17 },
      },
    ]);
    const shown = (value: JournalValue) => (value.type === 'empty' ? 'vide' : `«\u00a0${String(value.value)}\u00a0»`);
    expect(conflictExplanation(corrected.conflicts[0], shown)).toBe(
      'Centre social Le Lien avait donné «\u00a010\u00a0»\u00a0; prise, la valeur renvoyée donnerait «\u00a017\u00a0» ' +
        'avec celles des autres partenaires',
    );
  });

  it('refuses a file whose partner is not known, taking nothing', async () => {
    const report = await merge(master, [{ key: 'G1', header: 'Statut', value: 'En cours' }], { partner: undefined });
    expect(report.rejected.map(({ issue }) => issue.code)).toEqual(['merge-partner-unknown']);
    expect(report.written).toBe(false);
  });

  it('undoes the merge: its Contributions lines gone, the cells given back, each journalled', async () => {
    await merge(master, [
      { key: 'G1', header: 'Statut', value: 'En cours' },
      { key: 'G1-QN1', header: '2026-T2', value: 6 },
    ]);
    const report = await undo(master);
    expect(report.restored.map((cell) => `${cell.sheet}!${cell.cell} ${cell.key}`)).toEqual([
      expect.stringMatching(/^Axe 1!\w+\d+ G1-QN1$/),
      expect.stringMatching(/^Axe 1!\w+\d+ G1$/),
    ]);
    const grids = master.grids();
    expect(readContributionsSheet(sheet(grids, 'Contributions')).entries).toEqual([]);
    expect(valueAt(grids, 'G1', 'Statut')?.value ?? null).toBeNull();
    expect(valueAt(grids, 'G1-QN1', '2026-T2')?.value ?? null).toBeNull();
    expect(valueAt(grids, 'G1-QN1', '2026-T1')?.value).toBe(4);
    const undoLines = readJournalSheet(sheet(grids, 'Journal')).entries.filter((line) => line.operation === 'undo');
    expect(undoLines.map((line) => `${line.rowKey} ${line.label}`)).toEqual([
      'G1-QN1 2026-T2',
      'G1 Statut',
      'null Fusion annulée',
    ]);
    // Read by the officer in the Journal: the merge's time as the messages say it, not an ISO instant.
    const closing = undoLines[undoLines.length - 1].after;
    expect(closing.value).toMatch(/^Fusion du \d\d\/\d\d\/\d{4} à \d\dh?:?\d\d \(heure de Paris\) annulée$/);
    expect((await undo(master)).mergeAt).toBeNull();
  });

  // The same number, so no change; but a count shown « 400 % » may be a 400 typed as a percentage: said.
  it('keeps a count shown as a percentage that holds what the master holds, and says what to check', async () => {
    const grids = master.grids();
    const axis = sheet(grids, 'Axe 1');
    const at = locate(axis, 'G1-QN1', '2026-T1')!;
    axis.rows[at.row][at.column] = { value: 4, isPercent: true };
    const outcome = await mergeAndWrite(master.port(), [{ file: 'retour-lien.xlsx', grids }], options);
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.report.rejected).toEqual([]);
    expect(outcome.report.applied).toEqual([]);
    const said = outcome.report.notes.filter(({ issue }) => issue.code === 'merge-percent-kept');
    expect(said.map(({ issue }) => renderIssueMessage(issue))).toEqual([
      `Axe 1, cellule ${cellAddress(at.row + 1, at.column + 1)}\u00a0: la valeur du trimestre 2026-T1 est au format ` +
        'pourcentage (elle affiche «\u00a0400\u00a0%\u00a0»)\u00a0: elle est lue telle qu’elle est enregistrée, 4, ' +
        'celle du classeur de suivi, et ne change rien au classeur de suivi. Si le partenaire voulait dire 400, ' +
        'vérifiez-le avec lui et saisissez 400 dans le classeur de suivi.',
    ]);
  });

  it('says nothing of a number kept in an officer’s text cell that the partner only formatted as a percentage', async () => {
    master = await open([...typedBefore, { key: 'G1-QN1', header: 'Unité', value: 5 }]);
    const grids = master.grids();
    const axis = sheet(grids, 'Axe 1');
    const at = locate(axis, 'G1-QN1', 'Unité')!;
    expect(axis.rows[at.row][at.column]?.value).toBe(5);
    axis.rows[at.row][at.column] = { value: 5, isPercent: true };
    const outcome = await mergeAndWrite(master.port(), [{ file: 'retour-lien.xlsx', grids }], options);
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.report.rejected).toEqual([]);
    expect(outcome.report.applied).toEqual([]);
  });

  it('refuses an officer’s cell changed though shown as a percentage: another number, a text become a number', async () => {
    for (const [unit, typed] of [
      [5, 0.05],
      ['5', 5],
      [null, 0],
    ] as const) {
      master = await open([...typedBefore, { key: 'G1-QN1', header: 'Unité', value: unit }]);
      const grids = master.grids();
      expect(valueAt(grids, 'G1-QN1', 'Unité')?.value ?? null).toBe(unit);
      const axis = sheet(grids, 'Axe 1');
      const at = locate(axis, 'G1-QN1', 'Unité')!;
      axis.rows[at.row][at.column] = { value: typed, isPercent: true };
      const outcome = await mergeAndWrite(master.port(), [{ file: 'retour-lien.xlsx', grids }], options);
      if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
      expect(outcome.report.rejected.map(({ issue }) => issue.code)).toEqual(['merge-reserved-cell']);
      expect(valueAt(master.grids(), 'G1-QN1', 'Unité')?.value ?? null).toBe(unit);
    }
  });

  it('undoes only the last of two merges made within the same second', async () => {
    await merge(master, [{ key: 'G1', header: 'Statut', value: 'En cours' }]);
    const second = await merge(master, [
      { key: 'G1', header: 'Statut', value: 'En cours' },
      { key: 'G1-QN1', header: '2026-T2', value: 6 },
    ]);
    expect(second.applied.map((change) => change.key)).toEqual(['G1-QN1']);
    const report = await undo(master);
    expect(report.restored.map((cell) => cell.key)).toEqual(['G1-QN1']);
    const grids = master.grids();
    expect(valueAt(grids, 'G1', 'Statut')?.value).toBe('En cours');
    expect(valueAt(grids, 'G1-QN1', '2026-T2')?.value ?? null).toBeNull();
  });

  // Emptied or retyped since to what it held before the merge, a cell needs nothing: no failure, no Journal line.
  it('undo finds a cell set back since to its value before the merge with nothing to give back', async () => {
    // The officer's 4 replaced by the partner's 6, on purpose.
    await merge(
      master,
      [
        { key: 'G1', header: 'Statut', value: 'En cours' },
        { key: 'G1-QN1', header: '2026-T1', value: 6 },
      ],
      { prefer: 'incoming' },
    );
    expect(valueAt(master.grids(), 'G1-QN1', '2026-T1')?.value).toBe(6);
    await master.type([
      { key: 'G1', header: 'Statut', value: '' },
      { key: 'G1-QN1', header: '2026-T1', value: 4 },
    ]);
    const report = await undo(master);
    expect(report.changedSince).toEqual([]);
    expect(report.restored).toEqual([]);
    expect(report.alreadyBefore.map((cell) => `${cell.sheet} ${cell.key} ${cell.column} ${cell.now.value}`)).toEqual([
      'Axe 1 G1-QN1 2026-T1 4',
      'Axe 1 G1 Statut null',
    ]);
    const grids = master.grids();
    expect(valueAt(grids, 'G1', 'Statut')?.value || null).toBeNull();
    expect(valueAt(grids, 'G1-QN1', '2026-T1')?.value).toBe(4);
    const undoLines = readJournalSheet(sheet(grids, 'Journal')).entries.filter((line) => line.operation === 'undo');
    expect(undoLines.map((line) => line.label)).toEqual(['Fusion annulée']);
  });

  it('undo leaves a cell someone changed since the merge, and reports it', async () => {
    await merge(master, [
      { key: 'G1', header: 'Statut', value: 'En cours' },
      { key: 'G1-QN1', header: '2026-T2', value: 6 },
    ]);
    await master.type([{ key: 'G1', header: 'Statut', value: 'Réalisée' }]);
    const report = await undo(master);
    expect(report.changedSince).toEqual([
      expect.objectContaining({
        key: 'G1',
        column: 'Statut',
        now: { type: 'text', value: 'Réalisée' },
        sheet: 'Axe 1',
      }),
    ]);
    expect(report.restored.map((cell) => cell.key)).toEqual(['G1-QN1']);
    expect(valueAt(master.grids(), 'G1', 'Statut')?.value).toBe('Réalisée');
    expect(valueAt(master.grids(), 'G1-QN1', '2026-T2')?.value ?? null).toBeNull();
  });
});

describe('merging on files writes cell changes, not a whole workbook', () => {
  it('patches the file for a merge and for its undo (the Contributions lines emptied from the end)', async () => {
    const bytes = await filledWorkbook(samplePlan(), typedBefore, generatedOn);
    const merging = recordingPort(bytes);
    const entries = [{ key: 'G1', header: 'Statut', value: 'En cours' }];
    await mergeAndWrite(merging.port, [{ file: 'retour.xlsx', grids: typeInto(gridsOf(bytes), entries) }], options);
    expect(changesOf(merging.contexts[0]).cells.length).toBeGreaterThanOrEqual(1);
    const undoing = recordingPort(merging.last());
    await undoLastMerge(undoing.port, { now: undoneOn });
    const emptied = changesOf(undoing.contexts[0]).cells.filter((cell) => cell.sheet === 'Contributions');
    expect(emptied.length).toBeGreaterThan(0);
    expect(emptied.every((cell) => cell.content === null)).toBe(true);
  });
});
