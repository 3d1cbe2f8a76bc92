import type { Workbook } from 'exceljs';
import type { WorkbookSpec } from '../../layout/workbook-spec';
import { sharedStyles, writeSheet } from './exceljs-sheet';

/**
 * Writes a WorkbookSpec with ExcelJS and returns the bytes as ExcelJS produced them (see post-process.ts for what
 * is fixed afterwards). ExcelJS is loaded on demand: the task pane only pays for it when it writes a file.
 */
export async function writeWithExcelJs(spec: WorkbookSpec): Promise<Uint8Array> {
  const ExcelJS = await import('exceljs');
  const workbook: Workbook = new ExcelJS.Workbook();
  workbook.creator = spec.properties.creator;
  workbook.title = spec.properties.title;
  const styleOf = sharedStyles();
  for (const sheet of spec.sheets) await writeSheet(workbook, sheet, styleOf, { streamed: false });
  for (const name of spec.definedNames) workbook.definedNames.add(name.ref, name.name);
  // Stored, not deflated: postProcessXlsx unzips it and deflates every part once when it writes the final zip.
  const buffer = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  return new Uint8Array(buffer as ArrayBuffer);
}
