import { HyperFormula } from 'hyperformula';
import { officeError, FakeErrorCodes } from './errors';
import { forHyperFormula } from './hyperformula-dialect';

/** What a cell holds: a constant, or a formula (invariant English text with its leading `=`). */
export interface StoredCell {
  value: string | number | boolean;
  formula?: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Turns one entry of `range.values` / `range.formulas` into what Excel stores, as typing it would:
 * in a cell formatted `@` a string stays text whatever it looks like (even `=1+1`); otherwise a string starting
 * with `=` is a formula, a plain decimal number becomes a number and TRUE/FALSE a boolean.
 * Returns `undefined` for `null`/`undefined` (Office.js leaves such a cell unchanged) and `null` for "" (cleared).
 */
export function interpretInput(input: unknown, numberFormat: string, location: string): StoredCell | null | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === 'number') {
    if (!Number.isFinite(input))
      throw officeError(
        FakeErrorCodes.invalidArgument,
        'The argument is invalid or missing or has an incorrect format.',
        location,
      );
    return { value: input };
  }
  if (typeof input === 'boolean') return { value: input };
  if (typeof input !== 'string') {
    throw officeError(
      FakeErrorCodes.invalidArgument,
      'The argument is invalid or missing or has an incorrect format.',
      location,
    );
  }
  if (input === '') return null;
  if (numberFormat === '@') return { value: input };
  if (input.startsWith('=') && input.length > 1) return { value: 0, formula: input };
  const trimmed = input.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed) };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  return { value: input };
}

/** What `range.values` input becomes: the stored cell, and the number format Excel gives a General cell. */
export interface TypedInput {
  cell: StoredCell | null;
  numberFormat?: string;
}

const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))\s?%$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FORMULA_LEADS = ['=', '+', '-', '@'];

/**
 * `range.values` (and table rows) typed as Excel types them, in en-US whatever the display language (the
 * reference: "Locale-shaped strings (such as the date "19-8-2025" in nl-NL or fr-FR […]) are stored as text"):
 * beyond `interpretInput`'s rules, a number with thousands separators, « 5% » (0.05, `0%` on a General cell), a
 * month-first or ISO date (its serial, `m/d/yyyy` on a General cell), a leading `'` that marks text (dropped), and
 * a text starting with `=`, `+`, `-` or `@` that is no number is a formula ("If the returned value starts with a
 * plus, minus, or equal sign, Excel interprets this value as a formula"; `@` as in Lotus-style typing): refused
 * with InvalidArgument when it does not parse (« + de 10 ateliers »), else computed (`@équipe` → #NAME?).
 */
export function interpretValuesInput(input: unknown, numberFormat: string, location: string): TypedInput | undefined {
  if (typeof input !== 'string' || input === '' || numberFormat === '@') {
    const cell = interpretInput(input, numberFormat, location);
    return cell === undefined ? undefined : { cell };
  }
  const general = numberFormat === 'General';
  const trimmed = input.trim();
  if (input.startsWith("'")) return { cell: { value: input.slice(1) } };
  if (GROUPED_NUMBER.test(trimmed))
    return {
      cell: { value: Number(trimmed.replace(/,/g, '')) },
      ...(general ? { numberFormat: trimmed.includes('.') ? '#,##0.00' : '#,##0' } : {}),
    };
  const percent = PERCENT.exec(trimmed);
  if (percent) {
    const format = percent[1].includes('.') ? '0.00%' : '0%';
    return { cell: { value: Number(percent[1]) / 100 }, ...(general ? { numberFormat: format } : {}) };
  }
  const serial = dateSerial(trimmed);
  if (serial !== null) return { cell: { value: serial }, ...(general ? { numberFormat: 'm/d/yyyy' } : {}) };
  const plain = interpretInput(input, numberFormat, location);
  if (plain === null || plain === undefined || typeof plain.value !== 'string' || plain.formula) {
    if (plain?.formula) assertParses(plain.formula, location);
    return plain === undefined ? undefined : { cell: plain };
  }
  if (input.length > 1 && FORMULA_LEADS.includes(input[0])) {
    const formula = input[0] === '@' ? `=${input.slice(1)}` : `=${input}`;
    assertParses(formula, location);
    return { cell: { value: 0, formula } };
  }
  return { cell: plain };
}

/** Excel serial of a month-first (m/d/yyyy) or ISO (yyyy-mm-dd) date that exists; null otherwise. */
function dateSerial(text: string): number | null {
  const us = US_DATE.exec(text);
  const iso = ISO_DATE.exec(text);
  const [year, month, day] = us ? [us[3], us[1], us[2]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (year === undefined) return null;
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const date = new Date(time);
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  // Serial 25569 is 1970-01-01.
  return time / 86_400_000 + 25569;
}

let parser: HyperFormula | null = null;

/** Excel refuses a formula it cannot parse; HyperFormula's grammar stands for Excel's. */
function assertParses(formula: string, location: string): void {
  parser ??= HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  if (!parser.validateFormula(forHyperFormula(formula)))
    throw officeError(FakeErrorCodes.invalidArgument, `The formula ${formula} contains an error.`, location);
}

/** True when a number format shows a percentage (`0%`, `0.0 %`): a reader flags the number as one. */
export function isPercentNumberFormat(numberFormat: string): boolean {
  const unquoted = numberFormat
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return unquoted.includes('%') && !isDateFormat(numberFormat);
}

/** True when a number format shows a date or time (so that a reader flags the serial number as a date). */
export function isDateFormat(numberFormat: string): boolean {
  if (numberFormat === 'General' || numberFormat === '@') return false;
  const unquoted = numberFormat
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[dmyhs]/i.test(unquoted);
}
