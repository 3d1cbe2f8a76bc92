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
let json: { rejected: { file: string; reason: string }[]; territories: { aoUnread: { reason: string } | null }[] };

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
      'Axe 1 : la colonne « Statut » manque : supprimée, ou son en-tête changé. Si la colonne est ' +
        'encore là, remettez-lui cet en-tête exact ; si elle a été supprimée, reprenez-la d’une copie du classeur ' +
        `enregistrée avant. Ses valeurs ne sont pas lues en attendant. ${ASK_THE_TERRITORY}`,
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
});
