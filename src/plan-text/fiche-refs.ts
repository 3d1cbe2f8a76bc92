import { ficheRefSchema } from '../domain/plan';

/**
 * A fiche's ref from what the plan writes under « Réf de la fiche action » (docs/WORKBOOK.md, « Keys »). Most plans
 * print letters then digits (`G1`, `PE20`), kept as written. Another form is readable all the same, and its key must
 * stay with the fiche whatever comes before it in the plan, so it is derived from the written ref alone: upper
 * case, accents and separators dropped (`AD-1` → `AD1`, `A3bis` → `A3BIS`, `S 4` → `S4`), digit groups a separator
 * kept apart joined by `-` (`PE 2.1` → `PE2-1`), and `F` (for « fiche ») before a ref that starts with a digit
 * (`1.2` → `F1-2`). A written line that is a ref followed by the title (`AD-1 Permanences d’accès aux droits`,
 * `PE 12 Accueil`) gives the words before the title's first word (four letters or more) as the ref, the rest as a
 * title.
 */

export interface WrittenRef {
  /** The ref, or null when nothing written reads as one (then the fiche gets a generated key). */
  ref: string | null;
  /** Text after the ref on its line, when the line held the ref and then the title. */
  rest: string;
}

/** Longest cleaned ref taken as a ref: a longer one is a sentence (a title), not a reference. */
const MAX_REF_LENGTH = 12;
const PLAIN_REF = /^[A-Za-z]+\d+$/;

/** A word of the title after the ref on its line: four letters or more, no digit. */
const TITLE_WORD = /^\p{L}{4,}/u;

export function readWrittenRef(written: string): WrittenRef {
  const text = written.trim();
  if (PLAIN_REF.test(text)) return { ref: text, rest: '' };
  // The ref's words run to the first word of a title (never the first word: `Fiche 3` is a ref).
  const words = text.split(/\s+/);
  const titleAt = words.findIndex((word, index) => index > 0 && TITLE_WORD.test(word));
  const refWords = titleAt < 0 ? words : words.slice(0, titleAt);
  const ref = cleanRef(refWords.join(' '));
  return ref === null ? { ref: null, rest: '' } : { ref, rest: titleAt < 0 ? '' : words.slice(titleAt).join(' ') };
}

/** The cleaned form of a written ref, or null when it does not read as one (no digit, too long). */
function cleanRef(written: string): string | null {
  const groups =
    written
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toUpperCase()
      .match(/[A-Z0-9]+/g) ?? [];
  let ref = '';
  for (const group of groups) ref += /\d$/.test(ref) && /^\d/.test(group) ? `-${group}` : group;
  if (/^\d/.test(ref)) ref = `F${ref}`;
  return ref.length <= MAX_REF_LENGTH && ficheRefSchema.safeParse(ref).success ? ref : null;
}
