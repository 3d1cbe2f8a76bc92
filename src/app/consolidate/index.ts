/** The consolidation of many territories' workbooks (docs/WORKBOOK.md, « Consolidation »). */
export {
  isConsolidationWorkbook,
  measureTerritory,
  type MeasureOptions,
  type MeasureOutcome,
} from './measure-territory';
export { consolidate } from '../../domain/consolidation/consolidate';
export { isTrackingWorkbook } from '../workbook-state';
export { consolidationJson, type ConsolidationJson } from './consolidation-json';
export { writeConsolidation } from './write-consolidation';
export { ratesOf, type ConsolidationCounts, type ConsolidationRates } from '../../domain/consolidation/counts';
export type { Consolidation } from '../../domain/consolidation/consolidation';
export {
  quarterNoteOf,
  type QuarterLag,
  type QuarterNote,
  type RejectedFile,
  type TextCut,
} from '../../domain/consolidation/territory';
export type { FileOrigin, FileOrigins } from '../../domain/consolidation/file-order';
export { renderMessage } from '../../domain/messages';
export { figureSheets } from '../sheet-selections';
export type { SheetSelection } from '../port';
export { consolidationRead } from './consolidation-read';
export { frenchNameOrder } from '../../domain/name-key';
