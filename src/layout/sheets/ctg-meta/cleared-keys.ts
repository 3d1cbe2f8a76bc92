import { createIssue, type WorkbookIssue } from '../../../domain/issues';
import { keyListFingerprint, type KeyEntry } from '../../../domain/plan-keys';
import { parentKeyOf, rowTypeOfKey, type AxisSheetReading, type TrackingRow } from '../../../domain/tracking';
import { cellAddress } from '../../a1';
import { KEY_AXES_SINCE_VERSION, KEY_COLUMNS, KEYS_FIRST_ROW } from './ctg-meta-layout';
import type { ClearedKeyRow, CtgMeta } from './ctg-meta-read';

/**
 * A key list row whose key was cleared, or that was emptied, by hand (`ClearedKeyRow`) is the tools' record of a row
 * of the axis sheets, damaged: no value of a person's, and nothing in `_ctg` tells the key lost. The list is in the
 * axis sheets' order (docs/WORKBOOK.md, « _ctg »): the keys missing between two keys read are those of the axis sheets'
 * rows between theirs, when there are exactly as many rows there as keys missing and each is a key the list does not
 * hold with what is left of its row (parent key, axis; its type, which may have been changed too, is said to be typed
 * back when it is not the key's). They are found only when the list with them is the one
 * the tools wrote, its fingerprint the stored one: a key edited in the axis sheet too is not given to be typed back.
 * Those keys are read in the list meanwhile, so that their rows are not named unknown; every cleared row is an error
 * at its key cell (`ctg-key-list-invalid`) that says what to type back, or, the keys not found so, to undo or take
 * the row back from a copy. Either refuses every rewrite.
 */

/** The meta with the keys found put back in its list (`clearedKeys`: the rows whose key was not found), and the errors. */
export interface ClearedKeysFound {
  meta: CtgMeta;
  issues: WorkbookIssue[];
}

interface Found {
  entry: KeyEntry;
  row: TrackingRow;
}

export async function findClearedKeys(
  meta: CtgMeta,
  axisSheets: readonly AxisSheetReading[],
  sheet: string,
): Promise<ClearedKeysFound> {
  const cleared = meta.clearedKeys ?? [];
  if (cleared.length === 0) return { meta, issues: [] };
  const found = foundKeys(meta, cleared, axisSheets);
  const keys = withFoundKeys(meta.keys, cleared, found);
  // Every key found, or none: the list is the one the tools wrote only once each is back.
  if (found.size < cleared.length || (await keyListFingerprint(keys)) !== meta.planFingerprint) found.clear();
  const issues = cleared.map((entry) => clearedKeyIssue(entry, found.get(entry.row) ?? null, sheet));
  const notFound = cleared.filter((entry) => !found.has(entry.row));
  const { clearedKeys: _, ...rest } = meta;
  return {
    meta: {
      ...rest,
      keys: found.size === 0 ? meta.keys : keys,
      ...(notFound.length > 0 ? { clearedKeys: notFound } : {}),
    },
    issues,
  };
}

/**
 * The key list's last rows emptied by hand leave a shorter list, which nothing in `_ctg` tells (the empty row under
 * the list follows them): with the fingerprint no longer matching, the first rows of the axis sheets after the last
 * key read are those keys when the list with them has the stored fingerprint; rows after them were added by hand
 * (`unknown-key`, as any row added). Null when no such rows make it (another change): the fingerprint's error stands.
 */
export async function findKeysEmptiedAtEnd(
  meta: CtgMeta,
  axisSheets: readonly AxisSheetReading[],
  sheet: string,
): Promise<ClearedKeysFound | null> {
  const last = meta.keys.at(-1);
  const rows = axisRowsOf(meta, axisSheets);
  const from = last ? (rows.positions.get(last.key) ?? null) : -1;
  if (meta.clearedKeys || from === null || from + 1 >= rows.all.length) return null;
  const after: Found[] = [];
  for (const { row, axis } of rows.all.slice(from + 1)) {
    const key = rows.keyOf(row, axis, undefined);
    if (!key) break;
    after.push(key);
  }
  // The fewest of them that make the stored list: hashed once per row tried, only with the fingerprint not matching.
  for (let count = 1; count <= after.length; count += 1) {
    const found = after.slice(0, count);
    const keys = [...meta.keys, ...found.map((key) => key.entry)];
    if ((await keyListFingerprint(keys)) !== meta.planFingerprint) continue;
    const at = meta.keys.length;
    const issues = found.map((key, index) => clearedKeyIssue({ row: KEYS_FIRST_ROW + at + index, at }, key, sheet));
    return { meta: { ...meta, keys }, issues };
  }
  return null;
}

/** The axis sheets' rows in workbook order, and what tells a row's key one a cleared row of the list may have held. */
function axisRowsOf(meta: CtgMeta, axisSheets: readonly AxisSheetReading[]) {
  const all = axisSheets.flatMap((axisSheet) => axisSheet.rows.map((row) => ({ row, axis: axisSheet.axis })));
  const positions = new Map<string, number>();
  const counts = new Map<string, number>();
  all.forEach(({ row }, index) => {
    if (!positions.has(row.key)) positions.set(row.key, index);
    counts.set(row.key, (counts.get(row.key) ?? 0) + 1);
  });
  const listed = new Set([...meta.keys, ...meta.retiredKeys].map((entry) => entry.key));
  const withAxes = meta.formatVersion >= KEY_AXES_SINCE_VERSION;
  /** The row's key as the list's entry: a key the list does not hold, found once, of what is `left` of the row. */
  const keyOf = (row: TrackingRow, axis: number, left: ClearedKeyRow['left']): Found | null => {
    const type = rowTypeOfKey(row.key);
    if (type === null || listed.has(row.key) || counts.get(row.key) !== 1) return null;
    const parentKey = parentKeyOf(row.key);
    // Not its type, which may have been changed too: the key found is said with the type to type back.
    if (left && left.parentKey !== (parentKey ?? '')) return null;
    if (left && left.axis !== null && left.axis !== axis) return null;
    const keepsAxis = withAxes && (!left || left.axis !== null);
    return { entry: { key: row.key, type, parentKey, ...(keepsAxis ? { axis } : {}) }, row };
  };
  return { all, positions, keyOf };
}

/** The key of each cleared row found in the axis sheets, by its `_ctg` row. */
function foundKeys(
  meta: CtgMeta,
  cleared: readonly ClearedKeyRow[],
  axisSheets: readonly AxisSheetReading[],
): Map<number, Found> {
  const rows = axisRowsOf(meta, axisSheets);
  const found = new Map<number, Found>();
  for (const run of runsOf(cleared)) {
    const before = meta.keys[run[0].at - 1];
    const after = meta.keys[run[0].at];
    const from = before ? (rows.positions.get(before.key) ?? null) : -1;
    const to = after ? (rows.positions.get(after.key) ?? null) : rows.all.length;
    if (from === null || to === null || to - from - 1 !== run.length) continue;
    run.forEach((entry, index) => {
      const { row, axis } = rows.all[from + 1 + index];
      const key = rows.keyOf(row, axis, entry.left);
      if (key) found.set(entry.row, key);
    });
  }
  return found;
}

/** The cleared rows grouped by where they stood: rows in a row between the same two keys read. */
function runsOf(cleared: readonly ClearedKeyRow[]): ClearedKeyRow[][] {
  const runs: ClearedKeyRow[][] = [];
  for (const entry of cleared) {
    const last = runs.at(-1);
    if (last && last[0].at === entry.at) last.push(entry);
    else runs.push([entry]);
  }
  return runs;
}

function withFoundKeys(keys: readonly KeyEntry[], cleared: readonly ClearedKeyRow[], found: Map<number, Found>) {
  const result: KeyEntry[] = [];
  for (let index = 0; index <= keys.length; index += 1) {
    for (const entry of cleared) {
      const key = entry.at === index ? found.get(entry.row) : undefined;
      if (key) result.push(key.entry);
    }
    if (index < keys.length) result.push(keys[index]);
  }
  return result;
}

function clearedKeyIssue(entry: ClearedKeyRow, found: Found | null, sheet: string): WorkbookIssue {
  const cell = cellAddress(entry.row, KEY_COLUMNS.key);
  const emptied = entry.left === undefined;
  const params: Record<string, string | number> = { changed: emptied ? 'emptied' : 'key-cleared', row: entry.row };
  const typeChanged =
    entry.left !== undefined &&
    (entry.left.typeShown !== undefined || (found !== null && found.entry.type !== entry.left.type));
  if (entry.left) {
    if (typeChanged) params.typeValue = entry.left.typeShown ?? entry.left.type ?? '';
    else params.type = entry.left.type ?? '';
    params.parent = entry.left.parentKey;
    if (entry.left.axis !== null) params.axis = entry.left.axis;
  }
  if (found) {
    params.expected = found.entry.key;
    params.axisSheet = found.row.sheet;
    params.axisRow = found.row.row;
    if (emptied) {
      params.lastCell = cellAddress(
        entry.row,
        found.entry.axis === undefined ? KEY_COLUMNS.parentKey : KEY_COLUMNS.axis,
      );
      params.expectedType = found.entry.type;
      params.expectedParent = found.entry.parentKey ?? '';
      if (found.entry.axis !== undefined) params.expectedAxis = found.entry.axis;
    } else if (typeChanged) {
      params.expectedType = found.entry.type;
      params.typeCell = cellAddress(entry.row, KEY_COLUMNS.type);
    }
  }
  return createIssue('ctg-key-list-invalid', { sheet, cell, rowKey: found?.entry.key ?? null }, params);
}
