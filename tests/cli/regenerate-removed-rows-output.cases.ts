import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { fileGrids } from './file-grids';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';

// A regeneration that removes rows says what became of their values: « Archives » is named only when values went
// there, and then with the keys whose values it keeps.

const workDir = mkdtempSync(join(tmpdir(), 'ctg-regenerate-removed-'));
const path = (name: string) => join(workDir, name);
const seedText = readFileSync(join(__dirname, '..', 'fixtures', 'ctg-monts-du-pilat-2026-2030.txt'), 'utf8');
const nbsp = '\u00a0';
const pe5Title = 'Préparer, orienter et accompagner les familles vers un accueil de qualité pour leur jeune enfant';

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`not exactly once: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The convention with PE5 written without a ref: the tools key it SANSREF1 and find it again by its title. */
const planWithoutRef = replaceOnce(seedText, 'Réf de la fiche action :\n\nPE5\n', 'Réf de la fiche action :\n\n');
/** The same plan once that fiche's title changed: SANSREF1 is no longer found, SANSREF2 comes instead. */
const planRetitled = replaceOnce(planWithoutRef, pe5Title, 'Accompagner les familles vers un accueil de qualité');

/** Types values into the axis sheets with Excel's file format library, as a person editing the file would. */
async function typeValues(file: string, values: [key: string, header: string, value: number][]) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  for (const [key, header, value] of values)
    workbook.eachSheet((sheet) => {
      if (!sheet.name.startsWith('Axe ')) return;
      const column = (sheet.getRow(3).values as unknown[]).indexOf(header);
      sheet.eachRow((row) => {
        if (row.getCell(1).value === key) row.getCell(column).value = value;
      });
    });
  await workbook.xlsx.writeFile(file);
}

const sheetNames = (file: string) => fileGrids(file).sheets.map((sheet) => sheet.name);

async function regenerate(name: string, values: [string, string, number][]): Promise<string> {
  writeFileSync(path('plan.txt'), planWithoutRef);
  writeFileSync(path('plan-modifie.txt'), planRetitled);
  const workbook = path(name);
  await generatedWorkbook(workbook, { plan: path('plan.txt') });
  if (values.length > 0) await typeValues(workbook, values);
  const run = await runCli(['generate', '--plan', path('plan-modifie.txt'), '-o', workbook, '--force']);
  expect(run.code).toBe(0);
  return run.stdout;
}

describe('ctg-suivi generate --force, a fiche without a ref no longer found by its title', () => {
  it('with no value entered: says so, and speaks of no « Archives », which it does not create', async () => {
    const stdout = await regenerate('sans-valeur.xlsx', []);
    expect(stdout).toContain(`Lignes retirées du plan, sans valeur saisie${nbsp}: SANSREF1, SANSREF1-QN1,`);
    expect(stdout).toContain(
      `La fiche SANSREF1 («${nbsp}${pe5Title}${nbsp}»), clé donnée faute de référence, n’est plus retrouvée dans le ` +
        `plan par son intitulé${nbsp}: elle n’est pas prise pour une autre. Aucune valeur n’y était saisie.`,
    );
    expect(stdout).not.toContain('Archives');
    expect(sheetNames(path('sans-valeur.xlsx'))).not.toContain('Archives');
  }, 120_000);

  it('with values entered: names the rows whose values « Archives » keeps', async () => {
    const stdout = await regenerate('avec-valeurs.xlsx', [
      ['SANSREF1-QN1', '2026-T1', 4],
      ['SANSREF1-QN2', '2026-T2', 7],
    ]);
    expect(stdout).toContain(
      `2 lignes retirées du plan avaient des valeurs saisies${nbsp}: ces valeurs sont gardées dans la feuille ` +
        `«${nbsp}Archives${nbsp}» (SANSREF1-QN1, SANSREF1-QN2).`,
    );
    expect(stdout).toContain(
      `n’est plus retrouvée dans le plan par son intitulé${nbsp}: elle n’est pas prise pour une autre, ses valeurs ` +
        `saisies sont gardées dans «${nbsp}Archives${nbsp}» (SANSREF1-QN1, SANSREF1-QN2). Si elle a seulement ` +
        'changé d’intitulé, reportez-les dans sa nouvelle ligne, ou donnez-lui une référence dans le plan.',
    );
    expect(sheetNames(path('avec-valeurs.xlsx'))).toContain('Archives');
  }, 120_000);
});
