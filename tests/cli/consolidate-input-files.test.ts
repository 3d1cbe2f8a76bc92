import { execFileSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import fs, { promises as fsPromises } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { inputFiles } from '../../src/cli/consolidate/input-files';
import { readInputFile } from '../../src/cli/files';
import { writtenConsolidation } from '../consolidation-workbook/fixture';
import { compoundFile } from '../helpers/compound-file';
import { openDocumentSpreadsheet } from '../helpers/open-document';
import { standInProgram, withEnv } from '../helpers/stand-in-program';
import { gridsOf } from '../xlsx-patch/helpers';
import { runCli } from './run-cli';

/** A tracking workbook of the first format, which any version reads (tests/fixtures/format-v1). */
const TERRITORY = join(__dirname, '..', 'fixtures', 'format-v1', 'suivi-v1.xlsx');

/**
 * Which files a consolidation reads from the paths given (src/cli/consolidate/input-files.ts): a hostile-input
 * review found workbooks reached through a symbolic link silently left out, and an -o inside a given folder, or
 * reached through a link, silently not read and then replaced.
 */

let root: string;
const xlsx = 'PK\u0003\u0004 not really a workbook, but named like one';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ctg-input-files-'));
  mkdirSync(join(root, 'elsewhere'));
  writeFileSync(join(root, 'elsewhere', 'b.xlsx'), xlsx);
  mkdirSync(join(root, 'elsewhere', 'more'));
  writeFileSync(join(root, 'elsewhere', 'more', 'c.xlsx'), xlsx);
  mkdirSync(join(root, 'territories'));
  writeFileSync(join(root, 'territories', 'a.xlsx'), xlsx);
  symlinkSync(join(root, 'elsewhere', 'b.xlsx'), join(root, 'territories', 'b-link.xlsx'));
  symlinkSync(join(root, 'elsewhere', 'more'), join(root, 'territories', 'more-link'));
  // A link to a share no longer there: listed, so that the reading says what became of it.
  symlinkSync(join(root, 'disconnected', 'd.xlsx'), join(root, 'territories', 'gone.xlsx'));
  // A link back up: followed once, never round and round.
  symlinkSync(join(root, 'territories'), join(root, 'territories', 'loop'));
  writeFileSync(join(root, 'territories', 'consolidation.xlsx'), await writtenConsolidation());
});

/** Each file found under `folder`, from it: a tie between two copies says it kept the first by name there. */
const fromFolder = (folder: string, files: readonly string[]) =>
  new Map(files.map((file) => [file, { kind: 'folder', folder }]));

it('reads the workbooks a folder holds through symbolic links, files and folders, once each', async () => {
  const found = await inputFiles([join(root, 'territories')], join(root, 'out.xlsx'));
  const files = [
    join(root, 'territories', 'a.xlsx'),
    join(root, 'territories', 'b-link.xlsx'),
    join(root, 'territories', 'consolidation.xlsx'),
    join(root, 'territories', 'gone.xlsx'),
    join(root, 'territories', 'more-link', 'c.xlsx'),
  ];
  expect(found).toEqual({ ok: true, files, origins: fromFolder(join(root, 'territories'), files), leftOut: [] });
});

it('tells a file given by name from one found in a folder given', async () => {
  const given = join(root, 'elsewhere', 'b.xlsx');
  const found = await inputFiles([given, join(root, 'territories')], join(root, 'out.xlsx'));
  expect(found.ok && [...found.origins].slice(0, 2)).toEqual([
    [given, { kind: 'given' }],
    [join(root, 'territories', 'a.xlsx'), { kind: 'folder', folder: join(root, 'territories') }],
  ]);
});

it('says a path given that is not there is neither a file nor a folder, since either is taken', async () => {
  const missing = join(root, 'dossier-absent');
  const run = await runCli(['consolidate', missing, '-o', join(root, 'sortie.xlsx')]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`Fichier ou dossier introuvable\u00a0: ${missing}.`);
});

it('names every path given that is not there at once, not one a run', async () => {
  const first = join(root, 'absent-1');
  const second = join(root, 'absent-2.xlsx');
  const found = await inputFiles([first, join(root, 'territories'), second], join(root, 'out.xlsx'));
  expect(found).toMatchObject({ ok: false, error: { code: 'file-not-found', file: first } });
  const message = found.ok ? '' : found.error.message;
  expect(message).toContain(`Fichier ou dossier introuvable\u00a0: ${first}.`);
  expect(message).toContain(`Fichier ou dossier introuvable\u00a0: ${second}.`);
});

it('leaves out a folder given by name that holds no workbook, with its reason, when others are found', async () => {
  // A folder typed wrong, or a territory's folder not yet filled: its territories would be missing unnoticed.
  const empty = join(root, 'vide-parmi-d-autres');
  mkdirSync(empty);
  const found = await inputFiles([join(root, 'territories'), empty], join(root, 'out.xlsx'));
  expect(found.ok && found.leftOut).toEqual([
    {
      file: empty,
      code: 'no-workbooks-found',
      reason:
        'Ce dossier ne contient aucun classeur (.xlsx, .xlsm, .xlsb, .xls ou .ods), ni dans ses sous-dossiers\u00a0: ' +
        'vérifiez son chemin, ou retirez-le de la commande.',
    },
  ]);
});

it('leaves out of a folder an -o that is an earlier consolidation, written there by an earlier run', async () => {
  const output = join(root, 'territories', 'consolidation.xlsx');
  const found = await inputFiles([join(root, 'territories')], output);
  expect(found.ok && found.files).not.toContain(output);
  expect(found.ok && found.files).toContain(join(root, 'territories', 'a.xlsx'));
});

it('refuses an -o that is another file of a given folder: it would not be read, then be replaced', async () => {
  const output = join(root, 'territories', 'a.xlsx');
  const found = await inputFiles([join(root, 'territories')], output);
  expect(found).toMatchObject({ ok: false, error: { code: 'output-is-input', file: output } });
});

it('refuses an -o that reaches a workbook given by name through a link', async () => {
  const found = await inputFiles([join(root, 'elsewhere', 'b.xlsx')], join(root, 'territories', 'b-link.xlsx'));
  expect(found).toMatchObject({ ok: false, error: { code: 'output-is-input' } });
});

describe('a folder that cannot be read', () => {
  // Permissions do not stop root, who runs CI: the folder's listing fails as it does for a user without the right.
  const denied = (folder: string) => {
    const readdir = fsPromises.readdir.bind(fsPromises);
    return jest.spyOn(fsPromises, 'readdir').mockImplementation(((path: string, options: never) => {
      if (path === folder)
        return Promise.reject(
          Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' }),
        );
      return readdir(path, options);
    }) as typeof fsPromises.readdir);
  };
  afterEach(() => jest.restoreAllMocks());

  it('is left out with its reason, and the other folders are read: one bad folder never stops the others', async () => {
    denied(join(root, 'elsewhere', 'more'));
    const found = await inputFiles([join(root, 'elsewhere')], join(root, 'out.xlsx'));
    expect(found).toEqual({
      ok: true,
      files: [join(root, 'elsewhere', 'b.xlsx')],
      origins: fromFolder(join(root, 'elsewhere'), [join(root, 'elsewhere', 'b.xlsx')]),
      leftOut: [
        {
          file: join(root, 'elsewhere', 'more'),
          code: 'folder-unreadable',
          reason:
            'Dossier illisible (accès refusé)\u00a0: les classeurs qu’il contient n’ont pas été lus, les autres sont ' +
            'consolidés. Vérifiez les droits d’accès à ce dossier, puis relancez la consolidation.',
        },
      ],
    });
  });

  it('given alone, stops the command with that reason rather than « no workbook »', async () => {
    denied(join(root, 'elsewhere'));
    const found = await inputFiles([join(root, 'elsewhere')], join(root, 'out.xlsx'));
    expect(found).toMatchObject({
      ok: false,
      error: {
        code: 'folder-unreadable',
        file: join(root, 'elsewhere'),
        message: expect.stringContaining('accès refusé'),
      },
    });
  });
});

it('lists a folder’s spreadsheets of other formats (.ods, .xls, .xlsm, .xlsb), so that none is skipped without a word', async () => {
  const folder = join(root, 'formats');
  mkdirSync(folder);
  for (const name of ['a.xlsx', 'b.ods', 'c.XLS', 'd.xlsm', 'e.xlsb', 'notes.txt', 'rapport.pdf', '~$a.xlsx', '.f.ods'])
    writeFileSync(join(folder, name), xlsx);
  const found = await inputFiles([folder], join(root, 'out.xlsx'));
  expect(found.ok && found.files).toEqual(
    ['a.xlsx', 'b.ods', 'c.XLS', 'd.xlsm', 'e.xlsb'].map((name) => join(folder, name)),
  );
});

it('lists a folder’s workbooks with their numbers in order, as a person counts (2 before 10)', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'ctg-numbered-'));
  for (const name of ['territoire-10.xlsx', 'territoire-2.xlsx', 'Territoire-1.xlsx', 'territoire-100.xlsx'])
    writeFileSync(join(folder, name), '');
  const found = await inputFiles([folder], join(folder, 'out.xlsx'));
  expect(found.ok && found.files.map((file) => file.slice(folder.length + 1))).toEqual([
    'Territoire-1.xlsx',
    'territoire-2.xlsx',
    'territoire-10.xlsx',
    'territoire-100.xlsx',
  ]);
});

it('says that a workbook reached through a broken link is a link to a file gone, naming where it pointed', () => {
  const link = join(root, 'territories', 'gone.xlsx');
  const read = readInputFile(link, 1 << 20, 'workbook');
  expect(read.ok).toBe(false);
  if (read.ok) return;
  expect(read.error).toMatchObject({ code: 'file-not-found', file: link });
  expect(read.error.message).toBe(
    `${link} est un lien vers ${join(root, 'disconnected', 'd.xlsx')}, qui n’existe pas\u00a0: rétablissez ce ` +
      'fichier (un partage déconnecté\u00a0?) ou donnez le chemin du fichier lui-même.',
  );
});

it('names the one folder given when it holds no workbook (the JSON error’s `file`)', async () => {
  const empty = join(root, 'vide');
  mkdirSync(empty);
  const found = await inputFiles([empty], join(root, 'out.xlsx'));
  expect(found).toMatchObject({ ok: false, error: { code: 'no-workbooks-found', file: empty } });
});

it('says so too when the broken link is given by name', async () => {
  const link = join(root, 'territories', 'gone.xlsx');
  const found = await inputFiles([link], join(root, 'out2.xlsx'));
  expect(found).toMatchObject({ ok: false, error: { code: 'file-not-found', file: link } });
  expect(found.ok ? '' : found.error.message).toContain(
    `${link} est un lien vers ${join(root, 'disconnected', 'd.xlsx')}`,
  );
});

describe('a link to the -o still to be written', () => {
  let folder: string;
  const output = () => join(root, 'consolidation-a-venir.xlsx');
  beforeAll(() => {
    folder = join(root, 'with-link-to-output');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.xlsx'), xlsx);
    // A link a person keeps to the latest consolidation, before the first one is written.
    symlinkSync(output(), join(folder, 'derniere-consolidation.xlsx'));
  });

  it('is left out of its folder as the -o itself, not read as a broken link', async () => {
    const found = await inputFiles([folder], output());
    const files = [join(folder, 'a.xlsx')];
    expect(found).toEqual({ ok: true, files, origins: fromFolder(folder, files), leftOut: [] });
  });

  it('is not reported by the consolidation, run after run: the first writes the file it leads to', async () => {
    const territories = join(root, 'territories-with-link');
    mkdirSync(territories);
    copyFileSync(TERRITORY, join(territories, 'territoire.xlsx'));
    const out = join(root, 'consolidation-suivie.xlsx');
    symlinkSync(out, join(territories, 'derniere.xlsx'));
    for (const run of [1, 2]) {
      const { code, stdout } = await runCli(['consolidate', territories, '-o', out, '--force', '--json']);
      expect({ run, code, rejected: JSON.parse(stdout).rejected }).toEqual({ run, code: 0, rejected: [] });
      expect(existsSync(out)).toBe(true);
    }
  }, 60_000);

  it('given by name, is refused as the -o, not said to point to a file gone', async () => {
    const link = join(folder, 'derniere-consolidation.xlsx');
    const found = await inputFiles([link], output());
    expect(found).toEqual({
      ok: false,
      error: {
        code: 'output-is-input',
        file: link,
        message:
          `${link} est à la fois un classeur à consolider et le classeur à écrire (-o)\u00a0: donnez à -o un autre ` +
          'nom. Rien n’a été lu ni écrit.',
      },
    });
  });
});

it('reads a file reached twice through a hard link once, as through a symbolic link', async () => {
  const folder = join(root, 'hard-links');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a.xlsx'), xlsx);
  linkSync(join(folder, 'a.xlsx'), join(folder, 'b.xlsx'));
  const found = await inputFiles([folder], join(root, 'out-hard.xlsx'));
  const files = [join(folder, 'a.xlsx')];
  expect(found).toEqual({ ok: true, files, origins: fromFolder(folder, files), leftOut: [] });
});

it('refuses an -o that is a hard link to a workbook it would read', async () => {
  const folder = join(root, 'hard-link-output');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a.xlsx'), xlsx);
  linkSync(join(folder, 'a.xlsx'), join(root, 'hard-out.xlsx'));
  const found = await inputFiles([folder], join(root, 'hard-out.xlsx'));
  expect(found).toMatchObject({ ok: false, error: { code: 'output-is-input' } });
});

describe('Excel’s lock file (`~$…`) given by name, as `territoires/*.xlsx` gives it while a workbook is open', () => {
  /** What Excel writes in it: the user's name, padded; no workbook, nothing to convert or save again. */
  const lockFileBytes = Buffer.concat([Buffer.from([5]), Buffer.from('Marie'.padEnd(53, ' ')), Buffer.alloc(108)]);

  it('is left out as in a folder, not read as a workbook to save again in Excel', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ctg-lock-file-'));
    copyFileSync(TERRITORY, join(folder, 'pilat.xlsx'));
    writeFileSync(join(folder, '~$pilat.xlsx'), lockFileBytes);
    const byName = await runCli([
      'consolidate',
      join(folder, '~$pilat.xlsx'),
      join(folder, 'pilat.xlsx'),
      '-o',
      `${folder}-given.xlsx`,
      '--json',
    ]);
    const byFolder = await runCli(['consolidate', folder, '-o', `${folder}-folder.xlsx`, '--json']);
    expect(JSON.parse(byName.stdout).rejected).toEqual([]);
    expect(byName.code).toBe(byFolder.code);
  });

  it('given alone, is no workbook to consolidate', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ctg-lock-file-'));
    writeFileSync(join(folder, '~$pilat.xlsx'), lockFileBytes);
    const found = await inputFiles([join(folder, '~$pilat.xlsx')], join(folder, 'out.xlsx'));
    expect(found).toMatchObject({ ok: false, error: { code: 'no-workbooks-found' } });
    // Said as what it is, not « no workbook in » a file: the workbook to give instead, named.
    expect(found.ok ? '' : found.error.message).toBe(
      `${join(folder, '~$pilat.xlsx')} est le fichier de verrouillage qu\u2019Excel cr\u00e9e tant que pilat.xlsx est ` +
        'ouvert, pas un classeur\u00a0: donnez pilat.xlsx, ou son dossier, puis relancez la consolidation. ' +
        'Rien n\u2019a \u00e9t\u00e9 \u00e9crit.',
    );
  });
});

it('leaves out a path given that is no ordinary file (a named pipe) with a reason that does not name it again', async () => {
  // The reason stands beside the file in the list and in « Fichiers écartés », where the file is named from the
  // workbook's folder: the path as given, repeated in the reason, read twice there and wrong in the workbook.
  const pipe = join(root, 'tube.xlsx');
  execFileSync('mkfifo', [pipe]);
  const output = join(root, 'sorties', 'consolidation-tube.xlsx');
  mkdirSync(join(root, 'sorties'));
  const run = await runCli(['consolidate', pipe, TERRITORY, '-o', output, '--json']);
  expect(run.code).toBe(1);
  const { rejected } = JSON.parse(run.stdout) as { rejected: { file: string; code: string; reason: string }[] };
  expect(rejected).toEqual([
    {
      file: pipe,
      code: 'not-a-file',
      reason:
        'Ce n’est pas un fichier ordinaire (un tube ou un périphérique, par exemple)\u00a0: donnez le chemin d’un classeur de suivi .xlsx.',
      territory: null,
    },
  ]);
  const leftOut = gridsOf(new Uint8Array(readFileSync(output))).sheets.find(
    (sheet) => sheet.name === 'Fichiers écartés',
  )!;
  const row = leftOut.rows.find((cells) => cells?.[0]?.value === '../tube.xlsx');
  expect(row?.[1]?.value).toBe(rejected[0].reason);
}, 60_000);

it('tells a zip archive of workbooks given by name to be extracted, not to be saved again as .xlsx', async () => {
  const folder = join(root, 'zipped');
  mkdirSync(folder);
  const territory = new Uint8Array(readFileSync(TERRITORY));
  writeFileSync(
    join(folder, 'territoires.zip'),
    zipSync({ 'loire/pilat.xlsx': territory, 'loire/forez.ods': territory }),
  );
  writeFileSync(join(folder, 'vide.zip'), zipSync({ 'notes.txt': new TextEncoder().encode('rien') }));
  const run = await runCli([
    'consolidate',
    TERRITORY,
    join(folder, 'territoires.zip'),
    join(folder, 'vide.zip'),
    '-o',
    join(folder, 'consolidation.xlsx'),
    '--json',
  ]);
  const { rejected } = JSON.parse(run.stdout) as { rejected: { file: string; reason: string }[] };
  expect(rejected.map(({ reason }) => reason)).toEqual([
    'Ce fichier est une archive .zip, pas un classeur : extrayez-en les 2 classeurs qu’elle contient (clic droit ' +
      'sur l’archive › Extraire tout… sous Windows, double-clic sur un Mac), puis donnez-les à la commande à sa place.',
    'Ce fichier est une archive .zip, pas un classeur, et elle ne contient aucun classeur : demandez le classeur ' +
      'de suivi à qui vous l’a envoyée.',
  ]);
});

/**
 * A zip archive's central directory alone, at `at` in a sparse file of that size: an archive too large to load,
 * whose workbooks are still told, as its directory only is read.
 */
function sparseZip(path: string, names: readonly string[], at: number): void {
  const headers = names.map((name) => {
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(Buffer.byteLength(name), 28);
    return Buffer.concat([header, Buffer.from(name)]);
  });
  const directory = Buffer.concat(headers);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(at, 16);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, Buffer.from([0x50, 0x4b, 0x03, 0x04]), 0, 4, 0);
    writeSync(fd, Buffer.concat([directory, end]), 0, directory.length + end.length, at);
  } finally {
    closeSync(fd);
  }
}

describe('a zip archive found in a folder', () => {
  let folder: string;
  let output: string;
  const territory = () => new Uint8Array(readFileSync(TERRITORY));
  /** A stand-in LibreOffice, whose conversion of any file gives the territory's .xlsx. */
  const convertingToTerritory = (name: string) =>
    standInProgram(
      root,
      `converts-renamed-${name}`,
      `prev=""; for a; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done; cp "${TERRITORY}" "$out/retour.xlsx"`,
    );

  beforeAll(() => {
    folder = join(root, 'zipped-in-folder');
    mkdirSync(join(folder, 'extraites'), { recursive: true });
    copyFileSync(TERRITORY, join(folder, 'suivi.xlsx'));
    // Two workbooks, beside a lock file, a hidden file and macOS's resource forks, which are none.
    writeFileSync(
      join(folder, 'loire.zip'),
      zipSync({
        'loire/pilat.xlsx': territory(),
        'loire/forez.ods': territory(),
        'loire/~$pilat.xlsx': new Uint8Array(8),
        'loire/.cache.xlsx': new Uint8Array(8),
        '__MACOSX/loire/._pilat.xlsx': new Uint8Array(8),
      }),
    );
    // Nothing to consolidate inside: said nothing of.
    writeFileSync(join(folder, 'photos.zip'), zipSync({ 'photo.jpg': new Uint8Array(8) }));
    // Already extracted in the folder: its workbook is read, the archive said nothing of.
    writeFileSync(join(folder, 'gier.zip'), zipSync({ 'Gier.xlsx': territory() }));
    copyFileSync(TERRITORY, join(folder, 'extraites', 'gier.xlsx'));
    output = join(root, 'zipped-in-folder.xlsx');
  });

  it('is left out with its reason, in the JSON and the workbook, when it holds workbooks not extracted', async () => {
    const run = await runCli(['consolidate', folder, '-o', output, '--json']);
    const { rejected } = JSON.parse(run.stdout) as { rejected: { file: string; code: string; reason: string }[] };
    const reason =
      'Ce fichier est une archive .zip, pas un classeur\u00a0: les 2 classeurs qu’elle contient n’ont pas été lus. ' +
      'Extrayez-les dans ce dossier (clic droit sur l’archive › Extraire tout… sous Windows, double-clic sur un Mac), puis relancez la consolidation.';
    expect(rejected).toEqual([{ file: join(folder, 'loire.zip'), code: 'not-xlsx', reason, territory: null }]);
    expect(run.code).toBe(1);
    const leftOut = gridsOf(new Uint8Array(readFileSync(output))).sheets.find((s) => s.name === 'Fichiers écartés')!;
    expect(leftOut.rows.some((cells) => cells?.[0]?.value === 'zipped-in-folder/loire.zip')).toBe(true);
  });

  it('is said on the command line, as any file left out', async () => {
    const run = await runCli(['consolidate', folder, '-o', output, '--force']);
    expect(run.stdout).toContain(
      `  Écarté\u00a0: ${join(folder, 'loire.zip')} — Ce fichier est une archive .zip, pas un classeur\u00a0: les 2 classeurs`,
    );
    expect(run.stdout).not.toContain('photos.zip');
    expect(run.stdout).not.toContain('gier.zip');
  });

  it('reads only the archive’s directory: a 512 MB archive, ten times what a workbook may weigh, is told at once', async () => {
    const big = join(root, 'big-zip');
    mkdirSync(big);
    copyFileSync(TERRITORY, join(big, 'suivi.xlsx'));
    sparseZip(
      join(big, 'envoi.zip'),
      ['envoi/a.xlsx', 'envoi/b.xlsm', 'envoi/c.xls', 'lisez-moi.txt'],
      512 * 1024 ** 2,
    );
    const run = await runCli(['consolidate', big, '-o', join(root, 'big-zip.xlsx'), '--json']);
    const { rejected } = JSON.parse(run.stdout) as { rejected: { file: string; reason: string }[] };
    expect(rejected).toEqual([
      {
        file: join(big, 'envoi.zip'),
        reason:
          'Ce fichier est une archive .zip, pas un classeur\u00a0: les 3 classeurs qu’elle contient n’ont pas été ' +
          'lus. Extrayez-les dans ce dossier (clic droit sur l’archive › Extraire tout… sous Windows, double-clic sur un Mac), puis relancez la ' +
          'consolidation.',
        code: 'not-xlsx',
        territory: null,
      },
    ]);
  });

  // « les 1234 classeurs »: a count written as no French reader writes it.
  it('counts the workbooks and archives it holds as French writes numbers', async () => {
    const many = join(root, 'zip-many');
    mkdirSync(many);
    copyFileSync(TERRITORY, join(many, 'suivi.xlsx'));
    const names = (count: number, extension: string) =>
      Array.from({ length: count }, (_, index) => `envoi/t${index}.${extension}`);
    sparseZip(join(many, 'classeurs.zip'), names(1234, 'xlsx'), 1024);
    sparseZip(join(many, 'archives.zip'), names(1500, 'zip'), 1024);
    const output = join(root, 'zip-many.xlsx');
    const run = await runCli(['consolidate', many, '-o', output, '--json']);
    const reasons = (JSON.parse(run.stdout) as { rejected: { reason: string }[] }).rejected.map(({ reason }) => reason);
    expect(reasons).toEqual([
      expect.stringContaining('mais 1\u00a0500 autres archives .zip, dont les classeurs'),
      expect.stringContaining('les 1\u00a0234 classeurs qu’elle contient n’ont pas été lus'),
    ]);
    const given = await runCli(['validate', join(many, 'classeurs.zip')]);
    expect(given.stderr).toContain('extrayez-en les 1\u00a0234 classeurs qu’elle contient');
    const archives = await runCli(['validate', join(many, 'archives.zip')]);
    expect(archives.stderr).toContain('ne contient pas de classeur mais 1\u00a0500 autres archives .zip');
    rmSync(join(many, 'suivi.xlsx'));
    const alone = await runCli(['consolidate', many, '-o', output, '--force']);
    expect(alone.stderr).toContain('est une archive .zip qui en contient 1\u00a0234\u00a0:');
  });

  // An archive sent inside another was said nothing of: the territories it held were missing without a word.
  it('holding other archives and no workbook, is left out with its reason, until its archives are extracted', async () => {
    const nested = join(root, 'zip-of-zips');
    mkdirSync(nested);
    copyFileSync(TERRITORY, join(nested, 'suivi.xlsx'));
    const inner = zipSync({ 'pilat.xlsx': territory() });
    writeFileSync(join(nested, 'envoi.zip'), zipSync({ 'envoi/loire.zip': inner, 'lisez-moi.txt': new Uint8Array(2) }));
    writeFileSync(join(nested, 'deux.zip'), zipSync({ 'gier.zip': inner, 'forez.ZIP': inner }));
    const output = join(root, 'zip-of-zips.xlsx');
    const run = await runCli(['consolidate', nested, '-o', output, '--json']);
    const { rejected } = JSON.parse(run.stdout) as { rejected: { file: string; code: string; reason: string }[] };
    expect(rejected).toEqual([
      {
        file: join(nested, 'deux.zip'),
        code: 'not-xlsx',
        reason:
          'Ce fichier est une archive .zip, pas un classeur, et elle ne contient pas de classeur mais 2 autres ' +
          'archives .zip, dont les classeurs n’ont pas été lus. Extrayez-les dans ce dossier (clic droit sur ' +
          'l’archive › Extraire tout… sous Windows, double-clic sur un Mac), puis extrayez-y de même les classeurs ' +
          'qu’elles contiennent, et relancez la consolidation.',
        territory: null,
      },
      {
        file: join(nested, 'envoi.zip'),
        code: 'not-xlsx',
        reason:
          'Ce fichier est une archive .zip, pas un classeur, et elle ne contient pas de classeur mais une autre ' +
          'archive .zip, dont les classeurs n’ont pas été lus. Extrayez-la dans ce dossier (clic droit sur ' +
          'l’archive › Extraire tout… sous Windows, double-clic sur un Mac), puis extrayez-y de même les classeurs ' +
          'qu’elle contient, et relancez la consolidation.',
        territory: null,
      },
    ]);
    expect(run.code).toBe(1);
    // Its archive extracted beside it, the archive is told by its own workbooks, and this one is said nothing of.
    writeFileSync(join(nested, 'loire.zip'), inner);
    const again = await runCli(['consolidate', nested, '-o', output, '--force', '--json']);
    const files = (JSON.parse(again.stdout) as { rejected: { file: string }[] }).rejected.map(({ file }) => file);
    expect(files).toEqual([join(nested, 'deux.zip'), join(nested, 'loire.zip')]);
  });

  // Its workbooks extracted, an archive was said nothing of, though the archive it held beside them was not.
  it('holding workbooks and other archives, is told of those archives once its workbooks are read', async () => {
    const mixed = join(root, 'zip-mixed');
    mkdirSync(mixed);
    copyFileSync(TERRITORY, join(mixed, 'pilat.xlsx'));
    const inner = zipSync({ 'forez.xlsx': territory() });
    writeFileSync(join(mixed, 'envoi.zip'), zipSync({ 'envoi/pilat.xlsx': territory(), 'envoi/autres.zip': inner }));
    const output = join(root, 'zip-mixed.xlsx');
    const run = await runCli(['consolidate', mixed, '-o', output, '--json']);
    const { rejected } = JSON.parse(run.stdout) as { rejected: { file: string; code: string; reason: string }[] };
    expect(rejected).toEqual([
      {
        file: join(mixed, 'envoi.zip'),
        code: 'not-xlsx',
        reason:
          'Ce fichier est une archive .zip, pas un classeur\u00a0: le classeur qu’elle contient a été lu, mais pas ' +
          'ceux de l’autre archive .zip qu’elle contient aussi. Extrayez-la dans ce dossier (clic droit sur ' +
          'l’archive › Extraire tout… sous Windows, double-clic sur un Mac), puis extrayez-y de même les classeurs ' +
          'qu’elle contient, et relancez la consolidation.',
        territory: null,
      },
    ]);
    expect(run.code).toBe(1);
    // Its archive extracted beside it, that archive is told by its own workbook, and this one is said nothing of.
    writeFileSync(join(mixed, 'autres.zip'), inner);
    const again = await runCli(['consolidate', mixed, '-o', output, '--force', '--json']);
    const files = (JSON.parse(again.stdout) as { rejected: { file: string }[] }).rejected.map(({ file }) => file);
    expect(files).toEqual([join(mixed, 'autres.zip')]);
  });

  // A damaged archive was said nothing of, though it may hold the territories the consolidation misses.
  it('that cannot be read as an archive, damaged or cut, is left out with what to do, never silently', async () => {
    const damaged = join(root, 'zip-damaged');
    mkdirSync(damaged);
    copyFileSync(TERRITORY, join(damaged, 'suivi.xlsx'));
    const whole = zipSync({ 'pilat.xlsx': territory(), 'forez.xlsx': territory() });
    writeFileSync(join(damaged, 'coupe.zip'), whole.subarray(0, Math.floor(whole.length / 2)));
    writeFileSync(join(damaged, 'vide.zip'), new Uint8Array(0));
    const output = join(root, 'zip-damaged.xlsx');
    const run = await runCli(['consolidate', damaged, '-o', output, '--json']);
    const { rejected } = JSON.parse(run.stdout) as { rejected: { file: string; code: string; reason: string }[] };
    const reason =
      'Ce fichier .zip est endommagé ou incomplet (coupé pendant un téléchargement ou une copie)\u00a0: il ne peut ' +
      'pas être lu comme une archive, et les classeurs qu’il contient peut-être n’ont pas été lus. Téléchargez-le ' +
      'à nouveau ou demandez-en une nouvelle copie à qui vous l’a envoyé, extrayez-en les classeurs dans ce dossier, ' +
      'puis relancez la consolidation\u00a0; s’il ne contient aucun classeur de suivi, retirez-le de ce dossier.';
    expect(rejected).toEqual([
      { file: join(damaged, 'coupe.zip'), code: 'truncated', reason, territory: null },
      { file: join(damaged, 'vide.zip'), code: 'damaged', reason, territory: null },
    ]);
    expect(run.code).toBe(1);
    const leftOut = gridsOf(new Uint8Array(readFileSync(output))).sheets.find((s) => s.name === 'Fichiers écartés')!;
    const row = leftOut.rows.find((cells) => cells?.[0]?.value === 'zip-damaged/coupe.zip');
    expect(row?.[1]?.value).toBe(reason);
    const text = await runCli(['consolidate', damaged, '-o', output, '--force']);
    expect(text.stdout).toContain(`  Écarté\u00a0: ${join(damaged, 'vide.zip')} — Ce fichier .zip est endommagé`);
    expect(text.code).toBe(1);
  });

  // A PDF renamed .zip was told it may have been cut during a download: no new copy of it makes it an archive.
  it('that is no zip at all (a PDF, a text, other bytes), is told it is neither an archive nor a workbook', async () => {
    const other = join(root, 'zip-not-a-zip');
    mkdirSync(other);
    copyFileSync(TERRITORY, join(other, 'suivi.xlsx'));
    writeFileSync(join(other, 'rapport.zip'), '%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
    writeFileSync(join(other, 'notes.zip'), 'Ceci n’est pas une archive.');
    writeFileSync(join(other, 'donnees.zip'), new Uint8Array([0, 1, 2, 3, 0xfe, 0xff, 7, 8]));
    // A PDF renamed .ods is read as given, and told a PDF by the reader, as before.
    writeFileSync(join(other, 'rapport.ods'), '%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
    const run = await runCli(['consolidate', other, '-o', join(root, 'zip-not-a-zip.xlsx'), '--json']);
    const { rejected } = JSON.parse(run.stdout) as { rejected: { file: string; code: string; reason: string }[] };
    const document = (kind: string) =>
      `Ce fichier n’est ni une archive .zip ni un classeur, malgré son nom\u00a0: c’est un document ${kind}, qui ne ` +
      'peut pas être lu comme un tableau de suivi. Retirez-le de ce dossier, ou mettez-y à sa place le classeur de ' +
      'suivi lui-même (.xlsx), à demander à qui vous a envoyé ce document.';
    expect(rejected).toEqual([
      {
        file: join(other, 'donnees.zip'),
        code: 'not-xlsx',
        reason:
          'Ce fichier n’est ni une archive .zip ni un classeur Excel (.xlsx), malgré son nom\u00a0: il ne peut pas être ' +
          'lu. Si c’est un classeur d’un autre format, ouvrez-le dans Excel ou LibreOffice, enregistrez-le au format ' +
          'Classeur Excel (.xlsx) dans ce dossier et relancez la consolidation\u00a0; sinon, retirez-le de ce dossier.',
        territory: null,
      },
      { file: join(other, 'notes.zip'), code: 'not-xlsx', reason: document('texte'), territory: null },
      { file: join(other, 'rapport.zip'), code: 'not-xlsx', reason: document('PDF'), territory: null },
      {
        file: join(other, 'rapport.ods'),
        code: 'not-xlsx',
        reason: expect.stringContaining('Ce fichier est un document PDF, pas un classeur'),
        territory: null,
      },
    ]);
    expect(run.code).toBe(1);
  });

  // An archive listing more than is read was said nothing of: the territories it may hold were missing unnoticed.
  it('whose directory is larger than is read, is left out with what to do, never silently', async () => {
    const huge = join(root, 'zip-huge-directory');
    mkdirSync(huge);
    copyFileSync(TERRITORY, join(huge, 'suivi.xlsx'));
    // 60 000 names: a directory of some 5 MB, over the 4 MB read.
    const names = Array.from({ length: 60_000 }, (_, index) => `envoi/territoire-de-la-loire-${index}.xlsx`);
    sparseZip(join(huge, 'envoi.zip'), names, 1024);
    const run = await runCli(['consolidate', huge, '-o', join(root, 'zip-huge-directory.xlsx'), '--json']);
    const { rejected } = JSON.parse(run.stdout) as { rejected: { file: string; code: string; reason: string }[] };
    expect(rejected).toEqual([
      {
        file: join(huge, 'envoi.zip'),
        code: 'too-large',
        reason:
          'Cette archive .zip est trop grande pour être lue\u00a0: la liste des fichiers qu’elle contient dépasse 4\u00a0Mo, ' +
          'et les classeurs qu’elle contient peut-être n’ont pas été lus. Extrayez-en les classeurs dans ce dossier ' +
          '(clic droit sur l’archive › Extraire tout… sous Windows, double-clic sur un Mac), retirez l’archive de ce ' +
          'dossier, puis relancez la consolidation.',
        territory: null,
      },
    ]);
    expect(run.code).toBe(1);
  });

  // A link named .zip to a share no longer there was said nothing of, where one named .xlsx is left out with its
  // reason; so was a .zip that is no ordinary file.
  it('reached through a broken link, or no ordinary file, is left out with its reason, as a workbook is', async () => {
    const linked = join(root, 'zip-broken-link');
    mkdirSync(linked);
    copyFileSync(TERRITORY, join(linked, 'suivi.xlsx'));
    symlinkSync(join(root, 'disconnected', 'envoi.zip'), join(linked, 'envoi.zip'));
    symlinkSync(join(root, 'disconnected', 'forez.xlsx'), join(linked, 'forez.xlsx'));
    execFileSync('mkfifo', [join(linked, 'tube.zip')]);
    const run = await runCli(['consolidate', linked, '-o', join(root, 'zip-broken-link.xlsx'), '--json']);
    const { rejected } = JSON.parse(run.stdout) as { rejected: { file: string; code: string; reason: string }[] };
    const gone = (name: string) =>
      `Ce fichier est un lien vers ${join(root, 'disconnected', name)}, qui n’existe pas\u00a0: rétablissez ce ` +
      'fichier (un partage déconnecté\u00a0?) ou donnez le chemin du fichier lui-même.';
    expect(rejected).toEqual([
      { file: join(linked, 'envoi.zip'), code: 'file-not-found', reason: gone('envoi.zip'), territory: null },
      { file: join(linked, 'forez.xlsx'), code: 'file-not-found', reason: gone('forez.xlsx'), territory: null },
      {
        file: join(linked, 'tube.zip'),
        code: 'not-a-file',
        reason: expect.stringContaining('Ce n’est pas un fichier ordinaire (un tube ou un périphérique, par exemple)'),
        territory: null,
      },
    ]);
    expect(run.code).toBe(1);
  });

  // An OpenDocument spreadsheet renamed .zip was said nothing of, as another document's package is: its territory
  // was missing from the consolidation without a word.
  it('that is an .ods renamed .zip, is read as the spreadsheet it is, converted as an .ods is', async () => {
    const renamed = join(root, 'zip-renamed-ods');
    mkdirSync(renamed);
    writeFileSync(join(renamed, 'pilat.zip'), openDocumentSpreadsheet());
    // An OpenDocument text renamed .zip is no territory: said nothing of, as a Word document is.
    const text = strToU8('application/vnd.oasis.opendocument.text');
    writeFileSync(join(renamed, 'note.zip'), zipSync({ mimetype: [text, { level: 0 }] }));
    const converts = convertingToTerritory('ods');
    const output = join(root, 'zip-renamed-ods.xlsx');
    const run = await withEnv('CTG_LIBREOFFICE', converts, () =>
      runCli(['consolidate', renamed, '-o', output, '--json']),
    );
    const { territories, rejected } = JSON.parse(run.stdout) as {
      territories: { file: string }[];
      rejected: unknown[];
    };
    expect(territories.map(({ file }) => file)).toEqual([join(renamed, 'pilat.zip')]);
    expect(rejected).toEqual([]);
    expect(run.code).toBe(0);
  });

  // A legacy .xls or a password-protected workbook (both OLE compound files) renamed .zip was told to be saved as
  // .xlsx, as bytes of no kind known: given by name, the .xls is converted, and the protected one told so.
  it('that is a compound file renamed .zip (an .xls, a protected workbook), is read as it is when given by name', async () => {
    const renamed = join(root, 'zip-renamed-compound');
    mkdirSync(renamed);
    writeFileSync(join(renamed, 'forez.zip'), compoundFile());
    // Past its 512-byte header, or it would be a file cut short.
    const header = Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(504), 'hex');
    writeFileSync(join(renamed, 'protege.zip'), Buffer.concat([header, Buffer.from('EncryptedPackage', 'utf16le')]));
    const converts = convertingToTerritory('xls');
    const run = await withEnv('CTG_LIBREOFFICE', converts, () =>
      runCli(['consolidate', renamed, '-o', join(root, 'zip-renamed-compound.xlsx'), '--json']),
    );
    const { territories, rejected } = JSON.parse(run.stdout) as {
      territories: { file: string }[];
      rejected: { file: string; code: string; reason: string }[];
    };
    expect(territories.map(({ file }) => file)).toEqual([join(renamed, 'forez.zip')]);
    expect(rejected).toEqual([
      {
        file: join(renamed, 'protege.zip'),
        code: 'encrypted',
        reason: expect.stringContaining(
          'Le fichier est protégé par un mot de passe\u00a0: enregistrez-le sans mot de passe',
        ),
        territory: null,
      },
    ]);
    expect(run.code).toBe(1);
  });

  it('that cannot be opened (no right to it) is left out with the system’s reason, as a workbook is', async () => {
    const closed = join(root, 'zip-denied');
    mkdirSync(closed);
    copyFileSync(TERRITORY, join(closed, 'suivi.xlsx'));
    writeFileSync(join(closed, 'envoi.zip'), zipSync({ 'pilat.xlsx': territory() }));
    // Permissions do not stop root, who runs CI: the opening fails as it does for a user without the right.
    const open = fs.openSync.bind(fs);
    const spy = jest.spyOn(fs, 'openSync').mockImplementation((path, flags, mode) => {
      if (path === join(closed, 'envoi.zip'))
        throw Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' });
      return open(path, flags, mode);
    });
    try {
      const found = await inputFiles([closed], join(root, 'zip-denied.xlsx'));
      expect(found.ok && found.leftOut).toEqual([
        {
          file: join(closed, 'envoi.zip'),
          code: 'file-unreadable',
          reason:
            'Impossible de lire ce fichier\u00a0: accès refusé (vérifiez vos droits sur ce fichier et son dossier).',
        },
      ]);
    } finally {
      spy.mockRestore();
    }
  });

  it('found alone in the folders given, holding no workbook or damaged, is named by the command', async () => {
    const alone = join(root, 'zip-damaged-alone');
    mkdirSync(alone);
    writeFileSync(join(alone, 'envoi.zip'), new Uint8Array(0));
    const run = await runCli(['consolidate', alone, '-o', join(root, 'zip-damaged-alone.xlsx'), '--json']);
    // Its reason a sentence of its own: « est écarté : ce fichier .zip est endommagé (…) : il ne peut » stacked colons.
    expect(JSON.parse(run.stdout).error).toEqual({
      code: 'no-workbooks-found',
      file: alone,
      message:
        `Aucun classeur dans ${alone}, et ${join(alone, 'envoi.zip')} est écarté. Ce fichier .zip est ` +
        'endommagé ou incomplet (coupé pendant un téléchargement ou une copie)\u00a0: il ne peut pas être lu comme ' +
        'une archive, et les classeurs qu’il contient peut-être n’ont pas été lus. Téléchargez-le à nouveau ou ' +
        'demandez-en une nouvelle copie à qui vous l’a envoyé, extrayez-en les classeurs dans ce dossier, puis ' +
        'relancez la consolidation\u00a0; s’il ne contient aucun classeur de suivi, retirez-le de ce dossier. ' +
        'Rien n’a été écrit.',
    });
    expect(run.code).toBe(2);
  });

  // A workbook renamed .zip was said nothing of: its territory was missing from the consolidation without a word.
  it('that is a workbook renamed .zip, is read as the workbook it is, as when given by name', async () => {
    const renamed = join(root, 'zip-renamed-workbook');
    mkdirSync(renamed);
    copyFileSync(TERRITORY, join(renamed, 'pilat.zip'));
    // A Word document renamed .zip is no territory: said nothing of, as before.
    writeFileSync(
      join(renamed, 'note.zip'),
      zipSync({ '[Content_Types].xml': new Uint8Array(8), 'word/document.xml': new Uint8Array(8) }),
    );
    // A workbook renamed .zip and damaged is left out with the reader's reason, as a damaged .xlsx is.
    writeFileSync(
      join(renamed, 'forez.zip'),
      zipSync({ '[Content_Types].xml': new Uint8Array(8), 'xl/workbook.xml': new Uint8Array(8) }),
    );
    const run = await runCli(['consolidate', renamed, '-o', join(root, 'zip-renamed-workbook.xlsx'), '--json']);
    const { error, territories, rejected } = JSON.parse(run.stdout) as {
      error?: unknown;
      territories: { file: string }[];
      rejected: { file: string; code: string }[];
    };
    expect(error).toBeUndefined();
    expect(territories.map(({ file }) => file)).toEqual([join(renamed, 'pilat.zip')]);
    expect(rejected.map(({ file }) => file)).toEqual([join(renamed, 'forez.zip')]);
    expect(rejected[0].code).not.toBe('not-xlsx');
    expect(run.code).toBe(1);
  });

  it('found alone in the folders given, is what the command says to extract', async () => {
    const alone = join(root, 'zip-alone');
    mkdirSync(alone);
    writeFileSync(join(alone, 'pilat.zip'), zipSync({ 'pilat.xlsx': territory() }));
    const run = await runCli(['consolidate', alone, '-o', join(root, 'zip-alone.xlsx'), '--json']);
    expect(JSON.parse(run.stdout).error).toEqual({
      code: 'no-workbooks-found',
      file: alone,
      message:
        `Aucun classeur dans ${alone}, mais ${join(alone, 'pilat.zip')} est une archive .zip qui en contient 1\u00a0: ` +
        'extrayez-le dans ce dossier (clic droit sur l’archive › Extraire tout… sous Windows, double-clic sur un Mac), puis relancez la consolidation. ' +
        'Rien n’a été écrit.',
    });
    expect(run.code).toBe(2);
  });
});
