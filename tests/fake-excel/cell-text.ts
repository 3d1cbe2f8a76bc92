/**
 * The displayed text of a value (`range.text`). Approximate: General, `@`, `0`, `0.00`, percentages, day-month-
 * year dates and en-US `m/d/yyyy`; other formats fall back to the General rendering.
 */
export function displayText(value: string | number | boolean | null, numberFormat: string): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const percent = /^0(\.0+)?%$/.exec(numberFormat);
  if (percent) return `${(value * 100).toFixed(percent[1] ? percent[1].length - 1 : 0)}%`;
  const fixed = /^0(\.0+)?$/.exec(numberFormat);
  if (fixed) return value.toFixed(fixed[1] ? fixed[1].length - 1 : 0);
  if (/^d{1,2}[/.-]m{1,2}[/.-]y{2,4}$/i.test(numberFormat)) return serialToDayMonthYear(value);
  if (numberFormat === 'm/d/yyyy') return serialToMonthDayYear(value);
  return String(value);
}

/** What Excel shows for a date typed in en-US (`m/d/yyyy`: no leading zeros). */
function serialToMonthDayYear(serial: number): string {
  const date = new Date(Math.round((serial - 25569) * 86400000));
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}`;
}

function serialToDayMonthYear(serial: number): string {
  // Excel serial 25569 is 1970-01-01 (the 1900 leap-year bug is before that and does not matter here).
  const date = new Date(Math.round((serial - 25569) * 86400000));
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${date.getUTCFullYear()}`;
}
