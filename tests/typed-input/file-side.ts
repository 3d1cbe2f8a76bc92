import ExcelJS from 'exceljs';
import { combinePort } from '../../src/app/combine-port';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { validateGrids } from '../../src/app/validate';
import type { SheetGrid, WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage } from '../../src/domain/issues';
import { createXlsxWriterPort } from '../../src/xlsx/writer';
import { gridsOfXlsx } from '../excel-backend/helpers/xlsx-side';

/**
 * A tracking workbook file as a person edits it (ExcelJS standing for Excel or a script), then validated and
 * computed by the file back end: what the person sees afterwards (messages, cells of the rewritten file).
 */

export async function editWorkbook(bytes: Uint8Array, edit: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  edit(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** `compute` on the file: the outcome, each issue's French message, and the rewritten file's grids when written. */
export async function computeFile(bytes: Uint8Array, now: Date) {
  let written: Uint8Array | null = null;
  const port = combinePort(
    { read: async () => gridsOfXlsx(bytes) },
    createXlsxWriterPort((out) => {
      written = out;
    }),
  );
  const outcome = await computeAndWrite(port, { now });
  const issues = outcome.status === 'done' ? outcome.notes : outcome.issues;
  return {
    outcome,
    messages: issues.map(renderIssueMessage),
    issues,
    written: written as Uint8Array | null,
    after: written ? gridsOfXlsx(written) : null,
  };
}

export async function validateFile(bytes: Uint8Array, today: Date) {
  const report = await validateGrids(gridsOfXlsx(bytes), { today });
  return { report, messages: report.issues.map(renderIssueMessage) };
}

export function sheetOf(grids: WorkbookGrids, name: string): SheetGrid {
  const found = grids.sheets.find((sheet) => sheet.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The cell of `key`'s row under `header` in whichever axis sheet holds it (header row found by its « Clé »). */
export function axisCell(workbook: ExcelJS.Workbook, key: string, header: string): ExcelJS.Cell {
  for (const sheet of workbook.worksheets.filter((candidate) => candidate.name.startsWith('Axe '))) {
    let headerRow = 0;
    sheet.eachRow((row, number) => {
      if (headerRow === 0 && row.getCell(1).value === 'Clé') headerRow = number;
    });
    if (headerRow === 0) continue;
    let column = 0;
    sheet.getRow(headerRow).eachCell((cell, index) => {
      if (cell.value === header) column = index;
    });
    let found: ExcelJS.Cell | null = null;
    sheet.eachRow((row) => {
      if (!found && row.getCell(1).value === key) found = row.getCell(column);
    });
    if (found && column > 0) return found;
  }
  throw new Error(`no cell ${key} / ${header}`);
}

/** `Axe 1!B7` → the value the rewritten grids hold under `key` and `header`. */
export function gridValueOf(grids: WorkbookGrids, key: string, header: string): unknown {
  for (const sheet of grids.sheets.filter((candidate) => candidate.name.startsWith('Axe '))) {
    const headerRow = sheet.rows.findIndex((row) => row?.[0]?.value === 'Clé');
    if (headerRow < 0) continue;
    const column = sheet.rows[headerRow].findIndex((cell) => cell?.value === header);
    const row = sheet.rows.find((cells) => cells?.[0]?.value === key);
    if (row && column >= 0) return row[column]?.value ?? null;
  }
  return undefined;
}
