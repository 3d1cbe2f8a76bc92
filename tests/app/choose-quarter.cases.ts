import { chooseQuarter, chosenAheadNotes } from '../../src/app/choose-quarter';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { readWorkbookState, type WorkbookState } from '../../src/app/workbook-state';
import { buildStateWorkbook } from '../../src/app/write-state';
import type { GridCell, WorkbookGrids } from '../../src/domain/grid';
import type { WriteContext } from '../../src/app/port';
import { renderIssueMessage, renderIssueMessageFor } from '../../src/domain/issues';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { roundTrip, sheet, typeInto } from '../rewrite/helpers';

// The sample plan runs from 2026-01-01 to 2030-12-31: quarters 2026-T1 … 2030-T4; generated on this day, Q is 2026-T2.
const generatedOn = new Date('2026-05-10T09:00:00Z');
const choosingOn = new Date('2026-06-20T14:30:05.123Z');

async function stateOf(grids: WorkbookGrids): Promise<WorkbookState> {
  const reading = await readWorkbookState(grids);
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return reading.state;
}

const journalRows = (grids: WorkbookGrids) =>
  sheet(grids, 'Journal').rows.map((row) => row.map((cell) => cell?.value ?? null));

/** The written workbook holds `to` in Paramètres B9, and its last Journal line is the choice `from` → `to`. */
async function expectQuarterWritten(spec: WorkbookSpec, from: string | null, to: string): Promise<void> {
  const written = await roundTrip(spec);
  expect(sheet(written, 'Paramètres').rows[8][1]?.value).toBe(to);
  expect(journalRows(written).at(-1)?.slice(1)).toEqual([
    'Choix du trimestre',
    null,
    'Trimestre en cours',
    from,
    to,
    'choix-trimestre',
    'currentQuarter',
    from === null ? 'vide' : 'texte',
    'texte',
  ]);
}

describe('choosing the current quarter', () => {
  let grids: WorkbookGrids;
  let state: WorkbookState;

  beforeAll(async () => {
    grids = await roundTrip((await buildNewWorkbook(samplePlan(), { today: generatedOn })).spec);
    state = await stateOf(grids);
  }, 30_000);

  it('makes the chosen quarter Q and journals the change, old → new, at the time of choosing', () => {
    const chosen = chooseQuarter(state, '2027-T2', { now: choosingOn });
    if (!chosen.ok) throw new Error('refused');
    expect(chosen).toMatchObject({ from: '2026-T2', to: '2027-T2', changed: true });
    expect(chosen.state.currentQuarter).toEqual({ year: 2027, q: 2 });
    expect(chosen.state.journal).toEqual([
      ...state.journal,
      {
        at: '2026-06-20T14:30:05Z',
        operation: 'quarter-choice',
        source: 'Choix du trimestre',
        file: null,
        partner: null,
        rowKey: null,
        field: 'currentQuarter',
        label: 'Trimestre en cours',
        before: { type: 'text', value: '2026-T2' },
        after: { type: 'text', value: '2027-T2' },
      },
    ]);
    // The state it was given is left as it was.
    expect(state.currentQuarter).toEqual({ year: 2026, q: 2 });
    expect(chosen.state.entered).toBe(state.entered);
  });

  it.each([
    ['  2030-T4 ', '2030-T4'],
    ['2027-t2', '2027-T2'],
    [' 2027-t2  ', '2027-T2'],
  ])(
    'reads %p as the Paramètres cell is read (spaces around and the case of its T ignored): %p, journalled so',
    (typed, canonical) => {
      const chosen = chooseQuarter(state, typed, { now: choosingOn });
      if (!chosen.ok) throw new Error(JSON.stringify(chosen.issues));
      expect(chosen).toMatchObject({ to: canonical, changed: true });
      expect(chosen.state.journal.at(-1)?.after).toEqual({ type: 'text', value: canonical });
    },
  );

  it('warns of a quarter typed in lower case far ahead, naming it in its canonical form', () => {
    expect(chosenAheadNotes(' 2030-t4 ', choosingOn, state.plan.period).map((note) => note.params.quarter)).toEqual([
      '2030-T4',
    ]);
  });

  it('choosing Q itself changes nothing and writes no Journal line', () => {
    const chosen = chooseQuarter(state, '2026-T2', { now: choosingOn });
    expect(chosen).toMatchObject({ ok: true, from: '2026-T2', to: '2026-T2', changed: false });
    if (chosen.ok) expect(chosen.state).toBe(state);
  });

  it.each(['2027-T5', 'T2 2027', '2027T2', '2027-t', '27-T2', '2027 T2', 'x', ''])(
    'refuses the malformed quarter %p, naming the first and last quarter of the convention',
    (text) => {
      const refused = chooseQuarter(state, text, { now: choosingOn });
      if (refused.ok) throw new Error('accepted');
      expect(refused.issues).toEqual([
        {
          severity: 'error',
          code: 'quarter-malformed',
          sheet: 'Paramètres',
          cell: 'B9',
          rowKey: null,
          params: { value: text.trim(), first: '2026-T1', last: '2030-T4' },
        },
      ]);
      const message = renderIssueMessage(refused.issues[0]);
      expect(message).toContain('AAAA-Tn');
      expect(message).toContain('de 2026-T1 à 2030-T4');
    },
  );

  it.each([
    [
      'T2 2027',
      'task-pane',
      '«\u00a0T2 2027\u00a0» n’est pas un trimestre de la forme AAAA-Tn\u00a0: écrivez 2027-T2.',
    ],
    [
      '2027 t2',
      'command-line',
      '--quarter attend un trimestre de la forme AAAA-Tn, pas «\u00a02027 t2\u00a0»\u00a0: écrivez --quarter 2027-T2.',
    ],
  ] as const)('refuses %p, and says the quarter it most likely means (%s)', (text, surface, said) => {
    const refused = chooseQuarter(state, text, { now: choosingOn });
    if (refused.ok) throw new Error('accepted');
    expect(renderIssueMessageFor(surface, refused.issues[0])).toBe(
      `${said} Choisissez un trimestre de la convention, de 2026-T1 à 2030-T4.`,
    );
  });

  it.each(['2025-T4', '2031-T1', '1999-T1'])('refuses %p, outside the convention', (text) => {
    const refused = chooseQuarter(state, text, { now: choosingOn });
    if (refused.ok) throw new Error('accepted');
    expect(refused.issues.map((issue) => [issue.code, issue.severity])).toEqual([
      ['quarter-outside-convention', 'error'],
    ]);
    expect(renderIssueMessage(refused.issues[0])).toBe(
      `Le trimestre ${text} est en dehors de la convention. Choisissez un trimestre de 2026-T1 à 2030-T4.`,
    );
  });

  it('the first and the last quarter of the convention may be chosen', () => {
    expect(chooseQuarter(state, '2026-T1', { now: choosingOn }).ok).toBe(true);
    expect(chooseQuarter(state, '2030-T4', { now: choosingOn }).ok).toBe(true);
  });

  it('the written workbook holds the new Q in Paramètres and the Journal line, and reads back with that Q', async () => {
    const chosen = chooseQuarter(state, '2027-T2', { now: choosingOn });
    if (!chosen.ok) throw new Error('refused');
    const written = await roundTrip((await buildStateWorkbook(chosen.state, { now: choosingOn })).spec);
    expect(sheet(written, 'Paramètres').rows[8][1]?.value).toBe('2027-T2');
    expect(journalRows(written).at(-1)).toEqual([
      '2026-06-20T14:30:05Z',
      'Choix du trimestre',
      null,
      'Trimestre en cours',
      '2026-T2',
      '2027-T2',
      'choix-trimestre',
      'currentQuarter',
      'texte',
      'texte',
    ]);
    expect((await stateOf(written)).currentQuarter).toEqual({ year: 2027, q: 2 });
  }, 30_000);
});

/** A port over grids that records its reads and writes. */
function recordingPort(grids: WorkbookGrids) {
  const writes: { spec: WorkbookSpec; context: WriteContext | undefined }[] = [];
  let reads = 0;
  return {
    writes,
    reads: () => reads,
    port: {
      read: async () => {
        reads += 1;
        return grids;
      },
      write: async (spec: WorkbookSpec, context?: WriteContext) => {
        writes.push({ spec, context });
      },
    },
  };
}

describe('compute with a chosen quarter', () => {
  let grids: WorkbookGrids;

  beforeAll(async () => {
    const fresh = await roundTrip((await buildNewWorkbook(samplePlan(), { today: generatedOn })).spec);
    grids = typeInto(fresh, [
      { key: 'G1-QN2', header: '2026-T2', value: 4 },
      { key: 'G1-QN2', header: '2026-T3', value: 7 },
    ]);
  }, 30_000);

  it('chooses Q first, then reads once and writes once: the figures and the workbook are those of the new Q', async () => {
    const recorder = recordingPort(grids);
    const outcome = await computeAndWrite(recorder.port, { now: choosingOn, quarter: '2026-T3' });
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.quarterChange).toEqual({ from: '2026-T2', to: '2026-T3' });
    expect(outcome.figures.quarter).toBe('2026-T3');
    expect(recorder.reads()).toBe(1);
    expect(recorder.writes).toHaveLength(1);
    expect(recorder.writes[0].context?.after).toBe(grids);
    // The shape is kept: the write may change cells only, B9 among them.
    expect(recorder.writes[0].context?.changes?.cells).toContainEqual(
      expect.objectContaining({ sheet: 'Paramètres', row: 9, column: 2, content: '2026-T3' }),
    );
    await expectQuarterWritten(recorder.writes[0].spec, '2026-T2', '2026-T3');

    const unchanged = await computeAndWrite(recordingPort(grids).port, { now: choosingOn });
    if (unchanged.status !== 'done') throw new Error('refused');
    expect(unchanged.quarterChange).toBeNull();
    expect(unchanged.figures.quarter).toBe('2026-T2');
    expect(unchanged.figures.overall.fillCumulative).not.toBe(outcome.figures.overall.fillCumulative);
  }, 30_000);

  it('takes a quarter typed in lower case with spaces around: B9 and the Journal get its canonical form', async () => {
    const recorder = recordingPort(grids);
    const outcome = await computeAndWrite(recorder.port, { now: choosingOn, quarter: ' 2026-t3 ' });
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.quarterChange).toEqual({ from: '2026-T2', to: '2026-T3' });
    expect(outcome.figures.quarter).toBe('2026-T3');
    await expectQuarterWritten(recorder.writes[0].spec, '2026-T2', '2026-T3');
  }, 30_000);

  it('given Q itself, computes as without a quarter: no change reported, no Journal line', async () => {
    const recorder = recordingPort(grids);
    const outcome = await computeAndWrite(recorder.port, { now: choosingOn, quarter: '2026-T2' });
    if (outcome.status !== 'done') throw new Error('refused');
    expect(outcome.quarterChange).toBeNull();
    const written = await roundTrip(recorder.writes[0].spec);
    expect(journalRows(written).some((row) => row[1] === 'Choix du trimestre')).toBe(false);
  }, 30_000);

  it.each([
    ['2031-T1', 'quarter-outside-convention'],
    ['bientôt', 'quarter-malformed'],
  ])(
    'refuses %p (%s) and writes nothing',
    async (quarter, code) => {
      const recorder = recordingPort(grids);
      const outcome = await computeAndWrite(recorder.port, { now: choosingOn, quarter });
      expect(outcome.status).toBe('refused');
      if (outcome.status === 'refused') expect(outcome.issues.map((issue) => issue.code)).toEqual([code]);
      expect(recorder.writes).toHaveLength(0);
    },
    30_000,
  );
});

describe('a current quarter typed wrong by hand, repaired by choosing one', () => {
  let fresh: WorkbookGrids;

  beforeAll(async () => {
    fresh = await roundTrip((await buildNewWorkbook(samplePlan(), { today: generatedOn })).spec);
  }, 30_000);

  /** The workbook with Paramètres B9 holding `value` (as typed by hand: a text, or a whole cell). */
  const withQuarterCell = (value: string | GridCell | null): WorkbookGrids => ({
    sheets: fresh.sheets.map((grid) =>
      grid.name !== 'Paramètres'
        ? grid
        : {
            ...grid,
            rows: grid.rows.map((row, r) =>
              r !== 8 ? row : row.map((cell, c) => (c !== 1 ? cell : typeof value === 'string' ? { value } : value)),
            ),
          },
    ),
  });

  it.each([
    ['2027 T2', '2027 T2'],
    ['2031-T1', '2031-T1'],
    [null, null],
  ])(
    'B9 holding %p: without a quarter the workbook is refused at B9; with one it is computed, B9 set and the change journalled',
    async (typed, shownAsBefore) => {
      const broken = withQuarterCell(typed);
      const refused = await computeAndWrite(recordingPort(broken).port, { now: choosingOn });
      expect(refused.status).not.toBe('done');
      if (refused.status !== 'done')
        expect(refused.issues.every((issue) => issue.sheet === 'Paramètres' && issue.cell === 'B9')).toBe(true);

      const recorder = recordingPort(broken);
      const outcome = await computeAndWrite(recorder.port, { now: choosingOn, quarter: '2026-T3' });
      if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
      expect(outcome.quarterChange).toEqual({ from: shownAsBefore, to: '2026-T3' });
      expect(outcome.figures.quarter).toBe('2026-T3');
      expect(recorder.reads()).toBe(1);
      // The write follows the grids as read (the open workbook's back end reuses what that read learnt).
      expect(recorder.writes[0].context?.after).toBe(broken);
      // Changes are against the workbook as it is (B9 as typed), not the repaired reading.
      expect(recorder.writes[0].context?.changes?.cells).toContainEqual(
        expect.objectContaining({ sheet: 'Paramètres', row: 9, column: 2, content: '2026-T3' }),
      );
      await expectQuarterWritten(recorder.writes[0].spec, shownAsBefore, '2026-T3');
    },
    30_000,
  );

  it.each<[string, GridCell]>([
    ['a formula with its result', { value: '2027-T2', formula: '"2027-T"&"2"' }],
    ['a formula with no stored result', { value: null, formula: 'Feuil2!A1', uncalculated: true }],
    ['a formula whose result is an error', { value: '#REF!', formula: '#REF!&"-T2"', isError: true }],
  ])(
    'B9 holding %s: refused without a quarter; with one, the Journal keeps the formula’s text, not its result',
    async (_, typed) => {
      const broken = withQuarterCell(typed);
      const refused = await computeAndWrite(recordingPort(broken).port, { now: choosingOn });
      expect(refused.status).toBe('refused');
      if (refused.status === 'refused') expect(refused.issues.map((issue) => issue.cell)).toEqual(['B9']);

      const recorder = recordingPort(broken);
      const outcome = await computeAndWrite(recorder.port, { now: choosingOn, quarter: '2026-T3' });
      if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
      const formula = `=${typed.formula}`;
      expect(outcome.quarterChange).toEqual({ from: formula, to: '2026-T3' });
      await expectQuarterWritten(recorder.writes[0].spec, formula, '2026-T3');
      // Kept as a text: the Journal never runs a person's formula again.
      const written = await roundTrip(recorder.writes[0].spec);
      expect(sheet(written, 'Journal').rows.at(-1)?.[4]).toEqual({ value: formula });
    },
    30_000,
  );

  it('B9 holding a date: the Journal keeps the date, and the change shows it as Excel does', async () => {
    const recorder = recordingPort(withQuarterCell({ value: 46100, isDate: true }));
    const outcome = await computeAndWrite(recorder.port, { now: choosingOn, quarter: '2026-T3' });
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.quarterChange).toEqual({ from: '19/03/2026', to: '2026-T3' });
    const written = await roundTrip(recorder.writes[0].spec);
    const line = sheet(written, 'Journal').rows.at(-1)!;
    expect(line[4]).toMatchObject({ value: 46100, isDate: true });
    expect(line.slice(8, 10).map((cell) => cell?.value)).toEqual(['date', 'texte']);
  }, 30_000);

  it('a quarter typed in lower case repairs it as well, written in its canonical form', async () => {
    const recorder = recordingPort(withQuarterCell('2027 T2'));
    const outcome = await computeAndWrite(recorder.port, { now: choosingOn, quarter: '2026-t3 ' });
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.quarterChange).toEqual({ from: '2027 T2', to: '2026-T3' });
    await expectQuarterWritten(recorder.writes[0].spec, '2027 T2', '2026-T3');
  }, 30_000);

  it("a malformed choice does not repair it: the workbook's own refusal stands, nothing written", async () => {
    const recorder = recordingPort(withQuarterCell('2027 T2'));
    const outcome = await computeAndWrite(recorder.port, { now: choosingOn, quarter: 'bientôt' });
    expect(outcome.status).toBe('refused');
    if (outcome.status === 'refused') expect(outcome.issues.map((issue) => issue.cell)).toEqual(['B9']);
    expect(recorder.writes).toHaveLength(0);
  }, 30_000);

  it('another error elsewhere is not repaired by a quarter: the workbook is refused with all its errors', async () => {
    const broken = typeInto(withQuarterCell('2027 T2'), [{ key: 'G1', header: 'Avancement (%)', value: 150 }]);
    const recorder = recordingPort(broken);
    const outcome = await computeAndWrite(recorder.port, { now: choosingOn, quarter: '2026-T3' });
    expect(outcome.status).toBe('refused');
    if (outcome.status === 'refused') {
      const cells = outcome.issues.map((issue) => `${issue.sheet}!${issue.cell}`);
      expect(cells).toContain('Paramètres!B9');
      expect(cells.some((cell) => cell.startsWith('Axe 1!'))).toBe(true);
    }
    expect(recorder.writes).toHaveLength(0);
  }, 30_000);
});
