import { matchVocabulary, type Vocabulary } from '../domain/consolidation/convention-vocabulary';
import { nameKey } from '../domain/name-key';
import { boundedEditDistance } from './text-keys';
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
    const closest = closestName(vocabulary, text);
    warnings.add('outside-vocabulary', line, { ref, kind, name: text, ...(closest ? { closest } : {}) });
  }
}

const MAX_DISTANCE = 2;

function closestName(vocabulary: Vocabulary, text: string): string | null {
  const key = nameKey(text);
  if (key.length < 6) return null;
  const near = vocabulary.filter((name) => boundedEditDistance(key, nameKey(name), MAX_DISTANCE) <= MAX_DISTANCE);
  return near.length === 1 ? near[0] : null;
}
