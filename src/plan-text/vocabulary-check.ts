import { matchVocabulary, type Vocabulary } from '../domain/consolidation/convention-vocabulary';
import { nameKey } from '../domain/name-key';
import { closestName } from './closest-name';
import type { WarningSink } from './warnings';

/**
 * A champ or public outside the Caf's list is kept as written, but the consolidation cannot compare it with other
 * territories' (docs/DOMAIN.md, « The plan »): said at its line, with the name of the list it may stand for, one
 * or two letters away (« Famille », « Besoins de garde »), when one alone is.
 */
export function reportOutsideVocabulary(
  items: { text: string; line: number }[],
  vocabulary: Vocabulary,
  kind: 'field' | 'public',
  ref: string,
  warnings: WarningSink,
): void {
  for (const { text, line } of items) {
    if (matchVocabulary(vocabulary, text).matched) continue;
    const closest = closestName(text, vocabulary, { key: nameKey, minLength: MIN_GUESSED_LENGTH });
    warnings.add('outside-vocabulary', line, { ref, kind, name: text, ...(closest ? { closest } : {}) });
  }
}

/** A name shorter than this is near too many of the list's to guess which one was meant. */
const MIN_GUESSED_LENGTH = 6;
