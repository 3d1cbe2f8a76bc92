import { isoTimestamp } from '../domain/excel-dates';
import { createIssue, type Issue } from '../domain/issues';
import {
  conventionAhead,
  hasBegun,
  quarterEndAhead,
  quarterFirstDay,
  quarterFromIndex,
  quarterOfDate,
  quarterIndex,
  quarterLabel,
  quartersOfPeriod,
  hasNoNextQuarter,
  type Quarter,
} from '../domain/periods';
import { fieldsOfRow, type TrackingField } from '../domain/axis-fields';
import { isBlank } from '../domain/tracking-values';
import { fieldHeader } from '../layout/sheets/axis/axis-columns';
import type { EnteredCell } from '../layout/entered-values';
import { emptyClosingEntry, isClosedValue, type HistoryEntry } from '../layout/sheets/history/history-sheet';
import { sheetNames } from '../layout/texts';
import { isClosingOf, quarterClosed } from '../domain/journal';
import { snapshotChanges } from './history-snapshot-changes';
import type { WorkbookState } from './workbook-state';

/**
 * Closing the current quarter Q (issue "Completion", "Clôturer le trimestre"): the fiche states (Statut,
 * Avancement, Mise en œuvre, Difficultés) and the criterion comments of Q are copied into `Historique` (created
 * when first needed), a Journal line records it, and Q moves to the next quarter. Only filled cells are copied; a
 * closing that copies none writes one row saying so (`emptyClosingEntry`), so that Historique still tells the quarter
 * closed (a bilan reads Historique, not the Journal).
 *
 * Closing a quarter that was closed before (Q moved back by hand) replaces that quarter's history with the
 * current state, so that history holds one snapshot per quarter; every value it adds, changes or empties is written
 * to the Journal (old → new: history-snapshot-changes.ts), so nothing is lost, and a note says how many, or that
 * nothing changed. A quarter was closed before when Historique has rows of it, or the Journal its closing line (a
 * closing that copied nothing, made before such closings wrote their row). The last quarter of the convention cannot
 * be closed.
 *
 * A quarter closed before its last day (a COPIL held mid-December) is closed, with a warning that says so: what
 * changes until its end is not in the snapshot, unless the quarter is closed again after.
 */

export interface CloseQuarterResult {
  ok: true;
  state: WorkbookState;
  closed: string;
  next: string;
  /** Whether `next` is the convention's last quarter, which is not closed: the final bilan comes after it. */
  nextIsLast: boolean;
  /** Rows written to Historique for the closed quarter. */
  historyRows: number;
  /** Rows of an earlier closing of the same quarter that were replaced (0 the first time). */
  replacedRows: number;
  notes: Issue[];
}

export interface CloseQuarterRefusal {
  ok: false;
  issues: Issue[];
}

/** What a closed quarter keeps of each row: the fields the field table marks so, in sheet order. */
const FICHE_FIELDS = fieldsOfRow('fiche', (field) => field.keptAtClosing === true);
const CRITERION_FIELDS = fieldsOfRow('criterion', (field) => field.keptAtClosing === true);

const isBlankCell = (cell: EnteredCell | undefined) => !cell || isBlank(cell.value);

function snapshot(state: WorkbookState, quarter: string, closedAt: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  const take = (key: string, fields: readonly TrackingField[]) => {
    for (const field of fields) {
      const value = state.entered.get(key)?.get(field);
      if (!isBlankCell(value)) entries.push({ quarter, key, field: fieldHeader(field), value: value!, closedAt });
    }
  };
  for (const fiche of state.plan.axes.flatMap((axis) => axis.fiches)) {
    take(fiche.key, FICHE_FIELDS);
    for (const criterion of fiche.criteria) take(criterion.key, CRITERION_FIELDS);
  }
  return entries;
}

/** The warning of a quarter closed before its last day, or none. */
function earlyClosingNote(quarter: Quarter, next: string, now: Date): Issue[] {
  const endsOn = quarterEndAhead(quarter, now);
  if (endsOn === null) return [];
  const params = { quarter: quarterLabel(quarter), endsOn, next };
  return [createIssue('quarter-closed-before-end', { sheet: sheetNames.history, cell: null }, params)];
}

/**
 * Whether `quarter` (`AAAA-Tn`) was closed: Historique has rows of it, or, for a closing that copied nothing, the
 * Journal its closing line.
 */
export function wasClosed(state: Pick<WorkbookState, 'history' | 'journal'>, quarter: string): boolean {
  return (
    state.history.entries.some((entry) => entry.quarter === quarter) ||
    state.journal.some((record) => isClosingOf(record, quarter))
  );
}

export function closeQuarter(state: WorkbookState, { now }: { now: Date }): CloseQuarterResult | CloseQuarterRefusal {
  const current = state.currentQuarter;
  const closed = quarterLabel(current);
  if (hasNoNextQuarter(current, state.plan.period)) {
    const quarters = quartersOfPeriod(state.plan.period);
    const [first, last] = [quarters[0], quarters[quarters.length - 1]];
    // A quarter typed past the convention's end is not its last: it says so, and where the quarter goes back.
    const issue =
      quarterIndex(current) > quarterIndex(last)
        ? createIssue(
            'quarter-after-convention',
            { sheet: sheetNames.settings, cell: null },
            { quarter: closed, first: quarterLabel(first), last: quarterLabel(last) },
          )
        : createIssue('quarter-is-last', { sheet: sheetNames.settings, cell: null }, { quarter: closed });
    return { ok: false, issues: [issue] };
  }
  // Closed before it begins, its snapshot would be another quarter's (today's): a closing too many, refused.
  if (!hasBegun(current, now)) {
    // Before the convention begins, today's quarter is none of it: its first quarter is named instead (`first`, and
    // `isFirst` when it is the one refused).
    const ahead = conventionAhead(state.plan.period, now);
    const params = {
      quarter: closed,
      startsOn: quarterFirstDay(current),
      today: quarterLabel(quarterOfDate(now)),
      ...(ahead
        ? {
            first: quarterLabel(ahead),
            firstStartsOn: quarterFirstDay(ahead),
            isFirst: quarterIndex(ahead) === quarterIndex(current) ? 1 : 0,
          }
        : {}),
    };
    return {
      ok: false,
      issues: [createIssue('quarter-not-begun', { sheet: sheetNames.settings, cell: null }, params)],
    };
  }
  const nextQuarter = quarterFromIndex(quarterIndex(current) + 1);
  const next = quarterLabel(nextQuarter);
  const date = isoTimestamp(now);
  const fresh = snapshot(state, closed, date);
  const previous = state.history.entries.filter((entry) => entry.quarter === closed && isClosedValue(entry));
  const closedBefore = wasClosed(state, closed);
  // The first closing's record is Historique itself; a later one journals what it changes there.
  const changes = closedBefore ? snapshotChanges(previous, fresh, { at: date, quarter: closed }) : null;
  const journal = [...(changes?.lines ?? []), quarterClosed(date, closed, next)];
  const notes = [
    ...earlyClosingNote(current, next, now),
    ...(changes
      ? [
          createIssue(
            'quarter-closed-again',
            { sheet: sheetNames.history, cell: null },
            {
              quarter: closed,
              count: previous.length,
              added: changes.added,
              changed: changes.changed,
              removed: changes.removed,
            },
          ),
        ]
      : []),
  ];
  return {
    ok: true,
    closed,
    next,
    nextIsLast: hasNoNextQuarter(nextQuarter, state.plan.period),
    historyRows: fresh.length,
    replacedRows: previous.length,
    notes,
    state: {
      ...state,
      currentQuarter: nextQuarter,
      history: {
        entries: [
          ...state.history.entries.filter((entry) => entry.quarter !== closed),
          ...(fresh.length > 0 ? fresh : [emptyClosingEntry(closed, date)]),
        ],
        keepSheet: true,
      },
      journal: [...state.journal, ...journal],
    },
  };
}
