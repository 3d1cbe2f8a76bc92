import { calendarDayOf } from '../../app';
import { writeConsolidation, type Consolidation } from '../../app/consolidate';
import type { ProducedFile } from '../files/file-output';
import { loadXlsxWriter } from '../files/xlsx-modules';

/** `consolidation-ctg-AAAA-MM-JJ.xlsx`, the day it was made (today's date, as every command reads it). */
export function consolidationFileName(now: Date): string {
  return `consolidation-ctg-${calendarDayOf(now)}.xlsx`;
}

/** The consolidation workbook as .xlsx bytes, by the use case and the writer of `ctg-suivi consolidate`. */
export async function consolidationFile(consolidation: Consolidation, now: Date): Promise<ProducedFile> {
  const { createXlsxWriterPort } = await loadXlsxWriter();
  let bytes: Uint8Array | null = null;
  await writeConsolidation(
    consolidation,
    createXlsxWriterPort((written) => void (bytes = written)),
    now,
  );
  if (!bytes) throw new Error('The writer produced no file');
  return { name: consolidationFileName(now), bytes };
}
