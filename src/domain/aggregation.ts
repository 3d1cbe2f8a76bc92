import { qualitativeScale, type AggregationRule, type QualitativeLevel } from './vocabulary';

/**
 * A quarter cell fed by several partners holds their aggregate by the row's « Règle d'agrégation » (issue 7,
 * « Merge »): Somme, Moyenne or Médiane over the numbers of a quantitative row. A qualitative row's values are
 * levels of the scale: whatever the rule, their aggregate is the median level, the worse of the two middle ones
 * when their count is even (a partner's poor assessment is not averaged away). No value: null.
 */
export function aggregate(rule: AggregationRule, values: readonly number[]): number | null;
export function aggregate(rule: AggregationRule, values: readonly QualitativeLevel[]): QualitativeLevel | null;
export function aggregate(
  rule: AggregationRule,
  values: readonly (number | QualitativeLevel)[],
): number | QualitativeLevel | null {
  if (values.length === 0) return null;
  if (values.every((value) => typeof value === 'number')) return aggregateNumbers(rule, values as number[]);
  if (values.every((value) => typeof value === 'string')) return medianLevel(values as QualitativeLevel[]);
  throw new Error('aggregate: numbers and scale levels mixed');
}

function aggregateNumbers(rule: AggregationRule, values: readonly number[]): number {
  const sum = values.reduce((total, value) => total + value, 0);
  if (rule === 'Somme') return sum;
  if (rule === 'Moyenne') return sum / values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median rank on the scale (best first), the higher — worse — rank of the two middle ones on a tie. */
function medianLevel(values: readonly QualitativeLevel[]): QualitativeLevel {
  const ranks = values.map((value) => qualitativeScale.indexOf(value)).sort((a, b) => a - b);
  return qualitativeScale[ranks[Math.floor(ranks.length / 2)]];
}
