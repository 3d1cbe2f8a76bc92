import { calendarDayOf, dayAfter } from './calendar-day';
import { serialToIsoDate } from './excel-dates';
import { quarterLabel, type Quarter } from './periods';
import type { CriterionKind } from './plan';
import { isFilled, listValues, type ListName, type RawValue } from './tracking';
import { listKey, matchListValue, qualitativeScale, type QualitativeLevel } from './vocabulary';

/**
 * How a cell's raw value is read by the kind of its column. Each reader returns null when the cell is empty
 * or does not hold a value of that kind; `isBlank` tells the two apart, which is what the type rules check.
 */

export function isBlank(raw: RawValue): boolean {
  return raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/** Free text: numbers and booleans become their text (a person may type `12` as a unit). */
export function textValue(raw: RawValue): string {
  if (raw === null) return '';
  return String(raw).trim();
}

/** Avancement (%): a whole number 0–100 stored as a number. */
export function wholePercentValue(raw: RawValue): number | null {
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= 100 ? raw : null;
}

export { NUMBER_BOUND } from './number-bound';

/** Référence, Cible: a finite number stored as a number. */
export function numberValue(raw: RawValue): number | null {
  return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
}

/** The dates a date column takes, as its data validation says. */
export const FIRST_DATE = '2000-01-01';
export const LAST_DATE = '2100-12-31';

/** A date: a number (an Excel serial, whatever its format) from `FIRST_DATE` to `LAST_DATE`. Text is never a date. */
export function dateValue(raw: RawValue): string | null {
  const iso = typeof raw === 'number' ? serialToIsoDate(raw) : null;
  // The sheets' own validation (docs/WORKBOOK.md): a year typed as a number (2026 is 18/07/1905), or a date past
  // 2100, is no date a person meant, and would decide which copy of a territory is the newest.
  return iso !== null && iso >= FIRST_DATE && iso <= LAST_DATE ? iso : null;
}

/**
 * Whether a day (`AAAA-MM-JJ`) is after `today`: a fiche's « Dernière mise à jour » so typed is a typo, and `_ctg`'s
 * last write so dated came from a clock ahead; neither dates a copy of the territory. The day after today's date
 * (calendar-day.ts) still counts as today, since it already is that day somewhere.
 */
export function isDayAfterToday(isoDay: string, today: Date): boolean {
  return isoDay > dayAfter(calendarDayOf(today));
}

/** A list value, case ignored, in the list's own spelling. */
export function listValue(list: ListName, raw: RawValue): string | null {
  return typeof raw === 'string' ? matchListValue(listValues[list], raw) : null;
}

/** A filled quarter value (see `isFilled`), else null. */
export function quarterValue(kind: CriterionKind, raw: RawValue): number | QualitativeLevel | null {
  if (kind === 'quantitative') return isFilled(kind, raw) ? (raw as number) : null;
  // The scale's value itself, looked up once (every quarter cell of every criterion passes here).
  return typeof raw === 'string' ? matchListValue(qualitativeScale, raw) : null;
}

/**
 * The text trimmed, a minus sign typed otherwise than `-` made `-`: the minus sign U+2212 (« −5 », as French
 * typography and word processors write it), and an en dash right before a digit (« –5 »), which no list's dash is. An
 * en dash apart from its number (« – 5 ») is not made one: French writes a list's dash so, and the number may be 5.
 */
function withKeyboardMinus(text: string): string {
  return text
    .trim()
    .replace(/^\u2212/, '-')
    .replace(/^\u2013(?=\d)/, '-');
}

/** The text with its minus sign made `-`, its spaces out and its decimal comma a point: `Number`'s reading. */
const compactNumberText = (text: string): string =>
  withKeyboardMinus(text)
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.');

/**
 * Text that a spreadsheet would read as a number (`12`, `-3,5`, `1 200`, `−5`): a number stored as text. Every
 * reader of numbers typed as text goes through it and `numberOfText` (validation, the merge, an extract's check; the
 * plan reader takes unsigned numbers only), so that they read the same numbers.
 */
export function isNumberAsText(raw: RawValue): boolean {
  if (typeof raw !== 'string') return false;
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i.test(compactNumberText(raw));
}

/**
 * A number typed or written as text (`7`, `-3,5`, `1 200`, `−5`), else null. A percentage text (`85 %`) is none: its
 * meaning is ambiguous; nor is `1.500` (`isDotAmbiguousNumberText`).
 */
export function numberOfText(text: string): number | null {
  if (!isNumberAsText(text) || text.includes('%') || isDotAmbiguousNumberText(text)) return null;
  const number = Number(compactNumberText(text));
  return Number.isFinite(number) ? number : null;
}

/**
 * A number typed with its unit or a word after it (« 12 enfants », « 3 500 € », « -5 (estimation) »): the number as
 * typed and the rest, else null. A rest holding a digit (« 300 à 400 », « 60 ou 70 ») is no unit: which number is
 * meant is the person's to say.
 */
export function numberBeforeWords(text: string): { number: string; rest: string } | null {
  const match = /^\s*([+\-\u2212\u2013]?\d[\d \u00a0\u202f]*(?:,\d+)?)(.*)$/su.exec(text);
  if (match === null) return null;
  const [number, rest] = [match[1].trim(), match[2].trim()];
  return rest === '' || /\d/.test(rest) || numberOfText(number) === null ? null : { number, rest };
}

/** Whether a number typed as text has another minus sign than the keyboard's (`−5`, `–5`), to retype with it. */
export const hasOtherMinus = (text: string): boolean => /^[\u2212\u2013]/.test(text.trim());

/**
 * A text that is a dash, then a number, and no number (« – 5 », an en dash apart from its number; « —5 »): the
 * negative number it may mean, which the person is told how to type, as the number without the dash; else null.
 */
export function dashedNumberText(raw: RawValue): number | null {
  if (typeof raw !== 'string' || isNumberAsText(raw)) return null;
  const match = /^\s*[\p{Pd}\u2212]\s*([\d,.][\d\s\u00a0\u202f,.]*)$/u.exec(raw);
  const number = match ? numberOfText(match[1]) : null;
  return number === null || number === 0 ? null : -number;
}

/**
 * A text such as `1.500`: a thousands dot, as French often writes it by hand (1 500), or a decimal point (1,5)? Read
 * either way it could be a thousand times off, so it is not taken, and the person is told to write it without a dot.
 * `0.125` reads one way only: no number of thousands starts with 0.
 */
export function isDotAmbiguousNumberText(raw: RawValue): boolean {
  return typeof raw === 'string' && /^[+-]?[1-9]\d{0,2}\.\d{3}$/.test(withKeyboardMinus(raw));
}

/**
 * « Abandonnée en »: the quarter of the convention whose label `AAAA-Tn` the cell holds, compared as a list value
 * (spaces as TRIM does, case ignored: the formulas compare it so with the quarter headers); null otherwise.
 */
export function abandonmentQuarterValue(raw: RawValue, quarters: readonly Quarter[]): Quarter | null {
  if (typeof raw !== 'string') return null;
  // The quarters' labels are a list made for this call: searched as they come, with no lookup table of their own.
  const wanted = listKey(raw);
  return quarters.find((quarter) => listKey(quarterLabel(quarter)) === wanted) ?? null;
}
