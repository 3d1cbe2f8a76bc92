import { axisFields } from '../../domain/axis-fields';
import { createIssue, type Issue } from '../../domain/issues';
import { parseQuarterLabel, quarterFromIndex, quarterIndex, quarterLabel, type Quarter } from '../../domain/periods';
import { sheetNames } from '../../layout/texts';
import { wasClosed } from '../close-quarter';
import type { WorkbookState } from '../workbook-state';

/**
 * Historique holds a closed quarter as its closing found it (docs/WORKBOOK.md, « Historique »). A merge of a late
 * return for that quarter, or the undo of a merge the closing copied, changes the sheets but not that snapshot: the
 * tools do not rewrite it (whether a change belongs to the closed quarter is the officer's to say), they say so, and
 * how to bring it up to date: put the quarter back as Q and close it again, which replaces its snapshot, every
 * change journalled.
 */

const KEPT_AT_CLOSING = new Set<string>(axisFields.filter((field) => field.keptAtClosing).map((field) => field.id));

/** Whether a change of `field` (a field id or a quarter label) is one a closing copies into Historique. */
export const isKeptAtClosing = (field: string): boolean => KEPT_AT_CLOSING.has(field);

function closedQuarterNote(quarter: string, current: Quarter, undone: boolean): Issue {
  const closed = parseQuarterLabel(quarter);
  const next = closed ? quarterLabel(quarterFromIndex(quarterIndex(closed) + 1)) : '';
  const params = { quarter, current: quarterLabel(current), next, undone: undone ? 1 : 0 };
  return createIssue('merge-closed-quarter', { sheet: sheetNames.history, cell: null }, params);
}

/** The note of a merge whose partner reported on `quarter` (its extract's), when that quarter is closed already. */
export function lateReturnNote(state: WorkbookState, quarter: Quarter | null, fields: readonly string[]): Issue[] {
  if (quarter === null || !fields.some(isKeptAtClosing)) return [];
  const label = quarterLabel(quarter);
  return wasClosed(state, label) ? [closedQuarterNote(label, state.currentQuarter, false)] : [];
}

/**
 * The notes of an undo whose merge (its first Journal line at `mergeLine`) was followed by closings: one per quarter
 * closed since, when the undo gave back a field the closings copied.
 */
export function undoneAfterClosingNotes(state: WorkbookState, mergeLine: number, fields: readonly string[]): Issue[] {
  if (!fields.some(isKeptAtClosing)) return [];
  const quarters = state.journal
    .slice(mergeLine + 1)
    .filter((line) => line.operation === 'quarter-closing' && line.field === 'currentQuarter')
    .map((line) => String(line.before.value ?? ''));
  return [...new Set(quarters)]
    .filter((quarter) => quarter !== '')
    .map((quarter) => closedQuarterNote(quarter, state.currentQuarter, true));
}
