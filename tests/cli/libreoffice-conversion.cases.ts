import { openDocumentSpreadsheet } from '../helpers/open-document';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import {
  isRunning,
  recordConversionFolder,
  recordedConversionFolder,
  standInProgram,
  withEnv,
} from '../helpers/stand-in-program';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { convertToXlsx, findLibreOffice } from '../../src/cli/libreoffice';
import { runCli } from './run-cli';
import { writeXlsx } from '../../src/xlsx/writer';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';

const today = new Date('2026-08-10T10:00:00Z');

/**
 * The LibreOffice step of `merge` with stand-ins for `soffice` (shell scripts): found on the PATH or by
 * CTG_LIBREOFFICE, killed with what it started at the deadline, its failures named, nothing left behind.
 * (The real LibreOffice: tests/merge/libreoffice-round-trip.test.ts.)
 */

const folder = mkdtempSync(join(tmpdir(), 'ctg-lo-standin-'));

const program = (name: string, body: string) => standInProgram(folder, name, body);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const ods = openDocumentSpreadsheet();
const limits = { maxBytes: 1024 };

// The stand-ins are shell scripts.
const describePosix = process.platform === 'win32' ? describe.skip : describe;

describePosix('LibreOffice for returned .ods and .xls files', () => {
  it('is found as soffice or libreoffice on the PATH, or as CTG_LIBREOFFICE names it', async () => {
    const bin = join(folder, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'libreoffice'), '#!/bin/sh\n');
    expect(await findLibreOffice({ PATH: bin })).toBeNull(); // not executable
    chmodSync(join(bin, 'libreoffice'), 0o755);
    expect(await findLibreOffice({ PATH: `${join(folder, 'nowhere')}:${bin}` })).toBe(join(bin, 'libreoffice'));
    expect(await findLibreOffice({ PATH: bin, CTG_LIBREOFFICE: '' })).toBeNull();
    expect(await findLibreOffice({ PATH: '', CTG_LIBREOFFICE: join(bin, 'libreoffice') })).toBe(
      join(bin, 'libreoffice'),
    );
  });

  it('gives the converted file, run with a fresh profile of its own, and removes its folder', async () => {
    const args = join(folder, 'args.txt');
    const work = join(folder, 'convert-ok.folder');
    const converter = program(
      'convert-ok',
      `printf '%s\\n' "$@" > "${args}"; ${recordConversionFolder(work)}
printf 'xlsx bytes' > "$out/retour.xlsx"`,
    );
    const converted = await convertToXlsx(converter, ods, 'ods', limits);
    expect(converted).toEqual({ ok: true, bytes: new TextEncoder().encode('xlsx bytes') });
    const given = readFileSync(args, 'utf8').trim().split('\n');
    expect(given[0]).toMatch(/^-env:UserInstallation=file:\/\/.*\/profile$/);
    expect(given).toEqual(expect.arrayContaining(['--headless', '--convert-to', 'xlsx']));
    expect(given[given.length - 1]).toMatch(/\/in\/retour\.ods$/);
    expect(existsSync(recordedConversionFolder(work))).toBe(false);
  });

  it('kills the program and what it started at the deadline', async () => {
    const pidFile = join(folder, 'child.pid');
    const work = join(folder, 'convert-slow.folder');
    const slow = program('convert-slow', `${recordConversionFolder(work)}; sleep 30 & echo $! > "${pidFile}"; wait`);
    const started = Date.now();
    const converted = await convertToXlsx(slow, ods, 'ods', { ...limits, timeoutMs: 300 });
    expect(converted).toMatchObject({ ok: false, reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5_000);
    const child = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isRunning(child)).toBe(false);
    expect(existsSync(recordedConversionFolder(work))).toBe(false);
  });

  it('leaves no program running and no folder behind when the command ends during it (Ctrl-C)', async () => {
    // LibreOffice runs in a process group of its own (killed whole at the deadline), which a terminal's Ctrl-C does
    // not reach: the command, ended by `process.exit` (consolidate's progress bar on Ctrl-C), is what stops it.
    const pidFile = join(folder, 'interrupted.pid');
    const recorded = join(folder, 'convert-interrupted.folder');
    const slow = program(
      'convert-interrupted',
      `${recordConversionFolder(recorded)}; sleep 30 & echo $! > "${pidFile}"; wait`,
    );
    const listenersBefore = new Set(process.listeners('exit'));
    const converting = convertToXlsx(slow, ods, 'ods', limits);
    for (let waited = 0; waited < 5_000 && !existsSync(pidFile); waited += 20) await sleep(20);
    const work = recordedConversionFolder(recorded);
    expect(existsSync(work)).toBe(true);
    // What `process.exit` runs, short of ending the test run.
    for (const listener of process.listeners('exit')) if (!listenersBefore.has(listener)) listener(130);
    const child = Number(readFileSync(pidFile, 'utf8'));
    await sleep(100);
    expect(isRunning(child)).toBe(false);
    expect(existsSync(work)).toBe(false);
    await converting;
  });

  it('says why a conversion failed, and refuses an output over the reader’s limit unread', async () => {
    const failing = program('convert-fails', 'echo "source file could not be loaded" >&2; exit 1');
    expect(await convertToXlsx(failing, ods, 'ods', limits)).toEqual({
      ok: false,
      reason: 'failed',
      detail: 'source file could not be loaded',
    });
    const silent = program('convert-nothing', 'exit 0');
    expect(await convertToXlsx(silent, ods, 'ods', limits)).toMatchObject({ ok: false, reason: 'no-output' });
    const huge = program(
      'convert-huge',
      `prev=""; for a; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done; head -c 2048 /dev/zero > "$out/retour.xlsx"`,
    );
    expect(await convertToXlsx(huge, ods, 'ods', limits)).toEqual({ ok: false, reason: 'too-large', detail: '2048' });
  });

  it('makes merge count a file LibreOffice could not convert as unreadable (exit 2), in French', async () => {
    const master = join(folder, 'suivi.xlsx');
    writeFileSync(master, await writeXlsx((await buildNewWorkbook(samplePlan(), { today })).spec));
    const failing = program('convert-fails-cli', 'echo "Error: source file could not be loaded" >&2; exit 1');
    writeFileSync(join(folder, 'retour.ods'), ods);
    await withEnv('CTG_LIBREOFFICE', failing, async () => {
      const run = await runCli(['merge', master, join(folder, 'retour.ods'), '--partenaire', 'CCMP', '--json']);
      expect(run.code).toBe(2);
      expect(JSON.parse(run.stdout).unreadable).toEqual([
        {
          file: join(folder, 'retour.ods'),
          code: 'conversion-failed',
          message: `${join(folder, 'retour.ods')}\u00a0: LibreOffice n’a pas pu convertir ce classeur .ods (fichier abîmé ou protégé par un mot de passe\u00a0?). Ouvrez-le dans LibreOffice, enregistrez-le au format Classeur Excel (.xlsx), puis fusionnez le fichier .xlsx.`,
        },
      ]);
    });
  }, 30_000);

  // LibreOffice cuts a longer text to Excel's 32 767 characters when it writes the .xlsx: the text the converted file
  // holds at exactly that length is taken as cut, and refused as an .xlsx's text over the limit is.
  it('refuses a text the conversion cut at 32 767 characters, in merge and validate, naming its cell', async () => {
    const master = join(folder, 'suivi-long.xlsx');
    const workbook = await buildNewWorkbook(samplePlan(), { today });
    writeFileSync(master, await writeXlsx(workbook.spec));
    const axis = workbook.spec.sheets.find((sheet) => sheet.name === 'Axe 1')!;
    const row = axis.rows.findIndex((candidate) => candidate.cells[0]?.value === 'G1');
    const converted = structuredClone(workbook.spec);
    const cells = converted.sheets.find((sheet) => sheet.name === 'Axe 1')!.rows[row].cells;
    const column = axis.rows[2].cells.findIndex((cell) => cell?.value === 'Mise en œuvre');
    cells[column] = { value: 'A'.repeat(32_767) };
    writeFileSync(join(folder, 'converti.xlsx'), await writeXlsx(converted));
    const cutting = program(
      'convert-cutting',
      `prev=""; for a; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done; cp "${join(folder, 'converti.xlsx')}" "$out/retour.xlsx"`,
    );
    const returned = join(folder, 'retour-long.ods');
    writeFileSync(returned, ods);
    const cell = `${String.fromCharCode(65 + column)}${row + 1}`;
    await withEnv('CTG_LIBREOFFICE', cutting, async () => {
      const run = await runCli(['merge', master, returned, '--partenaire', 'CCMP', '--dry-run']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `${returned}\u00a0: un texte a exactement 32\u00a0767 caractères après la conversion par LibreOffice ` +
          `(feuille «\u00a0Axe 1\u00a0», cellule ${cell})`,
      );
      expect(run.stdout).toContain('0 valeur reprise');
      const validate = await runCli(['validate', returned]);
      expect(validate.code).toBe(2);
      expect(validate.stderr).toContain(`cellule ${cell})`);
    });
  }, 30_000);
});
