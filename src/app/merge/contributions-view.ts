import type { JournalValue } from '../../domain/journal';
import type { CriterionKind } from '../../domain/plan';
import { listKey, qualitativeScale, type AggregationRule } from '../../domain/vocabulary';

/**
 * What the merge reads of the Contributions: each partner's current value of a cell, and the master's value from
 * them by the row's rule. (Placeholder until the Contributions sheet lands.)
 */
export interface ContributionLine {
  at: string;
  file: string;
  partner: string;
  key: string;
  label: string;
  field: string;
  value: JournalValue;
}

export const contributionKey = (partner: string) => listKey(partner);

/** By partner (normalised): the last line each partner gave for the cell, empty ones included. */
export function currentContributionsOf(
  lines: readonly ContributionLine[],
  key: string,
  field: string,
): Map<string, ContributionLine> {
  const current = new Map<string, ContributionLine>();
  for (const line of lines)
    if (line.key === key && line.field === field) current.set(contributionKey(line.partner), line);
  return current;
}

export function aggregateOf(
  rule: AggregationRule,
  kind: CriterionKind | null,
): (values: readonly JournalValue[]) => JournalValue {
  return (values) => {
    if (values.length === 0) return { type: 'empty', value: null };
    if (kind === 'qualitative') {
      const ranks = values
        .map((v) => qualitativeScale.indexOf(v.value as never))
        .filter((r) => r >= 0)
        .sort((a, b) => a - b);
      const rank = ranks[Math.floor(ranks.length / 2)];
      return { type: 'text', value: qualitativeScale[rank] };
    }
    const numbers = values.map((v) => Number(v.value)).sort((a, b) => a - b);
    const sum = numbers.reduce((a, b) => a + b, 0);
    if (rule === 'Somme') return { type: 'number', value: sum };
    if (rule === 'Moyenne') return { type: 'number', value: sum / numbers.length };
    const mid = numbers.length / 2;
    return {
      type: 'number',
      value: numbers.length % 2 ? numbers[Math.floor(mid)] : (numbers[mid - 1] + numbers[mid]) / 2,
    };
  };
}
