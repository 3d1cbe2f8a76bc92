import type { Issue } from '../domain/issues';
import { parseQuarterLabel, quarterIndex, quarterLabel, quarterOfIsoDate, type Quarter } from '../domain/periods';
import { isoDateSchema } from '../domain/plan';
import { createIssue } from '../domain/issues';
import type { CtgMeta } from './sheets/ctg-meta/ctg-meta-read';
import { ctgMetaLabels, ctgMetaValueCell } from './sheets/ctg-meta/ctg-meta-layout';
import type { Settings } from './sheets/settings/settings-read';
import { settingsLabels, settingsValueCell } from './sheets/settings/settings-layout';

/**
 * The convention's dates are written by the tools in `_ctg` (the quarter columns of the axis sheets were made from
 * them) and shown in Paramètres. Changed by hand in either sheet, a rewrite would either read today's quarter
 * columns as unknown and delete their values, or silently put the old date back: each is an error at the changed
 * cell. The quarter columns found in the axis sheets tell which sheet was changed.
 */

type DateField = 'periodStart' | 'periodEnd';
const FIELDS: readonly DateField[] = ['periodStart', 'periodEnd'];

/** The first and last quarter among the quarter-column headers of the axis sheets; null when there are none. */
function quarterSpan(headers: readonly string[]): { first: Quarter; last: Quarter } | null {
  const quarters = headers.map(parseQuarterLabel).filter((quarter): quarter is Quarter => quarter !== null);
  if (quarters.length === 0) return null;
  const sorted = [...quarters].sort((a, b) => quarterIndex(a) - quarterIndex(b));
  return { first: sorted[0], last: sorted[sorted.length - 1] };
}

/**
 * Whether the axis sheets' quarter columns stop short of a stored date that Paramètres confirms (or that no
 * Paramètres contradicts, as in an extract): a first or last quarter column deleted, far likelier than the same date
 * typed in two sheets, one of them hidden. The `missing-column` errors then name the columns to put back.
 */
function columnsMayBeDeleted(field: DateField, stored: string, shown: string | null, columns: Quarter): boolean {
  if (shown !== null && shown !== stored) return false;
  const beyond = quarterIndex(quarterOfIsoDate(stored)) - quarterIndex(columns);
  return field === 'periodStart' ? beyond < 0 : beyond > 0;
}

export interface ConventionDatesInput {
  ctgSheet: string;
  meta: CtgMeta;
  settingsSheet: string | null;
  settings: Settings | null;
  /** Header texts of every axis sheet's header row. */
  axisHeaders: readonly string[];
}

export function checkConventionDates(input: ConventionDatesInput): Issue[] {
  const { meta, settings } = input;
  const span = quarterSpan(input.axisHeaders);
  const issues: Issue[] = [];
  for (const field of FIELDS) {
    const stored = meta[field];
    const shown = settings?.[field] ?? null;
    const quarterOfColumns = span ? (field === 'periodStart' ? span.first : span.last) : null;
    const readable = isoDateSchema.safeParse(stored).success;
    const fitsColumns =
      readable && (!quarterOfColumns || quarterIndex(quarterOfIsoDate(stored)) === quarterIndex(quarterOfColumns));
    if (
      !fitsColumns &&
      !(readable && quarterOfColumns && columnsMayBeDeleted(field, stored, shown, quarterOfColumns))
    ) {
      // Paramètres' date, when it fits the quarter columns, is the one to put back.
      const backTo =
        shown && (!quarterOfColumns || quarterIndex(quarterOfIsoDate(shown)) === quarterIndex(quarterOfColumns))
          ? shown
          : '';
      issues.push(
        createIssue(
          'ctg-period-changed',
          { sheet: input.ctgSheet, cell: ctgMetaValueCell(field) },
          {
            label: ctgMetaLabels[field],
            value: stored,
            first: span ? quarterLabel(span.first) : '',
            last: span ? quarterLabel(span.last) : '',
            backTo,
          },
        ),
      );
    } else if (input.settingsSheet && shown !== null && shown !== stored) {
      issues.push(
        createIssue(
          'settings-period-mismatch',
          { sheet: input.settingsSheet, cell: settingsValueCell(field) },
          { label: settingsLabels[field], value: shown, stored },
        ),
      );
    }
  }
  return issues;
}

/**
 * Which of the axis sheets' column issues only follow from the convention's dates changed by hand, and are said by
 * that error (`dateIssues`, from `checkConventionDates` on the same `axisHeaders`): a quarter column found that the
 * dates do not give (`unknown-column`); and, when Paramètres still shows the date the columns were made from (`_ctg`
 * alone was edited), a quarter the new dates add beyond the columns found (`missing-column`). When both sheets agree
 * against the columns, a quarter column may as well have been deleted: its `missing-column` stays, naming it.
 */
export function followsFromChangedDates(
  dateIssues: readonly Issue[],
  axisHeaders: readonly string[],
): (issue: Issue) => boolean {
  const changed = dateIssues.filter((issue) => issue.code === 'ctg-period-changed');
  if (changed.length === 0) return () => false;
  const editedInCtgAlone = changed.some((issue) => String(issue.params.backTo ?? '') !== '');
  const span = quarterSpan(axisHeaders);
  return (issue) => {
    const quarter = parseQuarterLabel(String(issue.params.header ?? ''));
    if (quarter === null) return false;
    if (issue.code === 'unknown-column') return true;
    if (issue.code !== 'missing-column' || !editedInCtgAlone || span === null) return false;
    return quarterIndex(quarter) < quarterIndex(span.first) || quarterIndex(quarter) > quarterIndex(span.last);
  };
}
