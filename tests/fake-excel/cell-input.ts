import { officeError, FakeErrorCodes } from './errors';

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
