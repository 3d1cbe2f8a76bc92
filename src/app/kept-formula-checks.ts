import { isoTimestamp } from '../domain/excel-dates';
import { createIssue, type Issue } from '../domain/issues';
import { formulaToCheck } from '../domain/journal';
import type { FormulaToCheck } from './kept-formulas';
import type { WorkbookState } from './workbook-state';

/**
 * A person's formulas whose references a rewrite could not all follow (kept-formulas.ts): a reference gone, now
 * `#REF!`, or a range whose cells no longer lie together. The rewrite says so, and the Journal keeps it, so that
 * what to correct is still found after the rewrite's notes are gone (docs/WORKBOOK.md, « Journal »).
 */

/** A warning at each formula's cell: one for its references gone, one for its ranges to check. */
export function keptFormulaNotes(formulas: readonly FormulaToCheck[]): Issue[] {
  return formulas.flatMap(({ sheet, cell, written, gone, scattered }) => [
    ...(gone.length > 0
      ? [
          createIssue(
            'kept-formula-reference-gone',
            { sheet, cell },
            {
              formula: written,
              references: gone.map((one) => one.reference),
              rowKeys: gone.map((one) => one.key),
              headers: gone.map((one) => one.header),
            },
          ),
        ]
      : []),
    ...(scattered.length > 0
      ? [createIssue('kept-formula-to-check', { sheet, cell }, { formula: written, references: [...scattered] })]
      : []),
  ]);
}

/** The state with one Journal line per formula to check, after the rewrite's own lines. */
export function withKeptFormulaLines(
  state: WorkbookState,
  formulas: readonly FormulaToCheck[],
  now: Date,
): WorkbookState {
  if (formulas.length === 0) return state;
  const at = isoTimestamp(now);
  const lines = formulas.map(({ sheet, cell, typed, written, gone, scattered }) =>
    formulaToCheck(at, { sheet, cell, typed, written, check: { gone, scattered } }),
  );
  return { ...state, journal: [...state.journal, ...lines] };
}
