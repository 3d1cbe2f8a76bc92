import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { runCli } from './run-cli';

const workDir = mkdtempSync(join(tmpdir(), 'ctg-generate-cli-'));
const path = (name: string) => join(workDir, name);

describe('ctg-suivi generate and validate', () => {
  const workbook = path('suivi.xlsx');

  beforeAll(async () => {
    const run = await runCli(['generate', '-o', workbook]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('writes the tracking workbook of the embedded plan and says what it holds', async () => {
    const run = await runCli(['generate', '-o', path('second.xlsx'), '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.file).toBe(path('second.xlsx'));
    expect(summary.ficheCount).toBe(48);
    expect(summary.sheets.slice(0, 3)).toEqual(['Guide', 'Paramètres', 'Axe 1']);
    expect(summary.sheets).toContain('Axe 13');
    expect(summary.sheets).toContain('_ctg');
    expect(summary.currentQuarter).toMatch(/^20(2[6-9]|30)-T[1-4]$/);
    expect(readFileSync(path('second.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('never overwrites a file without --force, and keeps the old one as .bak with it', async () => {
    const before = readFileSync(workbook);
    const refused = await runCli(['generate', '-o', workbook]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('existe déjà');
    expect(readFileSync(workbook).equals(before)).toBe(true);

    const forced = await runCli(['generate', '-o', workbook, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`${workbook}.bak`);
    expect(readFileSync(`${workbook}.bak`).equals(before)).toBe(true);
  });

  it('finds no error in a fresh workbook, only the completeness warnings of the current quarter', async () => {
    const run = await runCli(['validate', workbook, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.errors).toBe(0);
    expect(report.warnings).toBe(report.issues.length);
    expect(new Set(report.issues.map((issue: { code: string }) => issue.code))).toEqual(
      new Set(['incomplete-current-quarter']),
    );
    expect(report.issues[0]).toMatchObject({ severity: 'warning', sheet: 'Axe 1', rowKey: 'G1' });
    expect(report.issues[0].message).toContain('G1');
  });

  it('groups the human report by sheet', async () => {
    const run = await runCli(['validate', workbook]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/suivi\.xlsx\u00a0: 0 erreur, \d+ avertissements/);
    expect(run.stdout).toMatch(/\nAxe 1\n {2}avertissement/);
  });

  it('generates from a convention file given with --plan', async () => {
    const convention = path('convention.txt');
    writeFileSync(convention, readFileSync(join(__dirname, '..', 'fixtures', 'ctg-monts-du-pilat-2026-2030.txt')));
    const run = await runCli(['generate', '--plan', convention, '-o', path('from-text.xlsx')]);
    expect(run.code).toBe(0);
    expect(existsSync(path('from-text.xlsx'))).toBe(true);
  });

  it.each([
    ['a text file', 'notes.xlsx', 'bonjour'],
    ['an empty file', 'vide.xlsx', ''],
    // A compound file holding an `EncryptedPackage` (past its 512-byte header: shorter, it would be a file cut short);
    // a legacy .xls would be converted by LibreOffice instead.
    [
      'a password-protected workbook',
      'protege.xlsx',
      Buffer.concat([
        Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(504), 'hex'),
        Buffer.from('EncryptedPackage', 'utf16le'),
      ]),
    ],
  ])('refuses %s with one French error and exit 2', async (_label, name, content) => {
    writeFileSync(path(name), content);
    const run = await runCli(['validate', path(name)]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(name);
    expect(run.stderr).not.toMatch(/Error|at .*\.ts|Problème non décrit/);
  });

  it('refuses an .xlsx that is not a tracking workbook with exit 2 and says so', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Feuil1').getCell('A1').value = 'Budget 2026';
    writeFileSync(path('budget.xlsx'), Buffer.from(await other.xlsx.writeBuffer()));
    const run = await runCli(['validate', path('budget.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/1 erreur/);
    expect(run.stdout).toMatch(/_ctg|classeur de suivi/);
  });

  it('treats a missing file argument as wrong usage', async () => {
    expect((await runCli(['validate'])).code).toBe(2);
    expect((await runCli(['generate', 'extra'])).code).toBe(2);
  });
});
