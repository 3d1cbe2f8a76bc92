import { parentKeyOf, type TrackingRow } from './tracking';

/**
 * Where a sheet's criterion rows sit against their fiches (docs/WORKBOOK.md, « Rows out of order »): a criterion
 * belongs under its fiche's row, before the next fiche. One not there is `misplaced` when its fiche is among the
 * same rows (the table was sorted, or a row dragged: the next rewrite puts it back by its key, `inStoredOrder`),
 * `elsewhere` when its fiche is not (the row went to another sheet, or the fiche is gone: a person must move it).
 */
export interface CriterionPlacement<R> {
  misplaced: R[];
  elsewhere: R[];
}

/**
 * `keyOf`, `parentOf` and `typeOf` say which key a row stands for, its fiche's and its type (validation judges an
 * edited key by the stored one: a fiche's row whose key was typed over with a criterion's is still a fiche's).
 */
export function criterionPlacement<R extends TrackingRow>(
  rows: readonly R[],
  keyOf: (row: R) => string,
  parentOf: (row: R) => string | null,
  typeOf: (row: R) => TrackingRow['type'] = (row) => row.type,
): CriterionPlacement<R> {
  const ficheKeys = new Set(rows.filter((row) => typeOf(row) === 'fiche').map(keyOf));
  const placement: CriterionPlacement<R> = { misplaced: [], elsewhere: [] };
  let currentFiche: string | null = null;
  for (const row of rows) {
    const type = typeOf(row);
    if (type === 'fiche') currentFiche = keyOf(row);
    if (type !== 'criterion') continue;
    const parent = parentOf(row);
    if (parent === null || parent === currentFiche) continue;
    (ficheKeys.has(parent) ? placement.misplaced : placement.elsewhere).push(row);
  }
  return placement;
}

/**
 * The rows in `_ctg`'s key order (`rank`, the plan's: each fiche then its criteria), rows of no stored key last in
 * their order; and how they stood: `changed` when that is not the order they are in, `misplaced` the criteria that
 * were not under their fiche.
 */
export function inStoredOrder<R extends TrackingRow>(
  rows: readonly R[],
  rank: ReadonlyMap<string, number>,
): { rows: R[]; changed: boolean; misplaced: number } {
  const rankOf = (row: R) => rank.get(row.key) ?? Number.MAX_SAFE_INTEGER;
  const ordered = [...rows].sort((a, b) => rankOf(a) - rankOf(b));
  const misplaced = criterionPlacement(
    rows,
    (row) => row.key,
    (row) => parentKeyOf(row.key),
  ).misplaced.length;
  return { rows: ordered, changed: ordered.some((row, index) => row !== rows[index]), misplaced };
}
