import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureTerritory } from '../../src/app/consolidate/measure-territory';
import { consolidate } from '../../src/domain/consolidation/consolidate';
import { measureFiles } from '../../src/cli/consolidate/measure-pool';
import { consolidationRead } from '../../src/app/consolidate/consolidation-read';
import { readXlsx } from '../../src/xlsx/reader';
import { editedBytes, pilat, territoryBytes } from './helpers/territories';

/**
 * A file left out for its structure is told by its first problem; when it has more, the Caf is told how many and
 * where to see them all, rather than fixing one, consolidating again and meeting the next (a duplicated key reads
 * first as « la ligne de clé … a disparu », the key typed over it coming only after).
 */

const today = new Date('2027-06-01T10:00:00Z');
const folder = mkdtempSync(join(tmpdir(), 'ctg-structure-errors-'));
let bytes: Uint8Array;

async function edited(name: string, edit: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const path = join(folder, name);
  writeFileSync(path, await editedBytes(bytes, edit));
  return path;
}

beforeAll(async () => {
  bytes = await territoryBytes(pilat);
}, 60_000);

/** Axe 13 deleted, and in Axe 1 the headers given typed over (each column then missing). */
const broken =
  (...headers: string[]) =>
  (workbook: ExcelJS.Workbook) => {
    workbook.removeWorksheet(workbook.getWorksheet('Axe 13')!.id);
    workbook
      .getWorksheet('Axe 1')!
      .getRow(3)
      .eachCell((cell) => {
        if (headers.includes(String(cell.value))) cell.value = `${String(cell.value)} (à revoir)`;
      });
  };

it('says how many other structure errors a file left out has, and how to see them all', async () => {
  const twoErrors = await edited('deux-erreurs.xlsx', broken('Statut'));
  const threeErrors = await edited('trois-erreurs.xlsx', broken('Statut', 'Difficultés'));
  const outcomes = await measureFiles([twoErrors, threeErrors], { quarter: null, today, workers: 1 });
  const reasons = new Map(consolidate(outcomes, null).rejected.map(({ file, reason }) => [file, reason]));
  expect(reasons.get(twoErrors)).toMatch(/^La feuille «\u00a0Axe 13\u00a0» manque\./);
  expect(reasons.get(twoErrors)).toMatch(
    / Le classeur a 1 autre erreur de structure\u00a0: lancez «\u00a0npx ctg-suivi validate\u00a0» sur ce fichier pour les voir toutes\.$/,
  );
  expect(reasons.get(threeErrors)).toMatch(
    / Le classeur a 2 autres erreurs de structure\u00a0: lancez «\u00a0npx ctg-suivi validate\u00a0» sur ce fichier pour les voir toutes\.$/,
  );
});

it('names the pane’s check in the pane, and says nothing more of a file with one structure error', async () => {
  const twoErrors = await edited('deux-erreurs-volet.xlsx', broken('Statut'));
  const read = readXlsx(new Uint8Array(readFileSync(twoErrors)), consolidationRead);
  if (!read.ok) throw new Error(read.error.code);
  const outcome = await measureTerritory('deux-erreurs-volet.xlsx', read.grids, { today, surface: 'task-pane' });
  expect(outcome.ok ? null : outcome.rejected.reason).toMatch(
    / Le classeur a 1 autre erreur de structure\u00a0: «\u00a0Vérifier un fichier…\u00a0» les montre toutes\.$/,
  );
  const oneError = await edited('une-erreur.xlsx', broken());
  const [single] = await measureFiles([oneError], { quarter: null, today, workers: 1 });
  expect(single.ok ? null : single.rejected.reason).not.toContain('erreur de structure');
});
