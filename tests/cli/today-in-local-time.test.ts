// Today's date is the machine's own, for every command alike (src/domain/calendar-day.ts): a Caf in La Réunion
// (UTC+4) or Guadeloupe (UTC−4) starts its quarter at its own midnight, not at Paris's. The built command line runs
// at a fixed instant (tests/helpers/fixed-clock.js) under a fixed TZ, a few minutes either side of midnight on 31/12,
// when Paris and UTC are on another day than the machine. A TZ set inside a jest worker does not reach its clock:
// each case is a process of its own, which runs the built program's commands one after the other (its `main`, as
// bin/ctg-suivi.js calls it). The workbook of 2026-T4 that each case closes is generated once (at noon on 15/11, the
// same day in every zone here) and copied: each process spawned costs about a second.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { compiledCli } from '../helpers/compiled-cli';

const FIXED_CLOCK = join(__dirname, '..', 'helpers', 'fixed-clock.js');
let bin: string;
let work: string;
/** A workbook generated at noon on 15/11/2026: its current quarter is 2026-T4. */
let autumnWorkbook: string;

beforeAll(() => {
  bin = compiledCli();
  work = mkdtempSync(join(tmpdir(), 'ctg-today-'));
  autumnWorkbook = join(work, 'automne.xlsx');
  const made = runAt('Europe/Paris', '2026-11-15T12:00:00Z', ['generate', '-o', autumnWorkbook]);
  if (made.status !== 0) throw new Error(made.stderr);
}, 200_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The command line run at `now` on a machine in `zone`. */
function runAt(zone: string, now: string, args: string[]) {
  const result = spawnSync(process.execPath, ['--require', FIXED_CLOCK, bin, ...args], {
    encoding: 'utf8',
    cwd: work,
    env: { ...process.env, TZ: zone, CTG_TEST_NOW: now },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * The built command line's commands, one after the other in one process at `now` on a machine in `zone`: its `main`
 * given each one's arguments, as bin/ctg-suivi.js gives it a command's, with what it prints to stdout and stderr.
 */
function runEachAt(zone: string, now: string, commands: string[][]): Run[] {
  const main = join(dirname(bin), '..', 'dist', 'node', 'cli', 'main.js');
  const script = `(async () => {
    const { main } = require(${JSON.stringify(main)});
    const runs = [];
    for (const args of ${JSON.stringify(commands)}) {
      const run = { stdout: '', stderr: '' };
      const console = { out: (t) => (run.stdout += t + '\\n'), err: (t) => (run.stderr += t + '\\n'), progress: () => {} };
      run.status = await main(args, console);
      runs.push(run);
    }
    process.stdout.write(JSON.stringify(runs));
  })();`;
  const result = spawnSync(process.execPath, ['--require', FIXED_CLOCK, '-e', script], {
    encoding: 'utf8',
    cwd: work,
    env: { ...process.env, TZ: zone, CTG_TEST_NOW: now },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as Run[];
}

/**
 * Expressions over modules of the built program, evaluated in one process at `now` in `zone`: `modules` names each
 * module's file and the variable an expression uses for it.
 */
function evaluateAt(zone: string, now: string, modules: Record<string, string>, expressions: string[]): unknown[] {
  const dist = join(dirname(bin), '..', 'dist', 'node');
  const requires = Object.entries(modules)
    .map(([name, module]) => `const ${name} = require(${JSON.stringify(join(dist, module))});`)
    .join(' ');
  const script = `${requires} process.stdout.write(JSON.stringify([${expressions.join(', ')}]));`;
  const result = spawnSync(process.execPath, ['--require', FIXED_CLOCK, '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, TZ: zone, CTG_TEST_NOW: now },
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

async function cellText(file: string, sheet: string, address: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return String(workbook.getWorksheet(sheet)?.getCell(address).value ?? '');
}

const cases = [
  // 00:30 on 01/01/2027 in La Réunion; 21:30 on 31/12 in Paris.
  { zone: 'Indian/Reunion', now: '2026-12-31T20:30:00Z', day: '01/01/2027', quarter: '2027-T1' },
  // 23:30 on 31/12/2026 in Guadeloupe; 04:30 on 01/01 in Paris.
  { zone: 'America/Guadeloupe', now: '2027-01-01T03:30:00Z', day: '31/12/2026', quarter: '2026-T4' },
  // In Paris itself, either side of its midnight: 00:30 on 01/01, then 23:30 on 31/12.
  { zone: 'Europe/Paris', now: '2026-12-31T23:30:00Z', day: '01/01/2027', quarter: '2027-T1' },
  { zone: 'Europe/Paris', now: '2026-12-31T22:30:00Z', day: '31/12/2026', quarter: '2026-T4' },
] as const;

describe.each(cases)('a machine in $zone at $now', ({ zone, now, day, quarter }) => {
  const iso = day.split('/').reverse().join('-');

  it('takes that day as today, and the day after still as today in a typed date', () => {
    const after = (days: number) =>
      `values.isDayAfterToday(new Date(Date.UTC(${iso.slice(0, 4)}, ${Number(iso.slice(5, 7)) - 1}, ${Number(iso.slice(8))} + ${days})).toISOString().slice(0, 10), new Date())`;
    const modules = { calendar: 'domain/calendar-day.js', values: 'domain/tracking-values.js' };
    const [today, ...afterToday] = evaluateAt(zone, now, modules, [
      'calendar.calendarDayOf(new Date())',
      after(1),
      after(2),
    ]);
    expect(today).toBe(iso);
    expect(afterToday).toEqual([false, true]);
  });

  it('generate makes that day’s quarter current; close-quarter, a bilan and a consolidation go by the same day', async () => {
    const folder = mkdtempSync(join(work, 'case-'));
    const suivi = join(folder, 'suivi.xlsx');
    // A workbook whose current quarter is 2026-T4, closed at `now`: early only before the machine's midnight.
    const autumn = join(folder, 'automne.xlsx');
    copyFileSync(autumnWorkbook, autumn);
    // Its annual bilan of 2026 (Q is now 2027-T1): over from the machine's midnight, and dated by its day.
    const bilan = join(folder, 'bilan.xlsx');
    const consolidation = join(folder, 'consolidation.xlsx');
    const [generated, closed, made, consolidated] = runEachAt(zone, now, [
      ['generate', '-o', suivi],
      ['close-quarter', autumn, '--json'],
      ['bilan', autumn, '--kind', 'annuel', '--year', '2026', '-o', bilan, '--json'],
      ['consolidate', suivi, '-o', consolidation],
    ]);

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
    expect(await cellText(consolidation, 'Territoires', 'A2')).toContain(`Consolidation écrite le ${day}.`);
  }, 120_000);
});
