import { isoTimestamp } from '../domain/excel-dates';
import { createIssue, type Issue } from '../domain/issues';
import { cellJournalValue, textValue, toolTextRestored } from '../domain/journal';
import { shownCellContent } from '../domain/messages/shown-cell-value';
import type { TypedOverText } from '../layout/typed-over-texts';
import type { WorkbookState } from './workbook-state';

/**
 * The tools' texts typed over in the sheets of fixed shape (the state's `typedOverTexts`): every rewrite writes them
 * back, so what was found there goes to the Journal first, one line each, and the rewrite says so (docs/WORKBOOK.md,
 * « Rewriting a workbook »).
 */

/** A formula is kept as its text: its result alone would lose it. */
const foundValue = ({ cell }: TypedOverText) =>
  cell.formula === undefined ? cellJournalValue(cell.value, !!cell.isDate) : textValue(`=${cell.formula}`);

/** The state with one Journal line per text typed over, before the lines of the rewrite itself. */
export function withRestoredTextLines(state: WorkbookState, now: Date): WorkbookState {
  if (state.typedOverTexts.length === 0) return state;
  const at = isoTimestamp(now);
  const lines = state.typedOverTexts.map((found) =>
    toolTextRestored(at, { sheet: found.sheet, cell: found.address, before: foundValue(found), text: found.text }),
  );
  return { ...state, journal: [...state.journal, ...lines] };
}

/** A warning per text written back, at its cell, quoting what the Journal keeps. */
export function restoredTextNotes(state: WorkbookState): Issue[] {
  return state.typedOverTexts.map(({ sheet, address, cell }) =>
    createIssue('tool-text-restored', { sheet, cell: address }, { value: shownCellContent(cell) }),
  );
}
