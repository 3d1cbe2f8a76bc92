import { openDocumentSpreadsheet } from '../helpers/open-document';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeXlsx } from '../../src/xlsx/writer';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { compiledCli } from '../helpers/compiled-cli';
import { isRunning, standInProgram } from '../helpers/stand-in-program';
import { expectSameBytes } from '../helpers/same-bytes';

/**
 * Every command that converts a file through LibreOffice (merge and validate an .ods or .xls, consolidate a
 * territory's, bilan --pdf), ended by Ctrl-C or SIGTERM during the conversion: LibreOffice runs in a process group of
 * its own, which the terminal's Ctrl-C does not reach, in a temporary folder holding a copy of the person's file.
 * The command stops it, removes that folder, says what it did not write (with --json, as the one document's `error`)
 * and exits 130 or 143, as a shell reports a program ended by that signal. The built program is run, a stand-in for `soffice` that does not end is
 * interrupted, and the temporary folder looked at is the one the program was given (TMPDIR), not the test's.
 */

const folder = mkdtempSync(join(tmpdir(), 'ctg-interrupted-'));
const NBSP = '\u00a0';
let bin: string;
let masterBytes: Uint8Array;

beforeAll(async () => {
  bin = compiledCli();
  masterBytes = await writeXlsx((await buildNewWorkbook(samplePlan(), { today: new Date() })).spec);
}, 200_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Files of `dir` and of its folders, as paths relative to it. */
const filesIn = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split('\\').join('/'))
    .sort();

interface Case {
  /** The person's files, made in `work`; the arguments of the command on them. */
  args: (work: string) => string[];
  message: (work: string) => string;
  /** Files the command wrote before its conversion, there once it is interrupted. */
  writtenBefore?: string[];
}

const cases: Record<string, Case> = {
  merge: {
    args: (work) => ['merge', join(work, 'suivi.xlsx'), join(work, 'retour.ods'), '--partenaire', 'CCMP'],
    message: () => `Fusion interrompue${NBSP}: rien n’a été écrit.`,
  },
  validate: {
    args: (work) => ['validate', join(work, 'retour.ods')],
    message: () => `Vérification interrompue${NBSP}: rien n’a été écrit.`,
  },
  consolidate: {
    args: (work) => ['consolidate', join(work, 'territoires'), '-o', join(work, 'consolidation.xlsx')],
    message: () => `Consolidation interrompue${NBSP}: rien n’a été écrit.`,
  },
  'bilan --pdf': {
    args: (work) => ['bilan', join(work, 'suivi.xlsx'), '--kind', 'final', '--pdf', '-o', join(work, 'bilan.xlsx')],
    message: (work) =>
      `Bilan interrompu pendant son impression en PDF${NBSP}: ${join(work, 'bilan.xlsx')} est écrit, pas son PDF.`,
    writtenBefore: ['bilan.xlsx'],
  },
};

// The stand-ins are shell scripts; the signals, POSIX's.
const describePosix = process.platform === 'win32' ? describe.skip : describe;

describePosix('a command interrupted while LibreOffice converts a file', () => {
  it.each(
    Object.keys(cases).flatMap((name) => [
      [name, 'SIGINT', 130, ''],
      [name, 'SIGTERM', 143, ''],
      [name, 'SIGINT', 130, ' --json'],
    ]) as [string, NodeJS.Signals, number, string][],
  )('%s on %s: the conversion stopped, its folder removed, said, exit %d%s', async (name, signal, code, json) => {
    const { args, message, writtenBefore = [] } = cases[name];
    const run = mkdtempSync(join(folder, 'run-'));
    const work = join(run, 'fichiers');
    const temporary = join(run, 'tmp');
    for (const dir of [work, temporary, join(work, 'territoires')]) mkdirSync(dir, { recursive: true });
    writeFileSync(join(work, 'suivi.xlsx'), masterBytes);
    writeFileSync(join(work, 'retour.ods'), openDocumentSpreadsheet());
    writeFileSync(join(work, 'territoires', 'pilat.ods'), openDocumentSpreadsheet());
    const before = filesIn(work);
    // A LibreOffice that does not end, and what it started: their process ids, once started.
    const started = join(run, 'soffice.pid');
    const soffice = standInProgram(
      run,
      'soffice',
      `sleep 60 & echo "$$ $!" > "${started}.part"; mv "${started}.part" "${started}"; wait`,
    );

    const child = spawn(process.execPath, [bin, ...args(work), ...(json ? ['--json'] : [])], {
      env: { ...process.env, CTG_LIBREOFFICE: soffice, TMPDIR: temporary, TMP: temporary, TEMP: temporary },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('close', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal })),
    );
    let pids: number[] = [];
    try {
      for (let waited = 0; waited < 30_000 && !existsSync(started); waited += 50) await sleep(50);
      expect({ started: existsSync(started), stderr }).toEqual({ started: true, stderr: '' });
      pids = readFileSync(started, 'utf8').trim().split(' ').map(Number);
      // The conversion's folder, which holds a copy of the person's file, is there while it runs.
      expect(readdirSync(temporary)).toEqual([expect.stringMatching(/^ctg-suivi-libreoffice-/)]);

      child.kill(signal);
      expect(await ended).toEqual({ code, signal: null });
      // With --json, the one document on stdout, as for any other outcome.
      const error = { code: 'interrupted', message: message(work) };
      expect(json ? { stdout: JSON.parse(stdout), stderr } : { stdout, stderr }).toEqual(
        json ? { stdout: { error }, stderr: '' } : { stdout: '', stderr: `${message(work)}\n` },
      );
      expect(filesIn(work)).toEqual([...before, ...writtenBefore].sort());
      expectSameBytes(new Uint8Array(readFileSync(join(work, 'suivi.xlsx'))), masterBytes);
      await sleep(100);
      expect(pids.filter(isRunning)).toEqual([]);
      expect(readdirSync(temporary)).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      // What a failing run left: the stand-in's process group.
      try {
        if (pids.length > 0) process.kill(-pids[0], 'SIGKILL');
      } catch {
        // Gone, as it should be.
      }
    }
  });
});
