import type { Quarter } from '../../domain/periods';
import { axisColumns, type AxisColumn, type ColumnId } from '../sheets/axis/axis-columns';
import { AXIS_FIRST_DATA_ROW, AXIS_HEADER_ROW } from '../sheets/axis/axis-sheet';
import { absoluteRange, rowRange, sheetPrefix } from './references';

/**
 * Where the rate formulas find things in an axis sheet: column numbers from the one column definition, the header
 * row, and references to a row's or a block's cells. `sheet` null refers to the formula's own sheet.
 */
export interface AxisGeometry {
  columns: readonly AxisColumn[];
  headerRow: number;
  firstDataRow: number;
  /** 1-based column of a non-quarter column. */
  column(id: Exclude<ColumnId, 'quarter'>): number;
  firstQuarterColumn: number;
  lastQuarterColumn: number;
}

export function axisGeometry(quarters: readonly Quarter[]): AxisGeometry {
  const columns = axisColumns(quarters);
  const index = (id: ColumnId) => columns.findIndex((column) => column.id === id) + 1;
  const quarterColumns = columns.flatMap((column, i) => (column.id === 'quarter' ? [i + 1] : []));
  return {
    columns,
    headerRow: AXIS_HEADER_ROW,
    firstDataRow: AXIS_FIRST_DATA_ROW,
    column: (id) => index(id),
    firstQuarterColumn: quarterColumns[0],
    lastQuarterColumn: quarterColumns[quarterColumns.length - 1],
  };
}

/** References into one axis sheet, from the formula's sheet (`sheet` null: the same sheet). */
export interface AxisRefs {
  /** The quarter headers, `$V$3:$AO$3`. */
  headers: string;
  /** The last quarter's header, `$AO$3`. */
  lastHeader: string;
  /** The first quarter's header, `$V$3`. */
  firstHeader: string;
  /** A column's cells over rows top..bottom (`$S$5:$S$9`, or `$S5` for a single row when `relativeRow`). */
  cells(id: Exclude<ColumnId, 'quarter'>, top: number, bottom: number): string;
  /** The quarter cells over rows top..bottom. */
  quarterCells(top: number, bottom: number): string;
}

export function axisRefs(geometry: AxisGeometry, sheet: string | null, relativeRows = false): AxisRefs {
  const prefix = sheetPrefix(sheet);
  const { headerRow, firstQuarterColumn: first, lastQuarterColumn: last } = geometry;
  const block = (top: number, bottom: number, left: number, right: number) =>
    prefix + (relativeRows && top === bottom ? rowRange(top, left, right) : absoluteRange(top, left, bottom, right));
  return {
    headers: prefix + absoluteRange(headerRow, first, headerRow, last),
    lastHeader: prefix + absoluteRange(headerRow, last, headerRow, last),
    firstHeader: prefix + absoluteRange(headerRow, first, headerRow, first),
    cells: (id, top, bottom) => block(top, bottom, geometry.column(id), geometry.column(id)),
    quarterCells: (top, bottom) => block(top, bottom, first, last),
  };
}
