import { closeQuarterAndWrite, computeAndWrite } from '../../src/app/rewrite-use-cases';
import { strFromU8, unzipSync } from 'fflate';
import { samplePlan } from '../layout/helpers/sample-plan';
import {
  orderViolations,
  SHEET_PR_CHILD_ORDER,
  WORKSHEET_CHILD_ORDER,
  worksheetChildren,
} from '../xlsx/helpers/ooxml-order';
import { readWorkbookState } from '../../src/app/workbook-state';
import { buildStateWorkbook } from '../../src/app/write-state';
import { writeXlsx } from '../../src/xlsx/writer';
import { changesOf, filledWorkbook, gridDifferences, gridsOf, recordingPort } from './helpers';

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');
const closing = new Date('2026-10-02T10:00:00Z');

/**
 * Our own workbook patched, then read, gives exactly the grids the whole write would have given: the patch writes
 * the spec's values and results, nothing less, nothing more.
 */
describe('a rewrite that keeps the shape, patched', () => {
  let start: Uint8Array;

  beforeAll(async () => {
    start = await filledWorkbook(
      samplePlan(),
      [
        { key: 'G1', header: 'Statut', value: 'Abandonnée' },
        { key: 'G1', header: 'Difficultés', value: 46100, isDate: true },
        { key: 'G1-QN2', header: '2026-T2', value: 0.5 },
        { key: 'G1-QN2', header: 'Commentaire', value: '12' },
      ],
      today,
    );
  }, 60_000);

  it('compute: the same grids as the whole write', async () => {
    const patched = recordingPort(start);
    const whole = recordingPort(start, { whole: true });
    expect((await computeAndWrite(patched.port, { now: later })).status).toBe('done');
    expect((await computeAndWrite(whole.port, { now: later })).status).toBe('done');
    expect(changesOf(patched.contexts[0]).cells.length).toBeGreaterThan(0);
    expect(gridDifferences(gridsOf(patched.last()), gridsOf(whole.last()))).toEqual([]);
  }, 60_000);

  it('compute then close-quarter twice: the same grids as the whole writes, records appended', async () => {
    const patched = recordingPort(start);
    const whole = recordingPort(start, { whole: true });
    for (const port of [patched, whole]) {
      expect((await computeAndWrite(port.port, { now: later })).status).toBe('done');
      expect((await closeQuarterAndWrite(port.port, { now: later })).status).toBe('done');
      expect((await closeQuarterAndWrite(port.port, { now: closing })).status).toBe('done');
    }
    // Historique is there from generation: both closings append to it, patched.
    expect(patched.contexts.map((context) => context?.changes !== undefined)).toEqual([true, true, true]);
    for (const context of patched.contexts.slice(1)) {
      expect(
        changesOf(context)
          .ranges.map((range) => range.sheet)
          .sort(),
      ).toEqual(['Historique', 'Journal']);
    }
    expect(gridDifferences(gridsOf(patched.last()), gridsOf(whole.last()))).toEqual([]);
    // Every worksheet's elements still in schema order.
    const files = unzipSync(patched.last());
    for (const [name, bytes] of Object.entries(files).filter(([name]) => name.startsWith('xl/worksheets/sheet'))) {
      const { top, sheetPr } = worksheetChildren(strFromU8(bytes));
      expect({
        name,
        violations: [...orderViolations(top, WORKSHEET_CHILD_ORDER), ...orderViolations(sheetPr, SHEET_PR_CHILD_ORDER)],
      }).toEqual({ name, violations: [] });
    }
  }, 90_000);

  it('a workbook generated without Historique: written whole at its first closing (the sheet added), then patched', async () => {
    const reading = await readWorkbookState(gridsOf(start));
    if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
    const state = { ...reading.state, history: { entries: [], keepSheet: false } };
    const older = await writeXlsx((await buildStateWorkbook(state, { now: today })).spec);
    expect(gridsOf(older).sheets.map((sheet) => sheet.name)).not.toContain('Historique');
    const patched = recordingPort(older);
    expect((await closeQuarterAndWrite(patched.port, { now: later })).status).toBe('done');
    expect((await closeQuarterAndWrite(patched.port, { now: closing })).status).toBe('done');
    expect(patched.contexts.map((context) => context?.changes !== undefined)).toEqual([false, true]);
    expect(gridsOf(patched.last()).sheets.map((sheet) => sheet.name)).toContain('Historique');
  }, 90_000);
});
