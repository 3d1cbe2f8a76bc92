import type { JournalValue } from '../journal';

/**
 * What a merge does with one value a partner returned (docs/WORKBOOK.md, « Merging returned rows »): nothing
 * (unchanged), take it as the partner's contribution, or hold it as a conflict that the officer settles. Pure: the
 * caller gathers the facts of the cell and applies the decision.
 */

/** The facts of one master cell that a returned value is weighed against. */
export interface CellFacts {
  /** The master cell's value now. */
  master: JournalValue;
  /** What the extract held in that cell when it was sent; null when not known (a file without `_ctg`). */
  sent: JournalValue | null;
  /** This partner's current contribution to the cell, if any. */
  own: JournalValue | null;
  /** True when the extract returned was made after that contribution was taken (it could show it). */
  ownShown?: boolean;
  /** The other partners' current contributions to the cell. */
  others: readonly JournalValue[];
  /**
   * For a cell fed by several partners (a criterion's quarter cell): the master's value from a set of
   * contributions, by the row's rule. Null for any other cell, where the last value taken stands.
   */
  aggregate: ((values: readonly JournalValue[]) => JournalValue) | null;
}

export type CellDecision =
  | { kind: 'unchanged' }
  /** A new contribution: the master cell becomes `master` (maybe the value it already held). */
  | { kind: 'contribution'; master: JournalValue }
  /** Not taken unless chosen; `master` is what the cell would hold if it were. */
  | { kind: 'conflict'; reason: ConflictReason; master: JournalValue };

/**
 * `own-changed`: the partner already gave another value for this cell (or emptied it); `master-differs`: the master holds a
 * value the officer typed (or another partner's, in a cell that is not aggregated) that differs; `emptied`: the
 * partner emptied a cell the extract sent with a value; `master-emptied`: the officer emptied a cell other partners'
 * values had filled (their contributions still count, and taking the value would bring them back);
 * `returns-differ`: another returned file of the same merge gives the cell (in a quarter cell, the same partner's
 * value) another value, which the merge, not `decideCell`, finds: the order of the files must not decide.
 */
export type ConflictReason = 'own-changed' | 'master-differs' | 'emptied' | 'master-emptied' | 'returns-differ';

export function sameValue(a: JournalValue, b: JournalValue): boolean {
  if (a.type === 'empty' || b.type === 'empty') return a.type === b.type;
  if (typeof a.value === 'number' && typeof b.value === 'number') {
    // A value saved again by another spreadsheet may come back with its last binary digit changed.
    return a.type === b.type && Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value));
  }
  if (typeof a.value === 'string' && typeof b.value === 'string') return a.value.trim() === b.value.trim();
  return a.type === b.type && a.value === b.value;
}

/** What the master cell holds once `incoming` is this partner's contribution. */
function masterWith(facts: CellFacts, incoming: JournalValue): JournalValue {
  if (!facts.aggregate) return incoming;
  const values = [...facts.others, incoming].filter((value) => value.type !== 'empty');
  return facts.aggregate(values);
}

/** The partners' current values for the cell, emptied ones left out. */
const givenValues = (facts: CellFacts) =>
  [...facts.others, ...(facts.own ? [facts.own] : [])].filter((value) => value.type !== 'empty');

/**
 * Whether the officer emptied the cell: it is empty though the partners' values fill it. A decision of the officer,
 * like a value typed; in an aggregated cell their values still count, so a value taken would bring them back.
 */
function officerEmptied(facts: CellFacts): boolean {
  return facts.master.type === 'empty' && givenValues(facts).length > 0;
}

/** Whether the master's value is the officer's own: not what the partners' contributions give. */
function officerTyped(facts: CellFacts): boolean {
  if (facts.master.type === 'empty') return false;
  const contributions = givenValues(facts);
  if (contributions.length === 0) return true;
  if (facts.aggregate) return !sameValue(facts.master, facts.aggregate(contributions));
  return !contributions.some((value) => sameValue(value, facts.master));
}

/**
 * Whether the extract, made after the partner's current value was taken, showed it, and the master holds it still:
 * the partner saw what it gave, and nobody changed the cell since. An older return was made before that value.
 */
function ownShownAndKept(facts: CellFacts): boolean {
  const { own, sent } = facts;
  return (
    facts.ownShown === true && own !== null && sent !== null && sameValue(sent, own) && sameValue(facts.master, sent)
  );
}

/** The decision for one returned value (`incoming`, already checked for its type and list). */
export function decideCell(facts: CellFacts, incoming: JournalValue): CellDecision {
  if (facts.sent !== null ? sameValue(incoming, facts.sent) : sameValue(incoming, facts.master)) {
    return { kind: 'unchanged' };
  }
  if (facts.own !== null && sameValue(incoming, facts.own)) return { kind: 'unchanged' };
  const master = masterWith(facts, incoming);
  if (incoming.type === 'empty') return { kind: 'conflict', reason: 'emptied', master };
  // A return of an extract that showed the partner its own value, which the master still holds, corrects it knowingly.
  if (ownShownAndKept(facts)) return { kind: 'contribution', master };
  // Otherwise the partner's last word stands until they change it: an emptying taken counts, so that an older return
  // merged again never brings back silently what they have since emptied.
  if (facts.own !== null) return { kind: 'conflict', reason: 'own-changed', master };
  if (officerEmptied(facts)) return { kind: 'conflict', reason: 'master-emptied', master };
  const differs = !sameValue(facts.master, incoming);
  if (differs && (facts.aggregate ? officerTyped(facts) : facts.master.type !== 'empty')) {
    return { kind: 'conflict', reason: 'master-differs', master };
  }
  return { kind: 'contribution', master };
}
