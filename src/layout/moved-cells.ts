import { gridCell, gridText, type SheetGrid } from '../domain/grid';
import { SHEET_MAX_COLUMNS, SHEET_MAX_ROWS } from './a1';
import {
  isFilled,
  lastRowOfTable,
  rowsByIdentity,
  specCellAt,
  specFilled,
  specText,
  tableOfGrid,
  type GridTable,
  type SpecTable,
} from './kept-cells';
import { headerKey } from './sheets/axis/read-axis-sheet';
import type { SheetSpec } from './workbook-spec';

/**
 * Where the cells of a table sheet a rewrite rebuilds by row key (an axis sheet) were read, and where the rewrite
 * writes them: a table row goes where its key's row is, a column where its header is, an added column at its rank
 * after the table (kept-cells.ts); an empty column among them (no header, nothing in the table's rows: one a
 * person left for later) is no one's and goes after the added ones, in order, and the columns past the table
 * after those, so that no reference to an empty column lands on a filled one; the rows above the header stay where
 * they are, and those under the table keep their distance to its last row, as the notes there do (kept-cells.ts):
 * rows the rewrite adds to the table or removes from it move them as Excel moves what is under rows inserted or
 * deleted. The columns move from the header row down, the notes under the table with them (a total stays under its
 * quarter when quarters are added before it), as Excel moves whole columns; above the header, cells stay in their
 * column. What a reference of a person's formula named is
 * then found again (followed-references.ts), as Excel adjusts references when rows and columns move: a cell the
 * rewrite no longer has is gone, and a range whose cells no longer lie together (rows put back in the plan's
 * order) cannot be written as one range.
 */

/** Row places: the header row, or a row identity and which of its rows (a key may be read twice). */
const HEADER = '\u0001';
const rowPlace = (identity: string, occurrence: number) => `${identity}\u0002${occurrence}`;
/** Column places: one of the tools' by its header, an added one by its rank. */
const oursColumn = (header: string) => `h${headerKey(header)}`;
const addedColumn = (rank: number) => `a${rank}`;

/** A table sheet as read: the place of each of its table's rows and columns. */
export interface TableAsRead {
  sheet: string;
  grid: SheetGrid;
  headerRow: number;
  /** The table's last row as its readers read it: the rows under it are notes, kept at their distance to it. */
  lastRow: number;
  /** Row → its place; a row inside the table without one (left empty) is not written back. */
  rows: Map<number, string>;
  /** Column → its place. */
  columns: Map<number, string>;
  /** The table's last column (its own and the added ones). */
  lastColumn: number;
  /** The columns up to `lastColumn` that have no place (empty), in order. */
  emptyColumns: number[];
}

export function tableAsRead(grid: SheetGrid, table: GridTable): TableAsRead {
  const { rowsOfTable, added } = tableOfGrid(grid, table);
  const rows = new Map<number, string>([[table.headerRow, HEADER]]);
  const seen = new Map<string, number>();
  for (const [row, identity] of rowsOfTable) {
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    rows.set(row, rowPlace(identity, occurrence));
  }
  const columns = new Map<number, string>();
  for (const column of table.ours) columns.set(column, oursColumn(gridText(grid, table.headerRow, column)));
  added.forEach((column, rank) => columns.set(column, addedColumn(rank)));
  let lastColumn = 0;
  for (const column of columns.keys()) lastColumn = Math.max(lastColumn, column);
  const lastRow = table.lastRow ?? grid.rows.length;
  const emptyColumns: number[] = [];
  for (let column = 1; column < lastColumn; column += 1) if (!columns.has(column)) emptyColumns.push(column);
  return { sheet: grid.name, grid, headerRow: table.headerRow, lastRow, rows, columns, lastColumn, emptyColumns };
}

/** A rectangle of cells, 1-based and inclusive; rows null: whole columns; columns null: whole rows. */
export interface Area {
  top: number | null;
  bottom: number | null;
  left: number | null;
  right: number | null;
}

export type AreaMove =
  /** Its cells are where they were. */
  | { kind: 'same' }
  | { kind: 'moved'; area: Area }
  /** None of its cells is left; its sheet is. */
  | { kind: 'gone' }
  /** Its whole sheet is gone. */
  | { kind: 'sheet-gone' }
  /** Its cells are no longer side by side: no one range names them. */
  | { kind: 'scattered' };

export interface CellMoves {
  /** What a reference to `area` of the sheet as read names in the rewritten sheet. */
  area(area: Area): AreaMove;
  /** The row key and column header of a cell of the table as read, for messages; null outside it. */
  describe(row: number, column: number): { key: string; header: string } | null;
  /**
   * Where a column of the table's rows and of the rows under it goes (the notes under the table follow it); null:
   * the column is gone (a quarter the plan removes), or the whole sheet.
   */
  column(column: number): number | null;
}

interface Cell {
  row: number;
  column: number;
}

/** The rebuilt table: the row and column of each place, and back. */
interface RebuiltTable {
  sheet: SheetSpec;
  headerRow: number;
  lastRow: number;
  lastColumn: number;
  rows: Map<string, number>;
  placeOfRow: Map<number, string>;
  columns: Map<string, number>;
  placeOfColumn: Map<number, string>;
}

function rebuiltTable(sheet: SheetSpec, table: SpecTable, read: TableAsRead): RebuiltTable {
  const rows = new Map<string, number>([[HEADER, table.headerRow]]);
  const byIdentity = rowsByIdentity(sheet, table);
  for (const [identity, found] of byIdentity)
    found.forEach((row, occurrence) => rows.set(rowPlace(identity, occurrence), row));
  const columns = new Map<string, number>();
  for (let column = 1; column <= table.width; column += 1) {
    const header = specText(specCellAt(sheet, table.headerRow, column)).trim();
    if (header !== '') columns.set(oursColumn(header), column);
  }
  let added = 0;
  for (const place of read.columns.values()) if (place.startsWith('a')) added += 1;
  for (let rank = 0; rank < added; rank += 1) columns.set(addedColumn(rank), table.width + 1 + rank);
  const invert = <K, V>(map: Map<K, V>) => new Map([...map].map(([key, value]) => [value, key]));
  return {
    sheet,
    headerRow: table.headerRow,
    lastRow: lastRowOfTable(byIdentity, table.headerRow),
    lastColumn: table.width + added,
    rows,
    placeOfRow: invert(rows),
    columns,
    placeOfColumn: invert(columns),
  };
}

/** Where each cell of a table sheet as read is once rewritten; `rebuilt` null: the sheet is gone. */
export function cellMoves(read: TableAsRead, rebuilt: { sheet: SheetSpec; table: SpecTable } | null): CellMoves {
  if (!rebuilt)
    return {
      area: () => ({ kind: 'sheet-gone' }),
      describe: (row, column) => describeCell(read, row, column),
      column: () => null,
    };
  const moves = new TableMoves(read, rebuiltTable(rebuilt.sheet, rebuilt.table, read));
  const cache = new Map<string, AreaMove>();
  return {
    area: (wanted) => {
      const key = `${wanted.top}:${wanted.bottom}:${wanted.left}:${wanted.right}`;
      const found = cache.get(key) ?? moves.area(wanted);
      cache.set(key, found);
      return found;
    },
    describe: (row, column) => describeCell(read, row, column),
    column: (column) => moves.columnAfter(column),
  };
}

function describeCell(read: TableAsRead, row: number, column: number): { key: string; header: string } | null {
  const place = read.rows.get(row);
  if (place === undefined || place === HEADER || !read.columns.has(column)) return null;
  const key = place.slice(0, place.indexOf('\u0002')).split('\u0000').join(' ');
  return { key, header: gridText(read.grid, read.headerRow, column) };
}

/** The moves of a table sheet that is rebuilt. */
class TableMoves {
  private readonly readRowOf: Map<string, number>;
  private readonly readColumnOf: Map<string, number>;
  /** The rank of each empty column among the table's, after the rebuilt table's last column. */
  private readonly emptyRank: Map<number, number>;
  /** How far the rows under the table move: as many rows as the rewritten table has more (or fewer). */
  private readonly shift: number;

  constructor(
    private readonly read: TableAsRead,
    private readonly after: RebuiltTable,
  ) {
    this.readRowOf = new Map([...read.rows].map(([row, place]) => [place, row]));
    this.readColumnOf = new Map([...read.columns].map(([column, place]) => [place, column]));
    this.emptyRank = new Map(read.emptyColumns.map((column, rank) => [column, rank]));
    this.shift = after.lastRow - read.lastRow;
  }

  private inReadTable(row: number): boolean {
    return row >= this.read.headerRow && row <= this.read.lastRow;
  }

  private inRebuiltTable(row: number): boolean {
    return row >= this.after.headerRow && row <= this.after.lastRow;
  }

  /**
   * A row of the sheet as read, rewritten: the table's by place (none when not written back), those under it by the
   * table's `shift` (none past the sheet's last row), those above it stay.
   */
  private rowAfter(row: number): number | null {
    if (row > this.read.lastRow) return row + this.shift <= SHEET_MAX_ROWS ? row + this.shift : null;
    if (!this.inReadTable(row)) return row;
    const place = this.read.rows.get(row);
    return place === undefined ? null : (this.after.rows.get(place) ?? null);
  }

  /**
   * A column of the table's rows, rewritten: by place (null: its place is gone); an empty one after the rebuilt
   * table, at its rank among the empty ones, those past the table after them, in order.
   */
  columnAfter(column: number): number | null {
    const place = this.read.columns.get(column);
    if (place !== undefined) return this.after.columns.get(place) ?? null;
    const rank =
      column > this.read.lastColumn
        ? this.read.emptyColumns.length + column - this.read.lastColumn - 1
        : (this.emptyRank.get(column) ?? 0);
    const moved = this.after.lastColumn + 1 + rank;
    return moved <= SHEET_MAX_COLUMNS ? moved : null;
  }

  private cellAfter(cell: Cell): Cell | null {
    const row = this.rowAfter(cell.row);
    if (cell.row < this.read.headerRow) return row === null ? null : { row, column: cell.column };
    const column = row === null ? null : this.columnAfter(cell.column);
    return row === null || column === null ? null : { row, column };
  }

  /**
   * Where a row of the rewritten sheet was read; undefined: a new row of the table (the plan adds it), or one under
   * it that came from past the sheet's last row. The rows under the table came from under it, those above it from
   * where they are.
   */
  private rowBefore(row: number): number | undefined {
    if (row > this.after.lastRow) return row - this.shift <= SHEET_MAX_ROWS ? row - this.shift : undefined;
    if (!this.inRebuiltTable(row)) return row;
    const place = this.after.placeOfRow.get(row);
    return place === undefined ? undefined : this.readRowOf.get(place);
  }

  /** Where a column of the rebuilt table's rows was read; undefined: a new column (a quarter the plan adds). */
  private columnBefore(column: number): number | undefined {
    if (column > this.after.lastColumn) {
      const rank = column - this.after.lastColumn - 1;
      const empty = this.read.emptyColumns;
      return rank < empty.length ? empty[rank] : this.read.lastColumn + 1 + rank - empty.length;
    }
    const place = this.after.placeOfColumn.get(column);
    return place === undefined ? undefined : this.readColumnOf.get(place);
  }

  /** Where a cell of the rewritten sheet was read; null: it is new. */
  private cellBefore(cell: Cell): Cell | null {
    const row = this.rowBefore(cell.row);
    if (cell.row < this.after.headerRow) return row === undefined ? null : { row, column: cell.column };
    const column = row === undefined ? undefined : this.columnBefore(cell.column);
    return row === undefined || column === undefined ? null : { row, column };
  }

  area(wanted: Area): AreaMove {
    const before = boundsOf(wanted);
    const { top, bottom, left, right } = before;
    // From the header row down, columns move with the table's; above it, cells stay in their column.
    const movesColumns = bottom >= this.read.headerRow;
    const rows = new Extent();
    const columns = new Extent();
    // Rows above the table stay, those under it move with its end; the table's go by their place.
    if (top < this.read.headerRow) rows.add(top, Math.min(bottom, this.read.headerRow - 1));
    if (bottom > this.read.lastRow) {
      const from = this.rowAfter(Math.max(top, this.read.lastRow + 1));
      if (from !== null) rows.add(from, this.rowAfter(bottom) ?? SHEET_MAX_ROWS);
    }
    for (let row = Math.max(top, this.read.headerRow); row <= Math.min(bottom, this.read.lastRow); row += 1) {
      const moved = this.rowAfter(row);
      if (moved !== null) rows.add(moved);
    }
    // Columns go by their place in the table's rows and under them; above them, a filled cell stays in its column.
    if (!movesColumns) columns.add(left, right);
    else {
      for (let column = left; column <= Math.min(right, this.read.lastColumn); column += 1) {
        const moved = this.columnAfter(column);
        if (moved !== null) columns.add(moved);
      }
      if (right > this.read.lastColumn) {
        const first = this.columnAfter(Math.max(left, this.read.lastColumn + 1));
        if (first !== null) columns.add(first, this.columnAfter(right) ?? SHEET_MAX_COLUMNS);
      }
    }
    const filled: Cell[] = [];
    const grid = this.read.grid;
    forEachCell(
      grid.rows.length,
      (row) => grid.rows[row - 1]?.length ?? 0,
      before,
      (cell) => {
        if (!isFilled(gridCell(grid, cell.row, cell.column))) return;
        filled.push(cell);
        if (cell.row < this.read.headerRow) columns.add(cell.column);
      },
    );
    if (rows.empty() || columns.empty()) return { kind: 'gone' };
    const moved: Area = {
      top: wanted.top === null ? null : rows.low,
      bottom: wanted.top === null ? null : rows.high,
      left: wanted.left === null ? null : columns.low,
      right: wanted.left === null ? null : columns.high,
    };
    const together =
      (wanted.top === null || this.rowsFrom(before, rows)) &&
      (wanted.left === null || !movesColumns || this.columnsFrom(before, columns)) &&
      this.cellsFrom(before, boundsOf(moved), filled);
    if (!together) return { kind: 'scattered' };
    const same = moved.top === wanted.top && moved.bottom === wanted.bottom;
    return same && moved.left === wanted.left && moved.right === wanted.right
      ? { kind: 'same' }
      : { kind: 'moved', area: moved };
  }

  /** Whether every row of `rows`, as rewritten, was read in `before` (or is new). */
  private rowsFrom(before: Bounds, rows: Extent): boolean {
    const inside = (row: number | undefined) => row === undefined || (row >= before.top && row <= before.bottom);
    for (let row = Math.max(rows.low, this.after.headerRow); row <= Math.min(rows.high, this.after.lastRow); row += 1)
      if (!inside(this.rowBefore(row))) return false;
    // The rows above the rebuilt table, and those under it, came in order from above and under the table as read:
    // the ends of each run tell.
    const above: [number, number] = [rows.low, Math.min(rows.high, this.after.headerRow - 1)];
    const under: [number, number] = [Math.max(rows.low, this.after.lastRow + 1), rows.high];
    return [above, under].every(
      ([from, to]) => from > to || (inside(this.rowBefore(from)) && inside(this.rowBefore(to))),
    );
  }

  /** Whether every column of `columns`, in the rebuilt table's rows, was read in `before` (or is new). */
  private columnsFrom(before: Bounds, columns: Extent): boolean {
    const inside = (column: number | undefined) =>
      column === undefined || (column >= before.left && column <= before.right);
    for (let column = columns.low; column <= Math.min(columns.high, this.after.lastColumn); column += 1)
      if (!inside(this.columnBefore(column))) return false;
    if (columns.high <= this.after.lastColumn) return true;
    const first = Math.max(columns.low, this.after.lastColumn + 1);
    return inside(this.columnBefore(first)) && inside(this.columnBefore(columns.high));
  }

  /**
   * Whether the rewritten area holds the filled cells the area read held, and no other: each filled cell read
   * there is in it (or gone), and each filled cell of the rewritten area was read in the area (or is new).
   */
  private cellsFrom(before: Bounds, moved: Bounds, filled: readonly Cell[]): boolean {
    for (const cell of filled) {
      const now = this.cellAfter(cell);
      if (now && !within(now, moved)) return false;
    }
    const sheet = this.after.sheet;
    let together = true;
    forEachCell(
      sheet.rows.length,
      (row) => sheet.rows[row - 1]?.cells.length ?? 0,
      moved,
      (cell) => {
        if (!together || !specFilled(specCellAt(sheet, cell.row, cell.column))) return;
        const was = this.cellBefore(cell);
        if (was && !within(was, before)) together = false;
      },
    );
    return together;
  }
}

/** An area's rows and columns in order, whole columns and rows spelled out. */
interface Bounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function span(from: number | null, to: number | null, max: number): [number, number] {
  if (from === null || to === null) return [1, max];
  return from <= to ? [from, to] : [to, from];
}

function boundsOf(area: Area): Bounds {
  const [top, bottom] = span(area.top, area.bottom, SHEET_MAX_ROWS);
  const [left, right] = span(area.left, area.right, SHEET_MAX_COLUMNS);
  return { top, bottom, left, right };
}

const within = (cell: Cell, area: Bounds) =>
  cell.row >= area.top && cell.row <= area.bottom && cell.column >= area.left && cell.column <= area.right;

/** Each cell of `area` that a sheet of `rowCount` rows (and `widthOf` cells in each) has. */
function forEachCell(
  rowCount: number,
  widthOf: (row: number) => number,
  area: Bounds,
  visit: (cell: Cell) => void,
): void {
  for (let row = area.top; row <= Math.min(area.bottom, rowCount); row += 1)
    for (let column = area.left; column <= Math.min(area.right, widthOf(row)); column += 1) visit({ row, column });
}

/** The lowest and highest of the numbers added. */
class Extent {
  low = Number.POSITIVE_INFINITY;
  high = Number.NEGATIVE_INFINITY;

  add(from: number, to = from): void {
    this.low = Math.min(this.low, from, to);
    this.high = Math.max(this.high, from, to);
  }

  empty(): boolean {
    return this.low > this.high;
  }
}
