/** A bilan of the convention for the COPIL or the CDSF (docs/WORKBOOK.md, « Bilans »). */
export { buildBilan, type BilanOptions, type BilanOutcome } from './build-bilan';
export { bilanJson, type BilanJson } from './bilan-json';
export { bilanSheets } from '../sheet-selections';
export type { Bilan, BilanKind, BilanPeriod } from '../../domain/bilan/bilan';
