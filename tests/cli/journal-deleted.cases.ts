import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { fileGrids } from './file-grids';
import { generatedWorkbook } from './generated-workbook';
import { runCli } from './run-cli';

/**
 * The Journal deleted from a tracking workbook (Excel: right click on the tab, « Supprimer »): every rewrite used to
 * write a new, empty Journal in its place without a word, its lines (each change, each closing, what an undo needs)
 * gone from the workbook. The Journal is written at generation and never removed, so a workbook without it is
 * refused, named as any other missing sheet, and left as it is.
 */

const workDir = mkdtempSync(join(tmpdir(), 'ctg-journal-deleted-'));

async function deleteSheet(file: string, name: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  workbook.removeWorksheet(workbook.getWorksheet(name)!.id);
  await workbook.xlsx.writeFile(file);
}

it('validate names the missing Journal, and compute and close-quarter leave the workbook as it is', async () => {
  const workbook = join(workDir, 'suivi.xlsx');
  await generatedWorkbook(workbook);
  await deleteSheet(workbook, 'Journal');
  const before = readFileSync(workbook);

  const json = JSON.parse((await runCli(['validate', workbook, '--json'])).stdout);
  expect(json.issues.filter((issue: { severity: string }) => issue.severity === 'error')).toEqual([
    expect.objectContaining({
      code: 'missing-sheet',
      message:
        'La feuille «\u00a0Journal\u00a0» manque. Elle a sans doute été supprimée ou renommée\u00a0: rétablissez-la ' +
        '(à partir d’une copie de sauvegarde) sous ce nom exact. Elle garde chaque changement fait par l’outil, ce ' +
        'qu’une annulation de fusion reprend\u00a0: le classeur n’est pas réécrit sans elle. Sans copie, ajoutez une ' +
        'feuille vide nommée «\u00a0Journal\u00a0»\u00a0: les lignes suivantes y seront écrites.',
    }),
  ]);
  for (const command of ['compute', 'close-quarter']) {
    const run = await runCli([command, workbook]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('La feuille «\u00a0Journal\u00a0» manque.');
  }
  expect(readFileSync(workbook).equals(before)).toBe(true);

  // No figure reads the Journal: a consolidation keeps the territory, its error counted.
  const consolidated = await runCli(['consolidate', workbook, '-o', join(workDir, 'consolidation.xlsx'), '--json']);
  const document = JSON.parse(consolidated.stdout);
  expect(document.rejected).toEqual([]);
  expect(document.territories).toEqual([expect.objectContaining({ errors: 1 })]);
}, 60_000);

it('a blank sheet named Journal in its place is taken: the next lines are written there', async () => {
  const workbook = join(workDir, 'vide.xlsx');
  await generatedWorkbook(workbook);
  await deleteSheet(workbook, 'Journal');
  const blank = new ExcelJS.Workbook();
  await blank.xlsx.readFile(workbook);
  blank.addWorksheet('Journal');
  await blank.xlsx.writeFile(workbook);
  const run = await runCli(['compute', workbook, '--quarter', '2026-T3', '--json']);
  expect(run.code).toBe(0);
  const journal = fileGrids(workbook).sheets.find((sheet) => sheet.name === 'Journal')!;
  expect(journal.rows.slice(1).map((row) => row[1]?.value)).toContain('Choix du trimestre');
}, 60_000);
