import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';

// With --json, every outcome is one JSON document on stdout and nothing on stderr; a failure is
// `{ "error": { "code", "message", … } }` with the exit code it has without --json.
const workDir = mkdtempSync(join(tmpdir(), 'ctg-json-always-'));
const path = (name: string) => join(workDir, name);

interface ErrorDocument {
  error: { code: string; message: string; file?: string; option?: string };
}

/** Runs with --json and returns the one document printed, after checking nothing else was printed. */
async function jsonRun(args: string[]): Promise<{ code: number; document: ErrorDocument }> {
  const run = await runCli(args);
  expect(run.stderr).toBe('');
  const document = JSON.parse(run.stdout) as ErrorDocument;
  return { code: run.code, document };
}

describe('--json: one JSON document in every outcome', () => {
  const workbook = path('suivi.xlsx');

  beforeAll(async () => {
    await generatedWorkbook(workbook);
    mkdirSync(path('dossier'));
    writeFileSync(path('texte.xlsx'), 'bonjour');
    writeFileSync(path('tronque.xlsx'), readFileSync(workbook).subarray(0, 20_000));
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Feuil1').getCell('A1').value = 'Budget 2026';
    writeFileSync(path('budget.xlsx'), Buffer.from(await other.xlsx.writeBuffer()));
    writeFileSync(path('existant.xlsx'), 'déjà là');
  }, 60_000);

  it.each([
    ['a missing workbook', ['validate', path('absent.xlsx')], 'file-not-found'],
    ['a folder given as workbook', ['validate', path('dossier')], 'not-a-file'],
    ['a text file given as workbook', ['validate', path('texte.xlsx')], 'not-xlsx'],
    ['a truncated workbook', ['validate', path('tronque.xlsx')], 'truncated'],
    ['a missing workbook to compute', ['compute', path('absent.xlsx')], 'file-not-found'],
    ['a truncated workbook to compute', ['compute', path('tronque.xlsx')], 'truncated'],
    ['a truncated workbook to close', ['close-quarter', path('tronque.xlsx')], 'truncated'],
    ['a missing plan', ['plan', path('absent.txt')], 'file-not-found'],
    ['a missing plan to generate from', ['generate', '--plan', path('absent.txt')], 'file-not-found'],
    ['an existing -o', ['generate', '-o', path('budget.xlsx')], 'output-exists'],
    ['an existing -o it cannot read', ['generate', '-o', path('existant.xlsx')], 'not-xlsx'],
    ['an existing -o of compute', ['compute', path('suivi.xlsx'), '-o', path('existant.xlsx')], 'output-exists'],
    ['an -o into a missing folder', ['generate', '-o', path('absent/suivi.xlsx')], 'output-folder-missing'],
    ['an -o that is not .xlsx', ['generate', '-o', path('suivi.ods')], 'output-not-xlsx'],
    ['an unknown option', ['validate', path('suivi.xlsx'), '--verbose'], 'unknown-option'],
    ['a missing option value', ['compute', path('suivi.xlsx'), '--quarter'], 'missing-option-value'],
    [
      'an option given twice with two values',
      ['compute', path('suivi.xlsx'), '--quarter', '2026-T2', '--quarter=2026-T3'],
      'repeated-option',
    ],
    ['-o given twice', ['generate', '-o', path('a.xlsx'), '--output', path('b.xlsx')], 'repeated-option'],
    ['a missing workbook argument', ['compute'], 'missing-file-argument'],
    ['too many arguments', ['validate', path('a.xlsx'), path('b.xlsx')], 'too-many-arguments'],
    ['an unknown command', ['valider', path('suivi.xlsx')], 'unknown-command'],
    ['no command', [], 'missing-command'],
    ['an .xlsx that is not a tracking workbook', ['validate', path('budget.xlsx')], 'not-a-tracking-workbook'],
    [
      'an .xlsx that is not a tracking workbook to compute',
      ['compute', path('budget.xlsx')],
      'not-a-tracking-workbook',
    ],
  ])(
    '%s: exit 2 and an error document',
    async (_label, args, code) => {
      const before = readdirSync(workDir).sort();
      const { code: exit, document } = await jsonRun([...args, '--json']);
      expect(exit).toBe(2);
      expect(document.error.code).toBe(code);
      expect(document.error.message).toMatch(/[a-zé]{3,}/);
      expect(document.error.message).not.toMatch(/Unknown|argument missing|ENOENT|Problème non décrit/);
      expect(readdirSync(workDir).sort()).toEqual(before);
    },
    60_000,
  );

  it.each([
    ['merge of one empty returned file', ['merge', 'suivi.xlsx', 'vide.xlsx'], 'vide.xlsx'],
    ['merge of two unreadable returned files', ['merge', 'suivi.xlsx', 'vide.xlsx', 'texte.xlsx'], 'vide.xlsx'],
    [
      'consolidate of files none of which can be read',
      ['consolidate', 'vide.xlsx', 'texte.xlsx', '-o', 'c.xlsx'],
      null,
    ],
  ])(
    '%s: exit 2 with an error member beside the report',
    async (_label, args, file) => {
      writeFileSync(path('vide.xlsx'), '');
      const files = args.map((arg) => (arg.endsWith('.xlsx') ? path(arg) : arg));
      const { code, document } = await jsonRun([...files, '--json']);
      expect(code).toBe(2);
      expect(document.error.message).toMatch(/[a-zé]{3,}/);
      if (file !== null) {
        expect(document.error.file).toBe(path(file));
        expect(document.error.message).toContain(path(file));
      }
    },
    60_000,
  );

  it('names the option and the file concerned', async () => {
    expect((await jsonRun(['validate', '--verbose', '--json'])).document.error.option).toBe('--verbose');
    expect((await jsonRun(['validate', path('absent.xlsx'), '--json'])).document.error.file).toBe(path('absent.xlsx'));
  });

  it('answers help with the usage text in a document', async () => {
    const { code, document } = await jsonRun(['help', '--json']);
    expect(code).toBe(0);
    expect((document as unknown as { usage: string }).usage).toContain('Usage\u00a0: npx ctg-suivi');
  });

  it('a refused rewrite is one document with the reason in error, exit 1, nothing written', async () => {
    const broken = path('erreurs.xlsx');
    const workbookFile = new ExcelJS.Workbook();
    await workbookFile.xlsx.readFile(workbook);
    workbookFile.getWorksheet('Paramètres')!.getCell('B9').value = 'bientôt';
    await workbookFile.xlsx.writeFile(broken);
    const before = readFileSync(broken);
    const { code, document } = await jsonRun(['compute', broken, '--json']);
    expect(code).toBe(1);
    expect(document).toMatchObject({ written: false, errors: 1, error: { code: 'workbook-has-errors' } });
    expect(document.error.message).toContain('n’a pas été modifié\u00a0: 1 erreur à corriger d’abord');
    expect(readFileSync(broken).equals(before)).toBe(true);
  }, 60_000);
});
