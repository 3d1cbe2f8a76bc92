import { quarterLabel, type Quarter } from '../../../domain/periods';
import type { Plan } from '../../../domain/plan';
import { cellAddress } from '../../a1';
import { axisSheetName } from '../../texts';
import { axisColumns } from './axis-columns';
import { AXIS_FIRST_DATA_ROW, axisRows, usedBy } from './axis-sheet';

/** Where a row's cells are: its axis sheet and each cell's address, by field id or quarter label (`2026-T1`). */
export interface RowPlace {
  sheet: string;
  cells: Map<string, string>;
}

/**
 * Where a rewrite writes each row's cells (`buildAxisSheet`: the plan's rows in order under the header, the layout's
 * columns), by key: what a report names once the workbook is written, whatever order the rows were read in.
 */
export function writtenRowPlaces(plan: Plan, quarters: readonly Quarter[]): Map<string, RowPlace> {
  const columns = axisColumns(quarters);
  const places = new Map<string, RowPlace>();
  for (const axis of plan.axes) {
    const sheet = axisSheetName(axis.number);
    axisRows(axis).forEach((row, index) => {
      const cells = new Map<string, string>();
      columns.forEach((column, columnIndex) => {
        if (!usedBy(column, row.type)) return;
        const field = column.id === 'quarter' && column.quarter ? quarterLabel(column.quarter) : column.id;
        cells.set(field, cellAddress(AXIS_FIRST_DATA_ROW + index, columnIndex + 1));
      });
      places.set(row.key, { sheet, cells });
    });
  }
  return places;
}
