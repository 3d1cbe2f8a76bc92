import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
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
  expect((await runCli(['generate', '-o', master])).code).toBe(0);
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
