import type { SheetGrid } from '../../../domain/grid';
import type { EnteredCell } from '../../entered-values';
import {
  buildRecordSheet,
  readRecordSheet,
  recordText,
  textRecordCell,
  type RecordColumn,
  type RecordSheetReading,
} from '../../record-sheet';
import { historyHeaders, sheetNames } from '../../texts';
import type { SheetSpec } from '../../workbook-spec';

/**
 * `Historique`: what a closed quarter looked like (issue "Completion", closing a quarter), one value per row —
 * the quarter, the row's key, the field (its column header), the value as it was, and when it was closed.
 * Created when first needed; later bilans read past periods here.
 */

export interface HistoryEntry {
  /** `AAAA-Tn`. */
  quarter: string;
  key: string;
  /** The column header of the value (`Statut`, `Commentaire`…). */
  field: string;
  value: EnteredCell;
  /** ISO 8601 UTC timestamp, as text. */
  closedAt: string;
}

const columns: readonly RecordColumn[] = [
  { header: historyHeaders.quarter, width: 11 },
  { header: historyHeaders.key, width: 12 },
  { header: historyHeaders.field, width: 22 },
  { header: historyHeaders.value, width: 60 },
  { header: historyHeaders.closedAt, width: 22 },
];

export function buildHistorySheet(entries: readonly HistoryEntry[]): SheetSpec {
  return buildRecordSheet(
    sheetNames.history,
    columns,
    entries.map((entry) => [
      textRecordCell(entry.quarter),
      textRecordCell(entry.key),
      textRecordCell(entry.field),
      entry.value,
      textRecordCell(entry.closedAt),
    ]),
  );
}

export function readHistorySheet(grid: SheetGrid): { entries: HistoryEntry[]; issues: RecordSheetReading['issues'] } {
  const { records, issues } = readRecordSheet(grid, columns);
  const entries = records.map(([quarter, key, field, value, closedAt]) => ({
    quarter: recordText(quarter),
    key: recordText(key),
    field: recordText(field),
    value,
    closedAt: recordText(closedAt),
  }));
  return { entries, issues };
}
