import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { writeXlsx } from '../../src/xlsx/writer';
import { samplePlan } from '../layout/helpers/sample-plan';

/** A folder holding a new master of the sample plan (`suivi.xlsx`), where a partner's own files are written. */
export async function masterFolder(prefix: string, today: Date): Promise<{ folder: string; master: string }> {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  const master = join(folder, 'suivi.xlsx');
  writeFileSync(master, await writeXlsx((await buildNewWorkbook(samplePlan(), { today })).spec));
  return { folder, master };
}

/** A partner's own workbook (no `_ctg`, not an extract) with one sheet `Retour` holding `rows`; its path. */
export async function partnerOwnFile(folder: string, name: string, rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Retour');
  for (const row of rows) sheet.addRow(row);
  const path = join(folder, name);
  writeFileSync(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return path;
}
