import { aggregate } from '../domain/aggregation';
import type { ContributionEntry } from '../domain/contributions';
import { emptyValue, type JournalValue } from '../domain/journal';
import type { CriterionKind } from '../domain/plan';
import { recipientKey } from '../domain/recipients';
import type { AggregationRule, QualitativeLevel } from '../domain/vocabulary';

/**
 * The Contributions as a merge reads and extends them: every line kept in order (the sheet is appended to), and
 * each cell's current contribution by partner (its last line), found without scanning every line for every cell.
 */
export class ContributionIndex {
  readonly lines: ContributionEntry[];
  private readonly byCell = new Map<string, Map<string, ContributionEntry>>();

  constructor(lines: readonly ContributionEntry[]) {
    this.lines = [];
    for (const line of lines) this.add(line);
  }

  add(line: ContributionEntry): void {
    this.lines.push(line);
    const cell = cellOf(line.key, line.field);
    const partners = this.byCell.get(cell) ?? new Map<string, ContributionEntry>();
    partners.set(recipientKey(line.partner), line);
    this.byCell.set(cell, partners);
  }

  /** By partner (`recipientKey`): the last line each gave for the cell, empty ones included. */
  current(key: string, field: string): ReadonlyMap<string, ContributionEntry> {
    return this.byCell.get(cellOf(key, field)) ?? new Map();
  }
}

const cellOf = (key: string, field: string) => `${key}\u0000${field}`;

/** The master's value of a cell fed by several partners, from their values, by the row's rule and kind. */
export function aggregateOf(
  rule: AggregationRule,
  kind: CriterionKind | null,
): (values: readonly JournalValue[]) => JournalValue {
  return (values) => {
    if (kind === 'qualitative') {
      const levels = values.flatMap((value) => (value.type === 'text' ? [value.value as QualitativeLevel] : []));
      const level = aggregate(rule, levels);
      return level === null ? emptyValue : { type: 'text', value: level };
    }
    const numbers = values.flatMap((value) => (value.type === 'number' ? [value.value] : []));
    const result = aggregate(rule, numbers);
    return result === null ? emptyValue : { type: 'number', value: result };
  };
}
