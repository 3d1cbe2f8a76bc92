import type { SheetGrid } from '../../domain/grid';
import { rowTypeOfKey } from '../../domain/tracking';
import { matchListValue, rowTypes } from '../../domain/vocabulary';
import { cellAddress } from '../a1';
import { axisColumns } from '../sheets/axis/axis-columns';
import { headerKey } from '../sheets/axis/read-axis-sheet';

/**
 * The axis sheets' headers but `Clé`, quarters aside, which only some tables have. A table whose key column was
 * deleted keeps the others (an extract sends them all); a sheet the partner added for remarks, or a summary of its
 * own (`Intitulé`, `Statut`, `Commentaire`…), holds a few of them only, and is not that table.
 */
const axisHeaders = new Set(
  axisColumns([])
    .filter((column) => column.id !== 'key')
    .map((column) => headerKey(column.header)),
);

/** At least half of those headers on one row: the tracking's table, not a table of the partner's own. */
const HEADERS_OF_A_TABLE = Math.ceil(axisHeaders.size / 2);

/** A table without `Clé` header: where its header row starts, and the column still holding its keys, if any. */
export interface KeylessTable {
  /** The header row's first header (A1 address). */
  cell: string;
  /**
   * A column under that row holding the rows' keys (`G1`, `G1-QN2`), its header cleared or retyped (`Clef`): the
   * header was lost, not the column. Its header cell and what it holds.
   */
  keys: { cell: string; header: string } | null;
  /**
   * The texts under its `Intitulé` header, in order: the rows' titles, which tell the axis sheet a copy of the table
   * was made from (a sheet the partner added to print it, src/app/merge).
   */
  titles: string[];
  /** Every value typed under its other headers, with its row's title: what a copy holds that its axis sheet may not. */
  cells: KeylessCell[];
  /** No header row at all (deleted), `cell` being the first row's key: no column says what it holds. */
  headerRowMissing?: boolean;
  /** Without header row: the keys its rows show. */
  rowKeys?: string[];
}

/** A value of a table without `Clé`: its row's `Intitulé` text (empty when none), its header, where it is. */
export interface KeylessCell {
  title: string;
  /** Its row (1-based): a copy of a sheet keeps its rows where they were. */
  row: number;
  header: string;
  address: string;
  text: string;
}

const cellText = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());

/** The column under `headerIndex` most of whose values are rows' keys, but the tracking's own columns. */
function keysColumn(grid: SheetGrid, headerIndex: number, texts: readonly string[]): KeylessTable['keys'] {
  for (const [column, header] of texts.entries()) {
    if (axisHeaders.has(headerKey(header))) continue;
    const values = grid.rows
      .slice(headerIndex + 1)
      .map((row) => (Array.isArray(row) ? cellText(row[column]?.value) : ''))
      .filter((text) => text !== '');
    const keys = values.filter((text) => rowTypeOfKey(text.toUpperCase()) !== null).length;
    if (keys > 0 && keys * 2 >= values.length) return { cell: cellAddress(headerIndex + 1, column + 1), header };
  }
  return null;
}

const TITLE_HEADER = headerKey(axisColumns([]).find((column) => column.id === 'title')?.header ?? '');

/** The texts under the `Intitulé` header of the row at `headerIndex`, empty ones aside. */
function titlesUnder(grid: SheetGrid, headerIndex: number, texts: readonly string[]): string[] {
  const column = texts.findIndex((text) => headerKey(text) === TITLE_HEADER);
  if (column < 0) return [];
  return grid.rows
    .slice(headerIndex + 1)
    .map((row) => (Array.isArray(row) ? cellText(row[column]?.value) : ''))
    .filter((text) => text !== '');
}

/**
 * The non-empty cells under the headers of the row at `headerIndex` (`Intitulé` aside), each with its row's title.
 * A formula's aside: what it shows comes from other cells (`='Axe 1'!J4`, 0 for an empty one), typed there.
 */
function cellsUnder(grid: SheetGrid, headerIndex: number, texts: readonly string[]): KeylessCell[] {
  const titleColumn = texts.findIndex((text) => headerKey(text) === TITLE_HEADER);
  const cells: KeylessCell[] = [];
  for (const [index, row] of grid.rows.entries()) {
    if (index <= headerIndex || !Array.isArray(row)) continue;
    const title = titleColumn < 0 ? '' : cellText(row[titleColumn]?.value);
    for (const [column, header] of texts.entries()) {
      const text = cellText(row[column]?.value);
      if (column === titleColumn || header === '' || text === '' || row[column]?.formula !== undefined) continue;
      cells.push({ title, row: index + 1, header, address: cellAddress(index + 1, column + 1), text });
    }
  }
  return cells;
}

/** Rows the tools wrote that a table without header row still shows so (`headerlessTable`): more than a stray one. */
const ROWS_OF_A_TABLE = 2;

/**
 * The first key of a table whose header row was deleted: rows as the tools write them, a key of the accepted shape
 * and, in the next column, the `Type` its suffix gives (`G1`, `Fiche`), at least `ROWS_OF_A_TABLE` of them in the same
 * column, with every key so shown (`rowKeys`). A sheet of remarks does not hold that, unless it lists rows the file
 * holds elsewhere (read-incoming-rows.ts). Null otherwise.
 */
function headerlessTable(grid: SheetGrid): KeylessTable | null {
  const byColumn = new Map<number, { cell: string; keys: string[] }>();
  for (const [index, row] of grid.rows.entries()) {
    if (!Array.isArray(row)) continue;
    for (let column = 0; column + 1 < row.length; column += 1) {
      const key = cellText(row[column]?.value).toUpperCase();
      const type = rowTypeOfKey(key);
      if (type === null || matchListValue(rowTypes, cellText(row[column + 1]?.value)) !== type) continue;
      const shown = byColumn.get(column) ?? { cell: cellAddress(index + 1, column + 1), keys: [] };
      shown.keys.push(key);
      byColumn.set(column, shown);
    }
  }
  const table = [...byColumn.values()].find(({ keys }) => keys.length >= ROWS_OF_A_TABLE);
  if (!table) return null;
  return { cell: table.cell, keys: null, titles: [], cells: [], headerRowMissing: true, rowKeys: table.keys };
}

/**
 * The table of a sheet without `Clé` header, when a row holds the tracking's headers (`Type`, `Intitulé`, `Statut`…
 * most of them), or when its rows are the tools' without any header row (`headerlessTable`): a table whose rows can
 * no longer be placed, not remarks. Null otherwise.
 */
export function keylessTable(grid: SheetGrid): KeylessTable | null {
  for (const [index, row] of grid.rows.entries()) {
    if (!Array.isArray(row)) continue;
    const texts = Array.from(row, (cell) => cellText(cell?.value));
    const headers = new Set(texts.map((text) => headerKey(text)).filter((header) => axisHeaders.has(header)));
    if (headers.size < HEADERS_OF_A_TABLE) continue;
    const cell = cellAddress(index + 1, texts.findIndex((text) => text !== '') + 1);
    return {
      cell,
      keys: keysColumn(grid, index, texts),
      titles: titlesUnder(grid, index, texts),
      cells: cellsUnder(grid, index, texts),
    };
  }
  return headerlessTable(grid);
}
