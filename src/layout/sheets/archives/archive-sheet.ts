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
import { archiveHeaders, sheetNames } from '../../texts';
import type { SheetSpec } from '../../workbook-spec';

/**
 * `Archives`: the values entered in rows that an amended plan removed (docs/WORKBOOK.md, « Archives » and « Keys »): nothing
 * a person entered is dropped. One value per row, with the row's key, type and title and the value's column.
 * Created when first needed.
 */

export interface ArchiveEntry {
  /** ISO 8601 UTC timestamp, as text. */
  archivedAt: string;
  key: string;
  /** `Fiche`, `Quantitatif` or `Qualitatif`. */
  type: string;
  title: string;
  /** The column header of the value. */
  column: string;
  value: EnteredCell;
}

const columns: readonly RecordColumn[] = [
  { header: archiveHeaders.archivedAt, width: 22, when: true },
  { header: archiveHeaders.key, width: 12 },
  { header: archiveHeaders.type, width: 12 },
  { header: archiveHeaders.title, width: 50 },
  { header: archiveHeaders.column, width: 22 },
  { header: archiveHeaders.value, width: 50 },
];

export function buildArchiveSheet(entries: readonly ArchiveEntry[]): SheetSpec {
  return buildRecordSheet(
    sheetNames.archives,
    columns,
    entries.map((entry) => [
      textRecordCell(entry.archivedAt),
      textRecordCell(entry.key),
      textRecordCell(entry.type),
      textRecordCell(entry.title),
      textRecordCell(entry.column),
      entry.value,
    ]),
  );
}

export function readArchiveSheet(grid: SheetGrid): { entries: ArchiveEntry[]; issues: RecordSheetReading['issues'] } {
  const { records, issues } = readRecordSheet(grid, columns);
  const entries = records.map(([archivedAt, key, type, title, column, value]) => ({
    archivedAt: recordText(archivedAt),
    key: recordText(key),
    type: recordText(type),
    title: recordText(title),
    column: recordText(column),
    value,
  }));
  return { entries, issues };
}
