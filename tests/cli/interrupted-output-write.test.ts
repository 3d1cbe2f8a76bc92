import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledCli } from '../helpers/compiled-cli';
import { generatedWorkbook } from './generated-workbook';

/**
 * A real Ctrl-C (SIGINT) or SIGTERM while a command writes its output: the temporary file beside it
 * (`.<name>.<pid>.tmp`, src/cli/output-file.ts) was left there, the command ended by the signal's default without a
 * word. Every command writes through the same function: each one here gets the signal once its temporary file is
 * written, from a module loaded before the command line (`node -r`), in a process of its own, as signals reach it.
 */

const folder = mkdtempSync(join(tmpdir(), 'ctg-interrupted-output-'));
const master = join(folder, 'entrees', 'suivi.xlsx');
let bin: string;

/** Sends the process `CTG_TEST_SIGNAL` once the `CTG_TEST_SIGNAL_AT`-th temporary file is written, then waits. */
const preload = join(folder, 'signal-after-temporary-file.js');
writeFileSync(
  preload,
  `
  const fs = require('node:fs');
  const writeFile = fs.promises.writeFile;
  let temporaries = 0;
  fs.promises.writeFile = async function (file, ...rest) {
    const done = await writeFile.call(this, file, ...rest);
    if (String(file).endsWith('.tmp') && ++temporaries === Number(process.env.CTG_TEST_SIGNAL_AT || 1)) {
      process.kill(process.pid, process.env.CTG_TEST_SIGNAL);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return done;
  };
`,
);

/** Sends the process `CTG_TEST_SIGNAL` while the first file replaced is copied to its `.bak`, then waits. */
const duringBackup = join(folder, 'signal-during-backup.js');
writeFileSync(
  duringBackup,
  `
  const fs = require('node:fs');
  const copyFile = fs.promises.copyFile;
  let backups = 0;
  fs.promises.copyFile = async function (from, to, ...rest) {
    if (String(to).endsWith('.bak') && ++backups === 1) {
      process.kill(process.pid, process.env.CTG_TEST_SIGNAL);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return copyFile.call(this, from, to, ...rest);
  };
`,
);

beforeAll(async () => {
  mkdirSync(join(folder, 'entrees'));
  await generatedWorkbook(master);
  bin = compiledCli();
}, 200_000);

function run(args: string[], signal: NodeJS.Signals, at = 1, module = preload) {
  const env = { ...process.env, CTG_TEST_SIGNAL: signal, CTG_TEST_SIGNAL_AT: String(at) };
  const result = spawnSync(process.execPath, ['-r', module, bin, ...args], { encoding: 'utf8', env });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** A folder of its own for each case, with a copy of the tracking workbook. */
function workFolder(name: string): { dir: string; workbook: string } {
  const dir = join(folder, name);
  mkdirSync(dir);
  const workbook = join(dir, 'suivi.xlsx');
  writeFileSync(workbook, readFileSync(master));
  return { dir, workbook };
}

const describePosix = process.platform === 'win32' ? describe.skip : describe;

describePosix('Ctrl-C or SIGTERM while the output file is written', () => {
  it.each([
    ['generate -o', 'SIGINT', 130, (dir: string) => ['generate', '-o', join(dir, 'nouveau.xlsx')], 'nouveau.xlsx'],
    [
      'consolidate -o',
      'SIGTERM',
      143,
      (dir: string) => ['consolidate', join(dir, 'suivi.xlsx'), '-o', join(dir, 'c.xlsx')],
      'c.xlsx',
    ],
    [
      'compute -o',
      'SIGINT',
      130,
      (dir: string) => ['compute', join(dir, 'suivi.xlsx'), '-o', join(dir, 'calcul.xlsx')],
      'calcul.xlsx',
    ],
  ] as const)(
    '%s (%s): leaves no temporary file, says nothing was written, exits %i',
    (name, signal, code, args, output) => {
      const { dir, workbook } = workFolder(`new-${name.replace(/\W/g, '')}`);
      const before = readFileSync(workbook);
      const result = run([...args(dir)], signal);
      expect(result).toEqual({
        status: code,
        signal: null,
        stdout: '',
        stderr: `Interrompu pendant l’écriture de ${join(dir, output)}\u00a0: rien n’a été écrit.\n`,
      });
      expect(readdirSync(dir)).toEqual(['suivi.xlsx']);
      expect(readFileSync(workbook).equals(before)).toBe(true);
    },
    60_000,
  );

  it('compute in place: the workbook left as it was, no .bak, and --json says so', () => {
    const { dir, workbook } = workFolder('in-place');
    const before = readFileSync(workbook);
    const message = `Interrompu pendant l’écriture de ${workbook}\u00a0: ${workbook} n’a pas été modifié, rien n’a été écrit.`;
    expect(run(['compute', workbook], 'SIGTERM')).toMatchObject({ status: 143, stderr: `${message}\n` });
    const json = run(['compute', workbook, '--json'], 'SIGINT');
    expect(json.status).toBe(130);
    expect(JSON.parse(json.stdout)).toEqual({ error: { code: 'interrupted', message, file: workbook } });
    expect(readdirSync(dir)).toEqual(['suivi.xlsx']);
    expect(readFileSync(workbook).equals(before)).toBe(true);
  }, 60_000);

  it('extract of every commune: the files written before are named, the one interrupted is not left half made', () => {
    const { dir, workbook } = workFolder('extracts');
    const out = join(dir, 'extraits');
    mkdirSync(out);
    const result = run(['extract', workbook, '--toutes-les-communes', '--dossier', out], 'SIGINT', 2);
    expect(result.status).toBe(130);
    const written = readdirSync(out);
    expect(written).toHaveLength(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^Interrompu pendant l’écriture de .+\\.xlsx\\u00a0: .+ n’a pas été écrit \\(déjà écrit\\u00a0: ${join(out, written[0]).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)\\.\n$`,
      ),
    );
  }, 60_000);

  it('extract of every commune over earlier ones: a signal during a backup ends the command once that file is written', () => {
    const { dir, workbook } = workFolder('extracts-replaced');
    const out = join(dir, 'extraits');
    mkdirSync(out);
    const args = ['extract', workbook, '--toutes-les-communes', '--dossier', out];
    expect(spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' }).status).toBe(0);
    const earlier = readdirSync(out).sort();
    expect(earlier.length).toBeGreaterThan(2);
    const result = run([...args, '--force'], 'SIGINT', 1, duringBackup);
    // The file whose backup was under way is written whole, with its .bak; the others are left as they were.
    const backups = readdirSync(out).filter((name) => name.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    const first = join(out, backups[0].replace(/\.bak$/, ''));
    expect(result).toEqual({
      status: 130,
      signal: null,
      stdout: '',
      stderr:
        `Interrompu après l’écriture de ${first}\u00a0: les fichiers suivants n’ont pas été écrits ` +
        `(déjà écrit\u00a0: ${first}).\n`,
    });
    expect(readdirSync(out).sort()).toEqual([...earlier, backups[0]].sort());
  }, 60_000);

  it('bilan --pdf over an earlier bilan: a signal during its backup ends the command before the PDF is made', () => {
    const { dir, workbook } = workFolder('bilan-replaced');
    const bilan = join(dir, 'bilan.xlsx');
    const args = ['bilan', workbook, '--kind', 'final', '-o', bilan];
    expect(spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' }).status).toBe(0);
    // A stand-in LibreOffice that says it was started: it must not be.
    const started = join(dir, 'converter-started');
    const converter = join(folder, 'converter-bilan.sh');
    writeFileSync(converter, `#!/bin/sh\ntouch "${started}"\nexit 1\n`, { mode: 0o755 });
    const env = { ...process.env, CTG_TEST_SIGNAL: 'SIGTERM', CTG_LIBREOFFICE: converter };
    const result = spawnSync(process.execPath, ['-r', duringBackup, bin, ...args, '--force', '--pdf'], {
      encoding: 'utf8',
      env,
    });
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      status: 143,
      stdout: '',
      stderr:
        `Interrompu après l’écriture de ${bilan}\u00a0: les fichiers suivants n’ont pas été écrits ` +
        `(déjà écrit\u00a0: ${bilan}).\n`,
    });
    expect(existsSync(started)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['bilan.xlsx', 'bilan.xlsx.bak', 'suivi.xlsx']);
  }, 60_000);
});
