import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';

/**
 * An extract merged as it was sent (a user's trial: the file attached to the e-mail merged instead of the one the
 * partner sent back) was answered « 0 valeur reprise, 0 inchangée… rien à reprendre », leaving the user to guess
 * why: the command now says that no value is filled in it, and what to check.
 */

const folder = mkdtempSync(join(tmpdir(), 'ctg-merge-nothing-filled-'));
const master = join(folder, 'suivi.xlsx');
const sent = join(folder, 'extrait ccmp.xlsx');

beforeAll(async () => {
  await generatedWorkbook(master);
  expect((await runCli(['extract', master, '--porteur', 'CCMP', '-o', sent])).code).toBe(0);
}, 60_000);

it('says that the returned file has no value filled, and to check it is the one the partner sent back', async () => {
  const bytes = readFileSync(master);
  const run = await runCli(['merge', master, sent]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(
    'Aucune valeur n’est saisie dans le fichier renvoyé\u00a0: vérifiez que c’est bien celui que le partenaire a ' +
      'complété et renvoyé, et non l’extrait tel qu’il a été envoyé.',
  );
  expect(readFileSync(master).equals(bytes)).toBe(true);
});

it('says nothing of the kind when the file could not be read at all', async () => {
  const unreadable = join(folder, 'notes.xlsx');
  writeFileSync(unreadable, 'pas un classeur');
  const run = await runCli(['merge', master, unreadable]);
  expect(run.code).toBe(2);
  expect(run.stdout + run.stderr).not.toContain('Aucune valeur n’est saisie');
});
