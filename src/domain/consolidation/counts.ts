import { achievementRate } from '../rates/achievement';
import { statusCounts, fichesWithDifficulties, type StatusCounts } from '../rates/fiche-stats';
import {
  addFillCounts,
  cumulativeFillCounts,
  fillRate,
  noFillCounts,
  periodFillCounts,
  type FillCounts,
} from '../rates/fill-rate';
import type { RateFiche, RateWindow } from '../rates/inputs';

/**
 * The counts behind a set of fiches' figures (a territory, a champ, a public…), kept so that sets pool exactly as
 * docs/DOMAIN.md, « Rates », defines each figure: renseignement is cells filled over cells expected, réalisation
 * the mean of the criteria's defined achievements, never a mean of rates. Counts add; rates are derived last.
 */
export interface ConsolidationCounts {
  fiches: number;
  criteria: number;
  statuses: StatusCounts;
  /** Fiches whose Difficultés is not blank. */
  fichesWithDifficulties: number;
  /** Values expected in the period measured (Q alone; a bilan's quarters up to Q), and of those the ones filled. */
  period: FillCounts;
  /** Values expected from the convention's first quarter to Q, and of those the ones filled. */
  cumulative: FillCounts;
  /** Quantitative criteria with a Cible. */
  criteriaWithTarget: number;
  /** Criteria whose réalisation is defined at Q. */
  achieved: number;
  /** The sum of those criteria's réalisations (fractions): réalisation = achievementSum / achieved. */
  achievementSum: number;
}

export interface ConsolidationRates {
  fillPeriod: number | null;
  fillCumulative: number | null;
  achievement: number | null;
}

const noStatuses: StatusCounts = { notStarted: 0, inProgress: 0, done: 0, postponed: 0, abandoned: 0 };

export const noCounts: ConsolidationCounts = {
  fiches: 0,
  criteria: 0,
  statuses: noStatuses,
  fichesWithDifficulties: 0,
  period: noFillCounts,
  cumulative: noFillCounts,
  criteriaWithTarget: 0,
  achieved: 0,
  achievementSum: 0,
};

/**
 * Fiches whose Statut is empty or not one of the list (a workbook just generated has only such): with them the
 * fiches by status add up to the fiches (« Sans statut » in the consolidation workbook).
 */
export function fichesWithoutStatus(counts: Pick<ConsolidationCounts, 'fiches' | 'statuses'>): number {
  return counts.fiches - Object.values(counts.statuses).reduce((sum, n) => sum + n, 0);
}

/** The counts of a set of fiches measured in a window (its quarter Q). */
export function countsOf(fiches: readonly RateFiche[], window: RateWindow): ConsolidationCounts {
  const criteria = fiches.flatMap((fiche) => fiche.criteria);
  const achievements = criteria
    .map((criterion) => achievementRate(criterion, window))
    .filter((rate): rate is number => rate !== null);
  return {
    fiches: fiches.length,
    criteria: criteria.length,
    statuses: statusCounts(fiches),
    fichesWithDifficulties: fichesWithDifficulties(fiches),
    period: periodFillCounts(criteria, window),
    cumulative: cumulativeFillCounts(criteria, window),
    criteriaWithTarget: criteria.filter((criterion) => criterion.kind === 'quantitative' && criterion.target !== null)
      .length,
    achieved: achievements.length,
    achievementSum: achievements.reduce((sum, rate) => sum + rate, 0),
  };
}

function addStatuses(a: StatusCounts, b: StatusCounts): StatusCounts {
  return {
    notStarted: a.notStarted + b.notStarted,
    inProgress: a.inProgress + b.inProgress,
    done: a.done + b.done,
    postponed: a.postponed + b.postponed,
    abandoned: a.abandoned + b.abandoned,
  };
}

export function addCounts(a: ConsolidationCounts, b: ConsolidationCounts): ConsolidationCounts {
  return {
    fiches: a.fiches + b.fiches,
    criteria: a.criteria + b.criteria,
    statuses: addStatuses(a.statuses, b.statuses),
    fichesWithDifficulties: a.fichesWithDifficulties + b.fichesWithDifficulties,
    period: addFillCounts(a.period, b.period),
    cumulative: addFillCounts(a.cumulative, b.cumulative),
    criteriaWithTarget: a.criteriaWithTarget + b.criteriaWithTarget,
    achieved: a.achieved + b.achieved,
    achievementSum: a.achievementSum + b.achievementSum,
  };
}

export function sumCounts(counts: readonly ConsolidationCounts[]): ConsolidationCounts {
  return counts.reduce(addCounts, noCounts);
}

/** The rates of pooled counts; null where nothing is expected or no réalisation is defined. */
export function ratesOf(counts: ConsolidationCounts): ConsolidationRates {
  return {
    fillPeriod: fillRate(counts.period),
    fillCumulative: fillRate(counts.cumulative),
    achievement: counts.achieved === 0 ? null : counts.achievementSum / counts.achieved,
  };
}
