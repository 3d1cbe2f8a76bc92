import { quarterLabel } from '../domain/periods';
import type { RawValue } from '../domain/tracking';
import type { AxisColumn } from './sheets/axis/axis-columns';

/**
 * What a person entered in an axis sheet, carried over when a workbook is written again (compute, close-quarter,
 * regenerate): the writer rewrites whole workbooks, so every entered value goes back into its row by key.
 */

/** One entered cell: its value exactly as read (text in a number column stays text), and whether it showed a date. */
export interface EnteredCell {
  value: RawValue;
  isDate: boolean;
  /** Shown as a percentage (« 85 % », value 0.85): written back with a % format, so the rewrite keeps its look. */
  isPercent?: boolean;
}

/** By field name (see `enteredFieldName`). A row present here takes all its input cells from it, empty ones too. */
export type EnteredRow = ReadonlyMap<string, EnteredCell>;

/** By row key. */
export type EnteredValues = ReadonlyMap<string, EnteredRow>;

/** The name an entered value is kept under: the column id, or the quarter label (`2026-T3`) of a quarter column. */
export function enteredFieldName(column: AxisColumn): string {
  return column.id === 'quarter' && column.quarter ? quarterLabel(column.quarter) : column.id;
}
