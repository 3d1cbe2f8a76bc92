import type { SheetGrid } from '../../../domain/grid';
import { cellAddress } from '../../a1';
import type { EnteredCell } from '../../entered-values';
import {
  buildRecordSheet,
  readRecordSheet,
  recordText,
  textRecordCell,
  type RecordColumn,
  type RecordSheetReading,
} from '../../record-sheet';
import { historyHeaders, historyNothingEntered, sheetNames } from '../../texts';
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
  { header: historyHeaders.closedAt, width: 22, when: true },
];

/**
 * The row recording a closing that copied nothing (no state entered for the quarter): its quarter and date, no key
 * nor field, and words saying so. Historique alone then tells every quarter closed, as a bilan reads it.
 */
export const emptyClosingEntry = (quarter: string, closedAt: string): HistoryEntry => ({
  quarter,
  key: '',
  field: '',
  value: textRecordCell(historyNothingEntered),
  closedAt,
});

/** A value a closing copied, not the row recording a closing that copied nothing. */
export const isClosedValue = (entry: HistoryEntry): boolean => entry.key !== '' || entry.field !== '';

/**
 * The row a closing that copied nothing writes, its value saying so: a row whose key and field were both emptied by
 * hand holds another value, and is not one.
 */
export const isNothingEnteredRow = (entry: HistoryEntry): boolean =>
  !isClosedValue(entry) && entry.value.value === historyNothingEntered;

/** A key or a field as a cell: none for the empty ones of a closing that copied nothing. */
const optionalTextCell = (value: string): EnteredCell =>
  value === '' ? { value: null, isDate: false } : textRecordCell(value);

export function buildHistorySheet(entries: readonly HistoryEntry[]): SheetSpec {
  return buildRecordSheet(
    sheetNames.history,
    columns,
    entries.map((entry) => [
      textRecordCell(entry.quarter),
      optionalTextCell(entry.key),
      optionalTextCell(entry.field),
      entry.value,
      textRecordCell(entry.closedAt),
    ]),
  );
}

/** The address of the `Valeur` cell of a sheet row (the fourth column: a record sheet's headers stay in place). */
export function historyValueCell(row: number): string {
  return cellAddress(row, 4);
}

/** The entries of the sheet, with the sheet row of each (`rows`, in the same order) for an issue at its cell. */
export function readHistorySheet(grid: SheetGrid): {
  entries: HistoryEntry[];
  rows: number[];
  issues: RecordSheetReading['issues'];
} {
  const { records, rows, issues } = readRecordSheet(grid, columns);
  const entries = records.map(([quarter, key, field, value, closedAt]) => ({
    quarter: recordText(quarter),
    key: recordText(key),
    field: recordText(field),
    value,
    closedAt: recordText(closedAt),
  }));
  return { entries, rows, issues };
}
