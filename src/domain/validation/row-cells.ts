import type { IssueLocation } from '../issues';
import type { TrackingCell, TrackingRow } from '../tracking';

/** The location of a cell of a row, for an issue. */
export function at(row: TrackingRow, cell: TrackingCell | undefined | null): IssueLocation {
  return { sheet: row.sheet, cell: cell?.address ?? null, rowKey: row.key === '' ? null : row.key };
}

/** A raw value as quoted in a message (`« 120 »`): text as is, numbers in the reader's own form. */
export function shown(cell: TrackingCell): string {
  return cell.raw === null ? '' : String(cell.raw);
}
