import { isoTimestamp } from '../domain/excel-dates';
import { createIssue, type Issue } from '../domain/issues';
import { cellJournalValue, copiedTextUpdated, textValue, toolTextRestored } from '../domain/journal';
import { shownCellContent } from '../domain/messages/shown-cell-value';
import type { TypedOverText } from '../layout/typed-over-texts';
import type { WorkbookState } from './workbook-state';

/**
 * The tools' texts typed over in the sheets of fixed shape (the state's `typedOverTexts`): every rewrite writes them
 * back, so what was found there goes to the Journal first, one line each, and the rewrite says so (docs/WORKBOOK.md,
 * « Rewriting a workbook »); validation says so beforehand. A copy of a text of the axis sheets (Annexe 4's axis and
 * fiche titles, porteurs) found differing is said as what it is: the cell now shows what the axis sheets hold, and
 * what it held (an older copy, or a person's typing: they cannot be told apart) is kept, never called typed over.
 */

/** A formula is kept as its text: its result alone would lose it. */
const foundValue = ({ cell }: TypedOverText) =>
  cell.formula === undefined ? cellJournalValue(cell.value, !!cell.isDate) : textValue(`=${cell.formula}`);

/** The state with one Journal line per text typed over, before the lines of the rewrite itself. */
export function withRestoredTextLines(state: WorkbookState, now: Date): WorkbookState {
  if (state.typedOverTexts.length === 0) return state;
  const at = isoTimestamp(now);
  const lines = state.typedOverTexts.map((found) =>
    (found.copied ? copiedTextUpdated : toolTextRestored)(at, {
      sheet: found.sheet,
      cell: found.address,
      before: foundValue(found),
      text: found.text,
    }),
  );
  return { ...state, journal: [...state.journal, ...lines] };
}

/**
 * A warning per text written back, at its cell, quoting what the Journal keeps; `rebuilt`: the workbook was
 * written whole, not patched (a tool's text is part of its sheet's shape: putting one back always is), which
 * resets what a person set by hand around the cells.
 */
export function restoredTextNotes(state: WorkbookState, { rebuilt }: { rebuilt: boolean }): Issue[] {
  return state.typedOverTexts.map(({ sheet, address, cell, text, copied }) =>
    copied
      ? createIssue(
          'copied-text-updated',
          { sheet, cell: address },
          { value: shownCellContent(cell), text, rebuilt: rebuilt ? 1 : 0 },
        )
      : createIssue(
          'tool-text-restored',
          { sheet, cell: address },
          { value: shownCellContent(cell), rebuilt: rebuilt ? 1 : 0 },
        ),
  );
}

/** A validation warning per text typed over or copy differing, at its cell: what the next rewrite writes and journals. */
export function typedOverTextWarnings(typedOver: readonly TypedOverText[]): Issue[] {
  return typedOver.map((found) =>
    found.copied
      ? createIssue(
          'copied-text-outdated',
          { sheet: found.sheet, cell: found.address },
          { value: shownCellContent(found.cell), text: found.text },
        )
      : createIssue(
          'tool-text-typed-over',
          { sheet: found.sheet, cell: found.address },
          { value: shownCellContent(found.cell) },
        ),
  );
}
