import { gridText, type SheetGrid } from '../../../domain/grid';
import { isRowKey } from '../../../domain/plan';
import { matchListValue, rowTypes } from '../../../domain/vocabulary';
import { KEY_COLUMNS, KEYS_FIRST_ROW } from './ctg-meta-layout';

/**
 * The blocks of `_ctg` below its values (the key list, the retired keys, the sent values), as their readers find
 * them: a block after the key list by its title in column A, each block's rows up to the first without a key.
 */

/** The row of the block titled `title` in column A, below the key list's first row; null when there is none. */
export function blockTitleRow(grid: SheetGrid, title: string): number | null {
  for (let row = KEYS_FIRST_ROW; row <= grid.rows.length; row += 1) {
    if (gridText(grid, row, KEY_COLUMNS.key) === title) return row;
  }
  return null;
}

/** The first row from `firstRow` whose key cell is empty: the block's rows are those before it. */
export function blockEndRow(grid: SheetGrid, firstRow: number): number {
  let row = firstRow;
  while (row <= grid.rows.length && gridText(grid, row, KEY_COLUMNS.key) !== '') row += 1;
  return row;
}

/**
 * Whether a row of the retired keys block is a key as the tools write it there: a row key and its row type. The
 * block ends at its last key, and nothing the tools write comes right under it: any other row there (a note a
 * person typed in column A) is no retired key, and is named rather than dropped (ctg-meta-typed-cells.ts).
 */
export function isRetiredKeyRow(grid: SheetGrid, row: number): boolean {
  return (
    isRowKey(gridText(grid, row, KEY_COLUMNS.key)) &&
    matchListValue(rowTypes, gridText(grid, row, KEY_COLUMNS.type)) !== null
  );
}
