import { PassThrough } from 'node:stream';
import type { WorkbookSpec } from '../../layout/workbook-spec';
import { sharedStyles, writeSheet } from './exceljs-sheet';
import { postProcessXlsx } from './post-process';

/**
 * The .xlsx bytes of a workbook spec, its rows streamed out by ExcelJS's `WorkbookWriter` as they are written, then
 * fixed as `writeXlsx`'s (post-process.ts). For the command line only (Node's streams; ExcelJS's browser build has
 * no streamed writer): a consolidation of a thousand territories is ≈ 900 000 cells, which ExcelJS's in-memory
 * workbook held at once, past 1 GB. Same cells, styles and parts as `writeXlsx`; the sheets carry no `<dimension>`.
 */
export async function streamXlsx(spec: WorkbookSpec): Promise<Uint8Array> {
  const ExcelJS = await import('exceljs');
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: true,
    // Stored, not deflated: postProcessXlsx deflates every part once when it writes the final zip.
    zip: { store: true },
  });
  workbook.creator = spec.properties.creator;
  workbook.title = spec.properties.title;
  // Its default would show « ExcelJS » as the last author in the file's properties.
  workbook.lastModifiedBy = spec.properties.creator;
  const styleOf = sharedStyles();
  for (const sheet of spec.sheets) await writeSheet(workbook, sheet, styleOf, { streamed: true });
  for (const name of spec.definedNames) workbook.definedNames.add(name.ref, name.name);
  await workbook.commit();
  return postProcessXlsx(
    new Uint8Array(Buffer.concat(chunks)),
    spec.sheets.map((sheet) => sheet.columnBreaks),
  );
}
