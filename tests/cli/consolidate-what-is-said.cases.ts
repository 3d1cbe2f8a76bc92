import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoDateToSerial } from '../../src/domain/excel-dates';
import type { SheetGrid } from '../../src/domain/grid';
import { settingsValueCell } from '../../src/layout/sheets/settings/settings-layout';
import { texts } from '../../src/cli/texts';
import { editXlsx } from '../excel-backend/helpers/xlsx-side';
import { forez, pilat, pilatEarlier, territoryBytes } from '../consolidation/helpers/territories';
import { samplePlan } from '../layout/helpers/sample-plan';
import { gridsOf } from '../xlsx-patch/helpers';
import { runCli, type CliRun } from './run-cli';

/**
 * What a Caf reads of a consolidation, on the command line and in the workbook written, for the files a trial met:
 * a value far too long quoted, a plan or a text given as a workbook, a file too large, a format version typed over,
 * a convention date edited; the paths as the workbook's folder sees them, and a closing tally.
 */

const NBSP = '\u00a0';
const EXCEL_CELL_LIMIT = 32_767;
let root: string;
const inRoot = (...parts: string[]) => join(root, ...parts);
let run: CliRun;

/** The rows of `Fichiers écartés` under its first header row: [file, reason]. */
function rejectedRows(grid: SheetGrid): [string, string][] {
  const header = grid.rows.findIndex((row) => row?.[0]?.value === 'Fichier');
  const rows: [string, string][] = [];
  for (const row of grid.rows.slice(header + 1)) {
    if (!row?.[1]?.value) break;
    rows.push([String(row[0]?.value), String(row[1]?.value)]);
  }
  return rows;
}

const sheetOf = (file: string, name: string) =>
  gridsOf(new Uint8Array(readFileSync(file))).sheets.find((s) => s.name === name)!;
const lineOf = (needle: string) => run.stdout.split('\n').find((line) => line.includes(needle)) ?? '';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ctg-consolidate-said-'));
  for (const folder of ['w', 'bad', 'out']) mkdirSync(inRoot(folder));
  const pilatBytes = await territoryBytes(pilat);
  writeFileSync(inRoot('w', 'pilat.xlsx'), pilatBytes);
  writeFileSync(inRoot('w', 'pilat-ancien.xlsx'), await territoryBytes(pilatEarlier));
  writeFileSync(inRoot('w', 'forez.xlsx'), await territoryBytes(forez));
  const currentQuarter = settingsValueCell('currentQuarter');
  const long = `2026-T2 ${'x'.repeat(32_700)}`;
  writeFileSync(
    inRoot('bad', 'long.xlsx'),
    await editXlsx(pilatBytes, [{ sheet: 'Paramètres', cell: currentQuarter, value: long }]),
  );
  writeFileSync(inRoot('bad', 'plan.xlsx'), JSON.stringify(samplePlan(), null, 2));
  writeFileSync(inRoot('bad', 'notes.xlsx'), 'Réunion du 12 mars : appeler la mairie.\n');
  writeFileSync(inRoot('bad', 'photos.xlsx'), '');
  truncateSync(inRoot('bad', 'photos.xlsx'), 60 * 1024 * 1024);
  writeFileSync(
    inRoot('bad', 'version.xlsx'),
    await editXlsx(pilatBytes, [{ sheet: '_ctg', cell: 'B2', value: 'abc' }]),
  );
  writeFileSync(
    inRoot('bad', 'debut.xlsx'),
    await editXlsx(pilatBytes, [
      { sheet: 'Paramètres', cell: settingsValueCell('periodStart'), value: isoDateToSerial('2025-04-01')! },
    ]),
  );
  run = await runCli(['consolidate', inRoot('w'), inRoot('bad'), '-o', inRoot('out', 'consolidation.xlsx')]);
}, 90_000);

describe('a value too long for a cell, quoted in a reason', () => {
  it('is quoted by its start and its length on the command line', () => {
    const line = lineOf('long.xlsx');
    expect(line).toContain(`(valeur lue${NBSP}: «${NBSP}2026-T2 xxx`);
    expect(line).toContain(`…${NBSP}» sur 32${NBSP}708 caractères)`);
    expect(line.length).toBeLessThan(1000);
  });

  it('says its length without a parenthesis inside the reason’s own', () => {
    expect(lineOf('long.xlsx')).not.toMatch(/\)\)/);
  });

  it('is quoted short in « Fichiers écartés », whose every text fits in a cell', () => {
    const rows = rejectedRows(sheetOf(inRoot('out', 'consolidation.xlsx'), 'Fichiers écartés'));
    const long = rows.find(([file]) => file.startsWith(join('..', 'bad', 'long.xlsx')))!;
    expect(long[1]).toContain(`sur 32${NBSP}708 caractères)`);
    expect(long[1]).not.toMatch(/\)\)/);
    for (const [, reason] of rows) expect(reason.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
  });
});

describe('advice that fits the file', () => {
  it('tells a plan JSON given as a workbook to generate its workbook first, from that very file', () => {
    const line = lineOf('plan.xlsx');
    expect(line).toContain('plan d’actions');
    expect(line).toContain(`generate --plan ${inRoot('bad', 'plan.xlsx')} -o suivi.xlsx`);
    expect(line).not.toContain('enregistrez-le au format');
  });

  it('names the plan given to validate in its advice, quoted as a shell word when it holds a space', async () => {
    const folder = inRoot('plan with spaces');
    mkdirSync(folder);
    const plan = join(folder, 'mon plan.xlsx');
    writeFileSync(plan, JSON.stringify(samplePlan(), null, 2));
    const checked = await runCli(['validate', plan]);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toContain(`generate --plan "${plan}" -o suivi.xlsx`);
  });

  it('tells a text file that it is not a spreadsheet, not to save it as .xlsx', () => {
    const line = lineOf('notes.xlsx');
    expect(line).toContain('pas un classeur');
    expect(line).not.toContain('enregistrez-le au format');
  });

  it('says what to do with a format version typed over', () => {
    const line = lineOf('version.xlsx');
    expect(line).toContain(`«${NBSP}abc${NBSP}» comme version de format`);
    expect(line).toMatch(/remettez en B2/i);
  });

  it('gives the dates of a convention date edited as the user types them', () => {
    const line = lineOf('debut.xlsx');
    expect(line).toContain('(01/04/2025) n’est plus la date enregistrée par l’outil (01/01/2026)');
    expect(line).toContain('Remettez 01/01/2026');
    expect(line).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('a file too large', () => {
  it('is named once, beside its reason', () => {
    const line = lineOf('photos.xlsx');
    expect(line.split('photos.xlsx')).toHaveLength(2);
    expect(line).toContain('— Le fichier est trop volumineux');
    const rows = rejectedRows(sheetOf(inRoot('out', 'consolidation.xlsx'), 'Fichiers écartés'));
    const [, reason] = rows.find(([file]) => file.endsWith('photos.xlsx'))!;
    expect(reason).not.toContain('photos.xlsx');
  });
});

describe('a territory name far too long, typed in « Paramètres »', () => {
  it('is shown by its start and its length on every line, as a value quoted', async () => {
    const folder = inRoot('long territory');
    mkdirSync(folder);
    const long = `Monts du Pilat ${'très long '.repeat(3000)}`.trim();
    const pilatBytes = await territoryBytes(pilat);
    const renamed = join(folder, 'pilat.xlsx');
    const copy = join(folder, 'pilat-copie.xlsx');
    const edit = { sheet: 'Paramètres', cell: settingsValueCell('territory'), value: long };
    const more = await territoryBytes({
      ...pilat,
      entries: [...pilat.entries, { key: 'G1-QN1', header: '2026-T3', value: 7 }],
    });
    writeFileSync(renamed, await editXlsx(more, [edit]));
    writeFileSync(copy, pilatBytes);
    // The renamed copy, with one more value filled, is kept (same dates): its name heads its line and the duplicate's.
    const said = await runCli(['consolidate', renamed, copy, '-o', inRoot('out', 'long-territory.xlsx')]);
    const lines = said.stdout.split('\n');
    const shown = `«${NBSP}Monts du Pilat très long très long`;
    expect(lines.find((line) => line.includes(`${renamed} (`))).toMatch(new RegExp(`^  ${shown}.*caractères — `));
    expect(lines.find((line) => line.startsWith('  Doublon de'))).toContain(`Doublon de ${shown}`);
    expect(said.stdout).toContain(`…${NBSP}» sur 30${NBSP}014 caractères`);
    // Quoted short everywhere, in the duplicate's reason too: never the whole name.
    expect(said.stdout).not.toContain('très long '.repeat(20));
  });
});

describe('a territory kept with data errors', () => {
  it('says under its line how to see them and where to correct them', async () => {
    const folder = inRoot('data errors');
    mkdirSync(folder);
    const entries = [...pilat.entries, { key: 'G2', header: 'Statut', value: 'Presque finie' }];
    const file = join(folder, 'pilat.xlsx');
    writeFileSync(file, await territoryBytes({ ...pilat, entries }));
    const said = await runCli(['consolidate', folder, '-o', inRoot('out', 'data-errors.xlsx')]);
    const lines = said.stdout.split('\n');
    const at = lines.findIndex((line) => line.includes('1 erreur de données'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toBe(`    Pour la voir et savoir où la corriger${NBSP}: npx ctg-suivi validate "${file}"`);
    expect(said.code).toBe(1);
  });

  it('says « les » of several', () => {
    expect(texts.consolidate.dataErrors('forez.xlsx', 2)).toBe(
      `    Pour les voir et savoir où les corriger${NBSP}: npx ctg-suivi validate forez.xlsx`,
    );
  });

  it('says that validate shows them once the text its conversion cut is shortened, as validate refuses it till then', () => {
    expect(texts.consolidate.dataErrors('pilat.ods', 2, true)).toBe(
      `    Pour les voir et savoir où les corriger, une fois ce texte raccourci${NBSP}: npx ctg-suivi validate pilat.ods`,
    );
  });

  it('names a file whose name starts with a dash so that the command does not take it for an option', async () => {
    expect(texts.consolidate.dataErrors('-forez.xlsx', 2)).toBe(
      `    Pour les voir et savoir où les corriger${NBSP}: npx ctg-suivi validate ./-forez.xlsx`,
    );
    // As given, the command refuses the name as an option it does not know.
    expect((await runCli(['validate', '-forez.xlsx'])).stderr).toContain('n’est pas une option');
  });
});

describe('a broken link found in a folder', () => {
  it('is named once, beside its reason, which says where it led', async () => {
    const folder = inRoot('with broken link');
    mkdirSync(folder);
    writeFileSync(join(folder, 'pilat.xlsx'), await territoryBytes(pilat));
    const gone = inRoot('disconnected', 'forez.xlsx');
    symlinkSync(gone, join(folder, 'lien.xlsx'));
    const output = inRoot('out', 'broken-link.xlsx');
    const said = await runCli(['consolidate', folder, '-o', output]);
    const line = said.stdout.split('\n').find((text) => text.includes('lien.xlsx')) ?? '';
    expect(line.split('lien.xlsx')).toHaveLength(2);
    expect(line).toContain(`lien.xlsx — Ce fichier est un lien vers ${gone}, qui n’existe pas${NBSP}:`);
    const rows = rejectedRows(sheetOf(output, 'Fichiers écartés'));
    const [, reason] = rows.find(([file]) => file.endsWith('lien.xlsx'))!;
    expect(reason).not.toContain('lien.xlsx');
  });
});

describe('the paths in the workbook', () => {
  it('name each file from the consolidation workbook’s folder', () => {
    const territories = sheetOf(inRoot('out', 'consolidation.xlsx'), 'Territoires');
    const files = territories.rows.flatMap((row) => (typeof row?.[2]?.value === 'string' ? [row[2].value] : []));
    expect(files).toEqual(expect.arrayContaining(['../w/pilat.xlsx', '../w/forez.xlsx']));
    const rows = rejectedRows(sheetOf(inRoot('out', 'consolidation.xlsx'), 'Fichiers écartés'));
    // A file whose Paramètres could be read is named with its territory.
    expect(rows.map(([file]) => file)).toEqual(
      expect.arrayContaining(['../bad/long.xlsx (territoire «\u00a0Monts du Pilat\u00a0»)', '../bad/plan.xlsx']),
    );
  });

  it('keep the paths as given on the command line', () => {
    expect(lineOf('Écarté').includes(inRoot('bad'))).toBe(true);
  });
});

describe('the closing tally', () => {
  it('ends the output with how many territories, files left out and copies not kept', () => {
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(
      `Consolidation terminée${NBSP}: 2 territoires, 6 fichiers écartés, 1 doublon non retenu.`,
    );
  });

  it('agrees in number with one of each', () => {
    expect(texts.consolidate.tally(1, 1, 0)).toBe(`Consolidation terminée${NBSP}: 1 territoire, 1 fichier écarté.`);
    expect(texts.consolidate.tally(3, 0, 2)).toBe(
      `Consolidation terminée${NBSP}: 3 territoires, 0 fichier écarté, 2 doublons non retenus.`,
    );
  });

  it('leaves --json a JSON document alone', async () => {
    const json = await runCli(['consolidate', inRoot('w'), '-o', inRoot('out', 'json.xlsx'), '--json']);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
  });
});

describe('names outside the vocabulary', () => {
  it('are listed with the first few territories on the command line, then how many others', () => {
    const territories = Array.from({ length: 300 }, (_, index) => `Territoire ${index + 1}`);
    const line = texts.consolidate.unmatchedLine('field', 'Sport santé', territories);
    expect(line).toContain('Territoire 1, Territoire 2');
    expect(line).toContain('et 295 autres');
    expect(line).not.toContain('Territoire 300');
    expect(line.length).toBeLessThan(200);
  });

  it('quotes a name far too long by its start and its length, as every other value quoted', async () => {
    const folder = inRoot('long-name');
    mkdirSync(folder);
    const long = `Sport ${'santé '.repeat(5000)}`.trim();
    const entries = [...pilat.entries, { key: 'G1', header: "Champ(s) d'intervention", value: long }];
    writeFileSync(join(folder, 'pilat.xlsx'), await territoryBytes({ ...pilat, entries }));
    const said = await runCli(['consolidate', folder, '-o', inRoot('out', 'long-name.xlsx')]);
    const line = said.stdout.split('\n').find((text) => text.includes('Hors vocabulaire')) ?? '';
    expect(line).toContain(`«${NBSP}Sport santé santé`);
    expect(line).toContain(`…${NBSP}» sur 30${NBSP}005 caractères (Monts du Pilat${NBSP}: 1 fiche`);
    // Short but for the command that regenerates the territory's file, which names it (a path as long as the folder's).
    expect(line.replace(/ \(«\snpx ctg-suivi generate [^»]*»\)/, '').length).toBeLessThan(400);
  });

  it('lists the first names of each kind, then how many others and where to find them all', async () => {
    const folder = inRoot('many-names');
    mkdirSync(folder);
    const names = Array.from({ length: 45 }, (_, index) => `Champ libre ${String(index + 1).padStart(2, '0')}`);
    const entries = [
      ...pilat.entries,
      { key: 'G1', header: "Champ(s) d'intervention", value: names.join(' ; ') },
      { key: 'G1', header: 'Public(s)', value: 'Aînés ; Tout-petits' },
    ];
    writeFileSync(join(folder, 'pilat.xlsx'), await territoryBytes({ ...pilat, entries }));
    const said = await runCli(['consolidate', folder, '-o', inRoot('out', 'many-names.xlsx')]);
    const lines = said.stdout.split('\n');
    const fields = lines.filter((line) => line.startsWith('  Hors vocabulaire (champ d’intervention)'));
    expect(fields).toHaveLength(20);
    expect(fields[0]).toContain('Champ libre 01');
    expect(said.stdout).not.toContain('Champ libre 21');
    expect(lines).toContain(
      `  … et 25 autres noms de champ d’intervention hors vocabulaire${NBSP}: la feuille «${NBSP}Champs ` +
        `d’intervention${NBSP}» du classeur les donne tous («${NBSP}Oui${NBSP}» dans sa colonne «${NBSP}Hors ` +
        `vocabulaire${NBSP}»).`,
    );
    // Publics are counted apart: their two names are listed.
    expect(lines.filter((line) => line.startsWith('  Hors vocabulaire (public)'))).toHaveLength(2);
    // --json keeps them all.
    const json = await runCli(['consolidate', folder, '-o', inRoot('out', 'many-names.xlsx'), '--force', '--json']);
    expect(JSON.parse(json.stdout).unmatched).toHaveLength(47);
  });

  it('lists a few territories whole', () => {
    expect(texts.consolidate.unmatchedLine('public', 'Aînés', ['A', 'B'])).toBe(
      `  Hors vocabulaire (public)${NBSP}: «${NBSP}Aînés${NBSP}» (A, B)`,
    );
  });

  it('says where the first fiche is, how many fiches name it, and the vocabulary’s name it may stand for', async () => {
    const folder = inRoot('near-name');
    mkdirSync(folder);
    const entries = [
      ...pilat.entries,
      { key: 'G1', header: "Champ(s) d'intervention", value: 'Parentalité' },
      { key: 'G2', header: "Champ(s) d'intervention", value: 'parentalite' },
      { key: 'G1', header: 'Public(s)', value: 'Tout public' },
    ];
    writeFileSync(join(folder, 'pilat.xlsx'), await territoryBytes({ ...pilat, entries }));
    const said = await runCli(['consolidate', folder, '-o', inRoot('out', 'near-name.xlsx')]);
    const lines = said.stdout.split('\n');
    expect(lines).toContain(
      `  Hors vocabulaire (champ d’intervention)${NBSP}: «${NBSP}Parentalité${NBSP}» (Monts du Pilat${NBSP}: ` +
        `2 fiches, la première en cellule H4 de la feuille «${NBSP}Axe 1${NBSP}») — si c’est ` +
        `«${NBSP}Soutien à la parentalité${NBSP}», le territoire l’écrit ainsi dans le texte de son plan, puis ` +
        `régénère son classeur («${NBSP}npx ctg-suivi generate --plan convention.txt -o ${join(folder, 'pilat.xlsx')} ` +
        `--force${NBSP}»).`,
    );
    // No name of the list is near: what to do all the same.
    expect(lines).toContain(
      `  Hors vocabulaire (public)${NBSP}: «${NBSP}Tout public${NBSP}» (Monts du Pilat${NBSP}: 1 fiche, ` +
        `cellule I4 de la feuille «${NBSP}Axe 1${NBSP}») — s’il est l’un des noms de la convention, le ` +
        `territoire l’écrit comme elle dans le texte de son plan, puis régénère son classeur («${NBSP}npx ctg-suivi ` +
        `generate --plan convention.txt -o ${join(folder, 'pilat.xlsx')} --force${NBSP}»)${NBSP}; sinon il reste ` +
        `compté à part.`,
    );
    const json = await runCli(['consolidate', folder, '-o', inRoot('out', 'near-name.xlsx'), '--force', '--json']);
    expect(JSON.parse(json.stdout).unmatched[0]).toEqual({
      kind: 'field',
      name: 'Parentalité',
      territories: ['Monts du Pilat'],
      fiches: 2,
      places: [
        { territory: 'Monts du Pilat', file: join(folder, 'pilat.xlsx'), sheet: 'Axe 1', cell: 'H4', fiches: 2 },
      ],
      suggestions: ['Soutien à la parentalité'],
    });
  });

  it('names the first territory’s place and the others after it', () => {
    const place = { territory: 'A', file: 'a.xlsx', sheet: 'Axe 2', cell: 'I7', fiches: 1 };
    const line = texts.consolidate.unmatchedLine('public', 'Aînés', ['A', 'B', 'C'], {
      place,
      suggestions: ['Seniors', 'Adultes'],
    });
    expect(line).toBe(
      `  Hors vocabulaire (public)${NBSP}: «${NBSP}Aînés${NBSP}» (A${NBSP}: 1 fiche, cellule I7 de la feuille ` +
        `«${NBSP}Axe 2${NBSP}»${NBSP}; aussi B, C) — si c’est «${NBSP}Seniors${NBSP}» ou «${NBSP}Adultes${NBSP}», ` +
        `le territoire l’écrit ainsi dans le texte de son plan, puis régénère son classeur («${NBSP}npx ctg-suivi ` +
        `generate --plan convention.txt -o a.xlsx --force${NBSP}»).`,
    );
  });
});

describe('validate', () => {
  it('quotes a value too long for a cell by its start and its length, as the consolidation does', async () => {
    const checked = await runCli(['validate', inRoot('bad', 'long.xlsx')]);
    const line = checked.stdout.split('\n').find((text) => text.includes('B9')) ?? '';
    expect(line).toContain(`…${NBSP}» sur 32${NBSP}708 caractères)`);
    expect(line).not.toMatch(/\)\)/);
    expect(line.length).toBeLessThan(1000);
  });
});
