import type { WorkbookGrids } from '../app/port';
import type { ChangeKnowledge } from './change-protection';
import { excelNameKey, type WorkbookFacts } from './workbook-facts';

/**
 * ChangeKnowledge from what a read learnt (its facts and grids) and what a change asked itself (cells' locks and
 * formulas, number formats), the latter first. A used range wholly locked says every cell in it is locked; a mixed
 * one says nothing of a cell (asked then, or counted as locked). A cell's number format is known inside the used
 * range the read loaded.
 */

export interface LearntCells {
  /** By `cellKey`. */
  locked: Map<string, boolean>;
  formulas: Map<string, string | null>;
  numberFormats: Map<string, string>;
}

export const cellKey = (sheet: string, row: number, column: number): string =>
  `${excelNameKey(sheet)}|${row}|${column}`;

export const noLearntCells = (): LearntCells => ({ locked: new Map(), formulas: new Map(), numberFormats: new Map() });

export function changeKnowledge(
  facts: WorkbookFacts | undefined,
  grids: WorkbookGrids | undefined,
  learnt: LearntCells = noLearntCells(),
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
    numberFormatAt: (sheet, row, column) => {
      const asked = learnt.numberFormats.get(cellKey(sheet, row, column));
      if (asked !== undefined) return asked;
      const index = sheetIndex.get(excelNameKey(sheet));
      const used = index === undefined ? null : facts!.usedRangeFormats?.[index];
      const format = used?.numberFormat[row - 1 - used.rowIndex]?.[column - 1 - used.columnIndex];
      return typeof format === 'string' ? format : undefined;
    },
  };
}
