import { journalWords, type JournalRecord, type JournalValue } from '../../domain/journal';

/** (Placeholder until the Journal's merge constructors land.) */
export function mergedValueLine(
  at: string,
  change: {
    key: string;
    field: string;
    header: string;
    before: JournalValue;
    after: JournalValue;
    file: string;
    partner: string;
  },
): JournalRecord {
  return {
    at,
    operation: 'merge',
    source: journalWords.sources.merge,
    file: change.file,
    partner: change.partner,
    rowKey: change.key,
    field: change.field,
    label: change.header,
    before: change.before,
    after: change.after,
  };
}
