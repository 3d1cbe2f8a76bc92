import { isoTimestamp } from '../domain/excel-dates';
import { cellJournalValue, fieldSetByTools, textValue, type JournalRecord } from '../domain/journal';
import { quarterLabel } from '../domain/periods';
import { fieldValue } from '../domain/field-values';
import { isBlank } from '../domain/tracking-values';
import type { TrackingField } from '../domain/axis-fields';
import { fieldHeader } from '../layout/sheets/axis/axis-columns';
import type { EnteredCell } from '../layout/entered-values';
import type { WorkbookState } from './workbook-state';

/**
 * « Abandonnée en » kept in step with Statut (docs/WORKBOOK.md, « Abandoned fiches »), by compute and close-quarter: a
 * fiche whose Statut is « Abandonnée » and whose cell is empty gets Q (the quarter it is first seen so); a fiche
 * whose Statut is anything else has its cell emptied. Each change is a Journal line (old → new), so that a
 * quarter typed by hand is never lost. A quarter already there is kept: an officer may have typed the one the
 * action really stopped in. The entered values change, and the figures follow: they are computed from them.
 */

const FIELD = 'abandonedIn' satisfies TrackingField;
const HEADER = fieldHeader(FIELD);

/** The cell's new text (null: emptied), or undefined when it stays as it is. */
function wanted(status: string | null, cell: EnteredCell | undefined, current: string): string | null | undefined {
  const empty = !cell || isBlank(cell.value);
  if (status === 'Abandonnée') return empty ? current : undefined;
  return empty ? undefined : null;
}

export function markAbandonments(
  state: WorkbookState,
  { now, operation }: { now: Date; operation: 'compute' | 'quarter-closing' },
): WorkbookState {
  const current = quarterLabel(state.currentQuarter);
  const entered = new Map(state.entered);
  const journal: JournalRecord[] = [];
  for (const fiche of state.plan.axes.flatMap((axis) => axis.fiches)) {
    const cells = entered.get(fiche.key);
    const before = cells?.get(FIELD);
    const after = wanted(fieldValue('status', cells?.get('status')?.value ?? null), before, current);
    if (after === undefined) continue;
    entered.set(fiche.key, new Map(cells ?? []).set(FIELD, { value: after, isDate: false }));
    journal.push(
      fieldSetByTools(isoTimestamp(now), operation, {
        key: fiche.key,
        field: FIELD,
        header: HEADER,
        before: cellJournalValue(before?.value ?? null, before?.isDate ?? false),
        after: textValue(after ?? ''),
      }),
    );
  }
  return journal.length === 0 ? state : { ...state, entered, journal: [...state.journal, ...journal] };
}
