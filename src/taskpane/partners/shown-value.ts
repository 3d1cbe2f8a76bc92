import { quotedShort, shownJournalValue, type JournalValue } from '../../app';
import { texts } from '../texts';

/**
 * A cell's value as a merge report says it, as the command line says it: « vide », else quoted as French Excel shows
 * it (`1 200`, `31/01/2026`, `VRAI`; a long text by its start).
 */
export function shownValue(value: JournalValue): string {
  return value.type === 'empty' ? texts.merge.empty : quotedShort(shownJournalValue(value));
}
