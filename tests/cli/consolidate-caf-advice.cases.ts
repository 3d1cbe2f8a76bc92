import type ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BY_THE_TERRITORY, editedBytes, forez, pilat, territoryBytes } from '../consolidation/helpers/territories';
import { gridsOf } from '../xlsx-patch/helpers';
import { runCli, type CliRun } from './run-cli';

/**
 * The Caf consolidating the territories' files did not edit them and has them closed: why a file is left out, or its
 * AO table unread, never tells it to undo (Ctrl+Z) what it did not do; it says the territory is to correct its
 * workbook — on the command line, in `--json` and in the workbook's sheets of files left out.
 */

const plain = (text: string) => text.replace(/\u00a0/g, ' ');
let root: string;
let run: CliRun;
let json: {
  rejected: { file: string; reason: string; territory: string | null }[];
  territories: { aoUnread: { reason: string } | null }[];
};

/** What the Caf is told to do with a territory's own problem, after it, spaces plain as `plain` makes them. */
const ASK_THE_TERRITORY = plain(BY_THE_TERRITORY.trim());

/** The rows of `Fichiers écartés` after its header: [file, reason]. */
function rejectedRows(file: string): [string, string][] {
  const grid = gridsOf(new Uint8Array(readFileSync(file))).sheets.find((s) => s.name === 'Fichiers écartés')!;
  const header = grid.rows.findIndex((row) => row?.[0]?.value === 'Fichier');
  return grid.rows
    .slice(header + 1)
    .filter((row) => row?.[1]?.value)
    .map((row) => [String(row[0]?.value), String(row[1]?.value)]);
}

/**
 * The column « Public(s) » of the last axis sheet emptied in every fiche, its header kept (deleted, then put back
 * empty): validate's `plan-column-emptied`.
 */
function publicsEmptied(workbook: ExcelJS.Workbook) {
  const axis = workbook.worksheets.filter((sheet) => /^Axe \d+$/.test(sheet.name)).at(-1)!;
  let column = 0;
  axis.getRow(3).eachCell((cell, number) => {
    if (cell.value === 'Public(s)') column = number;
  });
  for (let row = 4; row <= axis.rowCount; row++) axis.getRow(row).getCell(column).value = null;
}

/** Axe 1's column « Statut » deleted, the others moved left. */
function statusColumnDeleted(workbook: ExcelJS.Workbook) {
  const axis = workbook.getWorksheet('Axe 1')!;
  let column = 0;
  axis.getRow(3).eachCell((cell, number) => {
    if (cell.value === 'Statut') column = number;
  });
  axis.spliceColumns(column, 1);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ctg-consolidate-caf-advice-'));
  mkdirSync(join(root, 'in'));
  writeFileSync(join(root, 'in', 'colonne.xlsx'), await editedBytes(await territoryBytes(pilat), statusColumnDeleted));
  writeFileSync(
    join(root, 'in', 'ao.xlsx'),
    await editedBytes(await territoryBytes(forez), (workbook) =>
      workbook.removeWorksheet(workbook.getWorksheet('Compétences AO')!.id),
    ),
  );
  const output = join(root, 'consolidation.xlsx');
  run = await runCli(['consolidate', join(root, 'in'), '-o', output]);
  json = JSON.parse((await runCli(['consolidate', join(root, 'in'), '-o', join(root, 'j.xlsx'), '--json'])).stdout);
}, 90_000);

describe('what a consolidation tells the Caf of a territory’s own problem', () => {
  it('never tells it to undo, and asks the territory to correct its workbook', () => {
    const [reason] = json.rejected.map((rejected) => plain(rejected.reason));
    expect(reason).toBe(
      'Axe 1 : la colonne « Statut » manque : supprimée, ou son en-tête changé. Des chiffres de la consolidation ' +
        'lisent cette colonne : le territoire en est écarté jusqu’à ce que la colonne soit remise. Si elle est ' +
        'encore là, remettez-lui cet en-tête exact ; si elle a été supprimée, reprenez-la d’une copie du classeur ' +
        `enregistrée avant. ${ASK_THE_TERRITORY}`,
    );
    const [[, cell]] = rejectedRows(join(root, 'consolidation.xlsx'));
    expect(plain(cell)).toBe(reason);
    expect(plain(run.stdout)).toContain(ASK_THE_TERRITORY);
    expect(run.stdout).not.toContain('Ctrl+Z');
  });

  it('says so of an AO table left unread too', () => {
    const [unread] = json.territories.flatMap((territory) => (territory.aoUnread ? [territory.aoUnread.reason] : []));
    expect(plain(unread)).toMatch(/^La feuille « Compétences AO » manque\./);
    expect(plain(unread).endsWith(` ${ASK_THE_TERRITORY}`)).toBe(true);
  });

  it('names the territory of a file left out when its Paramètres could be read', () => {
    const file = join(root, 'in', 'colonne.xlsx');
    expect(json.rejected.map((rejected) => [rejected.file, rejected.territory])).toEqual([[file, 'Monts du Pilat']]);
    expect(plain(run.stdout)).toContain(`  Écarté : ${file} (territoire « Monts du Pilat ») — Axe 1`);
    const [[cell]] = rejectedRows(join(root, 'consolidation.xlsx'));
    expect(cell).toBe(`${join('in', 'colonne.xlsx')} (territoire «\u00a0Monts du Pilat\u00a0»)`);
  });
});

describe('a territory kept whose plan column was emptied in one axis sheet', () => {
  let folder: string;
  let file: string;
  let emptied: CliRun;
  let emptiedJson: {
    territories: {
      name: string;
      planColumnsEmptied: { sheet: string; cell: string; field: string; reason: string }[];
    }[];
  };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ctg-consolidate-emptied-'));
    mkdirSync(join(folder, 'in'));
    file = join(folder, 'in', 'pilat.xlsx');
    writeFileSync(file, await editedBytes(await territoryBytes(pilat), publicsEmptied));
    emptied = await runCli(['consolidate', join(folder, 'in'), '-o', join(folder, 'consolidation.xlsx')]);
    emptiedJson = JSON.parse(
      (await runCli(['consolidate', join(folder, 'in'), '-o', join(folder, 'j.xlsx'), '--json'])).stdout,
    );
  }, 90_000);

  it('tells the Caf, under the territory, which sheet its figures by public miss and what the territory does', () => {
    const [territory] = emptiedJson.territories;
    expect(territory.planColumnsEmptied).toHaveLength(1);
    const [{ sheet, cell, field, reason }] = territory.planColumnsEmptied;
    expect(field).toBe('publics');
    expect(plain(reason)).toBe(
      `${sheet}, cellule ${cell} : la colonne « Public(s) » est vide pour les 2 fiches de cette feuille, alors que ` +
        'les autres feuilles d’axe la remplissent : cette consolidation ne les compte dans aucun public (ses chiffres ' +
        'par public n’ont pas ces fiches). Si la colonne a été supprimée puis remise vide, le territoire en reprend les ' +
        'valeurs d’une copie de son classeur enregistrée avant, ou régénère son classeur depuis le texte de sa ' +
        'convention (« npx ctg-suivi generate --plan convention.txt -o suivi.xlsx --force »). ' +
        ASK_THE_TERRITORY,
    );
    const lines = plain(emptied.stdout).split('\n');
    const own = lines.findIndex((line) => line.includes(file));
    expect(lines[own + 1]).toBe(`    ${plain(reason)}`);
  });

  it('says it in the workbook, and exits 1: the Caf has to ask the territory', () => {
    expect(emptied.code).toBe(1);
    const [{ reason }] = emptiedJson.territories[0].planColumnsEmptied;
    const grids = gridsOf(new Uint8Array(readFileSync(join(folder, 'consolidation.xlsx'))));
    const territories = grids.sheets.find((s) => s.name === 'Territoires')!;
    expect(plain(String(territories.rows[1][0]?.value))).toContain(
      ' 1 territoire a des fiches comptées dans aucun champ d’intervention ou public : voir « Fichiers écartés ».'.replace(
        /\u00a0/g,
        ' ',
      ),
    );
    const rejected = grids.sheets.find((s) => s.name === 'Fichiers écartés')!;
    const texts = rejected.rows.flatMap((row) => (row ?? []).map((cell) => String(cell?.value ?? '')));
    expect(texts).toContain('Monts du Pilat');
    expect(texts).toContain(reason);
  });
});
