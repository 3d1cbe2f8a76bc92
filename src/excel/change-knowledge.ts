import type { WorkbookGrids } from '../app/port';
import type { CellContent } from '../layout/workbook-spec';
import type { ChangeKnowledge } from './change-protection';
import { excelNameKey, type WorkbookFacts } from './workbook-facts';

/**
 * ChangeKnowledge from what a read learnt (its facts and grids) and what a change asked itself (cells' locks and
 * formulas, number formats), the latter first. A used range wholly locked says every cell in it is locked; a mixed
 * one says nothing of a cell (asked then, or counted as locked). A cell's number format is known inside the used
 * range the read loaded (values only: an empty cell beyond it with a format of its own is not in it); beyond it,
 * given `columnFormatAt`, it is its column's (the format the layout gives the whole column).
 */

/** The number format of a column's cells that have none of their own, when known (by 1-based column). */
export type ColumnFormatAt = (sheet: string, column: number) => string | undefined;

export interface LearntCells {
  /** By `cellKey`. */
  locked: Map<string, boolean>;
  formulas: Map<string, string | null>;
  numberFormats: Map<string, string>;
  /** What cells held (a value, a formula, null when empty), asked when no read gave them. */
  contents: Map<string, CellContent>;
  /** The sheets' autofilter ranges (A1; null: none), by `excelNameKey`, asked when no read gave them. */
  autoFilters: Map<string, string | null>;
}

export const cellKey = (sheet: string, row: number, column: number): string =>
  `${excelNameKey(sheet)}|${row}|${column}`;

export const noLearntCells = (): LearntCells => ({
  locked: new Map(),
  formulas: new Map(),
  numberFormats: new Map(),
  contents: new Map(),
  autoFilters: new Map(),
});

export function changeKnowledge(
  facts: WorkbookFacts | undefined,
  grids: WorkbookGrids | undefined,
  learnt: LearntCells = noLearntCells(),
  columnFormatAt: ColumnFormatAt = () => undefined,
): ChangeKnowledge {
  const sheetIndex = new Map((facts?.sheets ?? []).map((name, index) => [excelNameKey(name), index]));
  const gridOf = new Map((grids?.sheets ?? []).map((grid) => [excelNameKey(grid.name), grid]));
  return {
    protectionOf: (sheet) => {
      const index = sheetIndex.get(excelNameKey(sheet));
      return index === undefined ? undefined : facts!.protection[index];
    },
    lockedAt: (sheet, row, column) => {
      const asked = learnt.locked.get(cellKey(sheet, row, column));
      if (asked !== undefined) return asked;
      const index = sheetIndex.get(excelNameKey(sheet));
      const grid = gridOf.get(excelNameKey(sheet));
      if (index === undefined || !grid || facts!.usedRangeLocked[index] !== true) return undefined;
      const inside = row <= grid.rows.length && column <= Math.max(0, ...grid.rows.map((cells) => cells.length));
      return inside ? true : undefined;
    },
    formulaAt: (sheet, row, column) => {
      const key = cellKey(sheet, row, column);
      if (learnt.formulas.has(key)) return learnt.formulas.get(key);
      const grid = gridOf.get(excelNameKey(sheet));
      if (!grid) return undefined;
      return grid.rows[row - 1]?.[column - 1]?.formula ?? null;
    },
    autoFilterOf: (sheet) => {
      const asked = learnt.autoFilters.get(excelNameKey(sheet));
      if (asked !== undefined) return asked;
      const index = sheetIndex.get(excelNameKey(sheet));
      return index === undefined ? undefined : facts!.autoFilters?.[index];
    },
    numberFormatAt: (sheet, row, column) => {
      const asked = learnt.numberFormats.get(cellKey(sheet, row, column));
      if (asked !== undefined) return asked;
      const index = sheetIndex.get(excelNameKey(sheet));
      const used = index === undefined ? null : facts!.usedRangeFormats?.[index];
      const grid = gridOf.get(excelNameKey(sheet));
      if (!used) return grid?.rows.length === 0 ? columnFormatAt(sheet, column) : undefined;
      const format = used.numberFormat[row - 1 - used.rowIndex]?.[column - 1 - used.columnIndex];
      if (typeof format === 'string') return format;
      const inside =
        row > used.rowIndex &&
        row <= used.rowIndex + used.numberFormat.length &&
        column > used.columnIndex &&
        column <= used.columnIndex + (used.numberFormat[0]?.length ?? 0);
      return inside ? undefined : columnFormatAt(sheet, column);
    },
  };
}

/**
 * What a cell holds before a change, as the change's undo writes it back (change-recovery.ts): its formula, else
 * its value, null when empty; undefined when neither the read (grids) nor the change (learnt) gave it.
 */
export function contentBefore(
  grids: WorkbookGrids | undefined,
  learnt: LearntCells,
): (sheet: string, row: number, column: number) => CellContent | undefined {
  const gridOf = new Map((grids?.sheets ?? []).map((grid) => [excelNameKey(grid.name), grid]));
  return (sheet, row, column) => {
    const key = cellKey(sheet, row, column);
    if (learnt.contents.has(key)) return learnt.contents.get(key);
    const grid = gridOf.get(excelNameKey(sheet));
    if (!grid) return undefined;
    const cell = grid.rows[row - 1]?.[column - 1];
    if (!cell) return null;
    return cell.formula !== undefined ? { formula: cell.formula, result: cell.value } : cell.value;
  };
}
