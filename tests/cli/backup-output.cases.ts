import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';

// A rewrite in place keeps the file it replaces as <name>.bak; a different .bak already there is renamed
// <name>.N.bak, never replaced. What the command prints names every file it wrote or renamed.

const workDir = mkdtempSync(join(tmpdir(), 'ctg-backup-output-'));
const workbook = join(workDir, 'suivi.xlsx');

describe('ctg-suivi compute in place, twice: the backups it keeps, named as written', () => {
  let generated: Buffer;
  let firstComputed: Buffer;

  beforeAll(async () => {
    await generatedWorkbook(workbook);
    generated = readFileSync(workbook);
  }, 60_000);

  it('the first time, names the .bak it writes, and nothing else', async () => {
    const run = await runCli(['compute', workbook, '--quarter', '2026-T1']);
    expect(run.code).toBe(0);
    expect(readFileSync(`${workbook}.bak`).equals(generated)).toBe(true);
    expect(run.stdout).toContain(`  L’ancien fichier est gardé sous ${workbook}.bak\n`);
    expect(run.stdout).not.toContain('.1.bak');
    firstComputed = readFileSync(workbook);
  }, 60_000);

  it('the second time, also names where the earlier .bak went, in the text and in --json', async () => {
    const run = await runCli(['compute', workbook, '--quarter', '2026-T2']);
    expect(run.code).toBe(0);
    expect(readFileSync(`${workbook}.bak`).equals(firstComputed)).toBe(true);
    expect(readFileSync(`${workbook}.1.bak`).equals(generated)).toBe(true);
    expect(run.stdout).toContain(
      `  L’ancien fichier est gardé sous ${workbook}.bak\u00a0; la copie qui portait déjà ce nom est renommée ` +
        `${workbook}.1.bak\n`,
    );

    const json = JSON.parse((await runCli(['compute', workbook, '--quarter', '2026-T3', '--json'])).stdout);
    expect(existsSync(`${workbook}.2.bak`)).toBe(true);
    expect(json).toMatchObject({ backup: `${workbook}.bak`, earlierBackup: `${workbook}.2.bak` });
  }, 120_000);
});

describe('ctg-suivi extract --force over an earlier extract', () => {
  it('names the .bak it keeps of the extract it replaces, in the text and in --json', async () => {
    const master = join(workDir, 'maitre.xlsx');
    await generatedWorkbook(master);
    const extract = join(workDir, 'extrait-ccmp.xlsx');
    const args = ['extract', master, '--porteur', 'CCMP', '-o', extract];
    expect((await runCli(args)).code).toBe(0);
    const first = readFileSync(extract);

    const run = await runCli([...args, '--force']);
    expect(run.code).toBe(0);
    expect(readFileSync(`${extract}.bak`).equals(first)).toBe(true);
    expect(run.stdout).toContain(`: ${extract}\n  L’ancien fichier est gardé sous ${extract}.bak\n`);

    // A .bak that differs from the extract about to be replaced (two extracts made within the same second are the
    // same bytes, so the test does not rely on the clock): it is renamed, not replaced, and said.
    const earlier = Buffer.from('une copie plus ancienne');
    writeFileSync(`${extract}.bak`, earlier);
    const json = JSON.parse((await runCli([...args, '--force', '--json'])).stdout);
    expect(readFileSync(`${extract}.1.bak`).equals(earlier)).toBe(true);
    expect(json.extracts[0]).toMatchObject({
      file: extract,
      backup: `${extract}.bak`,
      earlierBackup: `${extract}.1.bak`,
    });
  }, 120_000);
});
