import { ficheRefSchema } from '../domain/plan';
import { romanNumeral } from './headings';

/**
 * A fiche's ref from what the plan writes under « Réf de la fiche action » (docs/WORKBOOK.md, « Keys »). Most plans
 * print letters then digits (`G1`, `PE20`), kept as written. Another form is readable all the same, and its key must
 * stay with the fiche whatever comes before it in the plan, so it is derived from the written ref alone: upper
 * case, accents and separators dropped (`AD-1` → `AD1`, `A3bis` → `A3BIS`, `S 4` → `S4`), digit groups a separator
 * kept apart joined by `-` (`PE 2.1` → `PE2-1`), and `F` (for « fiche ») before a ref that starts with a digit
 * (`1.2` → `F1-2`). A Roman numeral from I to XX in capitals followed by a dot is an axis number like the `1` of
 * `1.2`, whatever the plan's axis headings (`I.1` → `F1-1`, `II.3` → `F2-3`): the key stays the fiche's if a heading
 * is rewritten, and never takes the key of a fiche written `I1`. A written line that is a ref followed by the title
 * (`AD-1 Permanences d’accès aux droits`, `G1 : Le RPE`) gives as the ref its words up to the last one of those
 * holding a digit that follow one another (`PE 12`, `PE 2.1`), with a `bis`, `ter` or `quater` after them
 * (`A3 bis`); the separators after it (`:`, `-`, `–`, `—`) are dropped and the rest is the title. The first digit
 * must come in the line's first word or the one after it (`Fiche 3`, `S 4`, separators and « n° » aside: `Fiche n° 3`
 * is `FICHE3`, and so is `Fiche action n° 3`): a line that begins with words is a title, not a ref.
 */

export interface WrittenRef {
  /** The ref, or null when nothing written reads as one (then the fiche gets a generated key). */
  ref: string | null;
  /** Text after the ref on its line, when the line held the ref and then the title. */
  rest: string;
  /** The ref's words as the line writes them (`I.1`, `PE 2.1`), '' when none reads as a ref. */
  written: string;
}

/** Longest cleaned ref taken as a ref: a longer one is a sentence (a title), not a reference. */
const MAX_REF_LENGTH = 12;
const PLAIN_REF = /^[A-Za-z]+\d+$/;
const HAS_DIGIT = /\d/;
const SUFFIX = /^(?:bis|ter|quater)$/i;
const SEPARATOR = /^[:\-–—]+$/;
/** « n° » (numéro), alone or before the number: no part of the key (`Fiche n° 3` is `Fiche 3`). */
const NUMBER_SIGN = /(?<![\p{L}\d])n\s*[°º]/giu;
/** « Fiche action » (« Fiche-action ») names a fiche as « Fiche » does: `Fiche action n° 3` is `Fiche 3`. */
const FICHE_ACTION = /^(fiche)(?:\s*-\s*|\s+)actions?(?!\p{L})/iu;
/** Words a ref may have before its first digit, separators aside (`Fiche 3`, `PE 12`). */
const MAX_WORDS_BEFORE_DIGIT = 1;

export function readWrittenRef(written: string): WrittenRef {
  const text = written.trim();
  if (PLAIN_REF.test(text)) return { ref: text, rest: '', written: text };
  // The words « Fiche action » count as the one word « Fiche »: a word joiner holds them together until the ref is cut.
  const words = text.replace(FICHE_ACTION, (whole) => whole.replace(/\s+/g, '\u2060')).split(/\s+/);
  const end = refEnd(words);
  if (end < 0) return { ref: null, rest: '', written: '' };
  const refText = words
    .slice(0, end)
    .join(' ')
    .replace(/\u2060/g, ' ');
  const ref = PLAIN_REF.test(refText) ? refText : cleanRef(refText);
  let titleAt = end;
  while (titleAt < words.length && SEPARATOR.test(words[titleAt])) titleAt++;
  return ref === null
    ? { ref: null, rest: '', written: '' }
    : { ref, rest: words.slice(titleAt).join(' '), written: refText };
}

/** The index of the first word after the ref, or -1 when the words do not begin with a ref. */
function refEnd(words: string[]): number {
  const firstDigit = words.findIndex((word) => HAS_DIGIT.test(word));
  if (firstDigit < 0) return -1;
  const wordsBefore = words
    .slice(0, firstDigit)
    .filter((word) => !SEPARATOR.test(word) && word.replace(NUMBER_SIGN, '') !== '').length;
  if (wordsBefore > MAX_WORDS_BEFORE_DIGIT) return -1;
  let end = firstDigit + 1;
  while (end < words.length && HAS_DIGIT.test(words[end])) end++;
  if (end < words.length && SUFFIX.test(words[end])) end++;
  return end;
}

/** A Roman axis number, then a dot, then the fiche's number (`II.3`, `II. 3`). */
const ROMAN_AXIS_REF = /^([IVX]+)\.\s*(?=\d)/;

/** The cleaned form of a written ref, or null when it does not read as one (no digit, too long). */
function cleanRef(written: string): string | null {
  const roman = ROMAN_AXIS_REF.exec(written);
  const axis = roman && romanNumeral(roman[1]);
  const unsigned = written.replace(FICHE_ACTION, '$1').replace(NUMBER_SIGN, ' ');
  const numbered = roman && axis !== null ? `${axis}.${unsigned.slice(roman[0].length)}` : unsigned;
  const groups =
    numbered
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toUpperCase()
      .match(/[A-Z0-9]+/g) ?? [];
  let ref = '';
  for (const group of groups) ref += /\d$/.test(ref) && /^\d/.test(group) ? `-${group}` : group;
  if (/^\d/.test(ref)) ref = `F${ref}`;
  return ref.length <= MAX_REF_LENGTH && ficheRefSchema.safeParse(ref).success ? ref : null;
}
