/**
 * Excel's date serial numbers (1900 date system, as written by Excel, LibreOffice and both our back ends):
 * day 1 is 1900-01-01 and serial 60 is the fictitious 1900-02-29, so every date from 1900-03-01 is
 * (days since 1899-12-30).
 */

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** `AAAA-MM-JJ` → serial number, or null when the text is not such a date. */
export function isoDateToSerial(isoDate: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return null;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const back = new Date(time);
  if (back.getUTCMonth() !== Number(match[2]) - 1 || back.getUTCDate() !== Number(match[3])) return null;
  return Math.round((time - EPOCH) / MS_PER_DAY);
}

/** Serial number (the fraction of a day ignored) → `AAAA-MM-JJ`, or null outside 1900-03-01 … 9999-12-31. */
export function serialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2_958_466) return null;
  return new Date(EPOCH + Math.floor(serial) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A timestamp written as text in `_ctg` and the Journal: ISO 8601 in UTC to the second. */
export function isoTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Whether a text is such a timestamp (`isoTimestamp`; milliseconds tolerated): what the tools write in every line of
 * a record sheet, in every format version, and a person's note never holds.
 */
export const isIsoTimestamp = (text: string): boolean =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/.test(text);
