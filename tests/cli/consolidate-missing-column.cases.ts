import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BY_THE_TERRITORY, editedBytes, forez, pilat, territoryBytes } from '../consolidation/helpers/territories';
import { gridsOf } from '../xlsx-patch/helpers';
import { runCli, type CliRun } from './run-cli';

/**
 * A territory deleted a column of an axis sheet that no consolidated figure reads (« Commentaire »): the Caf loses no
 * territory for it. The territory is counted, its figures those of its workbook whole, and the Caf is told under its
 * line, in `--json` and in the `Territoires` sheet which column of which sheet the territory is to put back; the
 * command exits 1, the Caf having something to ask (docs/COMMANDES.md, « consolidate »).
 */

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const ASK_THE_TERRITORY = plain(BY_THE_TERRITORY.trim());

/** Axe 1's column `header` deleted, the others moved left, as Excel deletes a column. */
const columnDeleted = (header: string) => (workbook: import('exceljs').Workbook) => {
  const axis = workbook.getWorksheet('Axe 1')!;
  let column = 0;
  axis.getRow(3).eachCell((cell, number) => {
    if (cell.value === header) column = number;
  });
  axis.spliceColumns(column, 1);
};

interface Territory {
  name: string;
  file: string;
  counts: unknown;
  missingColumns: { sheet: string; column: string; reason: string }[];
}

let root: string;
let run: CliRun;
interface Groups {
  territories: Territory[];
  fields: { name: string; counts: unknown }[];
  publics: { name: string; counts: unknown }[];
}

let json: Groups & { rejected: unknown[] };
let whole: Groups;

describe('consolidate: a column no figure reads deleted by a territory', () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'ctg-consolidate-missing-column-'));
    mkdirSync(join(root, 'in'));
    mkdirSync(join(root, 'whole'));
    const pilatBytes = await territoryBytes(pilat);
    writeFileSync(join(root, 'in', 'pilat.xlsx'), await editedBytes(pilatBytes, columnDeleted('Commentaire')));
    writeFileSync(join(root, 'in', 'forez.xlsx'), await territoryBytes(forez));
    writeFileSync(join(root, 'whole', 'pilat.xlsx'), pilatBytes);
    writeFileSync(join(root, 'whole', 'forez.xlsx'), await territoryBytes(forez));
    run = await runCli(['consolidate', join(root, 'in'), '-o', join(root, 'consolidation.xlsx')]);
    json = JSON.parse((await runCli(['consolidate', join(root, 'in'), '-o', join(root, 'j.xlsx'), '--json'])).stdout);
    whole = JSON.parse(
      (await runCli(['consolidate', join(root, 'whole'), '-o', join(root, 'w.xlsx'), '--json'])).stdout,
    );
  }, 120_000);

  it('counts the territory, its figures those of its workbook whole', () => {
    expect(json.rejected).toEqual([]);
    const kept = json.territories.find((territory) => territory.name === 'Monts du Pilat')!;
    const fromWhole = whole.territories.find((territory) => territory.name === 'Monts du Pilat')!;
    expect(kept.counts).toEqual(fromWhole.counts);
    // By champ and by public too, the files' paths aside.
    const groups = (groupsOf: { name: string; counts: unknown }[]) =>
      groupsOf.map(({ name, counts }) => ({ name, counts }));
    expect(groups(json.fields)).toEqual(groups(whole.fields));
    expect(groups(json.publics)).toEqual(groups(whole.publics));
  });

  it('says in --json which column of which sheet the territory is to put back', () => {
    const kept = json.territories.find((territory) => territory.name === 'Monts du Pilat')!;
    expect(kept.missingColumns).toEqual([{ sheet: 'Axe 1', column: 'Commentaire', reason: expect.any(String) }]);
    const reason = plain(kept.missingColumns[0].reason);
    expect(reason).toMatch(/^Axe 1 : la colonne « Commentaire » manque/);
    expect(reason.endsWith(ASK_THE_TERRITORY)).toBe(true);
    expect(reason).not.toContain('Ctrl+Z');
    expect(json.territories.find((territory) => territory.name === 'Forez Est')!.missingColumns).toEqual([]);
  });

  it('says it under the territory’s line, and exits 1', () => {
    expect(run.code).toBe(1);
    const lines = plain(run.stdout).split('\n');
    const at = lines.findIndex((line) => line.startsWith('  Monts du Pilat — '));
    expect(lines[at + 1]).toMatch(
      /^ {4}Compté sans la colonne « Commentaire » de « Axe 1 », qu’aucun chiffre de la consolidation ne lit : Axe 1 : la colonne « Commentaire » manque/,
    );
    expect(lines[at + 1].endsWith(ASK_THE_TERRITORY)).toBe(true);
    expect(run.stdout).not.toContain('Écarté');
  });

  it('says it in the row of `Territoires`, and counts it in the sheet’s note', () => {
    const sheet = gridsOf(new Uint8Array(readFileSync(join(root, 'consolidation.xlsx')))).sheets.find(
      (one) => one.name === 'Territoires',
    )!;
    const row = sheet.rows.find((cells) => cells?.[0]?.value === 'Monts du Pilat')!;
    expect(plain(String(row[2]?.value))).toBe(
      'in/pilat.xlsx (colonne « Commentaire » de la feuille « Axe 1 » manquante : à remettre par le territoire)',
    );
    expect(plain(String(sheet.rows[1][0]?.value))).toContain(
      '1 territoire est compté sans une colonne de son classeur, qu’aucun chiffre ne lit : voir la colonne « Fichier ».',
    );
  });

  // The whole reason, what the territory is to do, as for a column emptied: the Fichier cell only names the column.
  it('gives the reason in « Fichiers écartés », among the territories counted with a column to put back', () => {
    const sheet = gridsOf(new Uint8Array(readFileSync(join(root, 'consolidation.xlsx')))).sheets.find(
      (one) => one.name === 'Fichiers écartés',
    )!;
    const title = sheet.rows.findIndex((cells) =>
      String(cells?.[0]?.value ?? '').startsWith('Territoires comptés avec une colonne à remettre'),
    );
    expect(title).toBeGreaterThan(0);
    const kept = json.territories.find((territory) => territory.name === 'Monts du Pilat')!;
    expect(sheet.rows[title + 2]?.map((cell) => cell?.value)).toEqual([
      'Monts du Pilat',
      'in/pilat.xlsx',
      kept.missingColumns[0].reason,
    ]);
  });
});
