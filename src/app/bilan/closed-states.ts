import type { ClosedField, ClosedStates } from '../../domain/bilan/bilan-of';
import { fieldValue } from '../../domain/field-values';
import { createIssue, type Issue } from '../../domain/issues';
import type { RawValue } from '../../domain/tracking';
import { fieldOfHeader } from '../../layout/sheets/axis/axis-columns';
import { cellAddress } from '../../layout/a1';
import { historyValueCell, isClosedValue, type HistoryEntry } from '../../layout/sheets/history/history-sheet';
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

/**
 * A row of `quarter` in Historique whose Champ is none of the headers a closing writes: only a hand can have typed
 * it. The bilan cannot place its value, so each one is a warning at that cell, rather than a state missing at the
 * period's end without a word. The row of a closing that copied nothing is none; a row whose key the workbook no
 * longer has is none either (a fiche an amended plan removed keeps its closed rows).
 */
export function unplacedClosedRows(
  history: { entries: readonly HistoryEntry[]; rows: readonly number[] },
  quarter: string,
): Issue[] {
  return history.entries.flatMap((entry, index) => {
    if (entry.quarter !== quarter || !isClosedValue(entry)) return [];
    const field = fieldOfHeader(entry.field);
    if (field !== undefined && CLOSED_FIELDS.has(field)) return [];
    const row = history.rows[index];
    const where = {
      sheet: sheetNames.history,
      cell: row === undefined ? null : cellAddress(row, 3),
      rowKey: entry.key,
    };
    return [createIssue('bilan-closed-row-unreadable', where, { value: entry.field, key: entry.key, quarter })];
  });
}

/** A text as a hand may retype it, its case and spaces aside. */
const loose = (text: string) => text.replace(/\s+/g, '').toUpperCase();

/**
 * A row of Historique whose quarter is `quarter`, or whose key is one of the workbook's (`keys`), written otherwise
 * than a closing writes it (« 2026-t4 », « g1 »): only a hand can have typed it, and the bilan, which reads rows as
 * written, does not read it. Each is a warning at that cell, rather than a state missing at the period's end without
 * a word.
 */
export function misnamedClosedRows(
  history: { entries: readonly HistoryEntry[]; rows: readonly number[] },
  quarter: string,
  keys: ReadonlySet<string>,
): Issue[] {
  const keysRetyped = new Map([...keys].map((key) => [loose(key), key]));
  return history.entries.flatMap((entry, index) => {
    const quarterAsWritten = entry.quarter === quarter;
    if (!quarterAsWritten && loose(entry.quarter) !== loose(quarter)) return [];
    const key = keys.has(entry.key) ? entry.key : keysRetyped.get(loose(entry.key));
    if (key === undefined || (quarterAsWritten && key === entry.key)) return [];
    const [column, value, expected] = quarterAsWritten ? [2, entry.key, key] : [1, entry.quarter, quarter];
    const row = history.rows[index];
    const where = { sheet: sheetNames.history, cell: row === undefined ? null : cellAddress(row, column), rowKey: key };
    return [createIssue('bilan-closed-row-misnamed', where, { value, expected, key, field: entry.field, quarter })];
  });
}
