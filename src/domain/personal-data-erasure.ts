import { findPersonalData, type PersonalDataKind } from './personal-data';

/**
 * Personal data kept in the record sheets (Journal, Historique, Archives, Contributions) after it left the tracking
 * (docs/WORKBOOK.md, « Personal data in the records »): a record keeps a value as it was, so a text erased by the
 * officer from its cell would stay there, out of sight. A piece of personal data is told by its exact text: the
 * records keep it only as long as the tracking still holds that text somewhere.
 */

/** What replaces a piece of personal data erased from a record: fixed words, so that a filter finds them all. */
export const ERASED_PERSONAL_DATA = '[donnée personnelle effacée]';

/** Every piece of personal data the texts hold, by its exact text. */
export function personalDataTexts(texts: Iterable<string>): Set<string> {
  const found = new Set<string>();
  for (const text of texts) for (const match of findPersonalData(text)) found.add(match.text);
  return found;
}

export interface ErasedText {
  /** The text with each piece erased replaced by `ERASED_PERSONAL_DATA`. */
  text: string;
  /** The kinds erased, each once, in the order `findPersonalData` finds them. */
  kinds: PersonalDataKind[];
}

/**
 * `text` with every piece of personal data not in `kept` replaced by the mention, where it was found whole (the
 * same characters inside a longer address or digit run kept are not that piece); null when it holds none such.
 */
export function erasePersonalData(text: string, kept: ReadonlySet<string>): ErasedText | null {
  const gone = findPersonalData(text).filter((match) => !kept.has(match.text));
  if (gone.length === 0) return null;
  // From the last piece to the first, so that each replacement leaves the others' places as found.
  const erased = [...gone]
    .sort((a, b) => b.start - a.start)
    .reduce(
      (rest, { text: piece, start }) => rest.slice(0, start) + ERASED_PERSONAL_DATA + rest.slice(start + piece.length),
      text,
    );
  return { text: erased, kinds: [...new Set(gone.map((match) => match.kind))] };
}

const NOTHING_KEPT: ReadonlySet<string> = new Set();

/**
 * Whether two texts are the same but for personal data replaced by the mention in the second: a record that the
 * erasure alone rewrote (every piece of personal data of both erased, they read the same).
 */
export function differsByErasureOnly(before: string, after: string): boolean {
  const all = (text: string) => erasePersonalData(text, NOTHING_KEPT)?.text ?? text;
  return before !== after && after.includes(ERASED_PERSONAL_DATA) && all(before) === all(after);
}
