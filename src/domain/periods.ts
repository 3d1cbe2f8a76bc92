import { calendarDayOf } from './calendar-day';
import type { Period } from './plan';

/** A calendar quarter; `index` counts quarters since year 0 so that quarters compare and subtract. */
export interface Quarter {
  year: number;
  /** 1 to 4. */
  q: 1 | 2 | 3 | 4;
}

/** A year of four digits, not starting with 0 (`0000-T1` would read as the year 0 and print as `0-T1`). */
const QUARTER_LABEL = /^([1-9]\d{3})-T([1-4])$/;

/** `AAAA-Tn`, the label of a quarter in headers and in `Paramètres`. */
export function quarterLabel(quarter: Quarter): string {
  return `${quarter.year}-T${quarter.q}`;
}

/**
 * A quarter label as the tool writes it (headers, `_ctg`, closed quarters): strict, so that a structure typed over
 * is noticed. A quarter a person types is read by `parseTypedQuarter`.
 */
export function parseQuarterLabel(text: string): Quarter | null {
  const match = QUARTER_LABEL.exec(text.trim());
  if (!match) return null;
  return { year: Number(match[1]), q: Number(match[2]) as Quarter['q'] };
}

/**
 * A quarter as a person types it: spaces around and the case of its `T` ignored (« 2026-t2 » is 2026-T2), as the
 * workbook's formulas read Paramètres' current quarter (they take its year and its last digit). Every place a person
 * gives a quarter reads it so: that cell, `compute --quarter`, `consolidate --quarter`, the pane's quarter fields;
 * it is then written and echoed as `quarterLabel` writes it.
 */
export function parseTypedQuarter(text: string): Quarter | null {
  return parseQuarterLabel(text.toUpperCase());
}

/**
 * A year and a quarter written otherwise: « 2027 T1 », « 2027T1 », « T1 2027 », « 2027/Q1 » (Q as in English). The
 * year as `QUARTER_LABEL` takes it: « 0000-T1 » would be suggested as « 0-T1 », refused too.
 */
const LOOSE_QUARTER = [/^([1-9]\d{3})\s*[-–—_/.]?\s*[TQ]\s*([1-4])$/, /^[TQ]\s*([1-4])\s*[-–—_/.]?\s*([1-9]\d{3})$/];

/**
 * The quarter a person most likely meant by a text `parseTypedQuarter` refuses, to be suggested, never taken: the
 * workbook's formulas read the cell as written, so only the person can put it right. Null when none is clear.
 */
export function quarterMeant(text: string): Quarter | null {
  const upper = text.trim().toUpperCase();
  const [yearFirst, quarterFirst] = LOOSE_QUARTER.map((pattern) => pattern.exec(upper));
  if (yearFirst) return { year: Number(yearFirst[1]), q: Number(yearFirst[2]) as Quarter['q'] };
  if (quarterFirst) return { year: Number(quarterFirst[2]), q: Number(quarterFirst[1]) as Quarter['q'] };
  return null;
}

export function quarterIndex(quarter: Quarter): number {
  return quarter.year * 4 + (quarter.q - 1);
}

export function quarterFromIndex(index: number): Quarter {
  return { year: Math.floor(index / 4), q: ((index % 4) + 1) as Quarter['q'] };
}

export function quarterOfIsoDate(isoDate: string): Quarter {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return { year, q: (Math.floor((month - 1) / 3) + 1) as Quarter['q'] };
}

/** Today's quarter at `now`: the quarter of today's date (calendar-day.ts, the machine's own day). */
export function quarterOfDate(now: Date): Quarter {
  return quarterOfIsoDate(calendarDayOf(now));
}

/** `2026-10-01`: the first day of a quarter (ISO). */
export function quarterFirstDay(quarter: Quarter): string {
  return `${String(quarter.year).padStart(4, '0')}-${String(quarter.q * 3 - 2).padStart(2, '0')}-01`;
}

/** `2026-12-31`: the last day of a quarter (ISO). */
export function quarterLastDay(quarter: Quarter): string {
  const end = new Date(Date.UTC(quarter.year, quarter.q * 3, 0));
  return end.toISOString().slice(0, 10);
}

/** Whether `quarter` is over by `today` (today's own quarter is not: it ends on its last day). */
export function hasEnded(quarter: Quarter, today: Date): boolean {
  return quarterIndex(quarter) < quarterIndex(quarterOfDate(today));
}

/**
 * Whether `quarter` has begun by `today` (its first day is today or before): nothing is expected of a quarter that
 * has not, neither by validation's completeness nor in a consolidation's counts.
 */
export function hasBegun(quarter: Quarter, today: Date): boolean {
  return quarterIndex(quarter) <= quarterIndex(quarterOfDate(today));
}

/**
 * The convention's first quarter when `today` is before it (a workbook made ahead of the convention), else null:
 * today's quarter is then none of the convention's, and what a closing refused names is that first quarter instead.
 */
export function conventionAhead(period: Period, today: Date): Quarter | null {
  const first = quarterOfIsoDate(period.start);
  return quarterIndex(quarterOfDate(today)) < quarterIndex(first) ? first : null;
}

/** The last day (ISO) of a quarter not over by `today`, so that closing it early can say when it ends; else null. */
export function quarterEndAhead(quarter: Quarter, today: Date): string | null {
  return hasEnded(quarter, today) ? null : quarterLastDay(quarter);
}

/** The calendar quarters that intersect the convention's period, in order (docs/WORKBOOK.md, « Filled, expected, current quarter »). */
export function quartersOfPeriod(period: Period): Quarter[] {
  const first = quarterIndex(quarterOfIsoDate(period.start));
  const last = quarterIndex(quarterOfIsoDate(period.end));
  const quarters: Quarter[] = [];
  for (let index = first; index <= last; index += 1) quarters.push(quarterFromIndex(index));
  return quarters;
}

/**
 * Whether `quarter` has no next quarter of the convention to close into: it is the convention's last, or after it
 * (a quarter typed past the end).
 */
export function hasNoNextQuarter(quarter: Quarter, period: Period): boolean {
  return quarterIndex(quarter) >= quarterIndex(lastQuarterOf(period));
}

/** The convention's last quarter: the one its end date falls in. */
export function lastQuarterOf(period: Period): Quarter {
  return quarterOfIsoDate(period.end);
}

/** Today's calendar quarter clamped to the convention's first and last quarter: the Q of a new workbook. */
export function initialCurrentQuarter(period: Period, today: Date): Quarter {
  const quarters = quartersOfPeriod(period);
  const wanted = quarterIndex(quarterOfDate(today));
  const first = quarters[0];
  const last = quarters[quarters.length - 1];
  if (wanted < quarterIndex(first)) return first;
  if (wanted > quarterIndex(last)) return last;
  return quarterFromIndex(wanted);
}

/**
 * The convention's quarters after `quarter` that have ended by `today` (today's own quarter has not). What an
 * extract up to `quarter` leaves out: none when `quarter` is today's or the one just ended, collected before it is
 * closed (docs/WORKBOOK.md, « Extracts »).
 */
export function endedQuartersAfter(quarter: Quarter, period: Period, today: Date): Quarter[] {
  const todays = quarterIndex(quarterOfDate(today));
  return quartersOfPeriod(period).filter(
    (candidate) => quarterIndex(candidate) > quarterIndex(quarter) && quarterIndex(candidate) < todays,
  );
}
