import {
  conventionFields,
  conventionPublics,
  matchVocabulary,
  type Vocabulary,
} from '../domain/consolidation/convention-vocabulary';
import { memoizeText } from '../domain/memo-text';
import { nameKey } from '../domain/name-key';
import { closestName } from './closest-name';
import { foldAccents } from './text-keys';
import type { WarningSink } from './warnings';

/**
 * A champ or public outside the Caf's list is kept as written, but the consolidation cannot compare it with other
 * territories' (docs/DOMAIN.md, « The plan »): said at its line, with what the officer needs to correct the text
 * (`outsideVocabularyAdvice`).
 */
export function reportOutsideVocabulary(
  items: { text: string; line: number }[],
  kind: 'field' | 'public',
  ref: string,
  warnings: WarningSink,
): void {
  const vocabulary = kind === 'field' ? conventionFields : conventionPublics;
  for (const { text, line } of items) {
    if (matchVocabulary(vocabulary, text).matched) continue;
    warnings.add('outside-vocabulary', line, { ref, kind, name: text, ...outsideVocabularyAdvice(text, kind) });
  }
}

/** What a warning of a name outside the list gives the officer to correct it (`outsideVocabularyAdvice`). */
export interface OutsideVocabularyAdvice {
  closest?: string;
  listed?: string[];
  whole?: number;
  otherList?: string;
}

/**
 * What the officer needs to correct a name outside its list, for the plan reader's warning and validation's (one
 * advice, src/domain/messages/outside-vocabulary-advice.ts): the name of the list it may stand for, one or two letters
 * away (« Famille », « Besoins de garde »), when one alone is; else the list's names (`listedNames`); and, when it is a
 * name of the other list (« Petite enfance » given as a champ), that list's spelling of it.
 */
export function outsideVocabularyAdvice(text: string, kind: 'field' | 'public'): OutsideVocabularyAdvice {
  const [vocabulary, other] =
    kind === 'field' ? [conventionFields, conventionPublics] : [conventionPublics, conventionFields];
  const closest = closestName(text, vocabulary, { key: nameKey, minLength: MIN_GUESSED_LENGTH });
  const ofOther = matchVocabulary(other, text);
  const named = closest ? { closest } : listedNames(text, vocabulary, !ofOther.matched);
  return { ...named, ...(ofOther.matched ? { otherList: ofOther.name } : {}) };
}

/** A name shorter than this is near too many of the list's to guess which one was meant. */
const MIN_GUESSED_LENGTH = 6;

/** A list this long or shorter (the publics, 8) is named whole; a longer one (the champs, 21) by its nearest names. */
const NAMED_WHOLE_UP_TO = 10;
/** The most names of a long list a warning gives as the nearest. */
const MAX_NEAREST = 5;

/**
 * The names of the list a warning gives (`listed`), and whether it is the whole list (`whole`: 1): a short list
 * whole; a long one by the names that share a word with the one written (« Santé des jeunes »: « Santé et
 * bien-être », « Santé mentale »), most shared first, else whole, for the officer to find the one meant, unless
 * `wholeIfNone` is false: a name of the other list, whose warning says where it goes, is not followed by 21 names.
 */
function listedNames(
  text: string,
  vocabulary: Vocabulary,
  wholeIfNone: boolean,
): { listed: string[]; whole: number } | Record<string, never> {
  if (vocabulary.length <= NAMED_WHOLE_UP_TO) return { listed: [...vocabulary], whole: 1 };
  const nearest = sharingWords(text, vocabulary)
    .slice(0, MAX_NEAREST)
    .map(({ name }) => name);
  if (nearest.length > 0) return { listed: nearest, whole: 0 };
  return wholeIfNone ? { listed: [...vocabulary], whole: 1 } : {};
}

/** The names of the list that share a word with `text`, with how many, most shared first, then in the list's order. */
function sharingWords(text: string, vocabulary: Vocabulary): { name: string; shared: number }[] {
  const written = wordStems(text);
  return vocabulary
    .map((name, index) => ({ name, index, shared: [...stemsOfEntry(name)].filter((stem) => written.has(stem)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || a.index - b.index);
}

/** The most names a suggestion offers: more would be a list to read, not a suggestion. */
const MAX_SUGGESTED = 3;

/**
 * The names of the list (champs or publics) a name outside it may stand for, for the consolidation to suggest: the
 * one a letter or two away (« Familes »), else those that share the most words with it (« Parentalité »: « Soutien à
 * la parentalité »), at most `MAX_SUGGESTED`; none when no name of the list is near.
 */
export function vocabularySuggestions(text: string, kind: 'field' | 'public'): string[] {
  const vocabulary = kind === 'field' ? conventionFields : conventionPublics;
  if (matchVocabulary(vocabulary, text).matched) return [];
  const closest = closestName(text, vocabulary, { key: nameKey, minLength: MIN_GUESSED_LENGTH });
  if (closest) return [closest];
  const nearest = sharingWords(text, vocabulary);
  return nearest
    .filter(({ shared }) => shared === nearest[0].shared)
    .slice(0, MAX_SUGGESTED)
    .map(({ name }) => name);
}

/** Words of four letters or more that say nothing of a domain or a public. */
const FUNCTION_WORDS = new Set(['pour', 'avec', 'dans', 'sans', 'entre', 'leur', 'leurs', 'tout', 'tous', 'toute']);
/** Words alike to this many first letters are one word: « social », « sociale »; « enfance », « enfants ». */
const STEM_LENGTH = 5;

/** The stems of the lists' names, made once: each name outside a list is compared with all of them. */
const stemsOfEntry = memoizeText((entry: string) => wordStems(entry));

/** The words of a name that may say what it is about, each by its first letters (accents and case aside). */
function wordStems(name: string): Set<string> {
  const words = foldAccents(name)
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word.length >= 4 && !FUNCTION_WORDS.has(word));
  return new Set(words.map((word) => word.slice(0, STEM_LENGTH)));
}
