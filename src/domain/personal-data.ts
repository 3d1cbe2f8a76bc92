/**
 * Personal data in free text (docs/DOMAIN.md, « What the convention requires of the tracking (Article 9) », Articles 7 and 14: the tracking workbook is no place for it). Finds
 * what can be recognised by its shape: e-mail addresses, French phone numbers, social security numbers (NIR), IBANs.
 * Names of families cannot be told from other words and are left to the Guide.
 */

export type PersonalDataKind = 'email' | 'phone' | 'socialSecurityNumber' | 'iban';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** The text found, for the caller to decide whether to show it (the validator does not). */
  text: string;
  /** Where it starts in the text searched: the same characters elsewhere (inside a longer address) are not it. */
  start: number;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** 0X XX XX XX XX or +33 / 0033 X XX XX XX XX, separated by nothing, spaces, dots or hyphens. */
const PHONE = /(?<![\d+])(?:(?:\+|00)33[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)/g;

/**
 * NIR: sex (1, 2, 7, 8), year, month (01–12, 20–42, 50–99 for unknown or provisional), département (2 digits,
 * 2A, 2B), commune (3), order (3), then an optional key (2) that must then be right: 97 − (number mod 97).
 */
const NIR =
  /(?<![\dA-Za-z])([1278])[\s.]?(\d{2})[\s.]?(0[1-9]|1[0-2]|[2-9]\d)[\s.]?(\d{2}|2[AB])[\s.]?(\d{3})[\s.]?(\d{3})(?:[\s.]?(\d{2}))?(?![\dA-Za-z])/gi;

function nirKeyIsRight(digits13: string, key: string): boolean {
  // Corsica: 2A counts as 19, 2B as 18 in the key's computation.
  const numeric = digits13.replace(/2A/i, '19').replace(/2B/i, '18');
  return 97 - Number(BigInt(numeric) % 97n) === Number(key);
}

function findNirs(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  for (const match of text.matchAll(NIR)) {
    const [whole, sex, year, month, department, commune, order, key] = match;
    if (key !== undefined && !nirKeyIsRight(`${sex}${year}${month}${department}${commune}${order}`, key)) continue;
    found.push({ kind: 'socialSecurityNumber', text: whole, start: match.index });
  }
  return found;
}

/** IBAN: country, check digits, 11 to 30 letters or digits, in groups of four or not; valid when mod 97 is 1. */
const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?(?![A-Za-z0-9])/g;

function ibanIsRight(text: string): boolean {
  const compact = text.replace(/ /g, '');
  if (compact.length < 15 || compact.length > 34) return false;
  const moved = compact.slice(4) + compact.slice(0, 4);
  const digits = moved.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  return BigInt(digits) % 97n === 1n;
}

/** An IBAN's country and check digits: every IBAN the pattern finds starts so. */
const IBAN_START = /[A-Z]{2}\d{2}/;
/** A phone number has ten digits at least, a NIR twelve (Corsica's « 2A » one letter). */
const FEWEST_DIGITS = 10;

/**
 * Whether `text` can hold anything `findPersonalData` recognises: an `@`, ten digits or an IBAN's start. Every free
 * text of every workbook is checked, and most hold none of these: the patterns are then not run.
 */
export function mayHoldPersonalData(text: string): boolean {
  if (text.includes('@')) return true;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57 && ++digits >= FEWEST_DIGITS) return true;
  }
  return digits >= 2 && IBAN_START.test(text);
}

/** The kinds of personal data recognised in a text, each once: what a warning before data leaves the master names. */
export function personalDataKindsIn(text: string): PersonalDataKind[] {
  return [...new Set(findPersonalData(text).map((match) => match.kind))];
}

/** Every piece of personal data recognised in a text, in this order: IBANs, e-mails, phones, NIRs. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  return mayHoldPersonalData(text) ? matchPersonalData(text) : [];
}

function matchesOf(text: string, pattern: RegExp, kind: PersonalDataKind): PersonalDataMatch[] {
  return [...text.matchAll(pattern)].map((m) => ({ kind, text: m[0], start: m.index }));
}

/**
 * The text with the matches blanked out, each by as many spaces: the next patterns do not find them again, and
 * what they find keeps its place in the text.
 */
function blanked(text: string, matches: readonly PersonalDataMatch[]): string {
  return matches.reduce(
    (rest, { text: found, start }) =>
      rest.slice(0, start) + ' '.repeat(found.length) + rest.slice(start + found.length),
    text,
  );
}

/** `findPersonalData` without its first check (exported for the test that proves the check loses nothing). */
export function matchPersonalData(text: string): PersonalDataMatch[] {
  const ibans = matchesOf(text, IBAN, 'iban').filter((m) => ibanIsRight(m.text));
  const withoutIbans = blanked(text, ibans);
  const emails = matchesOf(withoutIbans, EMAIL, 'email');
  const withoutEmails = blanked(withoutIbans, emails);
  const phones = matchesOf(withoutEmails, PHONE, 'phone');
  return [...ibans, ...emails, ...phones, ...findNirs(blanked(withoutEmails, phones))];
}
