import { computeAndWrite, regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import { validateGrids } from '../../src/app/validate';
import type { WorkbookGrids } from '../../src/domain/grid';
import { sheetNames } from '../../src/layout/texts';
import type { CellChange } from '../../src/app/port';
import { patchXlsx } from '../../src/xlsx/patch';
import { samplePlan } from '../layout/helpers/sample-plan';
import { filledWorkbook, gridsOf, recordingPort } from '../xlsx-patch/helpers';
import { sheet } from './helpers';

/**
 * A workbook written while the bilan intermédiaire went to the quarter of the period's exact midpoint day shows,
 * for some conventions, a quarter earlier in Annexe 4's steering calendar than the tools now write (2024–2027:
 * 2025-T4 for 2026-T1). Those texts are the tools' own: the next rewrite writes the calendar as it is now, in place
 * (patched, nothing a person set around the cells lost), with no word of a text typed over, in the Journal or
 * elsewhere; a person's own text in one of those cells still is one.
 */

const RESTORED_SOURCE = 'Texte de l’outil rétabli';

/** Annexe 4's calendar rows, from the first annual checkpoint: [row, quarter, label]. */
function calendarOf(grids: WorkbookGrids): [number, string, string][] {
  const rows = sheet(grids, sheetNames.annexe4).rows;
  const first = rows.findIndex((row) => String(row?.[1]?.value ?? '').startsWith('Point d’étape annuel'));
  const found: [number, string, string][] = [];
  for (let index = first; /^\d{4}-T\d$/.test(String(rows[index]?.[0]?.value ?? '')); index += 1)
    found.push([index + 1, String(rows[index][0]!.value), String(rows[index][1]!.value)]);
  return found;
}

const journalSources = (grids: WorkbookGrids) =>
  sheet(grids, 'Journal')
    .rows.slice(1)
    .map((row) => row?.[1]?.value);

describe.each([
  {
    // A leap day in the first half: the exact midpoint is 2025-12-31 at noon.
    start: '2024-01-01',
    end: '2027-12-31',
    today: '2025-11-10T09:00:00Z',
    earlier: [['2024-T4'], ['2025-T4'], ['2025-T4'], ['2026-T4'], ['2027-T4']],
    now: ['2024-T4', '2025-T4', '2026-T1', '2026-T4', '2027-T4'],
  },
  {
    // 2024-T1 holds no annual checkpoint: the earlier quarter is shown nowhere else in the sheet.
    start: '2023-04-01',
    end: '2025-03-31',
    today: '2024-02-10T09:00:00Z',
    earlier: [['2023-T4'], ['2024-T1'], ['2024-T4'], ['2025-T1']],
    now: ['2023-T4', '2024-T2', '2024-T4', '2025-T1'],
  },
  {
    // The exact midpoint 2024-09-30 at noon, before 2024's checkpoint then; now with it in 2024-T4, after it.
    start: '2023-07-01',
    end: '2025-12-31',
    today: '2024-02-10T09:00:00Z',
    earlier: [['2023-T4'], ['2024-T3', 'Bilan intermédiaire'], ['2024-T4', 'Point d’étape annuel 2024'], ['2025-T4']],
    now: ['2023-T4', '2024-T4', '2024-T4', '2025-T4'],
  },
])('the steering calendar of $start … $end as an earlier version wrote it', ({ start, end, today, earlier, now }) => {
  const plan = { ...samplePlan(), period: { start, end } };
  const day = new Date(today);
  let fresh: Uint8Array;
  let shown: [number, string, string][];

  /** The workbook with `texts` in columns A (and B) of the calendar's rows, from the first one. */
  const withCalendar = (texts: readonly string[][]) => {
    const cells: CellChange[] = texts.flatMap((row, index) =>
      row.map((content, column) => ({ sheet: sheetNames.annexe4, row: shown[index][0], column: column + 1, content })),
    );
    return patchXlsx(fresh, { cells, ranges: [] });
  };
  const quartersOf = (bytes: Uint8Array) => calendarOf(gridsOf(bytes)).map(([, quarter]) => quarter);

  beforeAll(async () => {
    fresh = await filledWorkbook(plan, [], day);
    shown = calendarOf(gridsOf(fresh));
    expect(shown.map(([, quarter]) => quarter)).toEqual(now);
  }, 30_000);

  it('is not said typed over by validation, and the next compute writes it in place, without a Journal line', async () => {
    const written = withCalendar(earlier);
    expect(quartersOf(written)).not.toEqual(now);
    const report = await validateGrids(gridsOf(written), { today: day });
    expect(report.issues.filter((issue) => issue.sheet === sheetNames.annexe4)).toEqual([]);

    const file = recordingPort(written);
    const outcome = await computeAndWrite(file.port, { now: day });

    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(outcome.notes.filter((note) => note.sheet === sheetNames.annexe4)).toEqual([]);
    expect(file.contexts[0]?.changes).toBeDefined();
    expect(calendarOf(gridsOf(file.last()))).toEqual(shown);
    expect(journalSources(gridsOf(file.last()))).not.toContain(RESTORED_SOURCE);
  }, 30_000);

  it('is written as it is now by a regeneration from the same plan, in place too', async () => {
    const file = recordingPort(withCalendar(earlier));
    const outcome = await regenerateAndWrite(file.port, plan, { now: day });

    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(outcome.notes.filter((note) => note.sheet === sheetNames.annexe4)).toEqual([]);
    expect(file.contexts[0]?.changes).toBeDefined();
    expect(calendarOf(gridsOf(file.last()))).toEqual(shown);
  }, 30_000);

  it('still keeps in the Journal a person’s own text typed over the calendar', async () => {
    const file = recordingPort(withCalendar(earlier.map((row) => row.map(() => 'COPIL reporté'))));
    const outcome = await computeAndWrite(file.port, { now: day });

    expect(outcome.status === 'done' ? outcome.notes.map((note) => note.code) : []).toContain('tool-text-restored');
    expect(calendarOf(gridsOf(file.last()))).toEqual(shown);
    expect(journalSources(gridsOf(file.last()))).toContain(RESTORED_SOURCE);
  }, 30_000);
});
