import type { Issue } from '../issues';
import { hasBegun, parseQuarterLabel, quarterIndex, quarterLabel, type Quarter } from '../periods';
import {
  expectsValue,
  isAbandonedBy,
  type AxisSheetReading,
  type CriterionRow,
  type FicheRow,
  type TrackingCell,
  type TrackingRow,
} from '../tracking';
import { isBlank } from '../tracking-values';
import { createIssue } from '../issues';
import { at, shown } from './row-cells';

/** A fiche row with the criterion rows under it (the rows up to the next fiche row). */
export interface FicheGroup {
  fiche: FicheRow;
  criteria: CriterionRow[];
}

export function ficheGroups(sheet: AxisSheetReading): FicheGroup[] {
  const groups: FicheGroup[] = [];
  for (const row of sheet.rows) {
    if (row.type === 'fiche') groups.push({ fiche: row, criteria: [] });
    else if (row.type === 'criterion' && groups.length > 0) groups[groups.length - 1].criteria.push(row);
  }
  return groups;
}

/**
 * A value typed in a quarter after Q: kept, but it is probably in the wrong column. Not said of a row read by a key
 * of another type than its own (`anotherType`, see `rowsOfAnotherType`): its values are judged once the key is back.
 */
export function checkValuesAfterCurrentQuarter(
  sheets: readonly AxisSheetReading[],
  current: Quarter,
  anotherType: ReadonlySet<TrackingRow> = new Set(),
): Issue[] {
  const issues: Issue[] = [];
  const currentIndex = quarterIndex(current);
  // Every criterion row has the same few labels: each is parsed once (null: not a quarter's label).
  const indexes = new Map<string, number | null>();
  const indexOf = (label: string): number | null => {
    let index = indexes.get(label);
    if (index === undefined) {
      const quarter = parseQuarterLabel(label);
      index = quarter ? quarterIndex(quarter) : null;
      indexes.set(label, index);
    }
    return index;
  };
  for (const row of sheets.flatMap((sheet) => sheet.rows)) {
    if (row.type !== 'criterion' || anotherType.has(row)) continue;
    row.quarterCells.forEachHeld((cell, label) => {
      const index = indexOf(label);
      if (index === null || index <= currentIndex || isBlank(cell.raw)) return;
      issues.push(
        createIssue('value-after-current-quarter', at(row, cell), {
          quarter: label,
          current: quarterLabel(current),
          value: shown(cell),
        }),
      );
    });
  }
  return issues;
}

/**
 * A fiche group holding a row read by a key of another type than its own (`rowsOfAnotherType`): its rows and values
 * were read by the key shown, judged again once the key is back.
 */
const holdsAnotherType = ({ fiche, criteria }: FicheGroup, anotherType: ReadonlySet<TrackingRow>) =>
  anotherType.size > 0 && (anotherType.has(fiche) || criteria.some((criterion) => anotherType.has(criterion)));

/** A fiche marked `Réalisée` whose criteria hold no value in any quarter. */
export function checkDoneWithoutValues(
  sheets: readonly AxisSheetReading[],
  anotherType: ReadonlySet<TrackingRow> = new Set(),
): Issue[] {
  const issues: Issue[] = [];
  for (const group of sheets.flatMap(ficheGroups)) {
    const { fiche, criteria } = group;
    if (fiche.status !== 'Réalisée' || criteria.length === 0 || holdsAnotherType(group, anotherType)) continue;
    const anyValue = criteria.some((criterion) => Object.values(criterion.values).some((value) => value !== null));
    if (!anyValue) issues.push(createIssue('done-without-values', at(fiche, fiche.cells.status), { key: fiche.key }));
  }
  return issues;
}

/**
 * The quarter from which a fiche's criteria expect nothing (docs/WORKBOOK.md, « Abandoned fiches »): its
 * « Abandonnée en », or Q when its Statut is « Abandonnée » and that cell is not written yet (the next compute
 * writes Q there).
 */
function abandonmentSeenAt(fiche: FicheRow, current: Quarter): Quarter | null {
  return fiche.abandonedIn ?? (fiche.status === 'Abandonnée' ? current : null);
}

/** A cell as `notCounted` names it: its sheet and address, « Axe 1!Z5 ». */
export const cellKey = (sheet: string, address: string) => `${sheet}!${address}`;

/**
 * Completeness of Q, one warning per fiche (docs/WORKBOOK.md, « Issues »): the cells of Q its criteria expect
 * (see `expectsValue`) and that are not filled; none for a fiche abandoned in Q or before, and none at all while Q
 * has not begun (a convention still to come, whose Q is its first quarter; a Q chosen ahead): nothing can be missing
 * yet. The warning points at the first of them and lists them all. Not of a row read by a key of another type than
 * its own (`anotherType`, see `rowsOfAnotherType`), nor of the criteria under a fiche row read so. A cell of
 * `notCounted` (a partner's extract: a value the merge refuses, a formula, « 700 % ») is not filled, whatever it holds.
 */
export function checkCurrentQuarterCompleteness(
  sheets: readonly AxisSheetReading[],
  current: Quarter,
  lastQuarter: Quarter,
  {
    today,
    anotherType = new Set(),
    notCounted = new Set(),
  }: { today: Date; anotherType?: ReadonlySet<TrackingRow>; notCounted?: ReadonlySet<string> },
): Issue[] {
  if (!hasBegun(current, today)) return [];
  const label = quarterLabel(current);
  const issues: Issue[] = [];
  for (const group of sheets.flatMap(ficheGroups)) {
    const { fiche, criteria } = group;
    // A fiche row read by another key's type gathers the criteria under it as another fiche's.
    if (isAbandonedBy(abandonmentSeenAt(fiche, current), current) || anotherType.has(fiche)) continue;
    const refused = (cell: TrackingCell | undefined) =>
      cell !== undefined && notCounted.has(cellKey(fiche.sheet, cell.address));
    const empty = criteria
      .filter((criterion) => !anotherType.has(criterion))
      .filter((criterion) => expectsValue(criterion.frequency, current, lastQuarter))
      .filter((criterion) => criterion.values[label] == null || refused(criterion.quarterCells.cell(label)))
      .map((criterion) => criterion.quarterCells.cell(label))
      // A formula without its result is an error of its own, not a missing value (unless its value is not counted).
      .filter(
        (cell): cell is TrackingCell => cell !== undefined && (cell.uncalculatedFormula === undefined || refused(cell)),
      );
    if (empty.length === 0) continue;
    issues.push(
      createIssue('incomplete-current-quarter', at(fiche, empty[0]), {
        key: fiche.key,
        quarter: label,
        cells: empty.map((cell) => cell.address),
        // Cells holding something that is not a value of their kind (each has its error): not told « vides ».
        invalidCells: empty.filter((cell) => !isBlank(cell.raw) || refused(cell)).map((cell) => cell.address),
        count: empty.length,
      }),
    );
  }
  return issues;
}
