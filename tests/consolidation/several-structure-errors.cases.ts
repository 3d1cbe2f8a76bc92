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
 * where to see them all — the command to run on that file — rather than fixing one, consolidating again and meeting
 * the next. A key typed over with another row's is told as such, never as its row gone.
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
    / Le classeur a 1 autre erreur de structure\u00a0: lancez «\u00a0npx ctg-suivi /,
  );
  expect(reasons.get(twoErrors)).toContain(` «\u00a0npx ctg-suivi validate ${twoErrors}\u00a0» pour les voir toutes.`);
  expect(reasons.get(threeErrors)).toMatch(/ Le classeur a 2 autres erreurs de structure\u00a0: /);
  expect(reasons.get(threeErrors)).toMatch(
    / «\u00a0npx ctg-suivi validate \S+trois-erreurs\.xlsx\u00a0» pour les voir toutes\.$/,
  );
});

it('quotes a path with spaces in the command to run', async () => {
  const path = await edited('deux erreurs.xlsx', broken('Statut'));
  const [outcome] = await measureFiles([path], { quarter: null, today, workers: 1 });
  expect(outcome.ok ? null : outcome.rejected.reason).toContain(`«\u00a0npx ctg-suivi validate "${path}"\u00a0»`);
});

it('tells a key typed over with the previous row’s as changed, the file having no other structure error', async () => {
  const path = await edited('cle-retapee.xlsx', (workbook) => {
    const axis = workbook.getWorksheet('Axe 1')!;
    let previous = '';
    axis.eachRow((row) => {
      const key = String(row.getCell(1).value ?? '');
      if (previous === '' && /-QN1$/.test(key) && /-QN2$/.test(String(axis.getRow(row.number + 1).getCell(1).value))) {
        previous = key;
        axis.getRow(row.number + 1).getCell(1).value = key;
      }
    });
  });
  const [outcome] = await measureFiles([path], { quarter: null, today, workers: 1 });
  const reason = outcome.ok ? '' : outcome.rejected.reason;
  expect(outcome.ok ? null : outcome.rejected.code).toBe('key-changed');
  expect(reason).toMatch(
    /^Axe 1, cellule A\d+\u00a0: la clé a été modifiée \(lue\u00a0: «\u00a0\S+-QN1\u00a0», attendue\u00a0: «\u00a0\S+-QN2\u00a0»\)/,
  );
  expect(reason).not.toMatch(/disparu|erreur de structure/);
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
