import type { Issue } from '../issues';
import { parentKeyOf, rowTypeOfKey, type AxisSheetReading, type StoredKey, type TrackingRow } from '../tracking';
import { matchListValue, rowTypes } from '../vocabulary';
import { createIssue } from '../issues';
import { criterionPlacement } from '../row-placement';
import { at } from './row-cells';

/** The key a row stands for: its stored key when it has one, else the key it shows. */
function effectiveKey(row: TrackingRow, storedKeyOf: Map<TrackingRow, StoredKey>): string {
  return storedKeyOf.get(row)?.key ?? row.key;
}

/**
 * `Type` must be the type of the row's key (`Fiche`, `Quantitatif`, `Qualitatif`). A sheet without a Type column
 * says so once (`missing-column`), not again on each row: its rows are typed by their keys.
 */
export function checkRowTypes(sheets: readonly AxisSheetReading[], storedKeyOf: Map<TrackingRow, StoredKey>): Issue[] {
  const issues: Issue[] = [];
  for (const row of sheets.flatMap((sheet) => sheet.rows)) {
    if (row.cells.type === undefined) continue;
    const expected = storedKeyOf.get(row)?.type ?? rowTypeOfKey(row.key);
    if (expected === null) continue;
    if (matchListValue(rowTypes, row.typeText) === expected) continue;
    // A row typed by the stored key of its place, its key cell being empty: the message names that key.
    const erasedKey = row.key === '' ? storedKeyOf.get(row)?.key : undefined;
    const params = { expected, found: row.typeText, ...(erasedKey !== undefined ? { erasedKey } : {}) };
    issues.push(createIssue('wrong-row-type', at(row, row.cells.type), params));
  }
  return issues;
}

/**
 * A criterion row sits under its fiche: the nearest fiche row above it is the fiche of its key. Rows of one sheet
 * out of that order (a sorted table) are one issue for the sheet, listing their cells, which a rewrite repairs; a
 * criterion whose fiche is not in its sheet is one issue for that row, which a person must move.
 */
export function checkCriterionPlacement(
  sheets: readonly AxisSheetReading[],
  storedKeyOf: Map<TrackingRow, StoredKey>,
): { issues: Issue[]; outOfOrder: Set<string> } {
  const issues: Issue[] = [];
  const outOfOrder = new Set<string>();
  const keyOf = (row: TrackingRow) => effectiveKey(row, storedKeyOf);
  const parentOf = (row: TrackingRow) => storedKeyOf.get(row)?.parentKey ?? parentKeyOf(keyOf(row));
  const typeOf = (row: TrackingRow) => {
    const stored = storedKeyOf.get(row)?.type;
    if (stored === undefined) return row.type;
    return stored === 'Fiche' ? 'fiche' : 'criterion';
  };
  // Each fiche's sheet: where a criterion cut away from its fiche goes back.
  const ficheSheets = new Map<string, string>();
  for (const sheet of sheets) {
    for (const row of sheet.rows) if (typeOf(row) === 'fiche') ficheSheets.set(keyOf(row), sheet.sheet);
  }
  for (const sheet of sheets) {
    const { misplaced, elsewhere } = criterionPlacement(sheet.rows, keyOf, parentOf, typeOf);
    if (misplaced.length > 0) {
      outOfOrder.add(sheet.sheet);
      const cells = misplaced.map((row) => row.cells.key?.address ?? '').filter((cell) => cell !== '');
      issues.push(
        createIssue('axis-rows-out-of-order', at(misplaced[0], misplaced[0].cells.key), {
          count: misplaced.length,
          cells,
        }),
      );
    }
    for (const row of elsewhere) {
      const parentKey = parentOf(row);
      issues.push(
        createIssue('criterion-outside-fiche', at(row, row.cells.key), {
          key: keyOf(row),
          parentKey,
          ficheSheet: (parentKey !== null && ficheSheets.get(parentKey)) || '',
        }),
      );
    }
  }
  return { issues, outOfOrder };
}
