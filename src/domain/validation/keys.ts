import type { Issue } from '../issues';
import type { AxisSheetReading, StoredKey, TrackingCell, TrackingField, TrackingRow } from '../tracking';
import { createIssue } from '../issues';
import { rowTypeOfKey } from '../tracking';
import { matchListValue, rowTypes } from '../vocabulary';
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
  const storedIndex = new Map<string, number>();
  for (let index = 0; index < storedKeys.length; index++) storedIndex.set(storedKeys[index].key, index);
  const rows = sheets.flatMap((sheet) => sheet.rows);
  // Asked only of a row out of place (`isFree`): most workbooks have none.
  let shownKeys: Set<string> | null = null;
  const ownRows = ownRowsOfKeys(rows, storedKeys, storedIndex);
  const axisOfSheet = new Map(sheets.map((sheet) => [sheet.sheet, sheet.axis]));
  const unmatched: { row: TrackingRow; position: number; repeats?: TrackingRow }[] = [];
  const duplicates: { row: TrackingRow; repeats: TrackingRow }[] = [];
  const seen = new Map<string, TrackingRow>();

  rows.forEach((row, position) => {
    if (row.key === '') {
      unmatched.push({ row, position });
      return;
    }
    const own = ownRows.get(row.key)!;
    if (own !== row) {
      unmatched.push({ row, position, repeats: own });
      return;
    }
    const index = storedIndex.get(row.key);
    if (index !== undefined) {
      storedKeyOf.set(row, storedKeys[index]);
      seen.set(row.key, row);
    } else unmatched.push({ row, position });
  });

  // Two rows showing each other's keys, their neighbours in place: the keys were swapped, each row's title and values
  // left under the other's key (or the two rows moved whole). Each row is judged by its place, and told both.
  for (const [row, other] of swappedRows(rows, ownRows, storedIndex)) {
    const expected = storedKeys[storedIndex.get(other.key)!];
    storedKeyOf.set(row, expected);
    const location = at(row, row.cells.key);
    const swappedWith = other.cells.key?.address ?? '';
    // Rows of two types whose Types stayed in place: the keys alone were swapped, so putting them back is the one fix.
    const told: Issue['params'] = typesStayed(row, other) ? { keysOnly: 1 } : { rowHere: row.row, rowThere: other.row };
    const params = { expected: expected.key, found: row.key, swappedWith, ...told };
    issues.push(createIssue('key-changed', location, params));
  }

  /** A stored key found nowhere in the workbook, of the row's axis. */
  const isFree = (entry: StoredKey | undefined, row: TrackingRow): entry is StoredKey =>
    entry !== undefined &&
    !(shownKeys ??= new Set(rows.map((shown) => shown.key))).has(entry.key) &&
    !seen.has(entry.key) &&
    (entry.axis === undefined || entry.axis === axisOfSheet.get(row.sheet));
  /**
   * The stored key a row stands at the place of: the one of its place in the list, else the one after its previous
   * row's, else the one before its next row's (rows deleted or added above moved it) — when found nowhere else.
   */
  const keyExpectedAt = (row: TrackingRow, position: number): StoredKey | null => {
    const previous = position > 0 ? storedKeyOf.get(rows[position - 1]) : undefined;
    const next = rows[position + 1];
    const nextIndex = next && ownRows.get(next.key) === next ? storedIndex.get(next.key) : undefined;
    const candidates = [
      storedKeys[position],
      previous ? storedKeys[storedIndex.get(previous.key)! + 1] : undefined,
      nextIndex === undefined ? undefined : storedKeys[nextIndex - 1],
    ];
    return candidates.find((candidate) => isFree(candidate, row)) ?? null;
  };

  // A key edited or erased in place: the stored key expected at the row's place is nowhere in the workbook — even
  // when the row has the title of the key it repeats, which another criterion may share: told to delete it as a copy,
  // the person would lose its values. Otherwise the row was added, or copied when it repeats another row's key.
  for (const { row, position, repeats } of unmatched) {
    const expected = keyExpectedAt(row, position);
    // A note typed in the table is no row: given the key of its place, it would become that row, its text the title.
    const note = noteCells(row);
    if (note !== null) {
      const params = { note: note.map((cell) => cell.address), notRowOf: expected?.key ?? null };
      issues.push(createIssue('empty-key', at(row, row.cells.key), params));
      continue;
    }
    if (repeats && expected === null) {
      duplicates.push({ row, repeats });
      continue;
    }
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

  // Its whole sheet is missing: `missing-sheet` says so once.
  const missing = storedKeys.filter(
    (entry) => !seen.has(entry.key) && (entry.axis === undefined || sheets.some((sheet) => sheet.axis === entry.axis)),
  );
  // A key said missing that a row repeating another's key may be (`mayBe`): restored from a backup, it would be on two
  // rows. Its `missing-row` names that row.
  const typedOverAt = new Map<string, string>();
  for (const { row, repeats } of duplicates) {
    const type = rowTypeOfKey(row.key);
    const mayBe = missing.filter((entry) => rowTypeOfKey(entry.key) === type && isFree(entry, row));
    const issue = duplicateKeyIssue(row, repeats, mayBe);
    if (issue.params.mayBe !== undefined)
      for (const entry of mayBe) if (!typedOverAt.has(entry.key)) typedOverAt.set(entry.key, issue.cell ?? '');
    issues.push(issue);
  }

  // A sheet whose header row was lost has no rows: its keys are not "missing rows", the sheet is unreadable.
  if (sheets.some((sheet) => sheet.headerRow === null)) return { issues, storedKeyOf };
  const missingKeys = new Set(missing);
  storedKeys.forEach((entry, index) => {
    if (!missingKeys.has(entry)) return;
    const sheet = sheetOfMissingKey(entry, index, storedKeys, seen, sheets);
    const maybeAt = typedOverAt.get(entry.key);
    const params: Issue['params'] = maybeAt === undefined ? { key: entry.key } : { key: entry.key, maybeAt };
    issues.push(createIssue('missing-row', { sheet, cell: null, rowKey: entry.key }, params));
  });
  return { issues, storedKeyOf };
}

/**
 * The rows standing for a stored key of another type than the key they show (typed over, or swapped): the read took
 * their cells by the key shown (a Qualitatif's scale values as a Quantitatif's, a fiche's cells as a criterion's), so
 * their values are judged again once the key is back, not by the key shown: their `key-changed` says what to do.
 */
export function rowsOfAnotherType(storedKeyOf: ReadonlyMap<TrackingRow, StoredKey>): Set<TrackingRow> {
  const rows = new Set<TrackingRow>();
  for (const [row, stored] of storedKeyOf)
    if (stored.key !== row.key && rowTypeOfKey(stored.key) !== rowTypeOfKey(row.key)) rows.add(row);
  return rows;
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

/**
 * The row that is each key's own, of the rows showing it: the one whose neighbours are the key's in the stored list
 * (of the rows a key was typed over with another's, the other's own row keeps its neighbours), the one at its place
 * in the list of those as close, else the first.
 */
function ownRowsOfKeys(
  rows: readonly TrackingRow[],
  storedKeys: readonly StoredKey[],
  storedIndex: ReadonlyMap<string, number>,
): Map<string, TrackingRow> {
  // A key shown once (nearly every key) is its row's: the rows showing a key twice or more are weighed apart.
  const own = new Map<string, TrackingRow>();
  let repeated: Set<string> | null = null;
  for (const row of rows) {
    if (row.key === '') continue;
    if (!own.has(row.key)) own.set(row.key, row);
    else (repeated ??= new Set()).add(row.key);
  }
  if (repeated === null) return own;
  const positions = new Map<string, number[]>();
  rows.forEach((row, position) => {
    if (!repeated.has(row.key)) return;
    const shown = positions.get(row.key);
    if (shown) shown.push(position);
    else positions.set(row.key, [position]);
  });
  for (const [key, shown] of positions) {
    const index = storedIndex.get(key);
    const score = (position: number) =>
      index === undefined
        ? 0
        : 2 *
            (Number(rows[position - 1]?.key === storedKeys[index - 1]?.key) +
              Number(rows[position + 1]?.key === storedKeys[index + 1]?.key)) +
          Number(position === index);
    const best = shown.reduce((kept, position) => (score(position) > score(kept) ? position : kept));
    own.set(key, rows[best]);
  }
  return own;
}

/**
 * The pairs of rows of a sheet whose keys are each at the other's place in `_ctg`'s list, every row from the one
 * before the first to the one after the second showing its own key, in the list's order, once the two are swapped
 * back. Each pair is given both ways, in row order.
 */
function swappedRows(
  rows: readonly TrackingRow[],
  ownRows: ReadonlyMap<string, TrackingRow>,
  storedIndex: ReadonlyMap<string, number>,
): [TrackingRow, TrackingRow][] {
  // Made for the first row out of its place only: most workbooks have none.
  let positionOf: Map<TrackingRow, number> | null = null;
  let keyAtIndex: Map<number, string> | null = null;
  /** The list index of the key a row shows, when it is the key's own row (shown once) and in the list. */
  const indexAt = (position: number): number | undefined => {
    const row = rows[position];
    return ownRows.get(row.key) === row ? storedIndex.get(row.key) : undefined;
  };
  const pairs: [TrackingRow, TrackingRow][] = [];
  rows.forEach((row, first) => {
    const previous = first === 0 ? -1 : indexAt(first - 1);
    const shown = indexAt(first);
    if (previous === undefined || shown === undefined || shown === previous + 1) return;
    keyAtIndex ??= new Map([...storedIndex].map(([key, index]) => [index, key]));
    positionOf ??= new Map(rows.map((each, position) => [each, position]));
    const other = ownRows.get(keyAtIndex.get(previous + 1) ?? '');
    const second = other === undefined ? undefined : positionOf.get(other);
    if (other === undefined || second === undefined || second <= first || other.sheet !== row.sheet) return;
    if (indexAt(second) !== previous + 1 || typesMoved(row, other)) return;
    // Swapped back, the rows from `first` to the one after `second` follow one another in the list.
    const last = Math.min(second + 1, rows.length - 1);
    for (let position = first; position <= last; position += 1) {
      const index = position === first ? indexAt(second) : position === second ? shown : indexAt(position);
      if (index !== previous + 1 + position - first) return;
    }
    pairs.push([row, other], [other, row]);
  });
  return pairs;
}

/** The row type a row's `Type` cell says, whatever the key it shows. */
const typedType = (row: TrackingRow) => matchListValue(rowTypes, row.typeText);

/**
 * Two rows of keys of two types (a fiche and a criterion, two kinds of criteria) whose `Type` cells each say the type
 * of the key the row shows: the Types went with the keys, so the rows were moved whole (a rewrite puts them back in
 * order), not their keys swapped.
 */
function typesMoved(row: TrackingRow, other: TrackingRow): boolean {
  const [type, otherType] = [rowTypeOfKey(row.key), rowTypeOfKey(other.key)];
  return type !== otherType && typedType(row) === type && typedType(other) === otherType;
}

/** The same two rows whose `Type` cells each say the type of the other's key: the keys alone were swapped. */
function typesStayed(row: TrackingRow, other: TrackingRow): boolean {
  const [type, otherType] = [rowTypeOfKey(row.key), rowTypeOfKey(other.key)];
  return type !== otherType && typedType(row) === otherType && typedType(other) === type;
}

/**
 * The cells of a row typed as a note (no key, no type, a text or two, no formula); null for any other row. A text of
 * no key's shape alone in the Clé column is one too: given the key of its place, the row would have no title.
 */
function noteCells(row: TrackingRow): readonly TrackingCell[] | null {
  if (row.type !== 'unknown' || row.typeText !== '' || rowTypeOfKey(row.key) !== null) return null;
  const held = row.heldCells ?? [];
  const isText = (cell: TrackingCell) => typeof cell.raw === 'string' && cell.formula === undefined;
  const most = row.key === '' ? 2 : 1;
  return held.length > 0 && held.length <= most && held.every(isText) ? held : null;
}

/** Two rows of the same title (spacing ignored): a row and its copy, not another row whose key was typed over. */
const titleText = (row: TrackingRow) =>
  String(row.cells.title?.raw ?? '')
    .replace(/\s+/g, ' ')
    .trim();
const sameTitle = (row: TrackingRow, other: TrackingRow) => titleText(row) === titleText(other);

/**
 * A row showing another row's key: a copy of it (same title), to delete once what only it holds is carried over;
 * else another row whose key was typed over (`titleDiffers`), whose own key could not be told: never to delete. So
 * too a row of the same title while rows of its type are missing (`mayBe`, their keys): a criterion worded alike,
 * moved and typed over, may be one of them, its values its own.
 */
function duplicateKeyIssue(row: TrackingRow, first: TrackingRow, missing: readonly StoredKey[]): Issue {
  const titleDiffers = !sameTitle(row, first);
  const kind: Issue['params'] = titleDiffers
    ? { titleDiffers: 1 }
    : missing.length > 0
      ? { mayBe: missing.map((entry) => entry.key) }
      : { onlyInCopy: cellsOnlyInCopy(row, first) };
  const params = { key: row.key, firstSheet: first.sheet, firstCell: first.cells.key?.address ?? '', ...kind };
  return createIssue('duplicate-key', at(row, row.cells.key), params);
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
