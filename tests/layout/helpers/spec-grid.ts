import type { GridCell, SheetGrid } from '../../../src/domain/grid';
import type { SheetSpec } from '../../../src/layout/workbook-spec';

/** The grid a reader would return for a sheet written from this spec (formulas give their cached result). */
export function gridOfSpec(sheet: SheetSpec): SheetGrid {
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    rows: sheet.rows.map((row) =>
      row.cells.map((cell): GridCell | null => {
        if (!cell) return null;
        const content = cell.value;
        if (content !== null && typeof content === 'object') return { value: content.result, formula: content.formula };
        return { value: content };
      }),
    ),
  };
}

/** A copy of the grid with one cell replaced (1-based row and column). */
export function withCell(grid: SheetGrid, row: number, column: number, cell: GridCell | null): SheetGrid {
  const rows = grid.rows.map((cells) => [...cells]);
  while (rows.length < row) rows.push([]);
  rows[row - 1][column - 1] = cell;
  return { ...grid, rows };
}
