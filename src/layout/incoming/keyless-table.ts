import type { SheetGrid } from '../../domain/grid';
import { cellAddress } from '../a1';
import { axisColumns } from '../sheets/axis/axis-columns';
import { headerKey } from '../sheets/axis/read-axis-sheet';

/**
 * The header row of a table that has the tracking's columns but no `Clé` (a partner deleted the key column): at least
 * this many of the axis sheets' headers on one row. A sheet of remarks rarely has two of them side by side.
 */
const HEADERS_OF_A_TABLE = 2;

const axisHeaders = new Set(axisColumns([]).map((column) => headerKey(column.header)));

/**
 * Where the header row of a sheet without `Clé` header starts (its first header's address), when that row holds the
 * tracking's headers (`Type`, `Intitulé`, `Statut`…): a table whose rows can no longer be placed, not remarks. Null
 * otherwise. Quarters aside, which only some tables have.
 */
export function keylessTableHeader(grid: SheetGrid): string | null {
  for (const [index, row] of grid.rows.entries()) {
    if (!Array.isArray(row)) continue;
    const texts = row.map((cell) => (cell?.value === null || cell?.value === undefined ? '' : String(cell.value)));
    const headers = texts.filter((text) => axisHeaders.has(headerKey(text.trim())));
    if (headers.length < HEADERS_OF_A_TABLE) continue;
    return cellAddress(index + 1, texts.findIndex((text) => text.trim() !== '') + 1);
  }
  return null;
}
