import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';

/**
 * A consolidation or a bilan, the tool's own outputs, given where a tracking workbook is expected (a user's trial:
 * `compute consolidation.xlsx` answered « n’a pas été modifié : 1 erreur à corriger d’abord » and « la feuille
 * masquée « _ctg » est absente »): the command says what the file is and which workbook to give instead, with no
 * error to look for in it; nothing is written.
 */

const folder = mkdtempSync(join(tmpdir(), 'ctg-tool-output-given-'));
const path = (name: string) => join(folder, name);
const master = path('suivi.xlsx');
const consolidation = path('consolidation.xlsx');
const bilan = path('bilan final.xlsx');

beforeAll(async () => {
  await generatedWorkbook(master);
  expect((await runCli(['consolidate', master, '-o', consolidation])).code).toBe(0);
  expect((await runCli(['bilan', master, '--kind', 'final', '-o', bilan])).code).toBe(0);
}, 120_000);

const nbsp = '\u00a0';
const isConsolidation =
  `Ce classeur est un classeur de consolidation (écrit par «${nbsp}ctg-suivi consolidate${nbsp}» ou par le volet), ` +
  `pas un classeur de suivi CTG${nbsp}: donnez à la place le classeur de suivi d’un territoire.`;
const isBilan =
  `Ce classeur est un bilan (écrit par «${nbsp}ctg-suivi bilan${nbsp}» ou par le volet), pas un classeur de suivi ` +
  `CTG${nbsp}: donnez à la place le classeur de suivi dont il est tiré.`;

describe('a consolidation or a bilan given where the tracking workbook is expected', () => {
  it.each([
    ['compute', () => [consolidation], consolidation, isConsolidation],
    ['close-quarter', () => [consolidation], consolidation, isConsolidation],
    ['undo', () => [bilan], bilan, isBilan],
    ['extract', () => [consolidation, '--porteur', 'CCMP'], consolidation, isConsolidation],
    ['merge', () => [bilan, master], bilan, isBilan],
    ['bilan', () => [bilan, '--kind', 'final', '-o', path('autre.xlsx')], bilan, isBilan],
    ['validate', () => [consolidation], consolidation, isConsolidation],
  ])(
    '%s: says what the file is and what to give instead, with no error to correct',
    async (command, args, file, what) => {
      const before = readdirSync(folder).sort();
      const bytes = readFileSync(file);
      const run = await runCli([command, ...args()]);
      expect(run.code).toBe(2);
      // `bilan` puts the file's name first, the message after it in lower case.
      const said = what.replace(/^Ce /, '');
      expect(run.stderr + run.stdout).toContain(said);
      expect(run.stderr + run.stdout).not.toContain('à corriger');
      expect(run.stderr + run.stdout).not.toContain('_ctg');

      const json = await runCli([command, ...args(), '--json']);
      expect(json.code).toBe(2);
      const error = JSON.parse(json.stdout).error as { code: string; message: string };
      expect(error.code).toBe('not-a-tracking-workbook');
      expect(error.message).toContain(said);
      expect(readFileSync(file).equals(bytes)).toBe(true);
      expect(readdirSync(folder).sort()).toEqual(before);
    },
    60_000,
  );
});

describe('a bilan met among the territories’ workbooks by consolidate', () => {
  // `bilan` writes beside the tracking workbook by default: a folder of territories holds their bilans.
  it('is left out as a bilan, with what to do by how it came, not as a workbook without « _ctg »', async () => {
    const territories = mkdtempSync(join(tmpdir(), 'ctg-territories-'));
    const workbook = join(territories, 'pilat.xlsx');
    writeFileSync(workbook, readFileSync(master));
    expect((await runCli(['bilan', workbook, '--kind', 'final'])).code).toBe(0);
    const written = readdirSync(territories).find((name) => name.startsWith('bilan-'))!;

    const run = await runCli(['consolidate', territories, '-o', path('conso-pilat.xlsx'), '--json']);
    const document = JSON.parse(run.stdout) as { rejected: { file: string; code: string; reason: string }[] };
    expect(document.rejected).toEqual([
      {
        file: join(territories, written),
        code: 'consolidation-file-is-bilan',
        reason: expect.stringContaining('rangez les bilans hors du dossier des territoires'),
        // A bilan has no Paramètres: no territory to name beside the file.
        territory: null,
      },
    ]);
    expect(document.rejected[0].reason).toMatch(/^Ce fichier est un bilan \(écrit par ctg-suivi bilan\)/);

    const given = await runCli(['consolidate', workbook, join(territories, written), '-o', path('conso-2.xlsx')]);
    expect(given.stdout + given.stderr).toContain('Retirez-le des fichiers donnés à la commande.');
  }, 60_000);
});
