import {
  fichesWithoutStatus,
  type ConsolidationCounts,
  type ConsolidationRates,
} from '../../domain/consolidation/counts';
import { cellAddress } from '../a1';
import { countRatioFormula } from '../formulas/count-formulas';
import { COUNT_FORMAT, RATE_FORMAT } from '../styles';
import { cachedRate } from '../sheets/axis/axis-rates';
import type { FormulaValue } from '../workbook-spec';
import { countHeaders } from './consolidation-texts';

/**
 * The counts and rates of the consolidation's rows (`Territoires`, the sheets by champ and by public), declared
 * once: which count, its header and format, and which counts each rate divides. The builders place them; the
 * rates' formulas read the counts of their own row, wherever the sheet put them.
 */

export type CountId = keyof typeof countHeaders & CountField;
export type RateId = keyof ConsolidationRates;

type CountField =
  | 'fiches'
  | 'criteria'
  | 'notStarted'
  | 'inProgress'
  | 'done'
  | 'postponed'
  | 'abandoned'
  | 'noStatus'
  | 'fichesWithDifficulties'
  | 'expectedPeriod'
  | 'filledPeriod'
  | 'expectedCumulative'
  | 'filledCumulative'
  | 'criteriaWithTarget'
  | 'achieved'
  | 'achievementSum';

export interface CountColumn {
  id: CountId;
  header: string;
  numFmt: string;
  width: number;
  value: (counts: ConsolidationCounts) => number;
}

const count = (id: CountId, value: (counts: ConsolidationCounts) => number, numFmt = COUNT_FORMAT): CountColumn => ({
  id,
  header: countHeaders[id],
  numFmt,
  width: 12,
  value,
});

/** What a plan holds: fiches, criteria, fiches by status (and without one), fiches with difficulties. */
export const planCountColumns: readonly CountColumn[] = [
  count('fiches', (c) => c.fiches),
  count('criteria', (c) => c.criteria),
  count('notStarted', (c) => c.statuses.notStarted),
  count('inProgress', (c) => c.statuses.inProgress),
  count('done', (c) => c.statuses.done),
  count('postponed', (c) => c.statuses.postponed),
  count('abandoned', (c) => c.statuses.abandoned),
  count('noStatus', fichesWithoutStatus),
  count('fichesWithDifficulties', (c) => c.fichesWithDifficulties),
];

/** The counts the rates divide. */
export const rateCountColumns: readonly CountColumn[] = [
  count('expectedPeriod', (c) => c.period.expected),
  count('filledPeriod', (c) => c.period.filled),
  count('expectedCumulative', (c) => c.cumulative.expected),
  count('filledCumulative', (c) => c.cumulative.filled),
  count('criteriaWithTarget', (c) => c.criteriaWithTarget),
  count('achieved', (c) => c.achieved),
  // A sum of fractions: two decimals show it without pretending to more.
  count('achievementSum', (c) => c.achievementSum, '0.00'),
];

export const rateIds: readonly RateId[] = ['fillPeriod', 'fillCumulative', 'achievement'];

/** Each rate as numerator over denominator, both counts of the same row. */
export const rateParts: Record<RateId, { numerator: CountId; denominator: CountId }> = {
  fillPeriod: { numerator: 'filledPeriod', denominator: 'expectedPeriod' },
  fillCumulative: { numerator: 'filledCumulative', denominator: 'expectedCumulative' },
  achievement: { numerator: 'achievementSum', denominator: 'achieved' },
};

export const RATE_WIDTH = 15;
export { RATE_FORMAT };

/**
 * A rate as a formula over its two counts, with its cached result. `refOf` gives each count's reference (`H5` on
 * the rate's own row, or a cell of another sheet of the workbook).
 */
export function rateCell(rate: RateId, refOf: (id: CountId) => string, rates: ConsolidationRates): FormulaValue {
  const { numerator, denominator } = rateParts[rate];
  return { formula: countRatioFormula(refOf(numerator), refOf(denominator)), result: cachedRate(rates[rate]) };
}

/** The references of a row's own counts, given where each count column is. */
export function rowRefs(row: number, columnOf: (id: CountId) => number): (id: CountId) => string {
  return (id) => cellAddress(row, columnOf(id));
}
