import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedPlan } from '../../src/app/plan-source';
import { bilanJson, bilanSheets, buildBilan } from '../../src/app/bilan';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import type { WorkbookPort } from '../../src/app/port';
import type { WorkbookGrids } from '../../src/domain/grid';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { createXlsxWriterPort } from '../../src/xlsx/writer';
import { readXlsx } from '../../src/xlsx/reader';
import { bilanDay, closedWorkbook } from '../bilan/helpers/closed-workbook';
import { editXlsx } from '../excel-backend/helpers/xlsx-side';
import { locate, sheet } from '../rewrite/helpers';
import { clockAt, restoreClock } from './clock';
import { fileGrids } from './file-grids';
import { runCli } from './run-cli';
import { expectSameBytes } from '../helpers/same-bytes';

/**
 * `ctg-suivi bilan` on a tracking workbook closed quarter by quarter (2026-T1 to 2026-T4, current 2027-T1): the
 * bilan workbook written beside it under its default name or to -o, what it prints, its JSON, each refusal, and
 * --pdf without LibreOffice (the .xlsx written, exit 1, how to get the PDF). Made on `bilanDay`, in 2027-T1.
 */

const NBSP = '\u00a0';
let folder: string;
let suivi: string;
let grids: WorkbookGrids;

/** The workbook's grids as a file: rewritten by `compute`, which keeps every value typed and Historique. */
async function writeWorkbook(of: WorkbookGrids, path: string) {
  let bytes: Uint8Array | null = null;
  const writer = createXlsxWriterPort((written) => void (bytes = written));
  const outcome = await computeAndWrite(
    { read: async () => of, write: (spec: WorkbookSpec) => writer.write(spec) } as WorkbookPort,
    {
      now: bilanDay,
    },
  );
  if (outcome.status !== 'done' || !bytes) throw new Error(JSON.stringify(outcome));
  writeFileSync(path, bytes);
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'ctg-bilan-cli-'));
  suivi = join(folder, 'suivi.xlsx');
  await writeWorkbook(await closedWorkbook(), suivi);
  grids = fileGrids(suivi);
}, 90_000);

// The bilans are made on the day of the workbook (2027-T1): a year is over only once its last quarter has ended.
beforeEach(() => clockAt(bilanDay));
afterEach(restoreClock);

/** A fresh folder holding a copy of the workbook, so that each test sees only its own files. */
function workFolder(): { dir: string; path: string } {
  const dir = mkdtempSync(join(folder, 'run-'));
  const path = join(dir, 'suivi.xlsx');
  writeFileSync(path, readXlsxBytes(suivi));
  return { dir, path };
}

function readXlsxBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

const cellText = (of: WorkbookGrids, name: string) =>
  sheet(of, name)
    .rows.flatMap((row) => row ?? [])
    .map((cell) => (cell?.value === undefined || cell?.value === null ? '' : String(cell.value)));

describe('bilan: the bilan written', () => {
  it('writes the annual bilan beside the workbook under its default name, and says what it holds', async () => {
    const { dir, path } = workFolder();
    const run = await runCli(['bilan', path, '--kind', 'annuel', '--year', '2026']);
    expect(run.code).toBe(0);
    const written = join(dir, 'bilan-annuel-2026-monts-du-pilat.xlsx');
    expect(readdirSync(dir).sort()).toEqual(['bilan-annuel-2026-monts-du-pilat.xlsx', 'suivi.xlsx']);

    const bilan = fileGrids(written);
    expect(bilan.sheets.map((candidate) => candidate.name)).toEqual(['Synthèse', 'Fiches', 'Compétences AO']);
    const synthesis = cellText(bilan, 'Synthèse');
    expect(synthesis).toContain('Bilan annuel 2026 – Monts du Pilat');
    expect(synthesis).toContain(`Période${NBSP}: 2026-T1 à 2026-T4`);
    // Fiches: the Top 5 fiche first.
    expect(cellText(bilan, 'Fiches')).toContain('G1');

    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Bilan annuel 2026 – Monts du Pilat');
    expect(lines[1]).toBe(`  Période${NBSP}: 2026-T1 à 2026-T4, terminée`);
    expect(lines[2]).toMatch(new RegExp(`^Ensemble du plan${NBSP}: \\d+ fiches, renseignement de la période \\d+`));
    expect(run.stdout).toMatch(
      /Fiches à la fin de la période\u00a0: .*en cours.*sans statut\u00a0; \d+ avec des difficultés/,
    );
    expect(run.stdout).toContain(`Bilan écrit${NBSP}: ${written}`);
  });

  it('says a period to come in the same sentence as the bilan’s first page', async () => {
    const { dir, path } = workFolder();
    const run = await runCli(['bilan', path, '--kind', 'annuel', '--year', '2029']);
    expect(run.code).toBe(0);
    // After « Avertissement : », the sentence goes on in lower case; on the page it stands alone.
    const sentence = run.stdout.split('\n').find((line) => line.startsWith(`Avertissement${NBSP}: période à venir`));
    expect(sentence).toMatch(/elle commence en 2029-T1, .*l’état des fiches sont ceux de 20\d\d-T\d\./);
    const page = cellText(fileGrids(join(dir, 'bilan-annuel-2029-monts-du-pilat.xlsx')), 'Synthèse');
    expect(page.filter((text) => text.includes('Période à venir'))).toEqual([
      sentence!.replace(`Avertissement${NBSP}: période`, 'Période'),
    ]);
  });

  it('gives the figures as JSON, the same as the bilan of the workbook read', async () => {
    const { dir, path } = workFolder();
    const output = join(dir, 'copil.xlsx');
    const run = await runCli(['bilan', path, '--kind', 'final', '-o', output, '--json']);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout);
    const read = readXlsx(readXlsxBytes(path), { sheets: bilanSheets });
    if (!read.ok) throw new Error(read.error.code);
    const expected = await buildBilan(read.grids, {
      kind: 'final',
      cdsf: false,
      today: bilanDay,
    });
    if (!expected.ok) throw new Error('refused');
    const { warnings, ...rest } = document;
    expect(rest).toEqual({
      file: output,
      backup: null,
      earlierBackup: null,
      pdf: null,
      pdfBackup: null,
      pdfEarlierBackup: null,
      title: 'Bilan final – Monts du Pilat',
      ...JSON.parse(JSON.stringify(bilanJson(expected.bilan))),
    });
    expect(document.period).toMatchObject({
      first: '2026-T1',
      last: '2030-T4',
      state: 'current',
      measuredTo: '2027-T1',
    });
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'bilan-period-not-over',
          message: expect.stringContaining('Période en cours'),
        }),
      ]),
    );
    expect(existsSync(output)).toBe(true);
  });

  it('names the CDSF’s bilan and keeps the petite-enfance fiches only', async () => {
    const { dir, path } = workFolder();
    const run = await runCli(['bilan', path, '--kind', 'intermediaire', '--cdsf', '--json']);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document.file).toBe(join(dir, 'bilan-intermediaire-cdsf-monts-du-pilat.xlsx'));
    expect(document.title).toBe('Bilan intermédiaire – Monts du Pilat – volet petite enfance (CDSF)');
    expect(document.fiches.map((fiche: { key: string }) => fiche.key).sort()).toEqual(['G1', 'G2']);
    expect(document.period).toMatchObject({ first: '2026-T1', last: '2028-T3' });
  });

  it('warns of the personal data the bilan holds, naming the bilan’s cells, as extract warns', async () => {
    const { dir, path } = workFolder();
    const at = locate(sheet(grids, 'Axe 1'), 'G1', 'Mise en œuvre')!;
    const address = `${String.fromCharCode(65 + at.column)}${at.row + 1}`;
    const typed = 'Ateliers lancés ; contact : marie.dupont@colibri.fr, 06 12 34 56 78';
    writeFileSync(path, await editXlsx(readXlsxBytes(path), [{ sheet: 'Axe 1', cell: address, value: typed }]));
    const run = await runCli(['bilan', path, '--kind', 'annuel', '--year', '2027', '--cdsf']);
    expect(run.code).toBe(0);
    const bilan = fileGrids(join(dir, 'bilan-annuel-2027-cdsf-monts-du-pilat.xlsx'));
    const fiches = sheet(bilan, 'Fiches');
    const row = fiches.rows.findIndex((cells) => (cells ?? []).some((cell) => cell?.value === typed));
    const column = (fiches.rows[row] ?? []).findIndex((cell) => cell?.value === typed);
    const cell = `${String.fromCharCode(65 + column)}${row + 1}`;
    expect(run.stdout).toContain(
      `Avertissement${NBSP}: bilan, feuille «${NBSP}Fiches${NBSP}», cellule ${cell}${NBSP}: le texte semble contenir ` +
        'une adresse électronique et un numéro de téléphone, et le bilan le contient tel quel',
    );
    const json = await runCli(['bilan', path, '--kind', 'annuel', '--year', '2027', '--cdsf', '--force', '--json']);
    expect(JSON.parse(json.stdout).warnings).toContainEqual(
      expect.objectContaining({ code: 'bilan-personal-data', sheet: 'Fiches', cell }),
    );
  });

  it('never replaces a bilan without --force, and keeps the old one as .bak with it', async () => {
    const { dir, path } = workFolder();
    const output = join(dir, 'bilan.xlsx');
    writeFileSync(output, 'ancien');
    const refused = await runCli(['bilan', path, '--kind', 'final', '-o', output]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`Le fichier ${output} existe déjà`);
    expect(readdirSync(dir).sort()).toEqual(['bilan.xlsx', 'suivi.xlsx']);
    const forced = await runCli(['bilan', path, '--kind', 'final', '-o', output, '--force']);
    expect(forced.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['bilan.xlsx', 'bilan.xlsx.bak', 'suivi.xlsx']);
    expect(fileGrids(output).sheets[0].name).toBe('Synthèse');
  });
});

describe('bilan: the bilan intermédiaire of a 2024–2027 convention', () => {
  // Made in 2026-T1; 2024–2027 has a leap day in its first half, which does not move its mid-term.
  const day = new Date('2026-02-10T10:00:00Z');
  beforeEach(() => clockAt(day));

  it('covers its first 9 of 16 quarters, to 2026-T1, as the Annexe 4 calendar says', async () => {
    const dir = mkdtempSync(join(folder, 'run-'));
    const planFile = join(dir, 'plan-2024.json');
    writeFileSync(
      planFile,
      JSON.stringify({ ...embeddedPlan().plan, period: { start: '2024-01-01', end: '2027-12-31' } }),
    );
    const path = join(dir, 'suivi.xlsx');
    expect((await runCli(['generate', '--plan', planFile, '-o', path])).code).toBe(0);
    const annexe4 = cellText(fileGrids(path), 'Annexe 4 – Suivi');
    expect(annexe4[annexe4.indexOf('Bilan intermédiaire') - 1]).toBe('2026-T1');

    const output = join(dir, 'bilan.xlsx');
    const run = await runCli(['bilan', path, '--kind', 'intermediaire', '-o', output]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Bilan intermédiaire – /);
    expect(lines[1]).toBe(`  Période${NBSP}: 2024-T1 à 2026-T1, en cours`);
    const page = cellText(fileGrids(output), 'Synthèse');
    expect(page).toContain(`Période${NBSP}: 2024-T1 à 2026-T1`);
  }, 60_000);
});

describe('bilan: --pdf without LibreOffice', () => {
  const saved = process.env.CTG_LIBREOFFICE;
  beforeAll(() => void (process.env.CTG_LIBREOFFICE = ''));
  afterAll(() => {
    if (saved === undefined) delete process.env.CTG_LIBREOFFICE;
    else process.env.CTG_LIBREOFFICE = saved;
  });

  it('writes the .xlsx, says how to get the PDF, and ends with exit 1', async () => {
    const { dir, path } = workFolder();
    const run = await runCli(['bilan', path, '--kind', 'annuel', '--year', '2026', '--pdf']);
    expect(run.code).toBe(1);
    const xlsx = join(dir, 'bilan-annuel-2026-monts-du-pilat.xlsx');
    expect(readdirSync(dir).sort()).toEqual(['bilan-annuel-2026-monts-du-pilat.xlsx', 'suivi.xlsx']);
    expect(fileGrids(xlsx).sheets[0].name).toBe('Synthèse');
    expect(run.stdout).toContain(`Bilan écrit${NBSP}: ${xlsx}`);
    expect(run.stderr).toContain(`Le bilan ${xlsx} est écrit, mais pas son PDF${NBSP}: LibreOffice`);
    expect(run.stderr).toContain('apt-get install libreoffice-calc-nogui');
    expect(run.stderr).toContain('CTG_LIBREOFFICE');
  });

  it('says a conversion that failed the same way, the .xlsx kept and nothing else left', async () => {
    // A program that runs and fails, as LibreOffice does on a file it cannot print.
    process.env.CTG_LIBREOFFICE = '/bin/false';
    try {
      const { dir, path } = workFolder();
      const run = await runCli(['bilan', path, '--kind', 'final', '--pdf']);
      expect(run.code).toBe(1);
      const xlsx = join(dir, 'bilan-final-monts-du-pilat.xlsx');
      expect(run.stderr).toContain(`Le bilan ${xlsx} est écrit, mais LibreOffice n’a pas pu le convertir en PDF`);
      expect(readdirSync(dir).sort()).toEqual(['bilan-final-monts-du-pilat.xlsx', 'suivi.xlsx']);
    } finally {
      process.env.CTG_LIBREOFFICE = '';
    }
  });

  it('says that a PDF already there, of an earlier bilan, is not this one’s, and leaves it as it was', async () => {
    process.env.CTG_LIBREOFFICE = '/bin/false';
    try {
      const { dir, path } = workFolder();
      const pdf = join(dir, 'bilan-final-monts-du-pilat.pdf');
      writeFileSync(pdf, '%PDF-1.7 earlier');
      const run = await runCli(['bilan', path, '--kind', 'final', '--pdf', '--force']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `Attention${NBSP}: ${pdf}, déjà là, est le PDF d’un bilan écrit avant${NBSP}: il ne montre pas le bilan ` +
          'qui vient d’être écrit. Ne l’envoyez pas tel quel.',
      );
      expect(readFileSync(pdf, 'utf8')).toBe('%PDF-1.7 earlier');
      process.env.CTG_LIBREOFFICE = '';
      const json = JSON.parse((await runCli(['bilan', path, '--kind', 'final', '--pdf', '--force', '--json'])).stdout);
      expect(json.error.message).toContain(`${pdf}, déjà là, est le PDF d’un bilan écrit avant`);
    } finally {
      process.env.CTG_LIBREOFFICE = '';
    }
  });

  it('says it in the JSON document too, beside the bilan', async () => {
    const { dir, path } = workFolder();
    const run = await runCli(['bilan', path, '--kind', 'final', '--pdf', '--json']);
    expect(run.code).toBe(1);
    const document = JSON.parse(run.stdout);
    expect(document).toMatchObject({
      file: join(dir, 'bilan-final-monts-du-pilat.xlsx'),
      pdf: null,
      error: { code: 'needs-libreoffice', file: join(dir, 'bilan-final-monts-du-pilat.pdf') },
    });
    expect(existsSync(document.file)).toBe(true);
  });
});

describe('bilan: --pdf again over its PDF, --force', () => {
  const saved = process.env.CTG_LIBREOFFICE;
  afterAll(() => {
    if (saved === undefined) delete process.env.CTG_LIBREOFFICE;
    else process.env.CTG_LIBREOFFICE = saved;
  });

  it('names the PDF’s backups in the JSON document as the text does', async () => {
    const { dir, path } = workFolder();
    // A converter that writes a PDF of its own where LibreOffice would (`--outdir`, the input's name): what is tested
    // is where the outputs go, not the printing (tests/bilan-layout/bilan-pdf.test.ts prints with LibreOffice).
    const converter = join(dir, 'convertisseur.sh');
    writeFileSync(
      converter,
      '#!/bin/sh\nwhile [ "$1" != "--outdir" ]; do shift; done\nout="$2"; for last; do :; done\n' +
        'name=$(basename "$last"); echo "%PDF-$$" > "$out/${name%.*}.pdf"\n',
      { mode: 0o755 },
    );
    process.env.CTG_LIBREOFFICE = converter;
    const output = join(dir, 'bilan.xlsx');
    const pdf = join(dir, 'bilan.pdf');
    const args = ['bilan', path, '--kind', 'final', '-o', output, '--pdf', '--force', '--json'];
    const runs = [];
    for (let run = 0; run < 3; run += 1) runs.push(await runCli(args));
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0]);
    const documents = runs.map((run) => JSON.parse(run.stdout));
    expect(
      documents.map(({ pdf: written, pdfBackup, pdfEarlierBackup }) => [written, pdfBackup, pdfEarlierBackup]),
    ).toEqual([
      [pdf, null, null],
      [pdf, `${pdf}.bak`, null],
      [pdf, `${pdf}.bak`, `${pdf}.1.bak`],
    ]);
    // Each path named holds a PDF: the first run's is the one renamed.
    expect(readFileSync(`${pdf}.1.bak`, 'utf8')).toMatch(/^%PDF-/);
    expect(
      readdirSync(dir)
        .filter((name) => name.startsWith('bilan.pdf'))
        .sort(),
    ).toEqual(['bilan.pdf', 'bilan.pdf.1.bak', 'bilan.pdf.bak']);
  });
});

describe('bilan: refusals, nothing written', () => {
  async function refusal(args: string[]) {
    const { dir, path } = workFolder();
    const run = await runCli(['bilan', ...args.map((arg) => (arg === 'SUIVI' ? path : arg)), '--json']);
    expect(readdirSync(dir)).toEqual(['suivi.xlsx']);
    return { code: run.code, document: JSON.parse(run.stdout) };
  }

  it('asks for the workbook', async () => {
    const run = await runCli(['bilan', '--kind', 'final']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`«${NBSP}bilan${NBSP}» attend le classeur de suivi`);
  });

  it('asks for --kind', async () => {
    const { code, document } = await refusal(['SUIVI']);
    expect(code).toBe(2);
    expect(document.error).toMatchObject({ code: 'missing-kind', option: '--kind' });
    expect(document.error.message).toContain('--kind annuel, --kind intermediaire ou --kind final');
  });

  it('refuses a kind it does not know', async () => {
    const { code, document } = await refusal(['SUIVI', '--kind', 'trimestriel']);
    expect(code).toBe(2);
    expect(document.error).toMatchObject({ code: 'invalid-option-value', option: '--kind' });
    expect(document.error.message).toContain(`pas «${NBSP}trimestriel${NBSP}»`);
  });

  it('refuses a year that is not one', async () => {
    const { code, document } = await refusal(['SUIVI', '--kind', 'annuel', '--year', '27']);
    expect(code).toBe(2);
    expect(document.error).toMatchObject({ code: 'invalid-option-value', option: '--year' });
    expect(document.error.message).toContain('une année à quatre chiffres');
  });

  it('refuses a year outside the convention, naming its years', async () => {
    const { code, document } = await refusal(['SUIVI', '--kind', 'annuel', '--year', '2031']);
    expect(code).toBe(2);
    expect(document.error).toMatchObject({ code: 'bilan-year-outside', option: '--year' });
    expect(document.error.message).toBe(
      `Usage incorrect${NBSP}: la convention n’a aucun trimestre en 2031${NBSP}: un bilan annuel se fait pour une ` +
        'année de 2026 à 2030. Aucun bilan n’a été écrit.',
    );
  });

  it('refuses a year given to another kind', async () => {
    const { code, document } = await refusal(['SUIVI', '--kind', 'final', '--year', '2027']);
    expect(code).toBe(2);
    expect(document.error).toMatchObject({ code: 'bilan-year-not-annual', option: '--year' });
    expect(document.error.message).toContain('ne se donne que pour un bilan annuel');
  });

  it('refuses an -o that is not an .xlsx', async () => {
    const { code, document } = await refusal(['SUIVI', '--kind', 'final', '-o', join(folder, 'bilan.pdf')]);
    expect(code).toBe(2);
    expect(document.error.code).toBe('output-not-xlsx');
  });

  it('refuses an -o that is the tracking workbook itself, which is left as it was', async () => {
    const { dir, path } = workFolder();
    const before = readXlsxBytes(path);
    const run = await runCli(['bilan', path, '--kind', 'final', '-o', join(dir, '.', 'suivi.xlsx'), '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${path} est le classeur de suivi${NBSP}: donnez à -o un autre nom`);
    expect(readdirSync(dir)).toEqual(['suivi.xlsx']);
    expectSameBytes(readXlsxBytes(path), before);
  });

  it('refuses an -o that is the tracking workbook given through a link, which is left as it was', async () => {
    const { dir, path } = workFolder();
    const link = join(dir, 'lien.xlsx');
    symlinkSync(path, link);
    const before = readXlsxBytes(path);
    const run = await runCli(['bilan', link, '--kind', 'final', '-o', path, '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${link} est le classeur de suivi${NBSP}: donnez à -o un autre nom`);
    expect(readdirSync(dir).sort()).toEqual(['lien.xlsx', 'suivi.xlsx']);
    expectSameBytes(readXlsxBytes(path), before);
  });

  it('refuses an -o that is another tracking workbook, even with --force, and leaves it as it was', async () => {
    const { dir, path } = workFolder();
    const other = join(dir, 'autre-territoire.xlsx');
    writeFileSync(other, readFileSync(path));
    const before = readXlsxBytes(other);
    for (const force of [['--force'], []]) {
      const run = await runCli(['bilan', path, '--kind', 'final', '-o', other, ...force, '--json']);
      expect(run.code).toBe(2);
      expect(JSON.parse(run.stdout).error).toEqual({
        code: 'output-is-tracking-workbook',
        message:
          `${other} est le classeur de suivi d’un territoire${NBSP}: le bilan ne l’écrase pas, même avec --force. ` +
          'Choisissez un autre nom pour -o. Rien n’a été écrit.',
        file: other,
      });
    }
    expect(readdirSync(dir).sort()).toEqual(['autre-territoire.xlsx', 'suivi.xlsx']);
    expectSameBytes(readXlsxBytes(other), before);
  });

  it('names a workbook that does not exist', async () => {
    const missing = join(folder, 'absent.xlsx');
    const run = await runCli(['bilan', missing, '--kind', 'final']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Fichier introuvable${NBSP}: ${missing}`);
  });

  it('refuses a workbook that is not a tracking workbook (a bilan), exit 2', async () => {
    const { dir, path } = workFolder();
    const made = await runCli(['bilan', path, '--kind', 'final', '-o', join(dir, 'bilan.xlsx')]);
    expect(made.code).toBe(0);
    const run = await runCli(['bilan', join(dir, 'bilan.xlsx'), '--kind', 'final', '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error).toMatchObject({
      code: 'not-a-tracking-workbook',
      file: join(dir, 'bilan.xlsx'),
    });
    expect(readdirSync(dir).sort()).toEqual(['bilan.xlsx', 'suivi.xlsx']);
  });

  it('names the validate command to copy as it is when the workbook’s folder has a space', async () => {
    const { dir, path } = workFolder();
    const spaced = join(dir, 'Suivi été');
    mkdirSync(spaced);
    const workbook = join(spaced, 'suivi.xlsx');
    const axis = sheet(grids, 'Axe 1');
    const at = locate(axis, 'G1', 'Statut')!;
    const address = `${String.fromCharCode(65 + at.column)}${at.row + 1}`;
    writeFileSync(
      workbook,
      await editXlsx(readXlsxBytes(path), [{ sheet: 'Axe 1', cell: address, value: 'Peut-être' }]),
    );
    const run = await runCli(['bilan', workbook, '--kind', 'final']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`(npx ctg-suivi validate "${workbook}")`);
  });

  it('refuses a workbook with errors, listing them, as compute does (exit 1)', async () => {
    const { dir, path } = workFolder();
    const axis = sheet(grids, 'Axe 1');
    const at = locate(axis, 'G1', 'Statut')!;
    const address = `${String.fromCharCode(65 + at.column)}${at.row + 1}`;
    writeFileSync(path, await editXlsx(readXlsxBytes(path), [{ sheet: 'Axe 1', cell: address, value: 'Peut-être' }]));
    const run = await runCli(['bilan', path, '--kind', 'final']);
    expect(run.code).toBe(1);
    expect(readdirSync(dir)).toEqual(['suivi.xlsx']);
    expect(run.stderr).toMatch(new RegExp(`^Aucun bilan n’a été écrit${NBSP}: .* a \\d+ erreurs? à corriger d’abord`));
    expect(run.stderr).toContain(`Axe 1 ${address}`);
    const json = await runCli(['bilan', path, '--kind', 'final', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      written: false,
      error: { code: 'workbook-has-errors', file: path },
      issues: expect.arrayContaining([expect.objectContaining({ sheet: 'Axe 1', rowKey: 'G1' })]),
    });
  });

  it('names an axis sheet renamed by hand and says to give it its name back, as validate says', async () => {
    const { dir, path } = workFolder();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    workbook.getWorksheet('Axe 1')!.name = 'Axe 1 (RPE)';
    await workbook.xlsx.writeFile(path);
    const before = readXlsxBytes(path);
    const run = await runCli(['bilan', path, '--kind', 'final']);
    expect(run.code).toBe(1);
    expect(readdirSync(dir)).toEqual(['suivi.xlsx']);
    expect(readXlsxBytes(path)).toEqual(before);
    expect(run.stderr).toContain(
      `La feuille «${NBSP}Axe 1${NBSP}» manque. La feuille «${NBSP}Axe 1 (RPE)${NBSP}» semble être ` +
        `«${NBSP}Axe 1${NBSP}» renommée${NBSP}: rendez-lui son nom.`,
    );
  });
});
