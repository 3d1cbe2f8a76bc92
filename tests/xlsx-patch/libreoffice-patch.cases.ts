import * as fs from 'fs';
import * as path from 'path';
import { closeQuarterAndWrite, computeAndWrite } from '../../src/app/rewrite-use-cases';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { recalcProfileSource, saveOneThroughLibreOffice } from '../helpers/libreoffice';
import { runCli } from '../cli/run-cli';
import { samplePlan } from '../layout/helpers/sample-plan';
import { sheet } from '../rewrite/helpers';
import { changesOf, filledWorkbook, gridDifferences, gridsOf, recordingPort, workbookFileIn } from './helpers';
import {
  ALL_PERSON_SETTINGS,
  editAsAPerson,
  PERSON_ENTRIES,
  PERSON_NUMBER_FORMAT,
  personsSettings,
} from './person-edits';

/**
 * A tracking workbook saved by LibreOffice, where a person hid a column, widened another, filtered the Journal,
 * added a validation and a conditional format of their own and gave a cell a number format: compute and
 * close-quarter patch it, and all of that is still there, with every value and cached result right.
 */

const today = new Date('2026-05-10T09:00:00Z');
const later = new Date('2026-07-02T10:00:00Z');
const available = { soffice: hasBinary('soffice'), 'LibreOffice recalc profile': fs.existsSync(recalcProfileSource()) };
const scratch = path.resolve(__dirname, '..', '..', '.scratch', 'xlsx-patch-libreoffice');

describe('a LibreOffice-saved workbook with a person’s settings, rewritten', () => {
  let saved: Uint8Array;

  beforeAll(async () => {
    if (!available.soffice) return;
    // Closed once, then edited by a person and saved by LibreOffice.
    const filled = await filledWorkbook(samplePlan(), PERSON_ENTRIES, today);
    const closing = recordingPort(filled);
    expect((await closeQuarterAndWrite(closing.port, { now: later })).status).toBe('done');
    const closed = closing.last();
    saved = saveOneThroughLibreOffice(editAsAPerson(closed, gridsOf(closed)), 'suivi', {
      scratch: 'xlsx-patch-libreoffice',
    });
  }, 180_000);

  itWhenAvailable(available)(
    'keeps them through compute and close-quarter on the command line, and validates',
    async () => {
      expect(personsSettings(saved)).toMatchObject(ALL_PERSON_SETTINGS);
      const file = workbookFileIn(scratch, saved);
      expect((await runCli(['compute', file])).code).toBe(0);
      const closed = await runCli(['close-quarter', file]);
      expect(closed.code).toBe(0);
      const after = new Uint8Array(fs.readFileSync(file));
      const settings = personsSettings(after);
      expect(settings).toMatchObject(ALL_PERSON_SETTINGS);
      const journalRows = sheet(gridsOf(after), 'Journal').rows.filter((row) =>
        row.some((cell) => cell !== null),
      ).length;
      expect(settings.journalFilterRef).toBe(`A1:L${journalRows}`);
      expect((await runCli(['validate', file])).code).toBe(0);
    },
    120_000,
  );

  itWhenAvailable(available)(
    'gives the values and results of a whole write, that LibreOffice recalculates alike, and re-opens whole',
    async () => {
      const now = new Date('2026-09-01T08:00:00Z');
      const patched = recordingPort(saved);
      const whole = recordingPort(saved, { whole: true });
      for (const port of [patched, whole]) {
        expect((await computeAndWrite(port.port, { now })).status).toBe('done');
        expect((await closeQuarterAndWrite(port.port, { now })).status).toBe('done');
      }
      patched.contexts.forEach((context) => changesOf(context));
      const result = gridsOf(patched.last());
      expect(gridDifferences(result, gridsOf(whole.last()))).toEqual([]);

      // The person's number format is still the cell's.
      expect(personsSettings(patched.last()).numberFormat).toBe(PERSON_NUMBER_FORMAT);

      // LibreOffice opens the patched file, recalculates every formula to the cached results, and loses no value.
      const recalculated = gridsOf(
        saveOneThroughLibreOffice(patched.last(), 'patched', { scratch: 'xlsx-patch-libreoffice' }),
      );
      const mismatches: string[] = [];
      for (const grid of result.sheets) {
        const other = sheet(recalculated, grid.name);
        grid.rows.forEach((row, r) =>
          row.forEach((cell, c) => {
            if (!cell || (cell.value === null && !cell.formula)) return;
            const again = other.rows[r]?.[c]?.value ?? null;
            const same =
              typeof cell.value === 'number' && typeof again === 'number'
                ? Math.abs(cell.value - again) < 1e-9
                : (cell.value ?? '') === (again ?? '');
            if (!same)
              mismatches.push(
                `${grid.name}!${r + 1}:${c + 1} ${JSON.stringify(cell.value)} → ${JSON.stringify(again)}`,
              );
          }),
        );
      }
      expect(mismatches).toEqual([]);
    },
    180_000,
  );
});
