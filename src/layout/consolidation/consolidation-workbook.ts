// Placeholder until the consolidation workbook's layout lands (replaced whole by it).
import type { Consolidation } from '../../domain/consolidation/consolidation';
import type { WorkbookSpec } from '../workbook-spec';

export function buildConsolidationWorkbook(consolidation: Consolidation, context: { writtenAt: string }): WorkbookSpec {
  throw new Error(`not yet: ${consolidation.territories.length} ${context.writtenAt}`);
}
