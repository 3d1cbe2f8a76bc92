import { createIssue, type Issue, type IssueParams } from '../issues';
import {
  hasNoNextQuarter,
  parseQuarterLabel,
  quarterIndex,
  quarterLabel,
  quarterLastDay,
  quarterOfDate,
  quartersOfPeriod,
  type Quarter,
} from '../periods';
import type { Period } from '../plan';
import { rateWindow, type RateWindow } from '../rates/inputs';
import { steeringCalendar } from '../steering-calendar';
import type { BilanKind, BilanPeriod } from './bilan';

/**
 * The quarters a bilan covers (docs/WORKBOOK.md, « Bilans »): annual = the convention's quarters of a year,
 * intermédiaire = from the first quarter to the steering calendar's « Bilan intermédiaire », final = the whole
 * convention; placed against the workbook's current quarter Q.
 */

export type BilanPeriodOutcome = { ok: true; period: BilanPeriod } | { ok: false; issue: Issue };

const kindWords: Record<BilanKind, string> = { annual: 'annuel', midterm: 'intermédiaire', final: 'final' };

function quartersOf(kind: BilanKind, year: number, convention: Period): Quarter[] {
  const quarters = quartersOfPeriod(convention);
  if (kind === 'annual') return quarters.filter((quarter) => quarter.year === year);
  if (kind === 'final') return quarters;
  const midterm = steeringCalendar(convention).find((entry) => entry.kind === 'midterm')!.quarter;
  return quarters.filter((quarter) => quarterIndex(quarter) <= quarterIndex(midterm));
}

/**
 * The period of a bilan of `kind` (`year`: an annual bilan's year, null for the current quarter's); refused when
 * a year is given for another kind, or names no quarter of the convention. `statesFrom` is Historique's for a period
 * over: the caller falls back to the sheets when its last quarter was never closed, and says when it was closed with
 * nothing entered (`withStatesFrom`).
 *
 * A period is over once the current quarter is past its last quarter and that quarter has ended by `today`: a
 * quarter closed before its end (a COPIL mid-December) leaves its year in progress until its last day. `today` is
 * read as every command reads it (calendar-day.ts: the machine's own date), the day the bilan's first page is dated.
 * The convention's last quarter is never closed (`quarter-is-last`), so the current quarter never passes it: a
 * period ending with the convention (the final bilan, the last year's) is over once that quarter has ended, its
 * states the sheets' unless Historique has rows of it (closed while the convention ran longer: `saysNotClosed`).
 */
export function bilanPeriod(
  kind: BilanKind,
  year: number | null,
  convention: Period,
  current: Quarter,
  today: Date,
): BilanPeriodOutcome {
  const where = { sheet: null, cell: null };
  if (year !== null && kind !== 'annual')
    return { ok: false, issue: createIssue('bilan-year-not-annual', where, { year, kind: kindWords[kind] }) };
  const asked = year ?? current.year;
  const quarters = quartersOf(kind, asked, convention);
  if (quarters.length === 0) {
    const all = quartersOfPeriod(convention);
    const params = { year: asked, first: all[0].year, last: all[all.length - 1].year };
    return { ok: false, issue: createIssue('bilan-year-outside', where, params) };
  }
  const first = quarters[0];
  const last = quarters[quarters.length - 1];
  const q = quarterIndex(current);
  const past = quarterIndex(last) < q;
  const atConventionEnd = hasNoNextQuarter(last, convention) && quarterIndex(last) === q;
  const ended = quarterIndex(last) < quarterIndex(quarterOfDate(today));
  const state = (past || atConventionEnd) && ended ? 'over' : quarterIndex(first) > q ? 'future' : 'current';
  return {
    ok: true,
    period: {
      kind,
      year: kind === 'annual' ? asked : null,
      first: quarterLabel(first),
      last: quarterLabel(last),
      measuredTo: quarterLabel(past ? last : current),
      state,
      statesFrom: state === 'over' ? 'history' : 'sheets',
    },
  };
}

/**
 * What a bilan says of a period not over (its warning, and its first page's sentence): in progress or to come, or
 * still running by the calendar though the workbook's current quarter `current` is past its last quarter (closed
 * before its end, or Q moved on by hand), with the day it ends. Null for a period over.
 */
export function periodNotOver(
  period: BilanPeriod,
  current: string,
): { code: 'bilan-period-not-over' | 'bilan-period-not-ended'; params: IssueParams } | null {
  if (period.state === 'over') return null;
  const last = quarterOf(period.last);
  if (period.state === 'current' && quarterIndex(quarterOf(current)) > quarterIndex(last))
    return { code: 'bilan-period-not-ended', params: { last: period.last, endsOn: quarterLastDay(last), current } };
  const { state, first, measuredTo } = period;
  return { code: 'bilan-period-not-over', params: { state, first, last: period.last, measuredTo } };
}

/**
 * Whether a period over whose states are the sheets' says that its last quarter was not closed
 * (`bilan-quarter-not-closed`): not when that quarter is the convention's last and the current one, which no closing
 * can copy (`quarter-is-last`), its states the sheets' as they stand after the convention's end; unless the Journal
 * records its closing all the same (made while the convention ran longer, Historique's rows deleted since).
 */
export const saysNotClosed = (period: BilanPeriod, current: string): boolean =>
  period.state === 'over' &&
  period.statesFrom === 'sheets' &&
  (period.last !== current || period.closingJournalled === true);

/**
 * The period over whose last quarter was never closed (its states are the sheets'; `closingJournalled` when the
 * Journal records its closing all the same), or was closed with no state entered (`empty-closing`: every state blank).
 */
export function withStatesFrom(
  period: BilanPeriod,
  statesFrom: 'sheets' | 'empty-closing',
  { closingJournalled = false }: { closingJournalled?: boolean } = {},
): BilanPeriod {
  return { ...period, statesFrom, ...(closingJournalled ? { closingJournalled: true as const } : {}) };
}

/** The params of `bilan-quarter-not-closed` for a period whose states are the sheets': the page and the warning's. */
export const notClosedParams = (period: BilanPeriod) => ({
  quarter: period.last,
  journalled: period.closingJournalled ? 1 : 0,
});

function quarterOf(label: string): Quarter {
  const quarter = parseQuarterLabel(label);
  if (!quarter) throw new Error(`Not a quarter label: ${label}`);
  return quarter;
}

/** The window of a bilan's figures: measured to `measuredTo`, the period rate over the period's quarters to it. */
export function bilanWindow(convention: Period, period: BilanPeriod): RateWindow {
  return rateWindow(convention, quarterOf(period.measuredTo), quarterOf(period.first));
}

/** The period's last quarter, E. */
export function lastQuarterOf(period: BilanPeriod): Quarter {
  return quarterOf(period.last);
}
