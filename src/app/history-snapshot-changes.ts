import { fieldOfHeader } from '../layout/sheets/axis/axis-columns';
import type { EnteredCell } from '../layout/entered-values';
import type { HistoryEntry } from '../layout/sheets/history/history-sheet';
import type { JournalEntry } from '../layout/sheets/journal/journal-columns';
import { isBlank } from '../domain/tracking-values';
import { cellJournalValue, emptyValue, historyValueReplaced, type JournalValue } from '../domain/journal';

/**
 * A quarter closed again replaces its Historique snapshot (close-quarter.ts): what the new snapshot changes in the
 * earlier one, value by value, as Journal lines (old → new, types kept), so that nothing the first closing kept is
 * lost and nothing added since goes unsaid. Replayed backwards, the lines give the earlier snapshot back.
 */

export interface SnapshotChanges {
  lines: JournalEntry[];
  /** Values the new snapshot has and the earlier one had not, or had empty. */
  added: number;
  /** Values both have, different. */
  changed: number;
  /** Values the earlier snapshot had and the new one has not (emptied since, or their row gone). */
  removed: number;
}

/** A Historique value as the Journal keeps it, typed; blank is empty. */
const typed = (cell: EnteredCell | undefined): JournalValue =>
  !cell || isBlank(cell.value) ? emptyValue : cellJournalValue(cell.value, cell.isDate);
const sameValue = (a: JournalValue, b: JournalValue) => a.type === b.type && a.value === b.value;
const placeOf = (entry: HistoryEntry) => `${entry.key}\u0000${entry.field}`;

/** The changes from `previous` to `fresh`, two snapshots of `quarter`: the earlier values first, then the added ones. */
export function snapshotChanges(
  previous: readonly HistoryEntry[],
  fresh: readonly HistoryEntry[],
  { at, quarter }: { at: string; quarter: string },
): SnapshotChanges {
  const changes: SnapshotChanges = { lines: [], added: 0, changed: 0, removed: 0 };
  const note = (entry: HistoryEntry, before: JournalValue, after: JournalValue) => {
    if (sameValue(before, after)) return;
    changes[before.type === 'empty' ? 'added' : after.type === 'empty' ? 'removed' : 'changed'] += 1;
    const field = fieldOfHeader(entry.field) ?? entry.field;
    changes.lines.push(
      historyValueReplaced(at, { key: entry.key, quarter, field, header: entry.field, before, after }),
    );
  };
  const freshAt = new Map(fresh.map((entry) => [placeOf(entry), entry]));
  const earlier = new Set(previous.map(placeOf));
  for (const old of previous) note(old, typed(old.value), typed(freshAt.get(placeOf(old))?.value));
  for (const entry of fresh.filter((candidate) => !earlier.has(placeOf(candidate)))) {
    note(entry, emptyValue, typed(entry.value));
  }
  return changes;
}
