import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';
import { typeWithExcel } from './type-with-excel';

/**
 * `generate`, with or without --force, over a filled workbook it cannot read (a text over Excel's limit, a copy cut
 * short) refuses it, as `validate` and `compute` do: exit 2, the reader's message, what to do, the file and its
 * folder as they were.
 * (It took such a file for no workbook at all and wrote a blank one over it, its only copy then in a `.bak` that the
 * next run replaced.)
 */

const workDir = mkdtempSync(join(tmpdir(), 'ctg-generate-over-unreadable-'));

/** The bytes of the workbook of `filledWithOverlongText`, made once for the tests that each refuse a copy. */
let filled: Promise<Buffer> | undefined;

/** A tracking workbook with a person's entries, one of them a text longer than Excel allows, at `name`. */
async function filledWithOverlongText(name: string): Promise<string> {
  filled ??= (async () => {
    const made = join(workDir, 'rempli.xlsx');
    await generatedWorkbook(made);
    await typeWithExcel(made, [
      { key: 'G1', header: 'Statut', value: 'En cours' },
      { key: 'G1', header: 'Difficultés', value: 'Local indisponible. '.repeat(1_650) },
    ]);
    return readFileSync(made);
  })();
  const file = join(workDir, name);
  writeFileSync(file, await filled);
  return file;
}

describe('ctg-suivi generate --force over a workbook it cannot read', () => {
  it('refuses a filled workbook holding a text over the limit, with the reader’s message and what to do', async () => {
    const file = await filledWithOverlongText('long.xlsx');
    const before = readFileSync(file);
    const validated = await runCli(['validate', file]);
    expect(validated.code).toBe(2);

    const run = await runCli(['generate', '-o', file, '--force']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(validated.stderr.trim());
    expect(run.stderr).toContain('Rien n’a été écrit');
    expect(run.stderr).toMatch(/déplacez|renommez/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}.bak`)).toBe(false);
  }, 60_000);

  it('refuses a copy cut short, twice, and never makes a .bak of it', async () => {
    const whole = join(workDir, 'entier.xlsx');
    await generatedWorkbook(whole);
    const cut = join(workDir, 'tronque.xlsx');
    writeFileSync(cut, readFileSync(whole).subarray(0, 20_000));
    const before = readFileSync(cut);
    const validated = await runCli(['validate', cut]);
    expect(validated.code).toBe(2);
    for (let run = 0; run < 2; run++) {
      const result = await runCli(['generate', '-o', cut, '--force']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(validated.stderr.trim());
      // Without --force the same refusal, which does not offer --force.
      const plain = await runCli(['generate', '-o', cut]);
      expect(plain).toEqual(result);
      expect(readFileSync(cut).equals(before)).toBe(true);
    }
    expect(readdirSync(workDir).filter((name) => name.startsWith('tronque'))).toEqual(['tronque.xlsx']);
  }, 60_000);

  it('refuses it the same way without --force, never offering --force to replace it', async () => {
    const file = await filledWithOverlongText('long-sans-force.xlsx');
    const before = readFileSync(file);
    const forced = await runCli(['generate', '-o', file, '--force', '--json']);
    const run = await runCli(['generate', '-o', file, '--json']);
    expect(run.code).toBe(2);
    const { error } = JSON.parse(run.stdout);
    expect(error).toEqual(JSON.parse(forced.stdout).error);
    expect(error.message).not.toContain('--force');
    expect(readFileSync(file).equals(before)).toBe(true);
    const plain = await runCli(['generate', '-o', file]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/déplacez|renommez/);
    expect(plain.stderr).not.toContain('--force');
  }, 60_000);

  it('says so in the one JSON document with --json, under the reader’s code', async () => {
    const file = await filledWithOverlongText('long-json.xlsx');
    const run = await runCli(['generate', '-o', file, '--force', '--json']);
    expect(run.code).toBe(2);
    const { error } = JSON.parse(run.stdout);
    expect(error).toMatchObject({ code: 'text-too-long', file });
    expect(error.message).toContain('Rien n’a été écrit');
  }, 60_000);
});
