import { splitList } from '../axis-fields';
import { parentKeyOf, type CriterionRow, type FicheRow, type TrackingRow } from '../tracking';
import type { RateAxis, RateCriterion, RateFiche } from './inputs';

/**
 * Rows read back from an axis sheet → the rates' inputs. A criterion row is already a `RateCriterion`; a fiche
 * row needs its porteurs split and its criteria gathered, each with the fiche's quarter of abandonment.
 */

/** `CCMP; Mairie (s)` → `['CCMP', 'Mairie (s)']`: the Porteur(s) cell lists names separated by `;`. */
export const splitCarriers = splitList;

/** What the rates read of a criterion row, with its fiche's quarter of abandonment (not a copy of the whole row). */
function rateCriterionOf(row: CriterionRow, abandonedIn: FicheRow['abandonedIn']): RateCriterion {
  const { kind, frequency, baseline, target, values } = row;
  return { kind, frequency, baseline, target, values, abandonedIn };
}

/**
 * The fiches of a sheet's rows, each with the criteria whose key names it as parent (`G1-QN2` → `G1`), in row
 * order. A criterion whose fiche is missing is left out: validation reports it.
 */
export function rateFichesOf(rows: readonly TrackingRow[]): RateFiche[] {
  const ficheRows = rows.filter((row): row is FicheRow => row.type === 'fiche');
  // Each criterion's parent read once (a fiche looking through every criterion was quadratic in the sheet's rows).
  const criteriaOf = new Map<string, CriterionRow[]>();
  for (const row of rows) {
    if (row.type !== 'criterion') continue;
    const parent = parentKeyOf(row.key);
    if (parent === null) continue;
    const criteria = criteriaOf.get(parent);
    if (criteria) criteria.push(row);
    else criteriaOf.set(parent, [row]);
  }
  return ficheRows.map((fiche) => ({
    status: fiche.status,
    progress: fiche.progress,
    difficulties: fiche.difficulties,
    carriers: splitCarriers(fiche.carriers),
    criteria: (criteriaOf.get(fiche.key) ?? []).map((criterion) => rateCriterionOf(criterion, fiche.abandonedIn)),
  }));
}

export function rateAxisOf(number: number, title: string, rows: readonly TrackingRow[]): RateAxis {
  return { number, title, fiches: rateFichesOf(rows) };
}
