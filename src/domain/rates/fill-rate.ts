import { quarterLabel, type Quarter } from '../periods';
import { expectsValue, isAbandonedBy, isFilled } from '../tracking';
import type { RateCriterion, RateWindow } from './inputs';

/**
 * Taux de renseignement (docs/DOMAIN.md, « Rates »): filled expected cells over
 * expected cells, pooled over cells — a set of criteria is never the mean of its members' rates. A value in a
 * quarter that does not expect one is neither counted nor penalised; nor is a cell of an abandoned fiche's criterion
 * from the quarter of abandonment on.
 */

export interface FillCounts {
  /** Expected cells that are filled. */
  filled: number;
  /** Cells that expect a value. */
  expected: number;
}

export const noFillCounts: FillCounts = { filled: 0, expected: 0 };

export function addFillCounts(a: FillCounts, b: FillCounts): FillCounts {
  return { filled: a.filled + b.filled, expected: a.expected + b.expected };
}

/** filled / expected; null when nothing is expected. */
export function fillRate(counts: FillCounts): number | null {
  return counts.expected === 0 ? null : counts.filled / counts.expected;
}

/** Whether the criterion's cell of `quarter` expects a value: its Fréquence asks for one, its fiche is not abandoned. */
export function isExpectedCell(criterion: RateCriterion, quarter: Quarter, window: RateWindow): boolean {
  return expectsValue(criterion.frequency, quarter, window.last) && !isAbandonedBy(criterion.abandonedIn, quarter);
}

// A cell counts as one of these three: shared, since the figures count every cell of every criterion.
const filledCell: FillCounts = { filled: 1, expected: 1 };
const emptyCell: FillCounts = { filled: 0, expected: 1 };

/** `label`: the quarter's, `AAAA-Tn` (made once by a caller that counts many criteria). */
function cellCounts(criterion: RateCriterion, quarter: Quarter, label: string, window: RateWindow): FillCounts {
  if (!isExpectedCell(criterion, quarter, window)) return noFillCounts;
  return isFilled(criterion.kind, criterion.values[label] ?? null) ? filledCell : emptyCell;
}

/** The cells of `quarters` of each criterion, counted. */
function fillCountsOf(
  criteria: readonly RateCriterion[],
  quarters: readonly Quarter[],
  window: RateWindow,
): FillCounts {
  const labels = quarters.map(quarterLabel);
  let filled = 0;
  let expected = 0;
  for (const criterion of criteria) {
    for (let index = 0; index < quarters.length; index++) {
      const counts = cellCounts(criterion, quarters[index], labels[index], window);
      filled += counts.filled;
      expected += counts.expected;
    }
  }
  return { filled, expected };
}

/** Whether the criterion's cell of `quarter` expects a value and is empty (the mark on Q's missing cells). */
export function isMissing(criterion: RateCriterion, quarter: Quarter, window: RateWindow): boolean {
  const counts = cellCounts(criterion, quarter, quarterLabel(quarter), window);
  return counts.expected === 1 && counts.filled === 0;
}

/** The cells of the period's quarters up to Q: Q alone for the workbook's figures (nothing when Q is outside). */
export function periodFillCounts(criteria: readonly RateCriterion[], window: RateWindow): FillCounts {
  return fillCountsOf(criteria, window.periodQuarters, window);
}

/** The cells of the quarters from the convention's first to Q. */
export function cumulativeFillCounts(criteria: readonly RateCriterion[], window: RateWindow): FillCounts {
  return fillCountsOf(criteria, window.quartersToDate, window);
}

/** Taux de renseignement (période): filled expected cells of the period's quarters up to Q / expected cells there. */
export function fillRatePeriod(criteria: readonly RateCriterion[], window: RateWindow): number | null {
  return fillRate(periodFillCounts(criteria, window));
}

/** Taux de renseignement cumulé: filled expected cells of the quarters up to Q / expected cells there. */
export function fillRateCumulative(criteria: readonly RateCriterion[], window: RateWindow): number | null {
  return fillRate(cumulativeFillCounts(criteria, window));
}
