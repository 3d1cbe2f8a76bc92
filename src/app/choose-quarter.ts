import { isoTimestamp } from '../domain/excel-dates';
import { createIssue, type Issue } from '../domain/issues';
import {
  conventionAhead,
  parseTypedQuarter,
  quarterFirstDay,
  quarterIndex,
  quarterLabel,
  quarterOfDate,
  quartersOfPeriod,
} from '../domain/periods';
import type { Period } from '../domain/plan';
import type { JournalEntry } from '../layout/sheets/journal/journal-columns';
import { settingsValueCell } from '../layout/sheets/settings/settings-layout';
import { sheetNames } from '../layout/texts';
import { quarterChosen, textValue, type JournalValue } from '../domain/journal';
import type { WorkbookState } from './workbook-state';

/**
 * Choosing the current quarter Q (`Paramètres`, `ctg_trimestre_en_cours`) from the task pane or the command line,
 * instead of typing it in the cell. The text is read as Paramètres' own cell is (`AAAA-Tn`, spaces around
 * ignored) and must name a quarter of the convention; a change is journalled (old → new), choosing Q again is
 * a no-op.
 */

export interface QuarterChoice {
  ok: true;
  state: WorkbookState;
  /** Q before and after, as `AAAA-Tn`; equal when nothing changed. */
  from: string;
  to: string;
  changed: boolean;
}

export interface QuarterChoiceRefusal {
  ok: false;
  issues: Issue[];
}

/** The codes a refused choice gives: a wrong quarter given by the user (the command line's wrong usage). */
export const quarterChoiceCodes = ['quarter-malformed', 'quarter-outside-convention'] as const;
type QuarterChoiceCode = (typeof quarterChoiceCodes)[number];

export function chooseQuarter(
  state: WorkbookState,
  text: string,
  { now }: { now: Date },
): QuarterChoice | QuarterChoiceRefusal {
  const quarters = quartersOfPeriod(state.plan.period);
  const wanted = parseTypedQuarter(text);
  const refuse = (code: QuarterChoiceCode): QuarterChoiceRefusal => ({
    ok: false,
    issues: [
      createIssue(
        code,
        { sheet: sheetNames.settings, cell: settingsValueCell('currentQuarter') },
        { value: text.trim(), first: quarterLabel(quarters[0]), last: quarterLabel(quarters[quarters.length - 1]) },
      ),
    ],
  });
  if (!wanted) return refuse('quarter-malformed');
  if (!quarters.some((quarter) => quarterIndex(quarter) === quarterIndex(wanted))) {
    return refuse('quarter-outside-convention');
  }
  const from = quarterLabel(state.currentQuarter);
  const to = quarterLabel(wanted);
  if (from === to) return { ok: true, state, from, to, changed: false };
  return {
    ok: true,
    from,
    to,
    changed: true,
    state: {
      ...state,
      currentQuarter: wanted,
      journal: [...state.journal, quarterChoiceLine(textValue(from), to, now)],
    },
  };
}

/**
 * A warning when the quarter chosen is more than one quarter after today's: its rates count every quarter up to it
 * as due, which a slip in the list or in `--quarter` (2030-T4 for 2027-T1) makes silently wrong. The next quarter is
 * not warned about: closing today's quarter before its end (a COPIL held mid-December) makes it current. Before the
 * convention begins, today's quarter is none of it: the distance is from its first quarter, which is named
 * (`first`, `firstStartsOn`).
 */
export function chosenAheadNotes(chosen: string, now: Date, period: Period): Issue[] {
  const wanted = parseTypedQuarter(chosen);
  const ahead = conventionAhead(period, now);
  const from = ahead ?? quarterOfDate(now);
  if (!wanted || quarterIndex(wanted) - quarterIndex(from) <= 1) return [];
  const at = { sheet: sheetNames.settings, cell: settingsValueCell('currentQuarter') };
  const params = {
    quarter: quarterLabel(wanted),
    today: quarterLabel(quarterOfDate(now)),
    ...(ahead ? { first: quarterLabel(ahead), firstStartsOn: quarterFirstDay(ahead) } : {}),
  };
  return [createIssue('quarter-chosen-ahead', at, params)];
}

/** The Journal line of a chosen quarter: what Paramètres held (as typed, a formula as its text) → the quarter chosen. */
export function quarterChoiceLine(before: JournalValue, to: string, now: Date): JournalEntry {
  return quarterChosen(isoTimestamp(now), before, to);
}
