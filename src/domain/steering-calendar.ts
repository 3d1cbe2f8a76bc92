import type { Period } from './plan';
import { quarterIndex, quarterLabel, quarterOfIsoDate, quartersOfPeriod, type Quarter } from './periods';

/**
 * The COPIL's steering calendar (Article 9 of the convention): an annual checkpoint in T4 of every year of the
 * period but the last, the bilan intermédiaire in the quarter holding the period's midpoint, the bilan final in
 * the last quarter. Dates come from the plan: other CTGs have other periods.
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

/**
 * The instant halfway through the period, which runs from the start day at 00:00 to the end of the end day,
 * as an ISO date (the day the instant falls in). 2026-01-01 … 2030-12-31 → 2028-07-02.
 */
export function periodMidpoint(period: Period): string {
  const start = utcTime(period.start);
  const endExclusive = utcTime(period.end) + MS_PER_DAY;
  return new Date(start + (endExclusive - start) / 2).toISOString().slice(0, 10);
}

function entry(quarter: Quarter, kind: SteeringKind, label: string): SteeringEntry {
  return { quarter, quarterLabel: quarterLabel(quarter), kind, label };
}

/** The calendar in quarter order; an annual checkpoint and the bilan intermédiaire may share a quarter. */
export function steeringCalendar(period: Period): SteeringEntry[] {
  const quarters = quartersOfPeriod(period);
  const last = quarters[quarters.length - 1];
  const entries: SteeringEntry[] = [];
  for (let year = quarters[0].year; year < last.year; year += 1) {
    entries.push(entry({ year, q: 4 }, 'annual', steeringLabels.annual(year)));
  }
  entries.push(entry(quarterOfIsoDate(periodMidpoint(period)), 'midterm', steeringLabels.midterm()));
  entries.push(entry(last, 'final', steeringLabels.final()));
  const order: Record<SteeringKind, number> = { annual: 0, midterm: 1, final: 2 };
  return entries.sort((a, b) => quarterIndex(a.quarter) - quarterIndex(b.quarter) || order[a.kind] - order[b.kind]);
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
