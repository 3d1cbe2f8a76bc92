import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runCli } from './run-cli';

/**
 * The name a refused -o is answered with is one to copy into the command: quoted when its folder has a space (a
 * user's trial: « par exemple -o /…/Territoires Loire/suivi.xlsx », which the shell splits in two), and a name
 * ending with a space (pasted from a mail) is told so, not « un fichier Excel .xlsx, pas .xlsx ».
 */

const folder = join(mkdtempSync(join(tmpdir(), 'ctg-output-name-')), 'Suivis été');
mkdirSync(folder);

describe('a refused -o in a folder whose name has a space', () => {
  it.each([
    ['an existing folder', folder, `-o "${folder}/`],
    ['a name ending with a slash', `${folder}/`, `-o "${folder}/`],
    ['an .ods name', join(folder, 'sortie.ods'), `-o "${join(folder, 'sortie.xlsx')}"`],
    ['a name without extension', join(folder, 'sortie'), `-o "${join(folder, 'sortie.xlsx')}"`],
    ['a name without stem', join(folder, '.xlsx'), `-o "${folder}/`],
  ])('%s: the name suggested is quoted, to copy as it is; exit 2, nothing written', async (_, output, suggested) => {
    const run = await runCli(['generate', '-o', output]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(suggested);
    expect(readdirSync(folder)).toEqual([]);
  });
});

it('a name ending with a space is told so, with the name without it; exit 2, nothing written', async () => {
  const output = join(folder, 'sortie.xlsx ');
  const run = await runCli(['generate', '-o', output, '--json']);
  expect(run.code).toBe(2);
  const error = JSON.parse(run.stdout).error as { code: string; message: string };
  expect(error.code).toBe('output-not-xlsx');
  expect(error.message).toContain('finit par une espace');
  expect(error.message).toContain(`-o "${join(folder, 'sortie.xlsx')}"`);
  expect(error.message).not.toContain('pas .xlsx');
  expect(existsSync(output)).toBe(false);
  expect(readdirSync(folder)).toEqual([]);
});
