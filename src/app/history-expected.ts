import { isSkipped, type AnyWorkbookGrids } from '../domain/grid';
import type { Issue } from '../domain/issues';
import { closedQuarterOf, formatUpdatedFrom } from '../domain/journal';
import { parseQuarterLabel, quarterIndex } from '../domain/periods';
import { sheetNames } from '../layout/texts';
import type { TrackingWorkbookReading } from './read-tracking-workbook';

/**
 * Whether a workbook should have `Historique` (docs/WORKBOOK.md, « Historique »): every closing writes it and the
 * Journal its line, so a Journal that records a closing tells a Historique deleted, with the closed quarters'
 * states, from one a workbook never closed may lack (generated before the sheet was written at generation). The
 * format version cannot tell: a workbook migrated from an older one is not given the sheet until its first closing.
 */

/** The quarters whose closing the Journal records, in its order; none when the Journal was not read. */
export function closingsJournalled(grids: AnyWorkbookGrids, reading: TrackingWorkbookReading): string[] {
  const journal = grids.sheets.find((sheet) => sheet.name === sheetNames.journal);
  if (!journal || isSkipped(journal)) return [];
  return reading.readings.journal.entries.flatMap((record) => closedQuarterOf(record) ?? []);
}

/**
 * The latest quarter whose closing the Journal records, by the quarters' order: a person may sort the Journal's rows
 * (newest first), and a quarter put back and closed again leaves the later ones closed. Null when none, or when the
 * Journal was not read; a quarter the line does not hold as `AAAA-Tn` only when there is no other.
 */
export function lastClosingJournalled(grids: AnyWorkbookGrids, reading: TrackingWorkbookReading): string | null {
  const closings = closingsJournalled(grids, reading);
  const rank = (label: string) => {
    const quarter = parseQuarterLabel(label);
    return quarter === null ? -Infinity : quarterIndex(quarter);
  };
  return closings.reduce<string | null>(
    (latest, label) => (latest === null || rank(label) > rank(latest) ? label : latest),
    null,
  );
}

/**
 * The format since which every workbook is generated with Historique (`buildNewWorkbook`, src/layout/workbook-layout.ts):
 * a workbook generated in an older one may have been made without it, and then got it at its first closing where a
 * state was entered only, a closing of a quarter with none writing nothing there before such closings wrote their row.
 */
const HISTORY_AT_GENERATION_SINCE_FORMAT = 3;

/**
 * Whether the workbook was generated in a format older than HISTORY_AT_GENERATION_SINCE_FORMAT: the oldest format a
 * format update's Journal line names (the rewrite that migrates it writes one), or `_ctg`'s when the Journal names none.
 * Its closings' lines cannot tell whether they copied anything, so Historique missing may be one never written.
 */
export function generatedInOlderFormat(grids: AnyWorkbookGrids, reading: TrackingWorkbookReading): boolean {
  const journal = grids.sheets.find((sheet) => sheet.name === sheetNames.journal);
  const updates =
    !journal || isSkipped(journal)
      ? []
      : reading.readings.journal.entries.flatMap((record) => formatUpdatedFrom(record) ?? []);
  const stored = reading.meta.migratedFrom ?? reading.meta.formatVersion;
  return Math.min(stored, ...updates) < HISTORY_AT_GENERATION_SINCE_FORMAT;
}

/**
 * Historique's `missing-sheet` issue told the closing the Journal records, which its message names, and whether the
 * workbook's format is older than Historique at generation (`olderFormat`: the sheet may never have been written).
 */
export function withClosingJournalled(issues: readonly Issue[], quarter: string | null, olderFormat: boolean): Issue[] {
  if (quarter === null) return [...issues];
  const params = { closedQuarter: quarter, ...(olderFormat ? { olderFormat: 1 } : {}) };
  return issues.map((issue) =>
    issue.code === 'missing-sheet' && issue.sheet === sheetNames.history
      ? { ...issue, params: { ...issue.params, ...params } }
      : issue,
  );
}
