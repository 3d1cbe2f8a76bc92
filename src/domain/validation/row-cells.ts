import type { IssueLocation } from '../issues';
import { shownCellValue } from '../messages/shown-cell-value';
import type { TrackingCell, TrackingRow } from '../tracking';

/** The location of a cell of a row, for an issue. */
export function at(row: TrackingRow, cell: TrackingCell | undefined | null): IssueLocation {
  return { sheet: row.sheet, cell: cell?.address ?? null, rowKey: row.key === '' ? null : row.key };
}

/**
 * A raw value as quoted in a message (`« 120 »`, `« 50,5 »`, `« 03/10/2026 »`): text as is, numbers the French way, a
 * date as the cell shows it (not its serial number).
 */
export function shown(cell: TrackingCell): string {
  return shownCellValue({ value: cell.raw, isDate: cell.isDate });
}
