import { isoTimestamp } from '../domain/excel-dates';
import { cellJournalValue, fieldSetByTools, textValue, type JournalRecord } from '../domain/journal';
import { quarterLabel } from '../domain/periods';
import type { AxisSheetReading, FicheRow } from '../domain/tracking';
import { isBlank } from '../domain/tracking-values';
import { fixedColumns } from '../layout/axis-columns';
import type { EnteredCell } from '../layout/entered-values';
import type { WorkbookState } from './workbook-state';

/**
 * « Abandonnée en » kept in step with Statut (docs/WORKBOOK.md, « Abandoned fiches »), by compute and close-quarter: a
 * fiche whose Statut is « Abandonnée » and whose cell is empty gets Q (the quarter it is first seen so); a fiche
 * whose Statut is anything else has its cell emptied. Each change is a Journal line (old → new), so that a
 * quarter typed by hand is never lost. A quarter already there is kept: an officer may have typed the one the
 * action really stopped in. Both the entered values (what the rewrite writes) and the rows as read (what the
 * figures are computed from) change together.
 */

const FIELD = 'abandonedIn';
const HEADER = fixedColumns.find((column) => column.id === FIELD)!.header;

/** The cell's new text (null: emptied), or undefined when it stays as it is. */
function wanted(fiche: FicheRow, cell: EnteredCell | undefined, current: string): string | null | undefined {
  const empty = !cell || isBlank(cell.value);
  if (fiche.status === 'Abandonnée') return empty ? current : undefined;
  return empty ? undefined : null;
}

export function markAbandonments(
  state: WorkbookState,
  { now, operation }: { now: Date; operation: 'compute' | 'quarter-closing' },
): WorkbookState {
  const current = quarterLabel(state.currentQuarter);
  const entered = new Map(state.entered);
  const journal: JournalRecord[] = [];
  const changed = new Map<string, string | null>();
  for (const row of state.axisSheets.flatMap((sheet) => sheet.rows)) {
    if (row.type !== 'fiche' || row.key === '' || changed.has(row.key)) continue;
    const before = entered.get(row.key)?.get(FIELD);
    const after = wanted(row, before, current);
    if (after === undefined) continue;
    changed.set(row.key, after);
    entered.set(row.key, new Map(entered.get(row.key) ?? []).set(FIELD, { value: after, isDate: false }));
    journal.push(
      fieldSetByTools(isoTimestamp(now), operation, {
        key: row.key,
        field: FIELD,
        header: HEADER,
        before: cellJournalValue(before?.value ?? null, before?.isDate ?? false),
        after: textValue(after ?? ''),
      }),
    );
  }
  if (changed.size === 0) return state;
  const axisSheets: AxisSheetReading[] = state.axisSheets.map((sheet) => ({
    ...sheet,
    rows: sheet.rows.map((row) =>
      row.type === 'fiche' && changed.has(row.key)
        ? { ...row, abandonedIn: changed.get(row.key) === null ? null : state.currentQuarter }
        : row,
    ),
  }));
  return { ...state, entered, axisSheets, journal: [...state.journal, ...journal] };
}
