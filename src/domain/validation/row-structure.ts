import type { Issue } from '../issues';
import { parentKeyOf, rowTypeOfKey, type AxisSheetReading, type StoredKey, type TrackingRow } from '../tracking';
import { matchListValue, rowTypes } from '../vocabulary';
import { createIssue } from '../issues';
import { at } from './row-cells';

/** The key a row stands for: its stored key when it has one, else the key it shows. */
function effectiveKey(row: TrackingRow, storedKeyOf: Map<TrackingRow, StoredKey>): string {
  return storedKeyOf.get(row)?.key ?? row.key;
}

/** `Type` must be the type of the row's key (`Fiche`, `Quantitatif`, `Qualitatif`). */
export function checkRowTypes(sheets: readonly AxisSheetReading[], storedKeyOf: Map<TrackingRow, StoredKey>): Issue[] {
  const issues: Issue[] = [];
  for (const row of sheets.flatMap((sheet) => sheet.rows)) {
    const expected = storedKeyOf.get(row)?.type ?? rowTypeOfKey(row.key);
    if (expected === null) continue;
    if (matchListValue(rowTypes, row.typeText) === expected) continue;
    issues.push(createIssue('wrong-row-type', at(row, row.cells.type), { expected, found: row.typeText }));
  }
  return issues;
}

/** A criterion row sits under its fiche: the nearest fiche row above it is the fiche of its key. */
export function checkCriterionPlacement(
  sheets: readonly AxisSheetReading[],
  storedKeyOf: Map<TrackingRow, StoredKey>,
): Issue[] {
  const issues: Issue[] = [];
  for (const sheet of sheets) {
    let currentFiche: string | null = null;
    for (const row of sheet.rows) {
      if (row.type === 'fiche') {
        currentFiche = effectiveKey(row, storedKeyOf);
        continue;
      }
      if (row.type !== 'criterion') continue;
      const key = effectiveKey(row, storedKeyOf);
      const parentKey = storedKeyOf.get(row)?.parentKey ?? parentKeyOf(key);
      if (parentKey === null || parentKey === currentFiche) continue;
      issues.push(createIssue('criterion-outside-fiche', at(row, row.cells.key), { key, parentKey }));
    }
  }
  return issues;
}
