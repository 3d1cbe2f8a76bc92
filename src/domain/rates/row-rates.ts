import { meanAchievement } from './achievement';
import { fillRateCumulative } from './fill-rate';
import type { RateCriterion, RateFiche, RateWindow } from './inputs';

/** The `Renseignement cumulé` and `Réalisation` cells of an axis sheet's rows (their cached results). */
export interface RowRates {
  fillCumulative: number | null;
  achievement: number | null;
}

export function criterionRowRates(criterion: RateCriterion, window: RateWindow): RowRates {
  return { fillCumulative: fillRateCumulative([criterion], window), achievement: meanAchievement([criterion], window) };
}

export function ficheRowRates(fiche: RateFiche, window: RateWindow): RowRates {
  return {
    fillCumulative: fillRateCumulative(fiche.criteria, window),
    achievement: meanAchievement(fiche.criteria, window),
  };
}
