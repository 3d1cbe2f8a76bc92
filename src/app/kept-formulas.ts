import type { FormulaCheck } from '../domain/journal';
import { cellAddress } from '../layout/a1';
import { followReferences, sheetKey } from '../layout/followed-references';
import { cellMoves, type CellMoves, type TableAsRead } from '../layout/moved-cells';
import type { SheetSpec, WorkbookSpec } from '../layout/workbook-spec';
import { specTableOf } from './kept-cells-of-workbook';

/**
 * A person's formulas in a rewritten workbook — kept cells of the sheets the tools rebuild, every cell of the
 * sheets copied back — name cells of the axis sheets as they were read. The rewrite moves those cells (rows back
 * in the plan's order, added columns after the table, the rows and quarters a regeneration adds or removes), so
 * each reference follows its cells, row by key and column by header (src/layout/followed-references.ts), as
 * Excel adjusts references when rows and columns move (docs/WORKBOOK.md, « Rewriting a workbook »: nothing typed
 * is lost). A reference to a cell no longer there becomes `#REF!` (after its sheet's name while the sheet is
 * there), and a range whose cells no longer lie together is left as typed, each with a warning at the formula's
 * cell and a Journal line.
 */

/** A cell of the rewritten workbook that holds a person's formula. */
export interface FormulaCell {
  sheet: string;
  row: number;
  column: number;
}

/**
 * Where the cells of each axis table as read are in the rewritten workbook (none: its sheet is gone), by
 * `sheetKey`. Taken before the kept cells are placed: placing them widens a table's columns to the added ones,
 * whose places are counted from the tools' last column.
 */
export function movesOfTables(spec: WorkbookSpec, tables: readonly TableAsRead[]): Map<string, CellMoves> {
  const moves = new Map<string, CellMoves>();
  for (const table of tables) {
    const sheet = spec.sheets.find((candidate) => candidate.name === table.sheet);
    const specTable = sheet && specTableOf(sheet);
    moves.set(sheetKey(table.sheet), cellMoves(table, sheet && specTable ? { sheet, table: specTable } : null));
  }
  return moves;
}

/** The cells of a sheet copied back that hold a formula. */
export function formulaCellsOf(sheet: SheetSpec): FormulaCell[] {
  return sheet.rows.flatMap((row, r) =>
    row.cells.flatMap((cell, c) =>
      cell && cell.value !== null && typeof cell.value === 'object'
        ? [{ sheet: sheet.name, row: r + 1, column: c + 1 }]
        : [],
    ),
  );
}

/** A person's formula whose references the rewrite could not all follow: where, as read and as written, and why. */
export interface FormulaToCheck extends FormulaCheck {
  sheet: string;
  /** Its cell's address (`A4`). */
  cell: string;
  /** The formula as read and as written, without their `=`. */
  typed: string;
  written: string;
}

/**
 * Rewrites, in `spec` (changed in place), the formulas of `cells` so that they name the cells they named in the
 * tables as read (`moves`, from `movesOfTables`); returns each formula with a reference gone or a range left to check (kept-formula-checks.ts says
 * so and journals it).
 */
export function followKeptFormulas(
  spec: WorkbookSpec,
  moves: ReadonlyMap<string, CellMoves>,
  cells: readonly FormulaCell[],
): FormulaToCheck[] {
  if (moves.size === 0 || cells.length === 0) return [];
  const sheets = new Map(spec.sheets.map((sheet) => [sheet.name, sheet]));
  const toCheck: FormulaToCheck[] = [];
  for (const { sheet: name, row, column } of cells) {
    const cells = sheets.get(name)?.rows[row - 1]?.cells;
    const found = cells?.[column - 1];
    const value = found?.value;
    if (!cells || !found || value === null || typeof value !== 'object') continue;
    const followed = followReferences(value.formula, name, moves);
    const gone = followed.gone.length > 0;
    if (followed.formula !== value.formula)
      cells[column - 1] = { ...found, value: { formula: followed.formula, result: gone ? null : value.result } };
    if (gone || followed.scattered.length > 0)
      toCheck.push({
        sheet: name,
        cell: cellAddress(row, column),
        typed: value.formula,
        written: followed.formula,
        gone: followed.gone,
        scattered: followed.scattered,
      });
  }
  return toCheck;
}
