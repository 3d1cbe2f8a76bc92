import { frenchDay, quotedShort, serialToIsoDate, type JournalValue } from '../../app';
import { texts } from '../texts';

/** A cell's value as a merge report says it: « vide », a date as `31/01/2026`, anything else quoted (a long text by its start). */
export function shownValue(value: JournalValue): string {
  if (value.type === 'empty') return texts.merge.empty;
  if (value.type === 'date') return texts.merge.quoted(frenchDay(serialToIsoDate(value.value) ?? String(value.value)));
  if (value.type === 'number') return texts.merge.quoted(String(value.value).replace('.', ','));
  if (value.type === 'boolean') return texts.merge.quoted(value.value ? 'VRAI' : 'FAUX');
  return quotedShort(value.value);
}
