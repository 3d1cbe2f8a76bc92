import type { Consolidation } from '../../domain/consolidation/consolidation';
import { isoTimestamp } from '../../domain/excel-dates';
import { buildConsolidationWorkbook } from '../../layout/consolidation/consolidation-workbook';
import type { WorkbookWriter } from '../port';

/** Writes the consolidation workbook (docs/WORKBOOK.md, « Consolidation ») through a back end's writer. */
export async function writeConsolidation(
  consolidation: Consolidation,
  writer: WorkbookWriter,
  now: Date,
): Promise<void> {
  await writer.write(buildConsolidationWorkbook(consolidation, { writtenAt: isoTimestamp(now) }));
}
