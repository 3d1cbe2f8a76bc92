import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractWorkbook, findWorkbookRecipient, loadValidState } from '../../src/app';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { createXlsxReaderPort } from '../../src/xlsx/reader';
import { writeXlsx } from '../../src/xlsx/writer';
import { samplePlan } from '../layout/helpers/sample-plan';
import { axisCell, editWorkbook } from '../typed-input/file-side';
import { runCli } from './run-cli';

/**
 * `ctg-suivi validate` on a returned extract whose axis sheet its recipient renamed, then `merge --dry-run` of the
 * same file: the merge reads the renamed sheet, so checking the file first tells no error to correct, only that the
 * merge reads it anyway (docs/WORKBOOK.md, « Extracts »).
 */

const today = new Date('2026-05-10T09:00:00Z');
let folder: string;
let master: string;
let extractBytes: Uint8Array;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'ctg-validate-renamed-'));
  const masterBytes = await writeXlsx((await buildNewWorkbook(samplePlan(), { today })).spec);
  master = join(folder, 'suivi.xlsx');
  writeFileSync(master, masterBytes);
  const loaded = await loadValidState(createXlsxReaderPort(masterBytes), today);
  if (!loaded.ok) throw new Error('the workbook is not valid');
  const made = await extractWorkbook(loaded.state, findWorkbookRecipient(loaded.state, 'CCMP')!, { now: today });
  if (!made.ok) throw new Error('no extract for CCMP');
  extractBytes = await writeXlsx(made.extract.spec);
}, 60_000);

it('says the renamed sheet is read by the merge, exit 0, and the merge takes its values', async () => {
  const returned = join(folder, 'retour-ccmp.xlsx');
  const renamed = await editWorkbook(extractBytes, (workbook) => {
    axisCell(workbook, 'G1', 'Statut').value = 'En cours';
    workbook.getWorksheet('Axe 1')!.name = 'Mes fiches';
  });
  writeFileSync(returned, renamed);

  const run = await runCli(['validate', returned]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(
    'La feuille «\u00a0Mes fiches\u00a0» est la feuille «\u00a0Axe 1\u00a0» de l’extrait, renommée\u00a0: la fusion ' +
      'la lit quand même, chaque ligne par sa clé, et le nom ne fait rien perdre.',
  );
  expect(run.stdout).not.toContain('rendez-lui son nom');
  const json = JSON.parse((await runCli(['validate', returned, '--json'])).stdout);
  expect(json.errors).toBe(0);
  expect(json.issues).toContainEqual(
    expect.objectContaining({ severity: 'warning', code: 'extract-sheet-renamed', sheet: 'Mes fiches', cell: null }),
  );

  const merged = JSON.parse((await runCli(['merge', master, returned, '--dry-run', '--json'])).stdout);
  expect(merged.rejected).toEqual([]);
  expect(merged.applied).toEqual([expect.objectContaining({ key: 'G1', column: 'Statut', new: 'En cours' })]);
}, 60_000);
