import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { clockAt, restoreClock } from './clock';
import { fileGrids } from './file-grids';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';

/**
 * Historique deleted from a tracking workbook whose Journal records a closing: `validate` said nothing, and a bilan
 * of the closed year silently took the axis sheets' states, as if the quarter had never been closed. A workbook
 * never closed may have no Historique (one generated before it was written at generation): only the Journal's
 * closing line tells that the sheet should be there.
 */

const NBSP = '\u00a0';
const workDir = mkdtempSync(join(tmpdir(), 'ctg-history-deleted-'));

async function deleteSheet(file: string, name: string, blankInstead = false): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  workbook.removeWorksheet(workbook.getWorksheet(name)!.id);
  if (blankInstead) workbook.addWorksheet(name);
  await workbook.xlsx.writeFile(file);
}

/** The embedded plan's workbook, 2026-T4 closed on 20 December 2026. */
async function closedWorkbook(name: string): Promise<string> {
  const workbook = join(workDir, name);
  clockAt(new Date('2026-12-20T10:00:00Z'));
  await generatedWorkbook(workbook);
  expect((await runCli(['close-quarter', workbook])).code).toBe(0);
  return workbook;
}

describe('history-deleted', () => {
  afterEach(restoreClock);

  const missingHistory =
    `La feuille «${NBSP}Historique${NBSP}» manque. Elle a sans doute été supprimée ou renommée${NBSP}: rétablissez-la ` +
    `(à partir d’une copie de sauvegarde) sous ce nom exact. Elle garde l’état des fiches à chaque clôture de ` +
    `trimestre (le Journal note celle de 2026-T4), que les bilans lisent${NBSP}: le classeur n’est pas réécrit, ni ` +
    `aucun bilan fait, sans elle. Sans copie, ajoutez une feuille vide nommée «${NBSP}Historique${NBSP}»${NBSP}: les ` +
    'bilans prendront alors l’état des fiches des feuilles d’axe pour les trimestres déjà clôturés, en le disant.';

  it('validate names Historique missing once a closing is journalled; rewrites and bilans are refused', async () => {
    const workbook = await closedWorkbook('suivi.xlsx');
    await deleteSheet(workbook, 'Historique');
    const before = readFileSync(workbook);
    clockAt(new Date('2027-01-10T10:00:00Z'));

    const json = JSON.parse((await runCli(['validate', workbook, '--json'])).stdout);
    expect(json.issues.filter((issue: { severity: string }) => issue.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'missing-sheet', sheet: 'Historique', message: missingHistory }),
    ]);
    for (const command of [['compute'], ['close-quarter'], ['bilan', '--kind', 'annuel', '--year', '2026']]) {
      const run = await runCli([command[0], workbook, ...command.slice(1)]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`La feuille «${NBSP}Historique${NBSP}» manque.`);
    }
    expect(readFileSync(workbook).equals(before)).toBe(true);

    // No figure reads Historique: a consolidation keeps the territory.
    const consolidated = await runCli(['consolidate', workbook, '-o', join(workDir, 'consolidation.xlsx'), '--json']);
    expect(JSON.parse(consolidated.stdout).rejected).toEqual([]);
    expect(JSON.parse(consolidated.stdout).territories).toHaveLength(1);
  }, 120_000);

  it('says nothing of a workbook never closed that has no Historique (an older one)', async () => {
    const workbook = join(workDir, 'jamais.xlsx');
    await generatedWorkbook(workbook);
    await deleteSheet(workbook, 'Historique');
    const json = JSON.parse((await runCli(['validate', workbook, '--json'])).stdout);
    expect(json.issues.map((issue: { code: string }) => issue.code)).not.toContain('missing-sheet');
    expect((await runCli(['compute', workbook])).code).toBe(0);
  }, 60_000);

  it('takes a blank Historique in its place, and the bilan says the closed quarter has no line there', async () => {
    const workbook = await closedWorkbook('vide.xlsx');
    await deleteSheet(workbook, 'Historique', true);
    clockAt(new Date('2027-01-10T10:00:00Z'));
    const json = JSON.parse((await runCli(['validate', workbook, '--json'])).stdout);
    expect(json.errors).toBe(0);
    const bilan = await runCli([
      'bilan',
      workbook,
      '--kind',
      'annuel',
      '--year',
      '2026',
      '-o',
      join(workDir, 'bilan.xlsx'),
      '--json',
    ]);
    expect(bilan.code).toBe(0);
    const warnings = JSON.parse(bilan.stdout).warnings as { code: string; message: string }[];
    expect(warnings.filter((issue) => issue.code === 'bilan-quarter-not-closed')).toEqual([
      expect.objectContaining({
        message:
          `Le trimestre 2026-T4 a été clôturé (le Journal le note), mais «${NBSP}Historique${NBSP}» n’en garde aucune ` +
          `ligne${NBSP}: l’état des fiches est celui des feuilles d’axe, pas celui de la clôture. Si ses lignes ` +
          'ont été effacées, reprenez-les d’une copie du classeur enregistrée avant.',
      }),
    ]);
    // The bilan's first page says the same, not that the quarter was never closed.
    const synthesis = fileGrids(join(workDir, 'bilan.xlsx')).sheets.find((sheet) => sheet.name === 'Synthèse')!;
    const texts = synthesis.rows.flatMap((row) => row.map((found) => String(found?.value ?? '')));
    expect(texts).toContain(warnings.find((issue) => issue.code === 'bilan-quarter-not-closed')!.message);
    expect(texts.join('\n')).not.toContain('n’a pas été clôturé');

    // The next closing writes its row, under the header row, into the sheet put back.
    expect((await runCli(['close-quarter', workbook])).code).toBe(0);
    const history = fileGrids(workbook).sheets.find((sheet) => sheet.name === 'Historique')!;
    expect(history.rows[0]?.map((found) => found?.value)).toEqual([
      'Trimestre',
      'Clé',
      'Champ',
      'Valeur',
      'Date de clôture',
    ]);
    expect(new Set(history.rows.slice(1).map((row) => row[0]?.value))).toEqual(new Set(['2027-T1']));
  }, 120_000);
});
