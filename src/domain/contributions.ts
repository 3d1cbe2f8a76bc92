import type { JournalValue } from './journal';
import { recipientKey } from './recipients';

/**
 * A partner's contribution: one value a recipient sent back for one cell of the master (a fiche field, a
 * criterion's Commentaire, a quarter cell), as the `Contributions` sheet keeps it, one line each, old ones first
 * (docs/WORKBOOK.md, « Contributions »). A cell fed by several partners holds the aggregate of their current
 * contributions (src/domain/aggregation.ts).
 */
export interface ContributionEntry {
  /** ISO 8601 UTC instant, to the second: the merge that took it in. */
  at: string;
  /** The file it came from (the returned extract), or the sheet a table was pasted into. */
  file: string;
  /** The recipient, by its name as shown. */
  partner: string;
  /** The row key. */
  key: string;
  /** The column's header words (`Commentaire`, `2026-T3`…). */
  label: string;
  /** The field's id (`status`, `comment`…) or the quarter's label (`2026-T3`). */
  field: string;
  value: JournalValue;
}

const identityOf = (entry: ContributionEntry) => JSON.stringify([recipientKey(entry.partner), entry.key, entry.field]);

/**
 * The current contribution of each (partner, key, field): its last line. In the order of those last lines, so that
 * what a cell holds is told by the latest merges.
 */
export function currentContributions(entries: readonly ContributionEntry[]): ContributionEntry[] {
  const last = new Map<string, number>();
  entries.forEach((entry, index) => last.set(identityOf(entry), index));
  return entries.filter((entry, index) => last.get(identityOf(entry)) === index);
}
