import { isSkipped, type AnyWorkbookGrids } from '../domain/grid';
import type { Issue } from '../domain/issues';
import { closedQuarterOf } from '../domain/journal';
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

/** Historique's `missing-sheet` issue told the closing the Journal records, which its message names. */
export function withClosingJournalled(issues: readonly Issue[], quarter: string | null): Issue[] {
  if (quarter === null) return [...issues];
  return issues.map((issue) =>
    issue.code === 'missing-sheet' && issue.sheet === sheetNames.history
      ? { ...issue, params: { ...issue.params, closedQuarter: quarter } }
      : issue,
  );
}
