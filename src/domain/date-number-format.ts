/**
 * Whether a number format code shows a date or a time, so that a reader of the open workbook (which gets format
 * codes, not built-in ids) marks such numbers as dates, as the .xlsx reader does. Outside quoted text, escaped
 * characters and bracketed parts (colours, locales, conditions), a day, month, year, hour or second token makes a
 * date or a time; elapsed-time brackets (`[h]`, `[mm]`) are times.
 */
export function isDateOrTimeFormat(code: string): boolean {
  if (/\[(h+|m+|s+)\]/i.test(code)) return true;
  const tokens = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/General/gi, '')
    .replace(/AM\/PM|A\/P/gi, 'h');
  return /[dymhs]/i.test(tokens);
}

/**
 * Whether a number format shows a percentage (`0%`, `0.00 %`): a `%` outside quoted text, escaped characters and
 * bracketed parts, in a format that is no date. The value is then the fraction (« 85 % » is 0.85).
 */
export function isPercentFormat(code: string): boolean {
  const tokens = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return tokens.includes('%') && !isDateOrTimeFormat(code);
}
