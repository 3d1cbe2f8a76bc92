import { isoTimestamp } from '../domain/excel-dates';
import { createIssue, type Issue } from '../domain/issues';
import { rowsReordered } from '../domain/journal';
import type { WorkbookState } from './workbook-state';

/**
 * Axis sheets whose rows a rewrite puts back in the plan's order (docs/WORKBOOK.md, « Rows out of order »): the
 * state is read in `_ctg`'s key order (workbook-state.ts), so a sorted table is repaired rather than refused; the
 * Journal and the rewrite's notes say so.
 */

const repairedByRewrite = (issue: Issue) => issue.code === 'axis-rows-out-of-order';

/** Whether a validation issue refuses a rewrite: every error but those the rewrite repairs. */
export const refusesRewrite = (issue: Issue) => issue.severity === 'error' && !repairedByRewrite(issue);

/** One Journal line for each axis sheet a rewrite puts back in the plan's order, before the rewrite's own lines. */
export function withRowOrderLines(state: WorkbookState, now: Date): WorkbookState {
  if (state.reordered.length === 0) return state;
  const lines = state.reordered.map(({ sheet, misplaced }) => rowsReordered(isoTimestamp(now), sheet, misplaced));
  return { ...state, journal: [...state.journal, ...lines] };
}

/**
 * The headers of the columns a person added to a sheet's table that hold values: each value follows the row it was
 * in front of, which a sort of the tools' columns alone (the filter's arrows) did not move.
 */
function addedColumnsWithValues(state: WorkbookState, sheet: string): string[] {
  const kept = state.kept.filter((one) => one.sheet === sheet && one.place.kind === 'tableRow');
  const filled = new Set(
    kept.flatMap((one) => (one.place.kind === 'tableRow' && one.place.identity !== null ? [one.place.added] : [])),
  );
  return kept.flatMap((one) =>
    one.place.kind === 'tableRow' && one.place.identity === null && filled.has(one.place.added)
      ? [String(one.cell.value)]
      : [],
  );
}

/** A warning for each sheet put back in order; `rebuilt`: the workbook was written whole, not patched. */
export function reorderedNotes(state: WorkbookState, { rebuilt }: { rebuilt: boolean }): Issue[] {
  return state.reordered.map(({ sheet, misplaced }) =>
    createIssue(
      'rows-reordered',
      { sheet, cell: null },
      { misplaced, rebuilt: rebuilt ? 1 : 0, addedColumns: addedColumnsWithValues(state, sheet) },
    ),
  );
}
