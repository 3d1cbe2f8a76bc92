import ExcelJS from 'exceljs';
import { generateWorkbook } from '../../../src/app/generate';
import type { WorkbookGrids } from '../../../src/app/port';
import type { Plan } from '../../../src/domain/plan';
import { readXlsx } from '../../../src/xlsx/reader';
import { createXlsxWriterPort } from '../../../src/xlsx/writer';
import { keptForRun } from '../../helpers/kept-for-run';

/**
 * The .xlsx back end's side of the same use cases: generate to bytes, read bytes back to grids.
 * The bytes are generated once per run for a plan and a day (tests/helpers/kept-for-run.ts): several suites start
 * from the embedded plan on the same day.
 */
export function generateXlsx(plan: Plan, today: Date): Promise<Uint8Array> {
  return keptForRun('generated-xlsx', [plan, today], () => generateXlsxNow(plan, today));
}

async function generateXlsxNow(plan: Plan, today: Date): Promise<Uint8Array> {
  let bytes: Uint8Array | null = null;
  await generateWorkbook(
    plan,
    createXlsxWriterPort((written) => {
      bytes = written;
    }),
    { today },
  );
  if (!bytes) throw new Error('nothing written');
  return bytes;
}

export function gridsOfXlsx(bytes: Uint8Array): WorkbookGrids {
  const read = readXlsx(bytes);
  if (!read.ok) throw new Error(`unreadable: ${read.error.code}`);
  return read.grids;
}

/** A person's edits in a file: values typed into cells of named sheets (as Excel would save them). */
export async function editXlsx(
  bytes: Uint8Array,
  edits: { sheet: string; cell: string; value: string | number | boolean | Date; numFmt?: string }[],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  for (const edit of edits) {
    const cell = workbook.getWorksheet(edit.sheet)!.getCell(edit.cell);
    cell.value = edit.value;
    if (edit.numFmt !== undefined) cell.numFmt = edit.numFmt;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
