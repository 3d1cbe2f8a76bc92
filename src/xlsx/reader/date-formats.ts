import { isPercentFormat } from '../../domain/date-number-format';

/**
 * Whether a number format shows a date or a time, so that a reader can tell a date from a number: the value
 * itself stays Excel's serial number. A time-only format (`hh:mm`, `[h]:mm`) is told apart from a date one
 * because only dates move when a 1904-system workbook's serials are brought to the 1900 system.
 */
export type DateFormatKind = 'date' | 'time';

/** What a reader needs of a number format: a date, a time, a percentage (ids 9 and 10, or a custom `%`), or null. */
export type NumberFormatKind = DateFormatKind | 'percent';

const BUILT_IN_PERCENTS = new Set([9, 10]);

export function builtInNumberFormatKind(id: number): NumberFormatKind | null {
  return BUILT_IN_PERCENTS.has(id) ? 'percent' : builtInDateFormatKind(id);
}

export function numberFormatKind(code: string): NumberFormatKind | null {
  return dateFormatKind(code) ?? (isPercentFormat(code) ? 'percent' : null);
}

/**
 * Built-in formats that are dates or times (ECMA-376 §18.8.30): 14–17 and 22 dates, 18–21 and 45–47 times, and
 * 27–36, 50–58, the East-Asian locale date formats that Excel writes by id alone.
 */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);
const BUILT_IN_TIMES = new Set([18, 19, 20, 21, 45, 46, 47]);

export function builtInDateFormatKind(id: number): DateFormatKind | null {
  if (BUILT_IN_DATES.has(id)) return 'date';
  return BUILT_IN_TIMES.has(id) ? 'time' : null;
}

/**
 * A custom format is a date or a time when, outside quoted text, escaped characters and bracketed parts
 * (colours, locales, conditions), it has a day, month, year, hour or second token; elapsed-time brackets
 * (`[h]`, `[mm]`, `[ss]`) are times. It is a time only when it has no day or year and its `m`s are minutes
 * (next to an hour or a second).
 */
export function dateFormatKind(code: string): DateFormatKind | null {
  const tokens = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/General/gi, '')
    .replace(/AM\/PM|A\/P/gi, 'h');
  if (/[dy]/i.test(tokens)) return 'date';
  if (/\[(h+|m+|s+)\]/i.test(code)) return 'time';
  const withoutMinutes = tokens.replace(/(h+[^a-z]*)m+|m+([^a-z]*s)/gi, '$1$2');
  if (/m/i.test(withoutMinutes)) return 'date';
  return /[hs]/i.test(tokens) ? 'time' : null;
}
