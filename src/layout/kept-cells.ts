import type { GridCell, SheetGrid } from '../domain/grid';
import { cellAddress, parseA1Range, rangeAddress, SHEET_MAX_ROWS } from './a1';
import { cellOfGridCell } from './copied-sheet';
import type { CellSpec, SheetSpec } from './workbook-spec';

/**
 * THE rule of what, in a sheet the tools rebuild, is a person's and must be written back (docs: "Nothing typed is
 * lost"). The tools' own cells are those the layout writes for the workbook as read (the baseline); the values
 * people type into input cells are read into the state and written back by the layout itself. Every other
 * non-empty cell is a person's: a kept cell.
 *
 * - In a table sheet (axis sheets by row key; Journal, Historique, Archives by record), a column the tools do not
 *   know (a header of its own, or values in the table's rows) is an added column: its header and its values
 *   follow their rows, and the added columns go back after the table's last column, in their order.
 * - Under a table whose readers end it (an axis sheet: its notes), a kept cell keeps its distance to the table's
 *   last row: rows a rewrite adds to the table or removes from it move the notes under it down or up, as Excel
 *   moves what is under rows inserted or deleted; and it stays under its column when the rewrite moves the table's
 *   columns (quarters added before it, an added column put back after the table), as Excel moves whole columns
 *   (a person's formulas naming them follow, moved-cells.ts). A note under a column the rewrite removes is in the
 *   way: Excel would delete it with its column.
 * - Anywhere else (beside a table, above its header, on the Guide, Paramètres, Annexe 4, Compétences AO), a kept
 *   cell goes back to its address. When the rewritten sheet needs that address (or its row is gone), the rewrite is
 *   refused with an error at the cell: it is never overwritten.
 */

/** Where a kept cell goes back. */
export type KeptPlace =
  /** The same address. */
  | { kind: 'address'; row: number; column: number }
  /**
   * Under the table that its readers end (`GridTable.lastRow`), `below` rows under its last row, in `column` as
   * read (where that column goes when the rewrite moves the table's columns: `placeKeptCells`).
   */
  | { kind: 'underTable'; below: number; column: number }
  /** In the table's header row (`identity` null) or in the row of that identity, in added column `added` (0-based). */
  | { kind: 'tableRow'; identity: string | null; occurrence: number; added: number };

export interface KeptCell {
  sheet: string;
  /** Where it was read (A1), for messages. */
  address: string;
  cell: GridCell;
  place: KeptPlace;
}

/** A table as found in a grid: header row, the tools' columns, and how a data row is told apart. */
export interface GridTable {
  /** 1-based. */
  headerRow: number;
  /** 1-based columns that are the tools' (found by their header, or by position in record sheets). */
  ours: ReadonlySet<number>;
  /** 1-based columns, in the grid, whose texts make a row's identity (the key; a record's every field). */
  identityColumns: readonly number[];
  /**
   * 1-based: the table's last row as its reader reads it; rows under it are notes, kept at their distance to the
   * table's end.
   */
  lastRow?: number;
}

/** The same table in a sheet the layout builds: header row, width, and identity columns. */
export interface SpecTable {
  headerRow: number;
  /** Number of the tools' columns (from column 1). */
  width: number;
  identityColumns: readonly number[];
  /**
   * Its readers end the table at the first empty row under it (an axis sheet): a kept cell right under the rebuilt
   * table's last row, in its columns, would then be read as a row, so it blocks the rewrite.
   */
  emptyRowBelow?: boolean;
  /**
   * Texts the tools wrote above the header in earlier formats (a hint reworded since), by 1-based column: found
   * there, they are the tools' too, replaced by the current text rather than kept as a person's note.
   */
  formerTexts?: readonly { column: number; text: string }[];
}

/** Columns 1 to `count`. */
export const columnsUpTo = (count: number): number[] => Array.from({ length: count }, (_, index) => index + 1);

type Text = string | number | boolean | null | undefined;
const textOf = (value: Text): string => (value === null || value === undefined ? '' : String(value));

const IDENTITY_SEPARATOR = '\u0000';

function identityOf(texts: readonly string[]): string | null {
  return texts.every((text) => text.trim() === '') ? null : texts.join(IDENTITY_SEPARATOR);
}

/** A row's identity with its texts changed: `rename` gives the new text of its `index`-th identity column (0-based). */
export function renamedIdentity(identity: string, rename: (text: string, index: number) => string): string {
  return identity.split(IDENTITY_SEPARATOR).map(rename).join(IDENTITY_SEPARATOR);
}

function gridCellAt(grid: SheetGrid, row: number, column: number): GridCell | null {
  const cells = grid.rows[row - 1];
  const found = Array.isArray(cells) ? cells[column - 1] : null;
  return found && typeof found === 'object' ? found : null;
}

/** Whether a cell holds something (a formula counts, even without a result). */
export function isFilled(cell: GridCell | null): cell is GridCell {
  return cell !== null && (!!cell.formula || (cell.value !== null && cell.value !== ''));
}

export function specCellAt(sheet: SheetSpec, row: number, column: number): CellSpec | null {
  return sheet.rows[row - 1]?.cells[column - 1] ?? null;
}

/** A built cell's text: its value, or a formula's cached result. */
export function specText(cellSpec: CellSpec | null): string {
  const value = cellSpec?.value;
  if (value !== null && typeof value === 'object') return textOf(value.result);
  return textOf(value);
}

/** Whether a built cell holds something (a formula counts). */
export function specFilled(cellSpec: CellSpec | null): boolean {
  const value = cellSpec?.value;
  return value !== null && value !== undefined && value !== '';
}

function width(grid: SheetGrid): number {
  return grid.rows.reduce((max, row) => Math.max(max, Array.isArray(row) ? row.length : 0), 0);
}

/** A sheet of fixed shape (Guide, Paramètres, Annexe 4, Compétences AO): a cell the baseline has not is kept. */
export function keptCellsOfFixedSheet(
  grid: SheetGrid,
  baseline: SheetSpec,
  placeRow: (row: number) => number | null = (row) => row,
): KeptCell[] {
  const kept: KeptCell[] = [];
  grid.rows.forEach((cells, r) => {
    // A row the sheet's reader read past (a blank row inserted in a table) is not written back: the rows under
    // it go back up by one, beside cells included.
    const row = placeRow(r + 1);
    if (row === null) return;
    (Array.isArray(cells) ? cells : []).forEach((_, c) => {
      const found = gridCellAt(grid, r + 1, c + 1);
      if (!isFilled(found) || specCellAt(baseline, row, c + 1) !== null) return;
      kept.push(atAddress(grid.name, { read: r + 1, placed: row }, c + 1, found));
    });
  });
  return kept;
}

/** Where each row of a layout was read in the grid (1-based both), rows placed by `placeRow`. */
export function readRowsByPlace(grid: SheetGrid, placeRow: (row: number) => number | null): Map<number, number> {
  const readRowOf = new Map<number, number>();
  grid.rows.forEach((_, r) => {
    const placed = placeRow(r + 1);
    if (placed !== null) readRowOf.set(placed, r + 1);
  });
  return readRowOf;
}

/**
 * Whether the grid is laid out as `baseline` (rows placed by `placeRow`): every text the tools write there is at
 * its address. Annexe 4's rows follow the plan as read (a carrier added moves everything below it), so its cells
 * are compared by address only when they still line up.
 */
function linesUp(grid: SheetGrid, baseline: SheetSpec, placeRow: (row: number) => number | null): boolean {
  const readRowOf = readRowsByPlace(grid, placeRow);
  return baseline.rows.every((rowSpec, r) =>
    (rowSpec?.cells ?? []).every((cellSpec, c) => {
      const text = cellSpec?.value;
      if (typeof text !== 'string' || text.trim() === '') return true;
      const read = readRowOf.get(r + 1);
      const found = read === undefined ? null : gridCellAt(grid, read, c + 1);
      return typeof found?.value === 'string' && found.value.trim() === text.trim();
    }),
  );
}

/**
 * The cells of a fixed sheet where a person typed a value over one of the tools' formulas (the sheet unprotected
 * first): a rewrite would put the formula back, so the caller refuses it, naming each (docs/WORKBOOK.md, « Issues »).
 * None when the sheet no longer lines up with the tools' layout (`linesUp`): its cells cannot be told apart then.
 */
export function valuesOverFormulas(
  grid: SheetGrid,
  baseline: SheetSpec,
  placeRow: (row: number) => number | null = (row) => row,
): { address: string; cell: GridCell }[] {
  if (!linesUp(grid, baseline, placeRow)) return [];
  const found: { address: string; cell: GridCell }[] = [];
  grid.rows.forEach((cells, r) => {
    const row = placeRow(r + 1);
    if (row === null) return;
    (Array.isArray(cells) ? cells : []).forEach((_, c) => {
      const cell = gridCellAt(grid, r + 1, c + 1);
      // An error value left by a paste of values is no one's typing: the formula put back loses nothing.
      if (!isFilled(cell) || cell.formula !== undefined || cell.isError) return;
      const content = specCellAt(baseline, row, c + 1)?.value;
      if (content !== null && typeof content === 'object') found.push({ address: cellAddress(r + 1, c + 1), cell });
    });
  });
  return found;
}

function atAddress(sheet: string, row: { read: number; placed: number }, column: number, cell: GridCell): KeptCell {
  const place = { kind: 'address' as const, row: row.placed, column };
  return { sheet, address: cellAddress(row.read, column), cell, place };
}

/** A table's rows as read (row → identity, the rows without one left out) and its added columns, in order. */
export function tableOfGrid(grid: SheetGrid, table: GridTable): { rowsOfTable: Map<number, string>; added: number[] } {
  const rowsOfTable = new Map<number, string>();
  const lastRow = Math.min(grid.rows.length, table.lastRow ?? grid.rows.length);
  for (let row = table.headerRow + 1; row <= lastRow; row += 1) {
    const identity = identityOf(table.identityColumns.map((c) => textOf(gridCellAt(grid, row, c)?.value)));
    if (identity !== null) rowsOfTable.set(row, identity);
  }
  const columnCount = width(grid);
  const added: number[] = [];
  for (let column = 1; column <= columnCount; column += 1) {
    if (table.ours.has(column)) continue;
    const rows = [table.headerRow, ...rowsOfTable.keys()];
    if (rows.some((row) => isFilled(gridCellAt(grid, row, column)))) added.push(column);
  }
  return { rowsOfTable, added };
}

/**
 * A table sheet. Above the header, a text the baseline writes above its own header in that column (a title, a
 * hint) is the tools'; the rest is kept where it is. The table's rows (those with an identity) keep their added
 * columns; rows under the table's end (`GridTable.lastRow`) keep their distance to it; other rows without an
 * identity are kept where they are.
 */
export function keptCellsOfTableSheet(
  grid: SheetGrid,
  table: GridTable,
  baseline: { sheet: SheetSpec; headerRow: number; formerTexts?: SpecTable['formerTexts'] },
): KeptCell[] {
  const { rowsOfTable, added } = tableOfGrid(grid, table);
  const columnCount = width(grid);
  const titles = new Set<string>();
  for (let row = 1; row < baseline.headerRow; row += 1)
    baseline.sheet.rows[row - 1]?.cells.forEach((cellSpec, c) => titles.add(`${c + 1}|${specText(cellSpec)}`));
  for (const { column, text } of baseline.formerTexts ?? []) titles.add(`${column}|${text}`);

  const kept: KeptCell[] = [];
  const seen = new Map<string, number>();
  for (let row = 1; row <= grid.rows.length; row += 1) {
    const identity = row === table.headerRow ? null : rowsOfTable.get(row);
    const inTable = row === table.headerRow || identity !== undefined;
    let occurrence = 0;
    if (identity) {
      occurrence = seen.get(identity) ?? 0;
      seen.set(identity, occurrence + 1);
    }
    for (let column = 1; column <= columnCount; column += 1) {
      const found = gridCellAt(grid, row, column);
      if (!isFilled(found)) continue;
      if (inTable) {
        const index = added.indexOf(column);
        if (index < 0) continue;
        const place = { kind: 'tableRow' as const, identity: identity ?? null, occurrence, added: index };
        kept.push({ sheet: grid.name, address: cellAddress(row, column), cell: found, place });
      } else if (row < table.headerRow && titles.has(`${column}|${textOf(found.value)}`)) {
        continue;
      } else if (table.lastRow !== undefined && row > table.lastRow) {
        const place = { kind: 'underTable' as const, below: row - table.lastRow, column };
        kept.push({ sheet: grid.name, address: cellAddress(row, column), cell: found, place });
      } else kept.push(atAddress(grid.name, { read: row, placed: row }, column, found));
    }
  }
  return kept;
}

/** The last row of a built table whose rows are `rows` (`rowsByIdentity`): its header's when it has none. */
export function lastRowOfTable(rows: ReadonlyMap<string, readonly number[]>, headerRow: number): number {
  // A loop: a record sheet may hold too many rows to spread into Math.max.
  let lastRow = headerRow;
  for (const found of rows.values()) for (const row of found) lastRow = Math.max(lastRow, row);
  return lastRow;
}

/** The row of each identity in a built table sheet, in order (a record may appear twice). */
export function rowsByIdentity(sheet: SheetSpec, table: SpecTable): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (let row = table.headerRow + 1; row <= sheet.rows.length; row += 1) {
    const identity = identityOf(table.identityColumns.map((c) => specText(specCellAt(sheet, row, c))));
    if (identity === null) continue;
    rows.set(identity, [...(rows.get(identity) ?? []), row]);
  }
  return rows;
}

function setSpecCell(sheet: SheetSpec, row: number, column: number, value: CellSpec): void {
  while (sheet.rows.length < row) sheet.rows.push({ cells: [] });
  const cells = sheet.rows[row - 1].cells;
  while (cells.length < column - 1) cells.push(null);
  cells[column - 1] = value;
}

/** A kept cell written back, and where. */
export interface PlacedCell {
  kept: KeptCell;
  row: number;
  column: number;
}

/**
 * Writes the kept cells of one sheet into its rebuilt spec (changed in place). Returns where each went, and the
 * kept cells that could not go back: their address is the rebuilt sheet's, or taken by another kept cell, or
 * their row or column is gone. `columnAfter` says where a column of the table as read goes (moved-cells.ts), for
 * the notes under it; without it they stay in their column.
 */
export function placeKeptCells(
  sheet: SheetSpec,
  kept: readonly KeptCell[],
  table?: SpecTable,
  columnAfter: (column: number) => number | null = (column) => column,
): { placed: PlacedCell[]; blocked: KeptCell[] } {
  const rows = table ? rowsByIdentity(sheet, table) : new Map<string, number[]>();
  const lastRow = table ? lastRowOfTable(rows, table.headerRow) : 0;
  const touchesTable = (target: { row: number; column: number }) =>
    table?.emptyRowBelow === true && target.row === lastRow + 1 && target.column <= table.width;
  const taken = new Set<string>();
  const placed: PlacedCell[] = [];
  const blocked: KeptCell[] = [];
  for (const one of kept) {
    const target = targetOf(one.place, rows, table && { ...table, lastRow }, columnAfter);
    const address = target ? cellAddress(target.row, target.column) : '';
    if (
      !target ||
      taken.has(address) ||
      specFilled(specCellAt(sheet, target.row, target.column)) ||
      touchesTable(target)
    ) {
      blocked.push(one);
      continue;
    }
    taken.add(address);
    const style = specCellAt(sheet, target.row, target.column)?.style;
    const written = cellOfGridCell(one.cell);
    setSpecCell(sheet, target.row, target.column, style && !written.style ? { ...written, style } : written);
    placed.push({ kept: one, ...target });
  }
  if (table) widenForAddedColumns(sheet, table, kept);
  return { placed, blocked };
}

function targetOf(
  place: KeptPlace,
  rows: Map<string, number[]>,
  table: (SpecTable & { lastRow: number }) | undefined,
  columnAfter: (column: number) => number | null,
): { row: number; column: number } | null {
  if (place.kind === 'address') return { row: place.row, column: place.column };
  if (!table) return null;
  if (place.kind === 'underTable') {
    const row = table.lastRow + place.below;
    const column = columnAfter(place.column);
    return row <= SHEET_MAX_ROWS && column !== null ? { row, column } : null;
  }
  const row = place.identity === null ? table.headerRow : rows.get(place.identity)?.[place.occurrence];
  return row === undefined ? null : { row, column: table.width + 1 + place.added };
}

/**
 * Added columns get a readable width (the sheet's columns list stops at the tools' last one), and go under the
 * table's filter: a sort by its arrows sorts only the columns under it, which would leave their values in front of
 * other rows.
 */
function widenForAddedColumns(sheet: SheetSpec, table: SpecTable, kept: readonly KeptCell[]): void {
  const addedCount = kept.reduce(
    (max, one) => (one.place.kind === 'tableRow' ? Math.max(max, one.place.added + 1) : max),
    0,
  );
  while (sheet.columns.length < table.width + addedCount) sheet.columns.push({ width: 20 });
  const filter = sheet.autoFilter === undefined ? null : parseA1Range(sheet.autoFilter);
  if (filter && addedCount > 0 && filter.right === table.width)
    sheet.autoFilter = rangeAddress(filter.top, filter.left, filter.bottom, table.width + addedCount);
}
