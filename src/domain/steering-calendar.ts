import type { Period } from './plan';
import { quarterIndex, quarterLabel, quarterOfIsoDate, quartersOfPeriod, type Quarter } from './periods';

/**
 * The COPIL's steering calendar (Article 9 of the convention): an annual checkpoint in T4 of every year of the
 * period but the last, the bilan intermédiaire in the quarter holding the period's midpoint (`periodMidpoint`), the
 * bilan final in the last quarter. Dates come from the plan: other CTGs have other periods.
 */

export type SteeringKind = 'annual' | 'midterm' | 'final';

/** What the Annexe 4 summary shows for each kind of meeting. */
export const steeringLabels = {
  annual: (year: number) => `Point d’étape annuel ${year}`,
  midterm: () => 'Bilan intermédiaire',
  final: () => 'Bilan final',
} as const;

export interface SteeringEntry {
  quarter: Quarter;
  /** `AAAA-Tn`. */
  quarterLabel: string;
  kind: SteeringKind;
  /** French, as shown in the workbook. */
  label: string;
}

export interface SteeringEntryStatus extends SteeringEntry {
  /** Q is this entry's quarter. */
  isCurrent: boolean;
  /** Q is after this entry's quarter. */
  isPast: boolean;
}

const MS_PER_DAY = 86_400_000;

function utcTime(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
}

/** Months since year 0 of an ISO date's month, so that months subtract. */
function monthIndex(isoDate: string): number {
  return Number(isoDate.slice(0, 4)) * 12 + Number(isoDate.slice(5, 7)) - 1;
}

/** From the first day of a month to the last day of a month (the usual convention: 2026-01-01 … 2030-12-31). */
function runsOverWholeMonths(period: Period): boolean {
  return period.start.slice(8, 10) === '01' && new Date(utcTime(period.end) + MS_PER_DAY).getUTCDate() === 1;
}

/** The day the instant halfway through the period falls in, from the start day at 00:00 to the end of the end day. */
function midpointDay(period: Period): string {
  const start = utcTime(period.start);
  const endExclusive = utcTime(period.end) + MS_PER_DAY;
  return new Date(start + (endExclusive - start) / 2).toISOString().slice(0, 10);
}

/**
 * The day whose quarter holds the bilan intermédiaire (ISO). A period over whole months is halved counting months,
 * so that conventions of the same length get the same mid-term whatever their leap days and the lengths of their
 * months: the first day of the month holding the midpoint, where a midpoint on a month boundary belongs to the month
 * that starts there (2026-01-01 … 2030-12-31, 60 months → 2028-07-01, the 31st month; 45 months → the 23rd, whose
 * middle is the midpoint). Any other period is halved counting time: the day the instant halfway through falls in
 * (2026-01-15 … 2030-01-14 → 2028-01-15, at noon).
 */
export function periodMidpoint(period: Period): string {
  if (!runsOverWholeMonths(period)) return midpointDay(period);
  const month = monthIndex(period.start) + Math.floor((monthIndex(period.end) - monthIndex(period.start) + 1) / 2);
  return `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;
}

function entry(quarter: Quarter, kind: SteeringKind, label: string): SteeringEntry {
  return { quarter, quarterLabel: quarterLabel(quarter), kind, label };
}

/** The calendar in quarter order, the bilan intermédiaire in `midterm`. */
function calendarWith(period: Period, midterm: Quarter): SteeringEntry[] {
  const quarters = quartersOfPeriod(period);
  const last = quarters[quarters.length - 1];
  const entries: SteeringEntry[] = [];
  for (let year = quarters[0].year; year < last.year; year += 1) {
    entries.push(entry({ year, q: 4 }, 'annual', steeringLabels.annual(year)));
  }
  entries.push(entry(midterm, 'midterm', steeringLabels.midterm()));
  entries.push(entry(last, 'final', steeringLabels.final()));
  const order: Record<SteeringKind, number> = { annual: 0, midterm: 1, final: 2 };
  return entries.sort((a, b) => quarterIndex(a.quarter) - quarterIndex(b.quarter) || order[a.kind] - order[b.kind]);
}

/** The calendar in quarter order; an annual checkpoint and the bilan intermédiaire may share a quarter. */
export function steeringCalendar(period: Period): SteeringEntry[] {
  return calendarWith(period, quarterOfIsoDate(periodMidpoint(period)));
}

/**
 * The calendar as the tools wrote it before the midpoint of a period over whole months was counted in months: the
 * bilan intermédiaire in the quarter of the exact midpoint day, a quarter earlier for some conventions (2024–2027:
 * 2025-T4). A workbook written then may still show it in Annexe 4 until its next rewrite.
 */
export function earlierSteeringCalendar(period: Period): SteeringEntry[] {
  return calendarWith(period, quarterOfIsoDate(midpointDay(period)));
}

/** The calendar with each entry placed against the current quarter Q. */
export function steeringCalendarAt(period: Period, current: Quarter): SteeringEntryStatus[] {
  const currentIndex = quarterIndex(current);
  return steeringCalendar(period).map((item) => ({
    ...item,
    isCurrent: quarterIndex(item.quarter) === currentIndex,
    isPast: quarterIndex(item.quarter) < currentIndex,
  }));
}
