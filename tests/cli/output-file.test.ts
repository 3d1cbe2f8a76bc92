import { copyFileSync, existsSync, mkdtempSync, promises, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { writeOutputFile } from '../../src/cli/output-file';
import { buildXlsx } from '../xlsx-reader/support/package-builder';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';

// Failures of the write itself, which the checks made before it cannot foresee: said in French, nothing left behind.
describe('writing the output file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ctg-output-file-'));

  afterEach(() => jest.restoreAllMocks());

  it('a folder where no file can be created (ENOENT, as in /proc) is said so, not as « erreur du système »', async () => {
    const refusal = Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    jest.spyOn(promises, 'writeFile').mockRejectedValue(refusal);
    const path = join(folder, 'sortie.xlsx');
    const outcome = await writeOutputFile(path, new Uint8Array([1, 2, 3]), false, 'suivi.xlsx');
    expect(outcome.ok).toBe(false);
    const message = outcome.ok ? '' : outcome.error.message;
    expect(message).toContain(`Impossible d’écrire ${path}`);
    expect(message).toContain('aucun fichier ne peut y être créé');
    expect(message).not.toMatch(/erreur du système|ENOENT/);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('does not replace, even with --force, a file made read-only: nothing is written, and it says how to go on', async () => {
    const path = join(folder, 'protege.xlsx');
    await promises.writeFile(path, 'la consolidation à garder');
    await promises.chmod(path, 0o444);
    const outcome = await writeOutputFile(path, new Uint8Array([1, 2, 3]), true, 'suivi.xlsx');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'output-unwritable', file: path } });
    const message = outcome.ok ? '' : outcome.error.message;
    expect(message).toContain(`${path} est en lecture seule`);
    expect(message).toContain('donnez un autre nom avec -o');
    expect(await promises.readFile(path, 'utf8')).toBe('la consolidation à garder');
    expect(existsSync(`${path}.bak`)).toBe(false);
    await promises.chmod(path, 0o644);
  });

  it('says, in one sentence without nested brackets, what to do when the old file cannot be kept as .bak', async () => {
    const path = join(folder, 'garde.xlsx');
    await promises.writeFile(path, 'avant');
    const refusal = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    jest.spyOn(promises, 'copyFile').mockRejectedValue(refusal);
    const outcome = await writeOutputFile(path, new Uint8Array([1, 2, 3]), true, 'suivi.xlsx');
    const message = outcome.ok ? '' : outcome.error.message;
    expect(message).toContain(`l’ancien fichier ne peut pas être gardé sous ${path}.bak`);
    expect(message).toContain(`renommez ou supprimez ${path}.bak`);
    expect(message).not.toMatch(/\([^)]*\(/);
    expect(await promises.readFile(path, 'utf8')).toBe('avant');
  });
});

describe('the copies of the files replaced', () => {
  const read = (path: string) => readFileSync(path, 'utf8');

  it('never replaces an earlier, different .bak: it is kept as <name>.1.bak, then .2.bak…', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ctg-backups-'));
    const path = join(folder, 'suivi.xlsx');
    await promises.writeFile(path, 'un');
    const outcomes = [];
    for (const next of ['deux', 'trois', 'quatre'])
      outcomes.push(await writeOutputFile(path, new TextEncoder().encode(next), true, 'suivi.xlsx'));
    // Each outcome names the .bak written and where the earlier one went, for the command to say both.
    expect(outcomes).toEqual([
      { ok: true, backup: { file: `${path}.bak`, earlier: null } },
      { ok: true, backup: { file: `${path}.bak`, earlier: `${path}.1.bak` } },
      { ok: true, backup: { file: `${path}.bak`, earlier: `${path}.2.bak` } },
    ]);
    expect(read(path)).toBe('quatre');
    expect(read(`${path}.bak`)).toBe('trois');
    expect(read(`${path}.1.bak`)).toBe('un');
    expect(read(`${path}.2.bak`)).toBe('deux');
  });

  it('makes no second copy of a file its .bak already holds', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ctg-backups-same-'));
    const path = join(folder, 'suivi.xlsx');
    await promises.writeFile(path, 'un');
    await writeOutputFile(path, new TextEncoder().encode('un'), true, 'suivi.xlsx');
    await writeOutputFile(path, new TextEncoder().encode('deux'), true, 'suivi.xlsx');
    expect(readdirSync(folder).sort()).toEqual(['suivi.xlsx', 'suivi.xlsx.bak']);
    expect(read(`${path}.bak`)).toBe('un');
  });

  it('keeps another workbook replaced by generate --force after the new one is rewritten in place', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ctg-backups-cli-'));
    const path = join(folder, 'budget.xlsx');
    const cell = '<row r="1"><c r="A1" t="inlineStr"><is><t>Budget 2027</t></is></c></row>';
    writeFileSync(path, buildXlsx({ sheets: [{ name: 'Budget', xml: cell }] }));
    const other = readFileSync(path);
    expect((await runCli(['generate', '-o', path, '--force'])).code).toBe(0);
    expect((await runCli(['compute', path])).code).toBe(0);
    const copies = readdirSync(folder).filter((name) => name !== 'budget.xlsx');
    expect(copies.some((name) => readFileSync(join(folder, name)).equals(other))).toBe(true);
  }, 60_000);
});

describe('a workbook rewritten in place that is read-only', () => {
  it('is refused before any work, in words for a rewrite in place (no --force, nothing « replaced »)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ctg-read-only-'));
    const path = join(folder, 'suivi.xlsx');
    copyFileSync(join(__dirname, '..', 'fixtures', 'format-v2', 'suivi-v2.xlsx'), path);
    await promises.chmod(path, 0o444);
    const before = readFileSync(path);
    const run = await runCli(['compute', path, '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error).toMatchObject({ code: 'output-unwritable', file: path });
    expect(JSON.parse(run.stdout).error.message).toBe(
      `${path} est en lecture seule\u00a0: il n’est pas modifié. Retirez-lui la lecture seule, ou écrivez le ` +
        'résultat ailleurs avec -o, puis relancez la commande. Rien n’a été écrit.',
    );
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}.bak`)).toBe(false);
    await promises.chmod(path, 0o644);
  });
});

describe('the example name a refused -o suggests', () => {
  it('is the workbook each command writes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ctg-output-example-'));
    const master = join(folder, 'suivi.xlsx');
    copyFileSync(join(__dirname, '..', 'fixtures', 'format-v2', 'suivi-v2.xlsx'), master);
    const messageOf = async (args: string[]) => JSON.parse((await runCli([...args, '--json'])).stdout).error.message;
    expect(await messageOf(['generate', '-o', ''])).toContain('-o suivi.xlsx');
    expect(await messageOf(['consolidate', folder, '-o', ''])).toContain('-o consolidation.xlsx');
    expect(await messageOf(['extract', master, '--commune', 'X', '-o', ''])).toContain('-o extrait.xlsx');
    expect(await messageOf(['bilan', master, '--kind', 'annuel', '-o', ''])).toContain('-o bilan.xlsx');
    expect(await messageOf(['consolidate', folder, '-o'])).toContain('-o consolidation.xlsx');
  });
});

describe('an -o whose name is longer than the system allows', () => {
  const TERRITORY = join(__dirname, '..', 'fixtures', 'format-v2', 'suivi-v2.xlsx');

  // consolidate checks its -o before the work; generate looks first for a workbook of that name to regenerate.
  it.each([
    ['consolidate', (output: string) => ['consolidate', TERRITORY, '-o', output, '--json']],
    ['generate', (output: string) => ['generate', '-o', output, '--json']],
  ])('is refused by %s before any work, in French, not as an unexpected error', async (_, args) => {
    const folder = mkdtempSync(join(tmpdir(), 'ctg-long-name-'));
    const output = join(folder, `${'consolidation-'.repeat(20)}.xlsx`);
    const run = await runCli(args(output));
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error).toEqual({
      code: 'output-unwritable',
      file: output,
      message:
        `Impossible d’écrire ${output}\u00a0: le nom du fichier est trop long (choisissez un nom plus court). ` +
        'Rien n’a été écrit.',
    });
    expect(readdirSync(folder)).toEqual([]);
  });

  // 253 bytes: within the system's 255, while `<name>.bak` (made when the file is replaced) is not.
  const fitting = `${'s'.repeat(248)}.xlsx`;
  const outside = mkdtempSync(join(tmpdir(), 'ctg-long-backup-inputs-'));

  beforeAll(async () => {
    await generatedWorkbook(join(outside, 'suivi.xlsx'));
  }, 60_000);

  it.each([
    ['compute, in place', (file: string) => ['compute', file, '--json'], true],
    ['generate --force, regenerating it', (file: string) => ['generate', '-o', file, '--force', '--json'], true],
    [
      'compute -o --force',
      (file: string) => ['compute', join(outside, 'suivi.xlsx'), '-o', file, '--force', '--json'],
      false,
    ],
    ['consolidate -o --force', (file: string) => ['consolidate', TERRITORY, '-o', file, '--force', '--json'], false],
  ])('is refused by %s before any work when its backup would be too long', async (_, args, inPlace) => {
    const folder = mkdtempSync(join(tmpdir(), 'ctg-long-backup-'));
    const file = join(folder, fitting);
    copyFileSync(join(outside, 'suivi.xlsx'), file);
    const before = readFileSync(file);
    const run = await runCli(args(file));
    expect(run.code).toBe(2);
    const advice = inPlace
      ? 'renommez le classeur d’un nom plus court, puis réessayez'
      : 'donnez à -o un nom plus court';
    expect(JSON.parse(run.stdout).error).toEqual({
      code: 'output-unwritable',
      file,
      message:
        `Impossible d’écrire ${file}\u00a0: l’ancien fichier serait gardé sous ${file}.bak, un nom trop long pour le ` +
        `système (${advice}). ${file} n’a pas été modifié.`,
    });
    expect(readdirSync(folder)).toEqual([fitting]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('is written when its .bak fits and the .bak already there holds the same bytes: it is not renamed', async () => {
    // 250 bytes: `<name>.bak` fits, `<name>.1.bak` would not; an earlier `.bak` identical to the file stays as it is.
    const folder = mkdtempSync(join(tmpdir(), 'ctg-long-earlier-backup-'));
    const file = join(folder, `${'t'.repeat(245)}.xlsx`);
    copyFileSync(join(outside, 'suivi.xlsx'), file);
    copyFileSync(file, `${file}.bak`);
    const run = await runCli(['compute', file, '--json']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ file, backup: `${file}.bak`, earlierBackup: null });
    expect(readdirSync(folder).sort()).toEqual([`${'t'.repeat(245)}.xlsx`, `${'t'.repeat(245)}.xlsx.bak`]);
  });

  it('is written when the name fits, though the temporary file beside it would not', async () => {
    // 250 bytes: within the system's 255, while `.<name>.<pid>.tmp` is not.
    const folder = mkdtempSync(join(tmpdir(), 'ctg-long-name-'));
    const output = join(folder, `${'c'.repeat(245)}.xlsx`);
    const run = await runCli(['consolidate', TERRITORY, '-o', output, '--json']);
    expect(run.stdout).not.toContain('unexpected-error');
    expect(run.code).toBe(0);
    expect(readdirSync(folder)).toEqual([`${'c'.repeat(245)}.xlsx`]);
  });
});
