import type { AxisColumn } from './axis-columns';

/**
 * Axis columns across workbook format versions (docs/WORKBOOK.md, « Format version »). Version 2 added « Abandonnée en »
 * to the fiche rows; a workbook written in version 1 has no such column. Reading one, the column's absence is no
 * error and every quarter of abandonment is empty; the first rewrite builds the sheet with the column (the state
 * carries the quarter of abandonment like any entered value, empty for such a workbook), nothing else changed.
 */

/** Whether a workbook written in format `writtenVersion` has `column` (so that its absence is an error). */
export function isColumnOfFormat(column: AxisColumn, writtenVersion: number): boolean {
  return (column.since ?? 1) <= writtenVersion;
}
