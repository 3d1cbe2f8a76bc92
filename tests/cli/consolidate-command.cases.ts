import {
  copyFileSync,
  existsSync,
  promises as fsPromises,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { editXlsx } from '../excel-backend/helpers/xlsx-side';
import { runCli } from './run-cli';

/** A tracking workbook of the first format, which any version reads (tests/fixtures/format-v1). */
const TERRITORY = join(__dirname, '..', 'fixtures', 'format-v1', 'suivi-v1.xlsx');

/** `ctg-suivi consolidate`'s usage mistakes: each answered in French, exit 2, before any file is read or written. */

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'ctg-consolidate-cli-'));
  mkdirSync(join(folder, 'vide'));
  writeFileSync(join(folder, 'vide', 'notes.txt'), 'pas un classeur');
  writeFileSync(join(folder, 'existant.xlsx'), 'déjà là');
});

async function errorOf(args: string[]) {
  const run = await runCli(['consolidate', ...args, '--json']);
  return { code: run.code, error: JSON.parse(run.stdout).error };
}

describe('consolidate: usage mistakes', () => {
  it('asks for files or folders', async () => {
    expect(await errorOf(['-o', join(folder, 'c.xlsx')])).toEqual({
      code: 2,
      error: expect.objectContaining({ code: 'missing-file-argument', message: expect.stringContaining('dossiers') }),
    });
  });

  it('asks for -o', async () => {
    expect(await errorOf([folder])).toEqual({
      code: 2,
      error: expect.objectContaining({ code: 'missing-output', option: '-o', message: expect.stringContaining('-o') }),
    });
  });

  it('refuses a --quarter that is not AAAA-Tn', async () => {
    const { code, error } = await errorOf([folder, '-o', join(folder, 'c.xlsx'), '--quarter', '2027T2']);
    expect(code).toBe(2);
    expect(error).toMatchObject({ code: 'invalid-option-value', option: '--quarter' });
    expect(error.message).toContain('«\u00a02027T2\u00a0»');
  });

  it('takes a --quarter typed in lower case with spaces around, and measures and says it as 2027-T2', async () => {
    const out = join(folder, 'typed-quarter.xlsx');
    const json = await runCli(['consolidate', TERRITORY, '-o', out, '--quarter', ' 2027-t2 ', '--json']);
    expect(json.code).not.toBe(2);
    expect(JSON.parse(json.stdout).territories).toEqual([expect.objectContaining({ quarter: '2027-T2' })]);
    const text = await runCli(['consolidate', TERRITORY, '-o', out, '--force', '--quarter', '2027-t2']);
    expect(text.stdout).toContain('(2027-T2)');
    expect(text.stdout).not.toContain('2027-t2');
  });

  it('refuses two --quarter rather than silently taking the last, and names both', async () => {
    const args = [join(folder, 'vide'), '-o', join(folder, 'q.xlsx'), '--quarter', '2027-T1', '--quarter', '2027-T2'];
    const { code, error } = await errorOf(args);
    expect(code).toBe(2);
    expect(error).toMatchObject({ code: 'repeated-option', option: '--quarter' });
    expect(error.message).toBe(
      'L’option «\u00a0--quarter\u00a0» est donnée deux fois (2027-T1, puis 2027-T2)\u00a0: gardez-en une seule. ' +
        'Lancez «\u00a0npx ctg-suivi help\u00a0» pour l’aide.',
    );
  });

  it('takes the same --quarter given twice: nothing to choose', async () => {
    const args = [join(folder, 'vide'), '-o', join(folder, 'q.xlsx'), '--quarter', '2027-T1', '--quarter=2027-T1'];
    expect((await errorOf(args)).error.code).toBe('no-workbooks-found');
  });

  it('refuses a --quarter of a year that is no year (0000-T1 was taken and shown as 0-T1)', async () => {
    const { code, error } = await errorOf([folder, '-o', join(folder, 'c.xlsx'), '--quarter', '0000-T1']);
    expect(code).toBe(2);
    expect(error).toMatchObject({ code: 'invalid-option-value', option: '--quarter' });
    // Nor is « écrivez --quarter 0-T1 » suggested: a quarter the option refuses too.
    expect(error.message).toContain('par exemple --quarter 2027-T2, pas «\u00a00000-T1\u00a0»');
    expect(error.message).not.toContain('écrivez');
  });

  it('names a path that does not exist', async () => {
    const missing = join(folder, 'absent');
    expect(await errorOf([missing, '-o', join(folder, 'c.xlsx')])).toEqual({
      code: 2,
      error: expect.objectContaining({ code: 'file-not-found', file: missing }),
    });
  });

  it('says when the folders hold no workbook', async () => {
    const { code, error } = await errorOf([join(folder, 'vide'), '-o', join(folder, 'c.xlsx')]);
    expect(code).toBe(2);
    expect(error.code).toBe('no-workbooks-found');
    expect(error.message).toContain(join(folder, 'vide'));
  });

  it('never replaces an existing -o without --force, before reading anything', async () => {
    const { code, error } = await errorOf([TERRITORY, '-o', join(folder, 'existant.xlsx')]);
    expect(code).toBe(2);
    expect(error.code).toBe('output-exists');
    expect(readFileSync(join(folder, 'existant.xlsx'), 'utf8')).toBe('déjà là');
  });

  it('refuses an -o that is also one of the workbooks given by name, before reading or writing anything', async () => {
    const given = join(folder, 'existant.xlsx');
    const { code, error } = await errorOf([given, '-o', given, '--force']);
    expect(code).toBe(2);
    expect(error).toMatchObject({ code: 'output-is-input', file: given });
    expect(readFileSync(given, 'utf8')).toBe('déjà là');
  });

  it('refuses an -o that is one of the workbooks given, without --force too: not « add --force », then refused', async () => {
    const given = join(folder, 'existant.xlsx');
    const run = await runCli(['consolidate', given, '-o', given]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${given} est à la fois un classeur à consolider et le classeur à écrire (-o)\u00a0: donnez à -o un autre nom.`,
    );
    expect(run.stderr).not.toContain('--force');
    expect(readFileSync(given, 'utf8')).toBe('déjà là');
  });

  it('asks for a name when -o is given an empty one, rather than suggesting « -o .xlsx »', async () => {
    const { code, error } = await errorOf([folder, '-o', '']);
    expect(code).toBe(2);
    expect(error).toMatchObject({ code: 'missing-option-value', option: '-o' });
    expect(error.message).toBe(
      'L’option «\u00a0-o\u00a0» est vide\u00a0: donnez le nom du classeur à écrire, qui finit par .xlsx, par exemple ' +
        '-o consolidation.xlsx. Rien n’a été écrit.',
    );
  });

  it('asks --quarter for any quarter, not one « de la convention »: each territory is measured at it', async () => {
    const { code, error } = await errorOf([folder, '-o', join(folder, 'c.xlsx'), '--quarter']);
    expect(code).toBe(2);
    expect(error).toMatchObject({ code: 'missing-option-value', option: '--quarter' });
    expect(error.message).toBe(
      'L’option «\u00a0--quarter\u00a0» de «\u00a0consolidate\u00a0» attend une valeur\u00a0: le trimestre AAAA-Tn ' +
        'auquel mesurer chaque territoire, par exemple --quarter 2027-T1. Lancez «\u00a0npx ctg-suivi help\u00a0» pour l’aide.',
    );
  });

  it('refuses before any work an -o that ends with a slash: a folder’s name, not a workbook’s', async () => {
    const output = `${join(folder, 'sortie.xlsx')}/`;
    const { code, error } = await errorOf([folder, '-o', output]);
    expect(code).toBe(2);
    expect(error).toMatchObject({ code: 'output-not-xlsx', file: output });
    expect(error.message).toBe(
      `${output} finit par «\u00a0/\u00a0»\u00a0: c’est le nom d’un dossier. Donnez avec -o le nom du classeur à ` +
        `écrire, par exemple -o ${join(folder, 'sortie.xlsx')}. Rien n’a été écrit.`,
    );
  });

  it('suggests a consolidation inside the folder an -o ending with a slash names', async () => {
    const output = `${join(folder, 'vide')}/`;
    const { error } = await errorOf([folder, '-o', output]);
    expect(error.message).toContain(`par exemple -o ${join(folder, 'vide', 'consolidation.xlsx')}.`);
  });

  it('says an existing folder given as -o is a folder, and suggests a workbook in it', async () => {
    for (const output of [join(folder, 'vide'), join(folder, 'dossier.xlsx')]) {
      mkdirSync(join(folder, 'dossier.xlsx'), { recursive: true });
      const { code, error } = await errorOf([folder, '-o', output]);
      expect(code).toBe(2);
      expect(error.message).toBe(
        `${output} est un dossier\u00a0: donnez avec -o le nom du classeur à écrire dans ce dossier, par exemple ` +
          `-o ${join(output, 'consolidation.xlsx')}. Rien n’a été écrit.`,
      );
    }
  });

  it('says an -o under a file cannot be written there, rather than to create that folder', async () => {
    const file = join(folder, 'existant.xlsx');
    const { code, error } = await errorOf([folder, '-o', join(file, 'x.xlsx')]);
    expect(code).toBe(2);
    expect(error.message).toBe(
      `${file} est un fichier, pas un dossier\u00a0: aucun classeur ne peut être écrit dedans. Donnez avec -o un ` +
        `chemin dans un dossier, par exemple -o ${join(folder, 'consolidation.xlsx')}. Rien n’a été écrit.`,
    );
    const deeper = await errorOf([folder, '-o', join(file, 'a', 'x.xlsx')]);
    expect(deeper.error.message).toContain(`${file} est un fichier, pas un dossier`);
  });

  it('refuses an -o that is not .xlsx', async () => {
    expect((await errorOf([folder, '-o', join(folder, 'c.ods')])).error.code).toBe('output-not-xlsx');
  });
});

describe('consolidate: a sub-folder that cannot be listed', () => {
  afterEach(() => jest.restoreAllMocks());

  it('is left out with its reason, the other files are consolidated and the workbook is written (exit 1)', async () => {
    const territories = join(folder, 'territoires');
    const denied = join(territories, 'refusé');
    mkdirSync(denied, { recursive: true });
    writeFileSync(join(territories, 'a.xlsx'), 'pas un classeur');
    copyFileSync(TERRITORY, join(territories, 'b.xlsx'));
    // Permissions do not stop root, who runs CI: the listing fails as it does for a user without the right.
    const readdir = fsPromises.readdir.bind(fsPromises);
    jest
      .spyOn(fsPromises, 'readdir')
      .mockImplementation(((path: string, options: never) =>
        path === denied
          ? Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }))
          : readdir(path, options)) as typeof fsPromises.readdir);
    const output = join(folder, 'consolidation-refus.xlsx');

    const run = await runCli(['consolidate', territories, '-o', output, '--json']);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.file).toBe(output);
    expect(json.rejected).toEqual([
      expect.objectContaining({
        file: denied,
        code: 'folder-unreadable',
        reason: expect.stringMatching(/^Dossier illisible \(accès refusé\)/),
      }),
      expect.objectContaining({ file: join(territories, 'a.xlsx') }),
    ]);
    expect(json.territories).toEqual([expect.objectContaining({ file: join(territories, 'b.xlsx') })]);

    const text = await runCli(['consolidate', territories, '-o', output, '--force']);
    expect(text.stdout).toContain(`Écarté\u00a0: ${denied} — Dossier illisible (accès refusé)`);
  });
});

describe('consolidate: no file kept', () => {
  it('writes nothing, keeps an earlier consolidation even with --force, and says why each file was left out (exit 2)', async () => {
    const given = join(folder, 'rien-de-bon');
    mkdirSync(given);
    writeFileSync(join(given, 'notes.xlsx'), 'pas un classeur');
    const output = join(folder, 'bonne-consolidation.xlsx');
    writeFileSync(output, 'la consolidation du trimestre dernier');

    const run = await runCli(['consolidate', given, '-o', output, '--force', '--json']);

    expect(run.code).toBe(2);
    const json = JSON.parse(run.stdout);
    expect(json.error).toMatchObject({ code: 'nothing-to-consolidate' });
    expect(json.error.message).toContain('Rien n’a été écrit');
    expect(json.rejected).toEqual([expect.objectContaining({ file: join(given, 'notes.xlsx') })]);
    expect(readFileSync(output, 'utf8')).toBe('la consolidation du trimestre dernier');
    expect(existsSync(`${output}.bak`)).toBe(false);

    const text = await runCli(['consolidate', given, '-o', output, '--force']);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain(`Écarté\u00a0: ${join(given, 'notes.xlsx')}`);
    expect(text.stderr).toMatch(
      /Aucun territoire n’a pu être consolidé.*chaque fichier a été écarté.*Rien n’a été écrit/,
    );
  });
});

describe('consolidate: an -o that is a territory’s tracking workbook', () => {
  it('is never written over, even with --force: the file is left as it was, no .bak, and the message says why', async () => {
    const given = join(folder, 'forez.xlsx');
    copyFileSync(TERRITORY, given);
    const output = join(folder, 'pilat.xlsx');
    copyFileSync(TERRITORY, output);
    const before = readFileSync(output);

    const { code, error } = await errorOf([given, '-o', output, '--force']);

    expect(code).toBe(2);
    expect(error).toMatchObject({ code: 'output-is-tracking-workbook', file: output });
    expect(error.message).toBe(
      `${output} est le classeur de suivi d’un territoire\u00a0: la consolidation ne l’écrase pas, même avec ` +
        '--force. Choisissez un autre nom pour -o. Rien n’a été lu ni écrit.',
    );
    expect(readFileSync(output).equals(before)).toBe(true);
    expect(existsSync(`${output}.bak`)).toBe(false);

    const text = await runCli(['consolidate', given, '-o', output, '--force']);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain(`${output} est le classeur de suivi d’un territoire`);
  });

  it('says so without --force too, rather than offering --force and then refusing it', async () => {
    const given = join(folder, 'forez.xlsx');
    copyFileSync(TERRITORY, given);
    const output = join(folder, 'pilat-sans-force.xlsx');
    copyFileSync(TERRITORY, output);
    const before = readFileSync(output);

    const run = await runCli(['consolidate', given, '-o', output]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${output} est le classeur de suivi d’un territoire\u00a0: la consolidation ne l’écrase pas`,
    );
    expect(run.stderr).not.toContain('ajoutez --force');
    expect(readFileSync(output).equals(before)).toBe(true);
  });

  it('nor when a sheet’s part is missing from it: its list of sheets still names _ctg', async () => {
    const given = join(folder, 'forez.xlsx');
    copyFileSync(TERRITORY, given);
    const output = join(folder, 'pilat-endommage.xlsx');
    const parts = unzipSync(new Uint8Array(readFileSync(TERRITORY)));
    // The part of « Axe 1 » (rId6 in xl/_rels/workbook.xml.rels).
    delete parts['xl/worksheets/sheet3.xml'];
    writeFileSync(output, zipSync(parts));
    const before = readFileSync(output);

    const { code, error } = await errorOf([given, '-o', output, '--force']);

    expect(code).toBe(2);
    expect(error).toMatchObject({ code: 'output-is-tracking-workbook', file: output });
    expect(error.message).toContain(`${output} est le classeur de suivi d’un territoire`);
    expect(readFileSync(output).equals(before)).toBe(true);
    expect(existsSync(`${output}.bak`)).toBe(false);
  });

  it('nor when it is a partner’s extract', async () => {
    const given = join(folder, 'forez.xlsx');
    const output = join(folder, 'extrait-centre-social.xlsx');
    writeFileSync(
      output,
      await editXlsx(new Uint8Array(readFileSync(TERRITORY)), [{ sheet: '_ctg', cell: 'B9', value: 'Centre social' }]),
    );
    const before = readFileSync(output);

    const { code, error } = await errorOf([given, '-o', output, '--force']);

    expect(code).toBe(2);
    expect(error).toMatchObject({ code: 'output-is-tracking-workbook', file: output });
    expect(readFileSync(output).equals(before)).toBe(true);
  });
});
