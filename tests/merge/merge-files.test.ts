import { mergeAndWrite, type MergeOptions } from '../../src/app/merge/merge-workbook';
import { undoLastMerge } from '../../src/app/merge/undo-merge';
import { renderIssueMessage } from '../../src/domain/issues';
import type { WorkbookGrids } from '../../src/domain/grid';
import { readJournalSheet } from '../../src/layout/sheets/journal/journal-read';
import { readContributionsSheet } from '../../src/layout/sheets/contributions/contributions-sheet';
import { samplePlan } from '../layout/helpers/sample-plan';
import { changesOf, filledWorkbook, gridsOf, recordingPort } from '../xlsx-patch/helpers';
import { locate, sheet, typeInto, valueAt, type Entry } from '../rewrite/helpers';
import { cellAddress } from '../../src/layout/a1';
import { editXlsx } from '../excel-backend/helpers/xlsx-side';

/**
 * A merge on files, as the command line runs it: a partner's copy of the master, filled in, merged back by key.
 * (A copy without `_ctg`'s extract fields is a file « without extract », whose partner is given.)
 */

const generatedOn = new Date('2026-08-10T10:00:00Z'); // Q = 2026-T3
const mergedOn = new Date('2026-09-20T08:00:00Z');
const options: MergeOptions = { now: mergedOn, partner: 'Centre social Le Lien' };

let masterBytes: Uint8Array;

beforeAll(async () => {
  masterBytes = await filledWorkbook(samplePlan(), [{ key: 'G1-QN1', header: '2026-T1', value: 4 }], generatedOn);
}, 30_000);

function returned(entries: readonly Entry[]): { file: string; grids: WorkbookGrids } {
  return { file: 'retour-lien.xlsx', grids: typeInto(gridsOf(masterBytes), entries) };
}

async function merge(entries: readonly Entry[], extra: Partial<MergeOptions> = {}, bytes = masterBytes) {
  const recording = recordingPort(bytes);
  const outcome = await mergeAndWrite(recording.port, [returned(entries)], { ...options, ...extra });
  if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
  return {
    report: outcome.report,
    written: recording.written,
    contexts: recording.contexts,
    after: () => gridsOf(recording.last()),
  };
}

describe('merging a returned file on files', () => {
  it('takes the partner’s values by key into the master, journalled with the file and the partner', async () => {
    const { report, after, contexts } = await merge([
      { key: 'G1', header: 'Statut', value: 'en cours' },
      { key: 'G1', header: 'Mise en œuvre', value: '=HYPERLINK("http://x") reste un texte' },
      { key: 'G1-QN1', header: '2026-T2', value: 6 },
      { key: 'G1-QL1', header: '2026-T3', value: 'satisfaisant' },
    ]);
    expect(report.written).toBe(true);
    // Written as cell changes (a patch of the file), not a whole new workbook.
    expect(changesOf(contexts[0]).cells.length).toBeGreaterThanOrEqual(4);
    expect(report.applied.map((change) => `${change.key} ${change.column} ${String(change.new.value)}`)).toEqual([
      'G1 Statut En cours',
      'G1 Mise en œuvre =HYPERLINK("http://x") reste un texte',
      'G1-QN1 2026-T2 6',
      'G1-QL1 2026-T3 Satisfaisant',
    ]);
    expect(report.applied[0]).toMatchObject({ sheet: 'Axe 1', source: 'retour-lien.xlsx' });
    expect(report.conflicts).toEqual([]);
    expect(report.rejected).toEqual([]);
    const grids = after();
    expect(valueAt(grids, 'G1', 'Statut')?.value).toBe('En cours');
    expect(valueAt(grids, 'G1', 'Mise en œuvre')).toMatchObject({ value: '=HYPERLINK("http://x") reste un texte' });
    expect(valueAt(grids, 'G1', 'Mise en œuvre')?.formula).toBeUndefined();
    expect(valueAt(grids, 'G1-QN1', '2026-T2')?.value).toBe(6);
    expect(valueAt(grids, 'G1-QN1', '2026-T1')?.value).toBe(4);
    const journal = readJournalSheet(sheet(grids, 'Journal')).filter((line) => line.operation === 'merge');
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
    const first = await merge(entries);
    const second = await merge(entries, {}, first.written[0]);
    expect(second.report.written).toBe(false);
    expect(second.written).toEqual([]);
    expect(second.report.applied).toEqual([]);
    expect(second.report.unchanged).toBeGreaterThan(0);
  });

  it('rejects, with its cell and a French reason, what it does not take, and takes the rest of the row', async () => {
    const { report, after } = await merge([
      { key: 'G1', header: 'Intitulé', value: 'Un autre intitulé' },
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
      expect.stringMatching(/^merge-reserved-cell Axe 1!/),
      expect.stringMatching(/^merge-quarter-not-open Axe 1!/),
      expect.stringMatching(/^merge-wrong-value Axe 1!/),
    ]);
    const messages = report.rejected.map(({ issue }) => renderIssueMessage(issue));
    expect(messages[3]).toContain('2026-T4');
    expect(messages[3]).toContain('jusqu’à 2026-T3');
    const grids = after();
    expect(valueAt(grids, 'G1', 'Statut')?.value).toBe('En cours');
    expect(valueAt(grids, 'G1', 'Intitulé')?.value).toBe('Animer le comité de pilotage');
    expect(valueAt(grids, 'G1', 'Avancement (%)')?.value ?? null).toBeNull();
    expect(valueAt(grids, 'G1-QN1', 'Cible')?.value ?? null).toBeNull();
  });

  it('holds a value that differs from one the officer typed as a conflict, taken only when chosen', async () => {
    const entries = [{ key: 'G1-QN1', header: '2026-T1', value: 5 }];
    const held = await merge(entries);
    expect(held.report.conflicts).toMatchObject([
      { key: 'G1-QN1', column: '2026-T1', master: { value: 4 }, incoming: { value: 5 }, resolution: null },
    ]);
    expect(held.report.written).toBe(false);
    const taken = await merge(entries, { take: ['G1-QN1:2026-T1'] });
    expect(taken.report.conflicts[0].resolution).toBe('incoming');
    expect(valueAt(taken.after(), 'G1-QN1', '2026-T1')?.value).toBe(5);
    const kept = await merge(entries, { prefer: 'master' });
    expect(kept.report.conflicts[0].resolution).toBe('master');
    expect(kept.written).toEqual([]);
  });

  it('refuses a file whose partner is not known, taking nothing', async () => {
    const { report } = await merge([{ key: 'G1', header: 'Statut', value: 'En cours' }], { partner: undefined });
    expect(report.rejected.map(({ issue }) => issue.code)).toEqual(['merge-partner-unknown']);
    expect(report.written).toBe(false);
  });

  it('undoes the merge as cell changes: its Contributions lines emptied from the end, the cells given back', async () => {
    const merged = await merge([
      { key: 'G1', header: 'Statut', value: 'En cours' },
      { key: 'G1-QN1', header: '2026-T2', value: 6 },
    ]);
    const recording = recordingPort(merged.written[0]);
    const outcome = await undoLastMerge(recording.port, { now: new Date('2026-09-21T08:00:00Z') });
    expect(outcome.status).toBe('done');
    const changes = changesOf(recording.contexts[0]);
    expect(
      changes.cells.filter((cell) => cell.sheet === 'Contributions' && cell.content === null).length,
    ).toBeGreaterThan(0);
    const grids = gridsOf(recording.last());
    expect(readContributionsSheet(sheet(grids, 'Contributions')).entries).toEqual([]);
    expect(valueAt(grids, 'G1', 'Statut')?.value ?? null).toBeNull();
    expect(valueAt(grids, 'G1-QN1', '2026-T2')?.value ?? null).toBeNull();
    expect(valueAt(grids, 'G1-QN1', '2026-T1')?.value).toBe(4);
    const undoLines = readJournalSheet(sheet(grids, 'Journal')).filter((line) => line.operation === 'undo');
    expect(undoLines.map((line) => `${line.rowKey} ${line.label}`)).toEqual([
      'G1-QN1 2026-T2',
      'G1 Statut',
      'null Fusion annulée',
    ]);
  });

  it('undo leaves a cell someone changed since the merge, and reports it', async () => {
    const merged = await merge([
      { key: 'G1', header: 'Statut', value: 'En cours' },
      { key: 'G1-QN1', header: '2026-T2', value: 6 },
    ]);
    const grids = gridsOf(merged.written[0]);
    const at = locate(sheet(grids, 'Axe 1'), 'G1', 'Statut')!;
    const edited = await editXlsx(merged.written[0], [
      { sheet: 'Axe 1', cell: cellAddress(at.row + 1, at.column + 1), value: 'Réalisée' },
    ]);
    const recording = recordingPort(edited);
    const outcome = await undoLastMerge(recording.port, { now: new Date('2026-09-21T08:00:00Z') });
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.report.changedSince).toEqual([
      expect.objectContaining({
        key: 'G1',
        column: 'Statut',
        now: { type: 'text', value: 'Réalisée' },
        sheet: 'Axe 1',
      }),
    ]);
    expect(outcome.report.restored.map((cell) => cell.key)).toEqual(['G1-QN1']);
    const after = gridsOf(recording.last());
    expect(valueAt(after, 'G1', 'Statut')?.value).toBe('Réalisée');
    expect(valueAt(after, 'G1-QN1', '2026-T2')?.value ?? null).toBeNull();
  });
});
