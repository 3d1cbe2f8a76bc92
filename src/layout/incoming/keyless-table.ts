import type { SheetGrid } from '../../domain/grid';
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

/**
 * Where the header row of a sheet without `Clé` header starts (its first header's address), when that row holds the
 * tracking's headers (`Type`, `Intitulé`, `Statut`… most of them): a table whose rows can no longer be placed, not
 * remarks. Null otherwise.
 */
export function keylessTableHeader(grid: SheetGrid): string | null {
  for (const [index, row] of grid.rows.entries()) {
    if (!Array.isArray(row)) continue;
    const texts = row.map((cell) => (cell?.value === null || cell?.value === undefined ? '' : String(cell.value)));
    const headers = new Set(texts.map((text) => headerKey(text.trim())).filter((header) => axisHeaders.has(header)));
    if (headers.size < HEADERS_OF_A_TABLE) continue;
    return cellAddress(index + 1, texts.findIndex((text) => text.trim() !== '') + 1);
  }
  return null;
}
