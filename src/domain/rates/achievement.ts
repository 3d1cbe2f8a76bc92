import { quarterLabel } from '../periods';
import { expectsValue, isAbandonedBy, isFilled } from '../tracking';
import type { RateCriterion, RateWindow } from './inputs';

/**
 * Taux de réalisation (issue "Completion") of a Quantitatif criterion with a Cible T: the latest filled value V
 * up to Q, the Référence B (0 when empty): clamp((V − B) / (T − B), 0, 1). Only quarters that expect a value
 * are read, the same cells the taux de renseignement counts: a value typed in another quarter is kept in the
 * sheet but "neither counted nor penalised" (docs/WORKBOOK.md, « Filled, expected, current quarter »), so it does not move the achievement either.
 */

/** The value of the latest expected quarter up to Q that holds a number; null when none does. */
export function latestValue(criterion: RateCriterion, window: RateWindow): number | null {
  if (criterion.kind !== 'quantitative') return null;
  for (let i = window.quartersToDate.length - 1; i >= 0; i -= 1) {
    const quarter = window.quartersToDate[i];
    if (!expectsValue(criterion.frequency, quarter, window.last)) continue;
    const value = criterion.values[quarterLabel(quarter)] ?? null;
    if (isFilled('quantitative', value)) return value as number;
  }
  return null;
}

/**
 * Undefined (null) for a qualitative criterion, without a Cible, when Cible = Référence, without a value, or when
 * its fiche was abandoned in Q or before (an abandoned action counts in no réalisation from then on).
 */
export function achievementRate(criterion: RateCriterion, window: RateWindow): number | null {
  if (isAbandonedBy(criterion.abandonedIn, window.current)) return null;
  const target = criterion.target;
  const baseline = criterion.baseline ?? 0;
  if (criterion.kind !== 'quantitative' || target === null || target === baseline) return null;
  const value = latestValue(criterion, window);
  if (value === null) return null;
  return Math.min(1, Math.max(0, (value - baseline) / (target - baseline)));
}

/** The mean over the criteria whose achievement is defined; null when none is. Never a mean of means. */
export function meanAchievement(criteria: readonly RateCriterion[], window: RateWindow): number | null {
  let sum = 0;
  let count = 0;
  for (const criterion of criteria) {
    const rate = achievementRate(criterion, window);
    if (rate === null) continue;
    sum += rate;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}
