import type { ClosedField, ClosedStates } from '../../domain/bilan/bilan-of';
import { fieldValue } from '../../domain/field-values';
import { createIssue, type Issue } from '../../domain/issues';
import type { RawValue } from '../../domain/tracking';
import { fieldOfHeader } from '../../layout/sheets/axis/axis-columns';
import { historyValueCell, type HistoryEntry } from '../../layout/sheets/history/history-sheet';
import { sheetNames } from '../../layout/texts';

/**
 * The states at a period's end as Historique keeps them: the fields a closing copies (docs/WORKBOOK.md,
 * « Historique »).
 */

const CLOSED_FIELDS = new Set<string>(['status', 'progress', 'implementation', 'difficulties', 'comment']);

/** Historique's rows of `quarter` that hold a closing's field, with that field and the entry's index. */
function closedRowsOf(entries: readonly HistoryEntry[], quarter: string) {
  return entries.flatMap((entry, index) => {
    const field = fieldOfHeader(entry.field);
    return entry.quarter === quarter && field && CLOSED_FIELDS.has(field)
      ? [{ entry, index, field: field as ClosedField }]
      : [];
  });
}

/** Historique's rows of `quarter`, by key then field (a header no longer a closing's field is left out). */
export function closedStatesOf(entries: readonly HistoryEntry[], quarter: string): ClosedStates {
  const states = new Map<string, Partial<Record<ClosedField, RawValue>>>();
  for (const { entry, field } of closedRowsOf(entries, quarter)) {
    const row = states.get(entry.key) ?? {};
    row[field] = entry.value.value;
    states.set(entry.key, row);
  }
  return states;
}

const isBlank = (raw: RawValue) => raw === null || (typeof raw === 'string' && raw.trim() === '');

/**
 * A value of `quarter` in Historique that its field cannot hold (a status out of the list, an Avancement that is no
 * whole number from 0 to 100): only a hand can have typed it, since a closing copies values validation accepted.
 * The bilan reads it as blank, as the sheets' reader would; each one is a warning at its cell, so that a fiche is
 * not counted « Sans statut » without a word.
 */
export function unreadableClosedValues(
  history: { entries: readonly HistoryEntry[]; rows: readonly number[] },
  quarter: string,
): Issue[] {
  return closedRowsOf(history.entries, quarter).flatMap(({ entry, index, field }) => {
    const raw = entry.value.value;
    if (isBlank(raw) || fieldValue(field, raw) !== null) return [];
    const row = history.rows[index];
    const cell = row === undefined ? null : historyValueCell(row);
    const where = { sheet: sheetNames.history, cell, rowKey: entry.key };
    return [
      createIssue('bilan-closed-value-unreadable', where, {
        field: entry.field,
        value: String(raw),
        key: entry.key,
        quarter,
      }),
    ];
  });
}
