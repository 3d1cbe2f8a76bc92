import type { Issue } from '../issues';
import type { AxisSheetReading, StoredKey, TrackingCell, TrackingField, TrackingRow } from '../tracking';
import { createIssue } from '../issues';
import { at } from './row-cells';

/**
 * The key rules (docs/WORKBOOK.md, « Keys »: keys are assigned once and stored in `_ctg`): a filled row without a
 * key, a duplicated key, a key changed in place, a key `_ctg` does not know (a row added by hand), a stored
 * row that disappeared. Also tells which stored key each row stands for, so that the other rules judge a
 * row whose key was edited by what it was (and report the edit once, not once per rule).
 */
export interface KeyCheck {
  issues: Issue[];
  /** The stored key each row stands for; absent for a row that stands for none (unknown, duplicate, empty). */
  storedKeyOf: Map<TrackingRow, StoredKey>;
}

/**
 * The axis sheets come in workbook order, which is the order of the stored key list (axis by axis, fiche then
 * its criteria), so the n-th row of the workbook is expected to carry the n-th stored key.
 */
export function checkKeys(sheets: readonly AxisSheetReading[], storedKeys: readonly StoredKey[]): KeyCheck {
  const issues: Issue[] = [];
  const storedKeyOf = new Map<TrackingRow, StoredKey>();
  const storedByKey = new Map(storedKeys.map((entry) => [entry.key, entry]));
  const rows = sheets.flatMap((sheet) => sheet.rows);
  const shownKeys = new Set(rows.map((row) => row.key));
  const firstRowOfKey = new Map<string, TrackingRow>();
  const unmatched: { row: TrackingRow; position: number }[] = [];
  const seen = new Map<string, TrackingRow>();

  rows.forEach((row, position) => {
    const keyCell = row.cells.key;
    if (row.key === '') {
      unmatched.push({ row, position });
      return;
    }
    const first = firstRowOfKey.get(row.key);
    if (first) {
      const params = {
        key: row.key,
        firstSheet: first.sheet,
        firstCell: first.cells.key?.address ?? '',
        onlyInCopy: cellsOnlyInCopy(row, first),
      };
      issues.push(createIssue('duplicate-key', at(row, keyCell), params));
      return;
    }
    firstRowOfKey.set(row.key, row);
    const stored = storedByKey.get(row.key);
    if (stored) {
      storedKeyOf.set(row, stored);
      seen.set(stored.key, row);
    } else unmatched.push({ row, position });
  });

  // A key edited or erased in place: the stored key expected at the row's place is nowhere in the workbook.
  // Otherwise the row was added.
  for (const { row, position } of unmatched) {
    const candidate = storedKeys[position];
    const expected =
      candidate !== undefined && !shownKeys.has(candidate.key) && !seen.has(candidate.key) ? candidate : null;
    if (expected) {
      storedKeyOf.set(row, expected);
      seen.set(expected.key, row);
    }
    const location = at(row, row.cells.key);
    if (row.key === '') {
      issues.push(
        createIssue('empty-key', { ...location, rowKey: expected?.key ?? null }, { expected: expected?.key ?? null }),
      );
    } else if (expected) {
      issues.push(createIssue('key-changed', location, { expected: expected.key, found: row.key }));
    } else {
      issues.push(createIssue('unknown-key', location, { key: row.key }));
    }
  }

  // A sheet whose header row was lost has no rows: its keys are not "missing rows", the sheet is unreadable.
  if (sheets.some((sheet) => sheet.headerRow === null)) return { issues, storedKeyOf };
  storedKeys.forEach((entry, index) => {
    if (seen.has(entry.key)) return;
    // Its whole sheet is missing: `missing-sheet` says so once.
    if (entry.axis !== undefined && !sheets.some((sheet) => sheet.axis === entry.axis)) return;
    const sheet = sheetOfMissingKey(entry, index, storedKeys, seen, sheets);
    issues.push(createIssue('missing-row', { sheet, cell: null, rowKey: entry.key }, { key: entry.key }));
  });
  return { issues, storedKeyOf };
}

/** The sheet a missing row belonged to: its axis's when known, else the sheet of its nearest stored neighbour. */
function sheetOfMissingKey(
  entry: StoredKey,
  index: number,
  storedKeys: readonly StoredKey[],
  seen: Map<string, TrackingRow>,
  sheets: readonly AxisSheetReading[],
): string | null {
  if (entry.axis !== undefined) {
    const sheet = sheets.find((candidate) => candidate.axis === entry.axis);
    if (sheet) return sheet.sheet;
  }
  for (let before = index - 1; before >= 0; before -= 1) {
    const row = seen.get(storedKeys[before].key);
    if (row) return row.sheet;
  }
  for (let after = index + 1; after < storedKeys.length; after += 1) {
    const row = seen.get(storedKeys[after].key);
    if (row) return row.sheet;
  }
  return null;
}

const isHeld = (cell: TrackingCell | undefined): cell is TrackingCell =>
  cell !== undefined && cell.raw !== null && cell.raw !== '';

/**
 * The cells of a row copied under an existing key that hold something its first row does not (a value typed in the
 * copy): deleting the copy, as its error says, would lose them, so the error names them to carry over first.
 */
function cellsOnlyInCopy(copy: TrackingRow, first: TrackingRow): string[] {
  const addresses: string[] = [];
  for (const [field, cell] of Object.entries(copy.cells) as [TrackingField, TrackingCell | undefined][]) {
    if (isHeld(cell) && cell.raw !== first.cells[field]?.raw) addresses.push(cell.address);
  }
  if (copy.type === 'criterion') {
    const firstQuarters = first.type === 'criterion' ? first.quarterCells : null;
    copy.quarterCells.forEachHeld((cell, label) => {
      if (isHeld(cell) && cell.raw !== firstQuarters?.cell(label)?.raw) addresses.push(cell.address);
    });
  }
  return addresses;
}
