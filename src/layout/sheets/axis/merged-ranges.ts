import type { GridCell, SheetGrid } from '../../../domain/grid';
import { createIssue, type Issue } from '../../../domain/issues';
import { shownCellContent } from '../../../domain/messages/shown-cell-value';
import type { Quarter } from '../../../domain/periods';
import { isBlank, textValue } from '../../../domain/tracking-values';
import { cellAddress } from '../../a1';
import { hidingRanges, type HidingRange } from '../../merged-cells';
import { cellAt, rawOf, type MappedColumn } from './axis-cell';
import { axisTableOf, usesColumn, type AxisTable } from './read-axis-sheet';

/**
 * Cells merged in an axis sheet's table (docs/WORKBOOK.md, « Issues »): a spreadsheet shows a merged range's first
 * cell over the whole range, and every reader (the figures, validation, the workbook's own formulas) reads each cell
 * all the same. So a merge that hides a cell the tools read or write is an error, which no rewrite passes: a value
 * there is counted though no one sees it, an empty one reads empty though the value shown spans it, and a rewrite or
 * a merge of a partner's return could write where no one would see it. One that hides only empty cells their rows do
 * not use (grey, or a person's own columns) is a warning.
 */

/**
 * Why a merged range is an error, the worst first: it hides the header row, a key or a type, a value, or a cell its
 * row uses (`rate`: one of the tools' rates); null: it hides nothing the table uses (a warning).
 */
type MergedRangeReason = 'header' | 'key' | 'value' | 'used' | 'rate';

const REASON_RANK: Record<MergedRangeReason, number> = { header: 0, key: 1, value: 2, used: 3, rate: 3 };

/** Whether a cell holds something: a value, a formula, an error. */
const holdsSomething = (cell: GridCell | null): boolean =>
  cell !== null && (!isBlank(rawOf(cell)) || cell.formula !== undefined || cell.isError === true);

/** What a hidden cell is to the table, among `REASON_RANK`; null when nothing. */
function reasonOf(
  table: AxisTable,
  column: MappedColumn | undefined,
  row: number,
  cell: GridCell | null,
  rowHoldsData: (row: number) => boolean,
): MergedRangeReason | null {
  if (row === table.headerRow) return 'header';
  const inTable = row > table.headerRow && row <= table.lastRow;
  const id = column?.column.id;
  if (inTable && (id === 'key' || id === 'type') && rowHoldsData(row)) return 'key';
  // A rate is the tools' formula: hidden, it is a cell the row uses, not a value a person typed.
  if (holdsSomething(cell) && column?.column.kind !== 'rate') return 'value';
  if (!inTable || column === undefined) return null;
  const type = table.rowType(row);
  if (!(type === null ? rowHoldsData(row) : usesColumn(type, column.column))) return null;
  return column.column.kind === 'rate' ? 'rate' : 'used';
}

/** Whether a range covers a row of the table (its header row included) and one of the tools' columns. */
function coversTable(range: HidingRange, table: AxisTable, columns: ReadonlyMap<number, MappedColumn>): boolean {
  if (range.bottom < table.headerRow || range.top > table.lastRow) return false;
  for (const column of columns.keys()) if (column >= range.left && column <= range.right) return true;
  return false;
}

/**
 * One issue per merged range of the axis sheet `grid` that covers its table (the header row and the rows under it
 * down to the table's end, in the tools' columns), at the range's first cell: `merged-cells` (an error) when it
 * hides the header row, a key or a type, a cell holding something, or a cell its row uses; `merged-unused-cells`
 * (a warning) otherwise. None without merged ranges (a read that gives none: a consolidation's), nor for a sheet
 * without a header row (said otherwise).
 */
export function mergedRangeIssues(grid: SheetGrid, quarters: readonly Quarter[]): Issue[] {
  const ranges = hidingRanges(grid);
  if (ranges.length === 0) return [];
  const table = axisTableOf(grid, quarters);
  if (table === null) return [];
  const columns = new Map(table.columns.map((mapped) => [mapped.index + 1, mapped] as const));
  const dataRows = new Map<number, boolean>();
  const rowHoldsData = (row: number): boolean => {
    let holds = dataRows.get(row);
    if (holds === undefined) dataRows.set(row, (holds = table.holdsData(row)));
    return holds;
  };
  const headerOf = (column: number): string => {
    const mapped = columns.get(column);
    if (mapped) return mapped.column.header;
    return textValue(rawOf(cellAt(grid, table.headerRow - 1, column - 1)));
  };
  const issues: Issue[] = [];
  for (const range of ranges) {
    const oneCell = range.top === range.bottom && range.left === range.right;
    if (oneCell || !coversTable(range, table, columns)) continue;
    let worst: { reason: MergedRangeReason; row: number; column: number; cell: GridCell | null } | null = null;
    for (const [row, column] of range.hidden) {
      const cell = cellAt(grid, row - 1, column - 1);
      const reason = reasonOf(table, columns.get(column), row, cell, rowHoldsData);
      if (reason !== null && (worst === null || REASON_RANK[reason] < REASON_RANK[worst.reason]))
        worst = { reason, row, column, cell };
      if (worst?.reason === 'header') break;
    }
    const first = cellAt(grid, range.top - 1, range.left - 1);
    const key = range.top > table.headerRow && range.top <= table.lastRow ? table.rowKey(range.top) : '';
    const at = { sheet: grid.name, cell: cellAddress(range.top, range.left), rowKey: key === '' ? null : key };
    const shown = first === null ? '' : shownCellContent(first);
    const common = { range: range.range, firstHeader: headerOf(range.left), shown };
    if (worst === null) {
      issues.push(createIssue('merged-unused-cells', at, common));
      continue;
    }
    issues.push(
      createIssue('merged-cells', at, {
        ...common,
        reason: worst.reason,
        hidden: cellAddress(worst.row, worst.column),
        header: headerOf(worst.column),
        value: worst.cell === null ? '' : shownCellContent(worst.cell),
      }),
    );
  }
  return issues;
}
