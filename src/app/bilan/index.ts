/** A bilan of the convention for the COPIL or the CDSF (docs/WORKBOOK.md, « Bilans »). */
export { buildBilan, type BilanOptions, type BilanOutcome, type BilanRefusal } from './build-bilan';
export { bilanJson, type BilanJson } from './bilan-json';
export { bilanDocument, type BilanDocument } from './bilan-file';
export { bilanSheets } from '../sheet-selections';
export { ratesOf } from '../../domain/consolidation/counts';
export type { ConsolidationCounts } from '../../domain/consolidation/counts';
export type { Bilan, BilanKind, BilanPeriod } from '../../domain/bilan/bilan';
