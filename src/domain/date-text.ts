import type { RawValue } from './tracking';

/**
 * A date typed as text, day first as a French spreadsheet reads it (`15/06/2026`, `15.06.26`, `15-06-2026`). A cell
 * may hold one because it is formatted Text, or because the day does not exist: Excel and LibreOffice keep
 * « 31/02/2026 » as the text typed, whatever the cell's format. The messages say which of the two it is.
 */
const DATE_AS_TEXT = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\s*$/;

/** The day, month and year a text writes, as typed (a year of two digits as the spreadsheet reads it). */
export interface WrittenDate {
  day: number;
  month: number;
  year: number;
}

/** Excel's reading of a two-digit year: 00–29 are 2000–2029, 30–99 are 1930–1999. */
const fullYear = (year: number): number => (year >= 100 ? year : year < 30 ? 2000 + year : 1900 + year);

/** The date a text writes, whether or not that day exists; null when the text is not written as a date. */
export function writtenDate(raw: RawValue): WrittenDate | null {
  const match = typeof raw === 'string' ? DATE_AS_TEXT.exec(raw) : null;
  if (!match) return null;
  return { day: Number(match[1]), month: Number(match[2]), year: fullYear(Number(match[3])) };
}

/** How many days a month (1–12) of a year has. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the day written exists: a month 1–12, a day of that month. */
export function dateExists({ day, month, year }: WrittenDate): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The date a text writes when that day does not exist (« 31/02/2026 », « 15/13/2026 »), else null. */
export function impossibleDate(raw: RawValue): WrittenDate | null {
  const written = writtenDate(raw);
  return written === null || dateExists(written) ? null : written;
}
