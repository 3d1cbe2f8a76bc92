import type { GridCell, SheetGrid } from '../domain/grid';
import { cell, emptySheet } from './sheet-building';
import { DATE_FORMAT, TEXT_FORMAT } from './styles';
import type { CellSpec, SheetSpec } from './workbook-spec';

/**
 * A sheet the tools do not build (one a person added, or one this version cannot rebuild with its inputs),
 * written back from what was read: values and formulas with their last results, dates as dates, text as text.
 * Its look (colours, widths, lists, protection) is not in a grid and is lost; callers say so.
 */
export function copiedSheet(grid: SheetGrid): SheetSpec {
  const sheet = emptySheet(grid.name, grid.visibility === 'visible' ? 'visible' : 'hidden');
  sheet.rows = grid.rows.map((row) => ({
    cells: (Array.isArray(row) ? row : []).map((found): CellSpec | null =>
      !found || (found.value === null && !found.formula) ? null : cellOfGridCell(found),
    ),
  }));
  return sheet;
}

/** A cell as read, to write back: a formula stays a formula (with its last result), a date a date, text text. */
export function cellOfGridCell(found: GridCell): CellSpec {
  if (found.formula) return cell({ formula: found.formula, result: found.isError ? null : found.value });
  if (found.isDate) return cell(found.value, { numFmt: DATE_FORMAT });
  if (typeof found.value === 'string') return cell(found.value, { numFmt: TEXT_FORMAT });
  return cell(found.value);
}
