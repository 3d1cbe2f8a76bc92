import { closeQuarter } from '../../src/app/close-quarter';
import { computeFigures } from '../../src/app/compute';
import { readWorkbookState, type WorkbookState } from '../../src/app/workbook-state';
import { buildStateWorkbook } from '../../src/app/write-state';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage, renderIssueMessageFor } from '../../src/domain/issues';
import { fixedColumns } from '../../src/layout/sheets/axis/axis-columns';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { roundTrip, sheet, typeInto } from './helpers';

const today = new Date('2026-05-10T09:00:00Z');
const closing = new Date('2026-07-02T10:00:00Z');

async function stateOf(grids: WorkbookGrids): Promise<WorkbookState> {
  const reading = await readWorkbookState(grids);
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return reading.state;
}

describe('closing a quarter', () => {
  let state: WorkbookState;

  beforeAll(async () => {
    const fresh = await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec);
    state = await stateOf(
      typeInto(fresh, [
        { key: 'G1', header: 'Statut', value: 'en cours' },
        { key: 'G1', header: 'Avancement (%)', value: 35 },
        { key: 'G1', header: 'Difficultés', value: 46100, isDate: true },
        { key: 'G1-B', header: 'Mise en œuvre', value: '=A1 reste du texte' },
        { key: 'G1-QL1', header: 'Commentaire', value: 'Bons échanges' },
        { key: 'G1-QN2', header: '2026-T2', value: 0.5 },
      ]),
    );
  }, 30_000);

  it('copies the fiche states and comments of Q, as typed, into Historique, which survives a write and a read', async () => {
    // Generated with an empty Historique, kept from then on.
    expect(state.history.keepSheet).toBe(true);
    const result = closeQuarter(state, { now: closing });
    if (!result.ok) throw new Error('refused');
    expect(result).toMatchObject({ closed: '2026-T2', next: '2026-T3', historyRows: 5, replacedRows: 0 });
    const written = await roundTrip((await buildStateWorkbook(result.state, { now: closing })).spec);
    const history = sheet(written, 'Historique')
      .rows.slice(1)
      .map((row) => row.map((cell) => cell?.value ?? null));
    expect(history).toEqual([
      ['2026-T2', 'G1', 'Statut', 'en cours', '2026-07-02T10:00:00Z'],
      ['2026-T2', 'G1', 'Avancement (%)', 35, '2026-07-02T10:00:00Z'],
      ['2026-T2', 'G1', 'Difficultés', 46100, '2026-07-02T10:00:00Z'],
      ['2026-T2', 'G1-QL1', 'Commentaire', 'Bons échanges', '2026-07-02T10:00:00Z'],
      ['2026-T2', 'G1-B', 'Mise en œuvre', '=A1 reste du texte', '2026-07-02T10:00:00Z'],
    ]);
    expect(sheet(written, 'Historique').rows[3][3]).toMatchObject({ isDate: true });
    const reread = await stateOf(written);
    expect(reread.history.entries).toEqual(result.state.history.entries);
    expect(reread.currentQuarter).toEqual({ year: 2026, q: 3 });
    expect(written.sheets.map((s) => s.name).indexOf('Historique')).toBe(
      written.sheets.map((s) => s.name).indexOf('Journal') + 1,
    );
  });

  it('closing Q again journals each replaced, emptied or added value so that, read back, replaying the lines backwards gives the first snapshot, types included', async () => {
    const first = closeQuarter(state, { now: closing });
    if (!first.ok) throw new Error('refused');
    const written = await roundTrip((await buildStateWorkbook(first.state, { now: closing })).spec);
    const retyped = typeInto(written, [
      { key: 'G1', header: 'Avancement (%)', value: '35' },
      { key: 'G1', header: 'Difficultés', value: 46100 },
      { key: 'G1-QL1', header: 'Commentaire', value: 46101, isDate: true },
      { key: 'G1-B', header: 'Mise en œuvre', value: null },
      { key: 'G1-QN2', header: 'Commentaire', value: 46102, isDate: true },
      { key: 'G1-B', header: 'Statut', value: 'Réalisée' },
    ]);
    const back = { ...(await stateOf(retyped)), currentQuarter: { year: 2026, q: 2 as const } };
    const again = closeQuarter(back, { now: new Date('2026-07-09T10:00:00Z') });
    if (!again.ok) throw new Error('refused');
    const reread = await stateOf(
      await roundTrip((await buildStateWorkbook(again.state, { now: new Date('2026-07-09T10:00:00Z') })).spec),
    );

    const replaced = reread.journal.filter((record) => record.field?.startsWith('history:2026-T2:'));
    expect(replaced.map((record) => [record.rowKey, record.field, record.before, record.after])).toEqual([
      ['G1', 'history:2026-T2:progress', { type: 'number', value: 35 }, { type: 'text', value: '35' }],
      ['G1', 'history:2026-T2:difficulties', { type: 'date', value: 46100 }, { type: 'number', value: 46100 }],
      ['G1-QL1', 'history:2026-T2:comment', { type: 'text', value: 'Bons échanges' }, { type: 'date', value: 46101 }],
      [
        'G1-B',
        'history:2026-T2:implementation',
        { type: 'text', value: '=A1 reste du texte' },
        { type: 'empty', value: null },
      ],
      ['G1-QN2', 'history:2026-T2:comment', { type: 'empty', value: null }, { type: 'date', value: 46102 }],
      ['G1-B', 'history:2026-T2:status', { type: 'empty', value: null }, { type: 'text', value: 'Réalisée' }],
    ]);
    expect(again.notes.map(renderIssueMessage)).toEqual([
      'Le trimestre 2026-T2 avait déjà été clôturé\u00a0: son historique est remplacé par l’état actuel, avec 2 valeurs ' +
        'ajoutées, 3 valeurs modifiées et 1 valeur effacée depuis, chacune notée dans le Journal (ancienne → nouvelle ' +
        'valeur).',
    ]);
    // Replayed backwards: each value of the second snapshot goes back to what the line says it was.
    const snapshot = new Map(
      reread.history.entries
        .filter((entry) => entry.quarter === '2026-T2')
        .map((entry) => [`${entry.key} | ${entry.field}`, entry.value]),
    );
    for (const record of [...replaced].reverse()) {
      const header = fixedColumns.find((column) => `history:2026-T2:${column.id}` === record.field)!.header;
      const where = `${record.rowKey} | ${header}`;
      if (record.before.type === 'empty') snapshot.delete(where);
      else snapshot.set(where, { value: record.before.value, isDate: record.before.type === 'date' });
    }
    const firstSnapshot = (await stateOf(written)).history.entries.map(
      (entry) => [`${entry.key} | ${entry.field}`, entry.value] as const,
    );
    expect(new Map(firstSnapshot)).toEqual(snapshot);
  }, 30_000);

  it('closing Q again after a first closing that copied nothing journals what it adds, and says the quarter was closed', async () => {
    const empty = await stateOf(await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec));
    const first = closeQuarter(empty, { now: closing });
    if (!first.ok) throw new Error('refused');
    expect(first.historyRows).toBe(0);
    const written = await roundTrip((await buildStateWorkbook(first.state, { now: closing })).spec);
    const historyRows = (of: WorkbookGrids) =>
      sheet(of, 'Historique')
        .rows.slice(1)
        .map((row) => row.map((cell) => cell?.value ?? null));
    // The closing is recorded all the same, by one row saying that nothing was entered.
    expect(historyRows(written)).toEqual([
      ['2026-T2', null, null, 'Aucune valeur saisie à la clôture', '2026-07-02T10:00:00Z'],
    ]);
    const typed = typeInto(written, [{ key: 'G1', header: 'Statut', value: 'En cours' }]);
    const back = { ...(await stateOf(typed)), currentQuarter: { year: 2026, q: 2 as const } };
    const again = closeQuarter(back, { now: new Date('2026-07-09T10:00:00Z') });
    if (!again.ok) throw new Error('refused');

    expect(again).toMatchObject({ historyRows: 1, replacedRows: 0 });
    const rewritten = await roundTrip(
      (await buildStateWorkbook(again.state, { now: new Date('2026-07-09T10:00:00Z') })).spec,
    );
    // The row of the empty closing gives way to the value now entered.
    expect(historyRows(rewritten)).toEqual([['2026-T2', 'G1', 'Statut', 'En cours', '2026-07-09T10:00:00Z']]);
    const reread = await stateOf(rewritten);
    const added = reread.journal.filter((record) => record.field?.startsWith('history:'));
    expect(added.map((record) => [record.rowKey, record.label, record.before, record.after])).toEqual([
      ['G1', 'Historique 2026-T2 – Statut', { type: 'empty', value: null }, { type: 'text', value: 'En cours' }],
    ]);
    expect(again.notes.map(renderIssueMessage)).toEqual([
      'Le trimestre 2026-T2 avait déjà été clôturé\u00a0: son historique est remplacé par l’état actuel, avec 1 valeur ' +
        'ajoutée depuis, notée dans le Journal (ancienne → nouvelle valeur).',
    ]);
  }, 30_000);

  it('closing Q again with nothing changed since says so plainly, and journals only the quarter moving on', async () => {
    const first = closeQuarter(state, { now: closing });
    if (!first.ok) throw new Error('refused');
    const written = await roundTrip((await buildStateWorkbook(first.state, { now: closing })).spec);
    const back = { ...(await stateOf(written)), currentQuarter: { year: 2026, q: 2 as const } };
    const again = closeQuarter(back, { now: new Date('2026-07-09T10:00:00Z') });
    if (!again.ok) throw new Error('refused');

    expect(
      again.state.journal.slice(back.journal.length).map((record) => [record.label, record.before, record.after]),
    ).toEqual([['Trimestre en cours', { type: 'text', value: '2026-T2' }, { type: 'text', value: '2026-T3' }]]);
    expect(again.notes.map(renderIssueMessage)).toEqual([
      'Le trimestre 2026-T2 avait déjà été clôturé, et rien n’a changé depuis\u00a0: son historique reste le même.',
    ]);
  }, 30_000);

  it('moves the figures to the next quarter: the period rate now looks at Q+1', () => {
    const result = closeQuarter(state, { now: closing });
    if (!result.ok) throw new Error('refused');
    expect(computeFigures(state).figures.quarter).toBe('2026-T2');
    expect(computeFigures(result.state).figures.quarter).toBe('2026-T3');
    expect(computeFigures(state).figures.overall.fillPeriod).toBeGreaterThan(0);
    expect(computeFigures(result.state).figures.overall.fillPeriod).toBe(0);
  });

  it('closes a quarter before its end (a COPIL mid-quarter), saying when it ends and what the snapshot misses', () => {
    const early = closeQuarter(state, { now: new Date('2026-06-12T10:00:00Z') });
    if (!early.ok) throw new Error('refused');
    expect(early).toMatchObject({ closed: '2026-T2', next: '2026-T3', historyRows: 5 });
    expect(early.notes.map((note) => [note.code, note.severity, note.sheet])).toEqual([
      ['quarter-closed-before-end', 'warning', 'Historique'],
    ]);
    expect(renderIssueMessage(early.notes[0])).toBe(
      'Le trimestre 2026-T2 ne se termine que le 30/06/2026\u00a0: il est clôturé avant sa fin, et le ' +
        'trimestre en cours passe déjà à 2026-T3. «\u00a0Historique\u00a0» garde l’état des fiches et les commentaires ' +
        'd’aujourd’hui\u00a0; ce qui changera d’ici le 30/06/2026 n’y sera pas. Pour une clôture qui le compte, ' +
        'remettez 2026-T2 comme trimestre en cours après cette date («\u00a0npx ctg-suivi compute suivi.xlsx --quarter 2026-T2\u00a0») ' +
        'et clôturez-le à nouveau\u00a0: la nouvelle ' +
        'clôture remplace celle-ci, chaque changement noté dans le Journal.',
    );
    // On its last day it has not ended yet; the day after, it has.
    const lastDay = closeQuarter(state, { now: new Date('2026-06-30T18:00:00Z') });
    expect(lastDay.ok && lastDay.notes.map((note) => note.code)).toEqual(['quarter-closed-before-end']);
    const after = closeQuarter(state, { now: new Date('2026-07-01T08:00:00Z') });
    expect(after.ok && after.notes).toEqual([]);
  });

  it('refuses the last quarter of the convention with a French message', () => {
    const refused = closeQuarter({ ...state, currentQuarter: { year: 2030, q: 4 } }, { now: closing });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.issues.map((issue) => issue.code)).toEqual(['quarter-is-last']);
    expect(renderIssueMessage(refused.issues[0])).toBe(
      'Le trimestre 2030-T4 est le dernier de la convention\u00a0: il n’y a pas de trimestre suivant. ' +
        'Le classeur n’a pas été modifié. L’étape suivante est le bilan final de la convention, une fois ce ' +
        'trimestre fini\u00a0: «\u00a0npx ctg-suivi bilan suivi.xlsx --kind final\u00a0».',
    );
  });

  it('refuses a quarter after the convention’s end as such, not as its last, saying what to do', () => {
    const refused = closeQuarter({ ...state, currentQuarter: { year: 2031, q: 2 } }, { now: closing });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.issues.map((issue) => issue.code)).toEqual(['quarter-after-convention']);
    const [issue] = refused.issues;
    expect(renderIssueMessageFor('command-line', issue)).toBe(
      'Le trimestre en cours, 2031-T2, est après la fin de la convention, dont le dernier trimestre est 2030-T4\u00a0: ' +
        'il n’y a rien à clôturer après elle. Remettez un trimestre de la convention (de 2026-T1 à 2030-T4) avec ' +
        '«\u00a0compute --quarter\u00a0». Le classeur n’a pas été modifié.',
    );
    expect(renderIssueMessageFor('task-pane', issue)).toContain(
      'Choisissez un trimestre de la convention (de 2026-T1 à 2030-T4) dans la liste «\u00a0Trimestre en cours\u00a0», ' +
        'puis «\u00a0Calculer\u00a0».',
    );
  });
});
