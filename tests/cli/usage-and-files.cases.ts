import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';

// What a person sees when the command line is misused: French, the option or path they typed, exit 2, nothing written.
const workDir = mkdtempSync(join(tmpdir(), 'ctg-usage-files-'));
const path = (name: string) => join(workDir, name);

const ENGLISH = /Unknown|missing|ambiguous|no such|ENOENT|EISDIR|\.tmp/;

describe('wrong options, answered in French', () => {
  it.each([
    ['validate', ['validate', 'suivi.xlsx', '--verbose'], '--verbose', '--json'],
    ['compute, short option', ['compute', 'suivi.xlsx', '-x'], '-x', '--quarter'],
    ['plan', ['plan', '--jsonn'], '--jsonn', '--json'],
  ])('an unknown option of %s names it, lists the options and points to help', async (_label, args, option, listed) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`«\u00a0${option}\u00a0»`);
    expect(run.stderr).toContain(listed);
    expect(run.stderr).toContain('npx ctg-suivi help');
    expect(run.stderr).not.toMatch(/Unknown|To specify/);
  });

  it('a file name that begins with a hyphen is named whole, with the way to give it', async () => {
    const run = await runCli(['validate', '-suivi.xlsx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('«\u00a0-suivi.xlsx\u00a0» n’est pas une option de «\u00a0validate\u00a0»');
    expect(run.stderr).toContain('«\u00a0./-suivi.xlsx\u00a0»');
    expect(run.stderr).not.toContain('«\u00a0-s\u00a0»');
  });

  it('a file name beginning with -o is not taken for -o glued to its value: nothing is written', async () => {
    const run = await runCli(['compute', '-old.xlsx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('«\u00a0-o ld.xlsx\u00a0»');
    expect(run.stderr).toContain('«\u00a0./-old.xlsx\u00a0»');
  });

  it.each([
    ['--quarter at the end', ['compute', 'suivi.xlsx', '--quarter'], '--quarter', 'AAAA-Tn'],
    ['--quarter followed by an option', ['compute', 'suivi.xlsx', '--quarter', '--force'], '--quarter', 'AAAA-Tn'],
    ['-o at the end', ['generate', '-o'], '-o', '.xlsx'],
    ['--plan at the end', ['generate', '--plan'], '--plan', 'plan'],
  ])('a missing value (%s) says which option and what it expects', async (_label, args, option, expects) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`«\u00a0${option}\u00a0»`);
    expect(run.stderr).toContain(expects);
    expect(run.stderr).toContain('npx ctg-suivi help');
    expect(run.stderr).not.toMatch(/argument missing|ambiguous|Did you/);
  });

  // `--quarter "$TRIMESTRE"` with the variable unset gives an empty value: it was quoted back as « pas «  » ».
  it.each([
    ['consolidate --quarter', ['consolidate', 'territoires', '-o', 'c.xlsx', '--quarter', ''], '--quarter', 'AAAA-Tn'],
    ['compute --quarter', ['compute', 'suivi.xlsx', '--quarter', ' '], '--quarter', 'AAAA-Tn'],
    ['bilan --year', ['bilan', 'suivi.xlsx', '--kind', 'annuel', '--year', ''], '--year', '2027'],
    ['merge --prefer', ['merge', 'suivi.xlsx', 'retour.xlsx', '--prefer='], '--prefer', 'master'],
  ])('an empty value of %s is said to be empty, with what to give', async (_label, args, option, hint) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `L’option «\u00a0${option}\u00a0» de «\u00a0${args[0]}\u00a0» est vide\u00a0: donnez `,
    );
    expect(run.stderr).toContain(hint);
    expect(run.stderr).not.toContain('«\u00a0\u00a0»');
    expect(run.stderr).not.toContain('«\u00a0 \u00a0»');
  });

  it('a value given to a switch is refused in French', async () => {
    const run = await runCli(['plan', '--json=oui']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('«\u00a0--json\u00a0» ne prend pas de valeur');
  });
});

describe('paths that are not what the command needs', () => {
  const workbook = path('suivi.xlsx');

  beforeAll(async () => {
    await generatedWorkbook(workbook);
    mkdirSync(path('dossier'));
  }, 60_000);

  // A file given with a « / » after it (a folder's completion habit) was « introuvable », though it is there.
  it.each([
    ['validate', (file: string) => ['validate', file]],
    ['consolidate', (file: string) => ['consolidate', file, '-o', path('slash-consolidation.xlsx')]],
  ])(
    '%s of a file named with a « / » after it says to remove the « / », not that the file is missing',
    async (_label, args) => {
      const run = await runCli(args(`${workbook}/`));
      expect(run.code).toBe(2);
      expect(run.stderr).not.toContain('introuvable');
      expect(run.stderr).toContain(`${workbook}/ finit par «\u00a0/\u00a0», mais ${workbook} est un fichier`);
    },
  );

  it.each([
    ['validate', ['validate', path('dossier')], '.xlsx'],
    ['compute', ['compute', path('dossier')], '.xlsx'],
    ['close-quarter', ['close-quarter', path('dossier')], '.xlsx'],
    ['plan', ['plan', path('dossier')], '.txt'],
    ['generate --plan', ['generate', '--plan', path('dossier'), '-o', path('x.xlsx')], '.txt'],
  ])('%s on a folder says it is a folder and what file is expected', async (_label, args, expected) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${path('dossier')} est un dossier`);
    expect(run.stderr).toContain(expected);
    expect(run.stderr).not.toContain('introuvable');
  });

  it.each([
    ['generate', (out: string) => ['generate', '-o', out]],
    ['compute', (out: string) => ['compute', workbook, '-o', out]],
    ['close-quarter', (out: string) => ['close-quarter', workbook, '-o', out]],
  ])(
    '%s -o into a missing folder names that folder in French, writes nothing',
    async (_label, args) => {
      const before = readdirSync(workDir).sort();
      const original = readFileSync(workbook);
      const out = join('absent', 'sous-dossier', 'sortie.xlsx');
      const run = await runCli(args(join(workDir, out)));
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Le dossier ${join(workDir, 'absent', 'sous-dossier')} n’existe pas`);
      expect(run.stderr).not.toMatch(ENGLISH);
      expect(readdirSync(workDir).sort()).toEqual(before);
      expect(readFileSync(workbook).equals(original)).toBe(true);
    },
    60_000,
  );

  it('rewriting in place when the .bak cannot be written: French message, file untouched, no temporary file', async () => {
    const dir = mkdtempSync(join(workDir, 'sur-place-'));
    const file = join(dir, 'suivi.xlsx');
    writeFileSync(file, readFileSync(workbook));
    mkdirSync(`${file}.bak`); // a folder where the backup should go
    const run = await runCli(['compute', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Impossible d’écrire ${file}`);
    expect(run.stderr).toContain(`${file}.bak est un dossier`);
    expect(run.stderr).toContain('n’a pas été modifié');
    expect(run.stderr).not.toMatch(ENGLISH);
    expect(readFileSync(file).equals(readFileSync(workbook))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['suivi.xlsx', 'suivi.xlsx.bak']);
  }, 60_000);

  it.each([
    ['an .ods name', 'suivi.ods', '.ods'],
    ['a .xls name', 'suivi.xls', '.xls'],
    ['a name without extension', 'suivi', 'suivi.xlsx'],
  ])('generate -o with %s is refused (exit 2), nothing written', async (_label, name, says) => {
    const before = readdirSync(workDir).sort();
    const run = await runCli(['generate', '-o', path(name)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.xlsx');
    expect(run.stderr).toContain(says);
    expect(existsSync(path(name))).toBe(false);
    expect(readdirSync(workDir).sort()).toEqual(before);
  });

  it('generate -o suivi.xlsx.bak (a backup’s name) suggests suivi.xlsx, never suivi.xlsx.xlsx', async () => {
    const before = readdirSync(workDir).sort();
    const run = await runCli(['generate', '-o', path('suivi.xlsx.bak')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${path('suivi.xlsx.bak')}\u00a0: le classeur écrit est un fichier Excel .xlsx, pas .bak\u00a0; donnez un nom ` +
        `qui finit par .xlsx (par exemple -o ${path('suivi.xlsx')}).`,
    );
    expect(run.stderr).not.toContain('.xlsx.xlsx');
    expect(readdirSync(workDir).sort()).toEqual(before);
  });

  it('generate -o .xlsx (an extension without a name) asks for a name, without suggesting .xlsx.xlsx', async () => {
    const before = readdirSync(workDir).sort();
    const run = await runCli(['generate', '-o', path('.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${path('.xlsx')} n’a pas de nom avant .xlsx`);
    // In the folder given, as every other suggestion of -o.
    expect(run.stderr).toContain(`-o ${path('suivi.xlsx')}.`);
    expect(run.stderr).not.toContain('.xlsx.xlsx');
    expect(readdirSync(workDir).sort()).toEqual(before);
  });

  it.each([
    ['validate', ['validate', '']],
    ['plan', ['plan', '']],
    ['consolidate', ['consolidate', '', '-o', path('conso.xlsx')]],
  ])('%s given an empty path says the path is empty, not « introuvable : . »', async (_label, args) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Le chemin donné est vide');
    expect(run.stderr).not.toContain('introuvable');
    expect(existsSync(path('conso.xlsx'))).toBe(false);
  });

  it('compute -o out.ods is refused too, and an upper-case .XLSX is accepted', async () => {
    const refused = await runCli(['compute', workbook, '-o', path('sortie.ods')]);
    expect(refused.code).toBe(2);
    expect(existsSync(path('sortie.ods'))).toBe(false);
    const accepted = await runCli(['generate', '-o', path('MAJUSCULES.XLSX')]);
    expect(accepted.code).toBe(0);
  }, 60_000);

  it.each([
    ['validate', (file: string) => ['validate', file]],
    ['compute', (file: string) => ['compute', file]],
    ['merge', (file: string) => ['merge', workbook, file]],
  ])(
    '%s given a text file named .xlsx says what to give the command, not the pane’s « Choisissez »',
    async (_label, args) => {
      const file = path('notes.xlsx');
      writeFileSync(file, 'Compte rendu de la réunion du comité de pilotage\n');
      const run = await runCli(args(file));
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `${file}\u00a0: ce fichier est un document texte, pas un classeur\u00a0: il ne peut pas être lu comme un tableau de suivi. ` +
          'Utilisez à sa place le classeur lui-même (.xlsx), ou demandez-le à qui vous a envoyé ce document.',
      );
      expect(run.stderr).not.toContain('Choisissez');
    },
  );

  // A command that reads one workbook was told to be given every workbook of the archive, as a consolidation is.
  describe('a zip archive of workbooks given to a command that reads one workbook', () => {
    const archive = path('territoires.zip');
    const extract = '(clic droit sur l’archive › Extraire tout… sous Windows, double-clic sur un Mac)';
    beforeAll(() => {
      writeFileSync(archive, zipSync({ 'loire/pilat.xlsx': new Uint8Array(8), 'loire/forez.xlsx': new Uint8Array(8) }));
      writeFileSync(path('pilat.zip'), zipSync({ 'pilat.xlsx': new Uint8Array(8) }));
    });

    it.each([
      ['validate', (file: string) => ['validate', file]],
      ['compute', (file: string) => ['compute', file]],
      ['close-quarter', (file: string) => ['close-quarter', file]],
      ['undo', (file: string) => ['undo', file]],
      ['extract', (file: string) => ['extract', file, '--partenaire', 'CCMP', '-o', path('extrait-zip.xlsx')]],
      ['bilan', (file: string) => ['bilan', file, '--kind', 'annuel', '-o', path('bilan-zip.xlsx')]],
      ['merge, as its tracking workbook', (file: string) => ['merge', file, workbook]],
    ])('%s says to give it one of them, not all', async (_label, args) => {
      const run = await runCli(args(archive));
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `${archive}\u00a0: ce fichier est une archive .zip, pas un classeur\u00a0: extrayez-en les 2 classeurs ` +
          `qu’elle contient ${extract}, puis donnez à la commande, à sa place, celui de ces classeurs à traiter\u00a0: ` +
          'elle n’en lit qu’un à la fois.',
      );
      const one = await runCli(args(path('pilat.zip')));
      expect(one.stderr).toContain(`le classeur qu’elle contient ${extract}, puis donnez-le à la commande à sa place.`);
    });

    it('merge, as a returned file, says to give it them all: it merges several', async () => {
      const run = await runCli(['merge', workbook, archive]);
      expect(run.stderr).toContain(`${extract}, puis donnez-les à la commande à sa place.`);
    });
  });

  it('an .xlsx that is not a tracking workbook: compute says why, without an empty place column, exit 2', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Feuil1').getCell('A1').value = 'Budget 2026';
    writeFileSync(path('budget.xlsx'), Buffer.from(await other.xlsx.writeBuffer()));
    const run = await runCli(['compute', path('budget.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('n’a pas été modifié');
    expect(run.stderr).toMatch(/\n {2}Ce classeur n.est pas un classeur de suivi CTG/);
  });
});

describe('--help after a command', () => {
  it.each(['generate', 'consolidate', 'validate'])('ctg-suivi %s --help shows the usage, exit 0', async (command) => {
    const run = await runCli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('consolidate');
    expect(run.stderr).toBe('');
  });
});

it('help says which files consolidate reads in a folder, as docs/COMMANDES.md does: not only .xlsx', async () => {
  const run = await runCli(['help']);
  const consolidate = run.stdout.slice(run.stdout.indexOf('  consolidate '), run.stdout.indexOf('  bilan '));
  expect(consolidate.replace(/\s+/g, ' ')).toContain('dossiers de classeurs .xlsx, .xlsm, .xlsb, .xls ou .ods');
  expect(consolidate.replace(/\s+/g, ' ')).toContain('converti par LibreOffice');
});

it.each(['constructor', 'toString', '__proto__'])(
  '« %s » is an unknown command, not a property of an object',
  async (name) => {
    const run = await runCli([name, '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error.code).toBe('unknown-command');
  },
);
