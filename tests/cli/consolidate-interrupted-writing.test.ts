import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Console } from '../../src/cli/console';
import { main } from '../../src/cli/main';
import { pilat, territoryBytes } from '../consolidation/helpers/territories';

/**
 * Ctrl-C once every file is measured, while the consolidation workbook is being built: for a few hundred
 * territories that takes seconds after the progress bar is gone. The command said nothing then and exited 130, a
 * --json run printing no document, though docs/COMMANDES.md promises « Consolidation interrompue : rien n’a été
 * écrit. » whenever a consolidation is interrupted. The signal is given here by the building itself, at its start.
 */

/** The signal to give while the workbook is built, or none. */
let signalWhileBuilding: NodeJS.Signals | null = null;
/** What the person was shown as progress, and when the building began among it. */
const events: string[] = [];

jest.mock('../../src/app/consolidate/write-consolidation', () => {
  const actual = jest.requireActual('../../src/app/consolidate/write-consolidation');
  return {
    ...actual,
    writeConsolidation: async (...args: unknown[]) => {
      events.push('building');
      if (signalWhileBuilding) process.emit(signalWhileBuilding, signalWhileBuilding);
      return actual.writeConsolidation(...args);
    },
  };
});

const folder = mkdtempSync(join(tmpdir(), 'ctg-interrupted-writing-'));

/**
 * The command run in-process, `process.exit` ending it where the real one would: what it printed until then, the
 * exit code it gave, and whether the workbook was written.
 */
async function consolidateInterrupted(signal: NodeJS.Signals | null, json: boolean) {
  const territory = join(folder, 'pilat.xlsx');
  writeFileSync(territory, await territoryBytes(pilat));
  const output = join(folder, `consolidation-${signal}-${json}.xlsx`);
  let stdout = '';
  let stderr = '';
  let exited: number | null = null;
  // Nothing is printed once the process has exited (the in-process run goes on to main's own catch).
  const console: Console = {
    out: (text) => void (exited === null && (stdout += `${text}\n`)),
    err: (text) => void (exited === null && (stderr += `${text}\n`)),
    progress: (text) => void events.push(text),
  };
  events.length = 0;
  jest.spyOn(process, 'exit').mockImplementation(((code: number) => {
    exited = code;
    throw new Error(`exit ${code}`);
  }) as never);
  signalWhileBuilding = signal;
  try {
    await main(['consolidate', territory, '-o', output, ...(json ? ['--json'] : [])], console);
  } finally {
    signalWhileBuilding = null;
  }
  return { exited, stdout, stderr, written: existsSync(output) };
}

afterEach(() => jest.restoreAllMocks());

it.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)(
  'on %s while the workbook is built, says that nothing was written and exits %i',
  async (signal, code) => {
    const run = await consolidateInterrupted(signal, false);
    expect(run.exited).toBe(code);
    expect(run.stderr).toBe('Consolidation interrompue\u00a0: rien n’a été écrit.\n');
    expect(run.written).toBe(false);
  },
  60_000,
);

it('with --json, prints the one document that says so', async () => {
  const run = await consolidateInterrupted('SIGINT', true);
  expect(run.exited).toBe(130);
  expect(JSON.parse(run.stdout)).toEqual({
    error: { code: 'interrupted', message: 'Consolidation interrompue\u00a0: rien n’a été écrit.' },
  });
  expect(run.written).toBe(false);
}, 60_000);

it('says on the terminal that the workbook is being written once the files are measured, before it is built', async () => {
  // The bar is gone once every file is measured, and building a few hundred territories' workbook takes seconds:
  // without a word meanwhile the command seemed to hang.
  const run = await consolidateInterrupted(null, false);
  expect(run.exited).toBeNull();
  expect(run.written).toBe(true);
  expect(events).toEqual(['Écriture du classeur de consolidation…', 'building']);
}, 60_000);
