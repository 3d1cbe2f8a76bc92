/**
 * Whether a number format shows a date or a time, so that a reader can tell a date from a number: the value
 * itself stays Excel's serial number.
 */

/**
 * Built-in formats that are dates or times: 14–22 and 45–47 (ECMA-376 §18.8.30), and 27–36, 50–58, the
 * East-Asian locale date formats that Excel writes by id alone.
 */
const BUILT_IN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

export function isBuiltInDateFormat(id: number): boolean {
  return BUILT_IN_DATE_IDS.has(id);
}

/**
 * A custom format is a date when, outside quoted text, escaped characters and bracketed parts (colours, locales,
 * conditions), it has a day, month, year, hour or second token. Elapsed-time brackets (`[h]`, `[mm]`, `[ss]`)
 * are times.
 */
export function isDateFormatCode(code: string): boolean {
  if (/\[(h+|m+|s+)\]/i.test(code)) return true;
  const stripped = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/General/gi, '');
  return /[dmyhs]/i.test(stripped);
}
