import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
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

/** The Journal's lines newest first, as a person sorts them on its Date column (the header row stays). */
async function sortJournalNewestFirst(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('Journal')!;
  const width = sheet.getRow(1).cellCount;
  const lines: { value: ExcelJS.CellValue; numFmt: string }[][] = [];
  for (let row = 2; row <= sheet.rowCount; row++)
    lines.push(
      Array.from({ length: width }, (_, index) => {
        const { value, numFmt } = sheet.getRow(row).getCell(index + 1);
        return { value, numFmt };
      }),
    );
  lines.sort((a, b) => String(b[0].value).localeCompare(String(a[0].value)));
  lines.forEach((line, index) =>
    line.forEach(({ value, numFmt }, column) => {
      const cell = sheet.getRow(index + 2).getCell(column + 1);
      cell.value = value;
      cell.numFmt = numFmt;
    }),
  );
  await workbook.xlsx.writeFile(file);
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

    // No figure reads Historique: a consolidation keeps the territory, and counts its error as validate does.
    const consolidation = join(workDir, 'consolidation.xlsx');
    const consolidated = await runCli(['consolidate', workbook, '-o', consolidation, '--json']);
    expect(JSON.parse(consolidated.stdout).rejected).toEqual([]);
    expect(JSON.parse(consolidated.stdout).territories).toMatchObject([{ errors: json.errors }]);
    const territories = fileGrids(consolidation).sheets.find((sheet) => sheet.name === 'Territoires')!;
    const headers = territories.rows[3]!.map((found) => found?.value);
    expect(territories.rows[4]![headers.indexOf('Erreurs de données')]?.value).toBe(1);
    const told = await runCli(['consolidate', workbook, '-o', consolidation, '--force']);
    expect(told.stdout).toContain('1 erreur de données');
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

  it('names the latest quarter closed, whatever the order a person sorted the Journal in', async () => {
    const workbook = await closedWorkbook('trie.xlsx');
    clockAt(new Date('2027-03-30T10:00:00Z'));
    expect((await runCli(['close-quarter', workbook])).code).toBe(0);
    await sortJournalNewestFirst(workbook);
    await deleteSheet(workbook, 'Historique');
    const json = JSON.parse((await runCli(['validate', workbook, '--json'])).stdout);
    expect(json.issues.filter((issue: { severity: string }) => issue.severity === 'error')).toEqual([
      expect.objectContaining({
        code: 'missing-sheet',
        message: missingHistory.replace('celle de 2026-T4', 'celle de 2027-T1'),
      }),
    ]);
  }, 120_000);

  /**
   * A workbook of an older format may never have had Historique: generated without it, it got it at its first closing
   * where a state was entered, a closing with none writing nothing there then. Its Journal's closing line is the same
   * either way, so the message says both, and that a blank sheet is all it needs when no state was entered.
   */
  const neverWritten = (quarter: string) =>
    `La feuille «${NBSP}Historique${NBSP}» manque, alors que le Journal note la clôture de ${quarter}. Elle garde ` +
    `l’état des fiches à chaque clôture de trimestre, que les bilans lisent${NBSP}: le classeur n’est pas réécrit, ni ` +
    'aucun bilan fait, sans elle. Ce classeur vient d’un format plus ancien, dont les versions de l’outil pouvaient ne ' +
    'créer la feuille qu’à la première clôture où un état des fiches était saisi (statut, avancement, mise en œuvre, ' +
    `difficultés, commentaire)${NBSP}: si aucun ne l’était à ses clôtures, elle n’a jamais existé et rien n’est perdu. ` +
    `Sinon, elle a été supprimée ou renommée${NBSP}: rétablissez-la (à partir d’une copie de sauvegarde) sous ce nom ` +
    `exact. Dans le premier cas, ou sans copie, ajoutez une feuille vide nommée «${NBSP}Historique${NBSP}»${NBSP}: les ` +
    'bilans prendront alors l’état des fiches des feuilles d’axe pour les trimestres déjà clôturés, en le disant.';

  const fixture = (format: number) => join(__dirname, '..', 'fixtures', `format-v${format}`, `suivi-v${format}.xlsx`);

  const errorsOf = async (workbook: string) =>
    JSON.parse((await runCli(['validate', workbook, '--json'])).stdout).issues.filter(
      (issue: { severity: string }) => issue.severity === 'error',
    );

  it('tells a workbook of an older format that Historique may never have been written, and still refuses it', async () => {
    const workbook = join(workDir, 'format-1.xlsx');
    copyFileSync(fixture(1), workbook);
    await deleteSheet(workbook, 'Historique');
    clockAt(new Date('2027-01-10T10:00:00Z'));
    expect(await errorsOf(workbook)).toEqual([
      expect.objectContaining({ code: 'missing-sheet', sheet: 'Historique', message: neverWritten('2026-T3') }),
    ]);
    const run = await runCli(['compute', workbook]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(neverWritten('2026-T3'));
  }, 120_000);

  it('tells it so once migrated too: the Journal keeps the format it was updated from', async () => {
    const workbook = join(workDir, 'format-2.xlsx');
    copyFileSync(fixture(2), workbook);
    clockAt(new Date('2027-01-10T10:00:00Z'));
    expect((await runCli(['compute', workbook])).code).toBe(0);
    await deleteSheet(workbook, 'Historique');
    expect(await errorsOf(workbook)).toEqual([
      expect.objectContaining({ code: 'missing-sheet', sheet: 'Historique', message: neverWritten('2026-T3') }),
    ]);
  }, 120_000);
});
