// Today's date is the machine's own, for every command alike (src/domain/calendar-day.ts): a Caf in La Réunion
// (UTC+4) or Guadeloupe (UTC−4) starts its quarter at its own midnight, not at Paris's. The built command line runs
// at a fixed instant (tests/helpers/fixed-clock.js) under a fixed TZ, a few minutes either side of midnight on 31/12,
// when Paris and UTC are on another day than the machine. A TZ set inside a jest worker does not reach its clock: the
// cases run in one process of their own, which sets TZ and the instant before each (Node resets its time zone when
// process.env.TZ is set) and runs the built program's commands one after the other (its `main`, as bin/ctg-suivi.js
// calls it). The workbook of 2026-T4 that each case closes is generated first in that process (at noon on 15/11, the
// same day in every zone here) and copied: each process spawned cost about a second of the suite's time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { compiledCli } from '../helpers/compiled-cli';

const FIXED_CLOCK = join(__dirname, '..', 'helpers', 'fixed-clock.js');
let work: string;

afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** What the process does at one instant in one zone. */
interface Step {
  zone: string;
  now: string;
  /** Files copied first, [from, to]. */
  copies: [string, string][];
  /** Expressions over `calendar` (domain/calendar-day.js) and `values` (domain/tracking-values.js) of the build. */
  expressions: string[];
  /** The command line's arguments, each run by its `main`. */
  commands: string[][];
}

interface StepDone {
  evaluated: unknown[];
  runs: Run[];
}

/**
 * The steps, one after the other in one process of the built program, each at its instant on a machine in its zone:
 * its expressions evaluated, then its commands run with what they print to stdout and stderr.
 */
function runSteps(bin: string, steps: Step[]): StepDone[] {
  const dist = join(dirname(bin), '..', 'dist', 'node');
  const script = `(async () => {
    const fs = require('fs');
    const { main } = require(${JSON.stringify(join(dist, 'cli', 'main.js'))});
    const calendar = require(${JSON.stringify(join(dist, 'domain', 'calendar-day.js'))});
    const values = require(${JSON.stringify(join(dist, 'domain', 'tracking-values.js'))});
    const done = [];
    for (const step of ${JSON.stringify(steps)}) {
      process.env.TZ = step.zone;
      process.env.CTG_TEST_NOW = step.now;
      for (const [from, to] of step.copies) fs.copyFileSync(from, to);
      const evaluated = step.expressions.map((expression) => eval(expression));
      const runs = [];
      for (const args of step.commands) {
        const run = { stdout: '', stderr: '' };
        const console = { out: (t) => (run.stdout += t + '\\n'), err: (t) => (run.stderr += t + '\\n'), progress: () => {} };
        run.status = await main(args, console);
        runs.push(run);
      }
      done.push({ evaluated, runs });
    }
    process.stdout.write(JSON.stringify(done));
  })();`;
  const result = spawnSync(process.execPath, ['--require', FIXED_CLOCK, '-e', script], {
    encoding: 'utf8',
    cwd: work,
    env: { ...process.env, TZ: steps[0].zone, CTG_TEST_NOW: steps[0].now },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as StepDone[];
}

async function cellText(file: string, sheet: string, address: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return String(workbook.getWorksheet(sheet)?.getCell(address).value ?? '');
}

const cases = [
  // 00:30 on 01/01/2027 in La Réunion; 21:30 on 31/12 in Paris.
  {
    zone: 'Indian/Reunion',
    now: '2026-12-31T20:30:00Z',
    day: '01/01/2027',
    quarter: '2027-T1',
    paris: '31/12/2026 à 21:30',
  },
  // 23:30 on 31/12/2026 in Guadeloupe; 04:30 on 01/01 in Paris.
  {
    zone: 'America/Guadeloupe',
    now: '2027-01-01T03:30:00Z',
    day: '31/12/2026',
    quarter: '2026-T4',
    paris: '01/01/2027 à 04:30',
  },
  // In Paris itself, either side of its midnight: 00:30 on 01/01, then 23:30 on 31/12.
  {
    zone: 'Europe/Paris',
    now: '2026-12-31T23:30:00Z',
    day: '01/01/2027',
    quarter: '2027-T1',
    paris: '01/01/2027 à 00:30',
  },
  {
    zone: 'Europe/Paris',
    now: '2026-12-31T22:30:00Z',
    day: '31/12/2026',
    quarter: '2026-T4',
    paris: '31/12/2026 à 23:30',
  },
] as const;

/** A case's files: the copy of the 2026-T4 workbook it closes, and what its commands write. */
const filesOf = (index: number) => {
  const folder = join(work, `case-${index}`);
  return {
    folder,
    suivi: join(folder, 'suivi.xlsx'),
    autumn: join(folder, 'automne.xlsx'),
    bilan: join(folder, 'bilan.xlsx'),
    consolidation: join(folder, 'consolidation.xlsx'),
  };
};
const isoOf = (day: string) => day.split('/').reverse().join('-');
/** `values.isDayAfterToday` of the day `days` after `iso`, today being the process's. */
const dayAfter = (iso: string, days: number) =>
  `values.isDayAfterToday(new Date(Date.UTC(${iso.slice(0, 4)}, ${Number(iso.slice(5, 7)) - 1}, ${Number(iso.slice(8))} + ${days})).toISOString().slice(0, 10), new Date())`;

let done: StepDone[];

beforeAll(() => {
  const bin = compiledCli();
  work = mkdtempSync(join(tmpdir(), 'ctg-today-'));
  /** A workbook generated at noon on 15/11/2026: its current quarter is 2026-T4. */
  const autumnWorkbook = join(work, 'automne.xlsx');
  const steps: Step[] = [
    {
      zone: 'Europe/Paris',
      now: '2026-11-15T12:00:00Z',
      copies: [],
      expressions: [],
      commands: [['generate', '-o', autumnWorkbook]],
    },
    ...cases.map(({ zone, now, day }, index): Step => {
      const files = filesOf(index);
      mkdirSync(files.folder);
      const iso = isoOf(day);
      return {
        zone,
        now,
        // A workbook whose current quarter is 2026-T4, closed at `now`: early only before the machine's midnight.
        copies: [[autumnWorkbook, files.autumn]],
        expressions: ['calendar.calendarDayOf(new Date())', dayAfter(iso, 1), dayAfter(iso, 2)],
        commands: [
          ['generate', '-o', files.suivi],
          ['close-quarter', files.autumn, '--json'],
          // Its annual bilan of 2026 (Q is now 2027-T1): over from the machine's midnight, and dated by its day.
          ['bilan', files.autumn, '--kind', 'annuel', '--year', '2026', '-o', files.bilan, '--json'],
          ['consolidate', files.suivi, '-o', files.consolidation],
        ],
      };
    }),
  ];
  const [generated, ...ofCases] = runSteps(bin, steps);
  if (generated.runs[0].status !== 0) throw new Error(generated.runs[0].stderr);
  done = ofCases;
}, 200_000);

describe.each(cases.map((one, index) => ({ ...one, index })))(
  'a machine in $zone at $now',
  ({ day, quarter, paris, index }) => {
    const iso = isoOf(day);

    it('takes that day as today, and the day after still as today in a typed date', () => {
      const [today, ...afterToday] = done[index].evaluated;
      expect(today).toBe(iso);
      expect(afterToday).toEqual([false, true]);
    });

    it('generate makes that day’s quarter current; close-quarter and a bilan go by the same day', async () => {
      const { suivi, bilan, consolidation } = filesOf(index);
      const [generated, closed, made, consolidated] = done[index].runs;

      expect(generated.status).toBe(0);
      expect(await cellText(suivi, 'Paramètres', 'B9')).toBe(quarter);

      expect(closed.status).toBe(0);
      expect(closed.stdout.includes('"quarter-closed-before-end"')).toBe(quarter === '2026-T4');

      expect(made.stdout.includes('"bilan-period-not-ended"')).toBe(quarter === '2026-T4');
      const synthesis = new ExcelJS.Workbook();
      await synthesis.xlsx.load(readFileSync(bilan) as unknown as ArrayBuffer);
      const texts: string[] = [];
      synthesis.getWorksheet('Synthèse')!.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
      expect(texts).toContain(`Bilan édité le ${day}.`);

      expect(consolidated.status).toBe(0);
      // Its quarters go by that day too; the moment it was written is told in Paris time, said so, as the reasons of
      // its duplicates date the copies: one clock for every instant the Caf reads in it.
      expect(await cellText(consolidation, 'Territoires', 'A2')).toContain(
        `Consolidation écrite le ${paris} (heure de Paris).`,
      );
    }, 120_000);
  },
);
