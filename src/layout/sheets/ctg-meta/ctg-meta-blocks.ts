import { gridText, gridValue, type SheetGrid } from '../../../domain/grid';
import { isRowKey } from '../../../domain/plan';
import { parentKeyOf, rowTypeOfKey } from '../../../domain/tracking';
import { matchListValue, rowTypes, type RowType } from '../../../domain/vocabulary';
import { metaTexts } from '../../texts';
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
 * The row after the key list: the first with an empty `Clé` (nor a block's title, which no key is), less the rows at
 * its end that are notes a person typed in the empty row the tools leave under it (`isNoteUnderKeyList`). Those are
 * named as typed (ctg-meta-typed-cells.ts), and the blocks under them are read as they are, not as keys of the list.
 * The tools write no row in the list without its key: a row whose key alone was cleared (`isKeyClearedRow`) is one
 * of theirs, and the list goes on past it; so it does past an emptied row (`isEmptyKeyRow`) that one of their key
 * rows follows (`emptiedRowsInKeyList`, as `gap` tells). The rows under them are the list's, never a block's title or
 * values typed.
 */
export function keyListEndRow(grid: SheetGrid, gap: KeyListGap = 'by-count'): number {
  return scanKeyList(grid, gap).end;
}

/**
 * Whether the key list's end depends on how empty rows inside it are read (`KeyListGap`): false for nearly every
 * `_ctg`, read once, so that every file a consolidation reads is not scanned again for each reading.
 */
export function keyListGapMatters(grid: SheetGrid): boolean {
  return scanKeyList(grid, 'by-count').gapRead;
}

/** `keyListEndRow`, and whether `gap` was needed on the way (read the same with any `KeyListGap` when not). */
function scanKeyList(grid: SheetGrid, gap: KeyListGap): { end: number; gapRead: boolean } {
  let end = KEYS_FIRST_ROW;
  let gapRead = false;
  for (;;) {
    while (
      end <= grid.rows.length &&
      ((gridText(grid, end, KEY_COLUMNS.key) !== '' && !isBlockTitleRow(grid, end)) || isKeyClearedRow(grid, end))
    )
      end += 1;
    const emptied = emptiedRowsInKeyList(grid, end, gap);
    gapRead ||= emptied.gapRead;
    if (emptied.count === 0) break;
    end += emptied.count;
  }
  while (end > KEYS_FIRST_ROW && isNoteUnderKeyList(grid, end - 1)) end -= 1;
  return { end, gapRead };
}

/**
 * A key list row whose `Clé` was cleared by hand: alone (`isKeyAloneClearedRow`), or with its `Type` changed or
 * cleared too, its parent key and axis as the tools write them in a key row (`keepsKeyRowShape`) and one of their key
 * rows under it, past rows emptied by hand (the list goes on: a person's note would not be there, and the keys under
 * it are not lost; whether the emptied rows are the list's is `emptiedRowsInKeyList`'s to tell).
 */
export function isKeyClearedRow(grid: SheetGrid, row: number): boolean {
  if (gridText(grid, row, KEY_COLUMNS.key) !== '') return false;
  if (isKeyAloneClearedRow(grid, row)) return true;
  let next = row + 1;
  while (next <= grid.rows.length && isEmptyKeyRow(grid, next)) next += 1;
  return (
    keepsKeyRowShape(grid, row) &&
    next <= grid.rows.length &&
    (isKeyListRowAsWritten(grid, next) || isKeyClearedRow(grid, next))
  );
}

/**
 * A key list row whose `Clé` alone was cleared by hand: its type, parent key and axis as the tools write them (the
 * parent key its type takes, at least it or the axis filled). What a retired key's row so cleared reads too.
 */
export function isKeyAloneClearedRow(grid: SheetGrid, row: number): boolean {
  return gridText(grid, row, KEY_COLUMNS.key) === '' && rowReadingAlone(grid, row) === 'key-changed';
}

/**
 * How empty rows under rows of the key list, one of its rows under them, are read when no block's title below them
 * tells that they are inside the list: `by-count`, by their number alone (one: a row of the list emptied; more: the
 * empty row the tools leave under the list and the retired keys' title cleared); `in-list`, rows of the list emptied;
 * `under-list`, the empty row under the list, the retired keys' title cleared or its row deleted. The fingerprint
 * tells which (`readCtgMetaSettled`, ctg-meta-read.ts).
 */
export type KeyListGap = 'by-count' | 'in-list' | 'under-list';

/**
 * How many emptied rows from `row` are inside the key list (`count`, 0 when none): empty rows followed by one of its
 * rows as the tools write them, or with its key cleared. The tools leave one empty row under the list, then a block's
 * title: a block's title found below them tells the rows inside the list; else `gap` does (`gapRead`).
 */
function emptiedRowsInKeyList(grid: SheetGrid, row: number, gap: KeyListGap): { count: number; gapRead: boolean } {
  let next = row;
  while (next <= grid.rows.length && isEmptyKeyRow(grid, next)) next += 1;
  const count = next - row;
  const none = { count: 0, gapRead: false };
  if (count === 0 || next > grid.rows.length) return none;
  if (!isKeyListRowAsWritten(grid, next) && !isKeyClearedRow(grid, next)) return none;
  const titleBelow = [metaTexts.retiredKeysTitle, metaTexts.sentValuesTitle].some(
    (title) => (blockTitleRow(grid, title) ?? 0) > next,
  );
  if (titleBelow) return { count, gapRead: false };
  const inList = gap === 'in-list' || (gap === 'by-count' && count === 1);
  return { count: inList ? count : 0, gapRead: true };
}

/** A key list row as the tools write it: a row key, the type and the parent key it gives, an axis or none. */
function isKeyListRowAsWritten(grid: SheetGrid, row: number): boolean {
  const key = gridText(grid, row, KEY_COLUMNS.key);
  const axisText = gridText(grid, row, KEY_COLUMNS.axis);
  return (
    rowReadingAlone(grid, row) === 'retired-key' &&
    gridText(grid, row, KEY_COLUMNS.parentKey) === (parentKeyOf(key) ?? '') &&
    (axisText === '' || axisOfRow(grid, row) !== null)
  );
}

function isBlockTitleRow(grid: SheetGrid, row: number): boolean {
  const text = gridText(grid, row, KEY_COLUMNS.key);
  return text === metaTexts.retiredKeysTitle || text === metaTexts.sentValuesTitle;
}

/**
 * Whether a row at the key list's end is a note typed by a person rather than one of the list's rows, damaged: its
 * `Clé` holds text that is no key, and the rest of the row nothing the tools write beside a key: no type with the
 * parent key it takes (`retiredRowReading` reads a row of either block's columns so), no parent key or axis
 * (`keepsKeyRowShape`). A key-shaped text there is the list's row, read and checked as such.
 */
function isNoteUnderKeyList(grid: SheetGrid, row: number): boolean {
  const key = gridText(grid, row, KEY_COLUMNS.key);
  return key !== '' && !isRowKey(key) && retiredRowReading(grid, row) === 'not-tools' && !keepsKeyRowShape(grid, row);
}

/**
 * Whether a row's `Clé parente` and `Axe` are as the tools write them in a key row, at least one of them filled: a
 * fiche's key or nothing, an axis or nothing. What is left of one of their rows whose key and type were both typed
 * over; a note typed in column A leaves them empty.
 */
function keepsKeyRowShape(grid: SheetGrid, row: number): boolean {
  const parent = gridText(grid, row, KEY_COLUMNS.parentKey);
  const axisText = gridText(grid, row, KEY_COLUMNS.axis);
  if (parent === '' && axisText === '') return false;
  return (parent === '' || rowTypeOfKey(parent) === 'Fiche') && (axisText === '' || axisOfRow(grid, row) !== null);
}

/** A key row's axis: a whole number ≥ 1 (as a number, or as text in a file saved again elsewhere); else null. */
export function axisOfRow(grid: SheetGrid, row: number): number | null {
  const value = gridValue(grid, row, KEY_COLUMNS.axis);
  const axis = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof axis === 'number' && Number.isInteger(axis) && axis >= 1 ? axis : null;
}

/**
 * How a row of the retired keys block reads: `retired-key`, a key as the tools write it there (a row key and the row
 * type its suffix gives); `type-changed` or `key-changed`, the tools' row with one of these two cells changed by hand,
 * the rest of the row still as they wrote it for the other (the parent key, the axis, at least one of them filled);
 * `both-changed`, the tools' row with both changed (below); `not-tools`, no row of theirs (an
 * emptied row too). The block ends at its last key (`retiredBlockEndRow`), and
 * nothing the tools write comes right under it: a note a person typed there is no retired key, and is named rather
 * than dropped (ctg-meta-typed-cells.ts); a changed row is said to be the tools' damaged (retired-key-changes.ts),
 * never to be moved.
 */
export type RetiredRowReading = 'retired-key' | 'type-changed' | 'key-changed' | 'both-changed' | 'not-tools';

/**
 * `both-changed`: a row with its key and its type both changed (or cleared) by hand, the rest of the row as the tools
 * write it in a key row (`keepsKeyRowShape`), inside the block: one of the tools' rows follows it (past rows emptied
 * by hand), or it is right under one of them or the block's title (`followsBlockRow`: the block's last row typed
 * over). The tools write no row there that is not a retired key, so it is theirs, typed over; a note a person typed
 * there keeps no fiche's key as parent key nor axis beside it.
 */
export function retiredRowReading(grid: SheetGrid, row: number): RetiredRowReading {
  const reading = rowReadingAlone(grid, row);
  if (reading !== 'not-tools' || !keepsKeyRowShape(grid, row)) return reading;
  if (followsBlockRow(grid, row)) return 'both-changed';
  let next = row + 1;
  while (next <= grid.rows.length && isEmptyKeyRow(grid, next)) next += 1;
  return next <= grid.rows.length && retiredRowReading(grid, next) !== 'not-tools' ? 'both-changed' : 'not-tools';
}

/**
 * Whether the row right above `row` is the retired keys' title or one of the tools' rows (by its own cells, or typed
 * over as `row` is, one of theirs above it): looking up only, so that `retiredRowReading`, which looks down, ends.
 */
function followsBlockRow(grid: SheetGrid, row: number): boolean {
  const above = row - 1;
  if (above < KEYS_FIRST_ROW) return false;
  if (gridText(grid, above, KEY_COLUMNS.key) === metaTexts.retiredKeysTitle) return true;
  if (rowReadingAlone(grid, above) !== 'not-tools') return true;
  return keepsKeyRowShape(grid, above) && followsBlockRow(grid, above);
}

/** How a row reads from its own cells: a retired key, one with its key or its type changed, or no row of theirs. */
function rowReadingAlone(grid: SheetGrid, row: number): RetiredRowReading {
  const key = gridText(grid, row, KEY_COLUMNS.key);
  const keyType = rowTypeOfKey(key);
  const type = matchListValue(rowTypes, gridText(grid, row, KEY_COLUMNS.type));
  if (keyType !== null && type === keyType) return 'retired-key';
  const parent = gridText(grid, row, KEY_COLUMNS.parentKey);
  const axisText = gridText(grid, row, KEY_COLUMNS.axis);
  if (axisText !== '' && axisOfRow(grid, row) === null) return 'not-tools';
  const filled = parent !== '' || axisText !== '';
  if (keyType !== null && parent === (parentKeyOf(key) ?? '') && filled) return 'type-changed';
  if (type !== null && isParentOfType(type, parent) && filled) return 'key-changed';
  return 'not-tools';
}

/** What the tools write as the parent key of a row of this type: none for a fiche, a fiche's key for a criterion. */
function isParentOfType(type: RowType, parent: string): boolean {
  return type === 'Fiche' ? parent === '' : rowTypeOfKey(parent) === 'Fiche';
}

/** Whether a row's cells in the key list's columns are all empty. */
export function isEmptyKeyRow(grid: SheetGrid, row: number): boolean {
  return Object.values(KEY_COLUMNS).every((column) => gridText(grid, row, column) === '');
}

/**
 * The row after the retired keys block from its first row: its last key, or a key cleared by hand in its row. The
 * tools write no empty row inside the block: empty rows followed by one of their rows (changed by hand or not) are
 * rows a person emptied (`isEmptyKeyRow`), and the block goes on past them, so that the keys under them are still read
 * as retired keys; empty rows with nothing of the tools' after them end it, as the tools write it.
 */
export function retiredBlockEndRow(grid: SheetGrid, firstRow: number): number {
  let row = firstRow;
  for (;;) {
    while (
      row <= grid.rows.length &&
      (gridText(grid, row, KEY_COLUMNS.key) !== '' || isKeyChanged(retiredRowReading(grid, row)))
    )
      row += 1;
    let next = row;
    while (next <= grid.rows.length && isEmptyKeyRow(grid, next)) next += 1;
    if (next === row || next > grid.rows.length || retiredRowReading(grid, next) === 'not-tools') return row;
    row = next;
  }
}

/** Whether a row so read is the tools' with its key changed, which may have been cleared. */
const isKeyChanged = (reading: RetiredRowReading) => reading === 'key-changed' || reading === 'both-changed';

/**
 * The retired keys block's title row (the block's rows are those under it), and whether its title was changed by
 * hand, or its row deleted (`row` is then the empty row the tools leave under the key list).
 */
export interface RetiredKeysTitle {
  row: number;
  titleChanged: boolean;
  titleRowDeleted?: boolean;
}

/**
 * The retired keys block's title row: found by its title or, that title changed or cleared by hand, where the tools
 * write it (after the key list and one empty row) when a retired key as they write one is right under it; null when
 * there is no block. Its keys are then read all the same, and the title is said to be changed (retired-key-changes.ts)
 * rather than its cells named as typed by a person. The key list read as ending at empty rows (`under-list`), a
 * retired key right under its empty row is the block's first key, its title's row deleted.
 */
export function retiredKeysTitle(
  grid: SheetGrid,
  gap: KeyListGap = 'by-count',
  end = keyListEndRow(grid, gap),
): RetiredKeysTitle | null {
  const found = blockTitleRow(grid, metaTexts.retiredKeysTitle);
  if (found !== null) return { row: found, titleChanged: false };
  const row = end + 1;
  if (gridText(grid, row, KEY_COLUMNS.key) === metaTexts.sentValuesTitle) return null;
  if (gap === 'under-list' && isEmptyKeyRow(grid, end) && retiredRowReading(grid, row) === 'retired-key')
    return { row: end, titleChanged: false, titleRowDeleted: true };
  return retiredRowReading(grid, row + 1) === 'retired-key' ? { row, titleChanged: true } : null;
}

/**
 * Where one reading of `_ctg` (its key list read as `gap` tells) finds its blocks: each search scans the key list, a
 * thousand rows in a large plan, and its readers and checks ask for them again and again. Found once.
 */
export interface CtgBlockRows {
  /** The row after the key list (`keyListEndRow`). */
  keyListEnd: number;
  /** The retired keys' title (`retiredKeysTitle`), and the row after their block (`retiredBlockEndRow`). */
  retired: { title: RetiredKeysTitle; end: number } | null;
  /** The row of the sent values' title; null when there is none. */
  sentTitleRow: number | null;
}

export function ctgBlockRows(grid: SheetGrid, gap: KeyListGap = 'by-count'): CtgBlockRows {
  const keyListEnd = keyListEndRow(grid, gap);
  const title = retiredKeysTitle(grid, gap, keyListEnd);
  return {
    keyListEnd,
    retired: title === null ? null : { title, end: retiredBlockEndRow(grid, title.row + 1) },
    sentTitleRow: blockTitleRow(grid, metaTexts.sentValuesTitle),
  };
}
