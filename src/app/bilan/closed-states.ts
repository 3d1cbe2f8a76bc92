import type { ClosedField, ClosedStates } from '../../domain/bilan/bilan-of';
import { fieldValue } from '../../domain/field-values';
import { parseQuarterLabel, quarterLabel } from '../../domain/periods';
import { createIssue, type Issue, type IssueParams } from '../../domain/issues';
import type { RawValue } from '../../domain/tracking';
import { isNumberAsText } from '../../domain/tracking-values';
import { fieldOfHeader } from '../../layout/sheets/axis/axis-columns';
import { cellAddress } from '../../layout/a1';
import { sameWords } from '../../layout/same-words';
import { historyValueCell, isNothingEnteredRow, type HistoryEntry } from '../../layout/sheets/history/history-sheet';
import { sheetNames } from '../../layout/texts';

/**
 * The states at a period's end as Historique keeps them: the fields a closing copies (docs/WORKBOOK.md,
 * « Historique »).
 */

const CLOSED_FIELDS = new Set<string>(['status', 'progress', 'implementation', 'difficulties', 'comment']);

/** A row whose key was emptied (cells merged by hand): its value is no fiche's or criterion's that the bilan knows. */
const isKeyless = (entry: HistoryEntry) => entry.key.trim() === '';

/**
 * Historique's rows of `quarter` that hold a closing's field, with that field and the entry's index; a row without a
 * key is none (`unplacedClosedRows` names it), nor a copy of another such row.
 */
function closedRowsOf(entries: readonly HistoryEntry[], quarter: string) {
  return entries.flatMap((entry, index) => {
    const field = fieldOfHeader(entry.field);
    return entry.quarter === quarter && !isKeyless(entry) && field && CLOSED_FIELDS.has(field)
      ? [{ entry, index, field: field as ClosedField }]
      : [];
  });
}

type ClosedRow = ReturnType<typeof closedRowsOf>[number];

/** The address of a cell of Historique's `index`th entry (`cellOf` its sheet row), null when its row is not known. */
function historyCellOf(
  history: { rows: readonly number[] },
  index: number,
  cellOf: (row: number) => string,
): string | null {
  const row = history.rows[index];
  return row === undefined ? null : cellOf(row);
}

/**
 * Historique's rows of `quarter` grouped by key and field, in sheet order: a closing writes one row for each, so a
 * group of more than one holds copies typed by hand.
 */
function closedRowCopies(entries: readonly HistoryEntry[], quarter: string): ClosedRow[][] {
  const groups = new Map<string, ClosedRow[]>();
  for (const row of closedRowsOf(entries, quarter)) {
    const id = `${row.entry.key}\u0000${row.field}`;
    groups.set(id, [...(groups.get(id) ?? []), row]);
  }
  return [...groups.values()];
}

/**
 * How a closed value reads, by its field's kind; one its field cannot hold, as it was typed. A text by its words
 * (`sameWords`): copies that differ by spaces no one sees (one at the end, a non-breaking one, two for one) are one
 * value, as the tools' texts are.
 */
function readingOf({ entry, field }: ClosedRow): unknown {
  const read: unknown = fieldValue(field, entry.value.value);
  if (read === null || read === undefined) return `typed:${sameWords(String(entry.value.value ?? ''))}`;
  return typeof read === 'string' ? sameWords(read) : read;
}

/** Copies that do not all read the same: which one the closing wrote cannot be known. */
const disagree = (copies: readonly ClosedRow[]) => copies.some((copy) => readingOf(copy) !== readingOf(copies[0]));

const isBlank = (raw: RawValue) => raw === null || (typeof raw === 'string' && raw.trim() === '');

/**
 * A value its field cannot hold (a text « 60 » in Avancement (%)), or none (a cell emptied, or merged with the one
 * above it): a hand made it, as a closing copies neither.
 */
const isUnreadable = ({ entry, field }: ClosedRow) =>
  isBlank(entry.value.value) || fieldValue(field, entry.value.value) === null;

/**
 * Of a key's field's copies, those the closing may have written: all but those its field cannot hold
 * (`unreadableClosedValues` names them), unless none is left.
 */
function closingCandidates(copies: readonly ClosedRow[]): readonly ClosedRow[] {
  const readable = copies.filter((copy) => !isUnreadable(copy));
  return readable.length > 0 ? readable : copies;
}

/**
 * Historique's rows of `quarter`, by key then field (a header no longer a closing's field is left out). A field given
 * twice with values that read differently is read as blank: the bilan does not choose one (`duplicateClosedRows`).
 */
export function closedStatesOf(entries: readonly HistoryEntry[], quarter: string): ClosedStates {
  const states = new Map<string, Partial<Record<ClosedField, RawValue>>>();
  for (const copies of closedRowCopies(entries, quarter).map(closingCandidates)) {
    const { entry, field } = copies[0];
    const row = states.get(entry.key) ?? {};
    row[field] = disagree(copies) ? null : entry.value.value;
    states.set(entry.key, row);
  }
  return states;
}

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
  const cellOf = (index: number) => historyCellOf(history, index, historyValueCell);
  return closedRowCopies(history.entries, quarter).flatMap((copies) => {
    // A copy the bilan reads instead, when the field is given again with a value it can hold.
    const read = copies.find((copy) => !isUnreadable(copy));
    return copies.filter(isUnreadable).map(({ entry, index, field }) => {
      const where = { sheet: sheetNames.history, cell: cellOf(index), rowKey: entry.key };
      return createIssue('bilan-closed-value-unreadable', where, {
        field: entry.field,
        value: String(entry.value.value ?? ''),
        key: entry.key,
        quarter,
        asText: field === 'progress' && isNumberAsText(entry.value.value) ? 1 : 0,
        ...(read ? { otherCell: cellOf(read.index), other: shownValue(read) } : {}),
      });
    });
  });
}

/**
 * A row of `quarter` in Historique whose Champ is none of the headers a closing writes, or whose Clé is empty (a cell
 * emptied, or cells merged by hand, which keep the first one's value only; its Champ too, at times): only a hand can
 * have made it. The bilan
 * cannot place its value, so each one is a warning at that cell, rather than a state missing at the period's end
 * without a word. The row of a closing that copied nothing is none; a row whose key the workbook no longer has is
 * none either (a fiche an amended plan removed keeps its closed rows).
 */
export function unplacedClosedRows(
  history: { entries: readonly HistoryEntry[]; rows: readonly number[] },
  quarter: string,
): Issue[] {
  return history.entries.flatMap((entry, index) => {
    if (entry.quarter !== quarter || isNothingEnteredRow(entry)) return [];
    const field = fieldOfHeader(entry.field);
    const closing = field !== undefined && CLOSED_FIELDS.has(field);
    const row = history.rows[index];
    if (isKeyless(entry)) {
      const where = { sheet: sheetNames.history, cell: row === undefined ? null : cellAddress(row, 2), rowKey: null };
      const value = String((closing ? fieldValue(field, entry.value.value) : null) ?? entry.value.value ?? '');
      return [createIssue('bilan-closed-row-unreadable', where, { keyless: 1, field: entry.field, value, quarter })];
    }
    if (closing) return [];
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

/** A closed value as a message quotes it: as its field reads it, else as typed. */
function shownValue({ entry, field }: ClosedRow): string {
  const read: unknown = fieldValue(field, entry.value.value);
  return String(read ?? entry.value.value ?? '');
}

/**
 * The second and later rows of `quarter` in Historique that give a key's field again (a row copied by hand): one
 * that reads as the first is a warning at its `Valeur` cell, the bilan losing nothing by it
 * (`bilan-closed-row-duplicate`); when the copies read differently, the bilan reads none of them, as it cannot know
 * which one the closing wrote, and each copy that differs from the first is a warning naming both cells
 * (`bilan-closed-row-conflict`), rather than one value winning without a word.
 */
export function duplicateClosedRows(
  history: { entries: readonly HistoryEntry[]; rows: readonly number[] },
  quarter: string,
): Issue[] {
  const cellOf = (index: number) => historyCellOf(history, index, historyValueCell);
  return closedRowCopies(history.entries, quarter).flatMap((copies) => {
    // A copy its field cannot hold is named by `unreadableClosedValues`, with the copy read instead; an empty one,
    // never a closing's, is no copy of another either.
    const candidates = closingCandidates(copies).filter(({ entry }) => !isBlank(entry.value.value));
    const [first, ...others] = candidates;
    // A copy that reads as the first is read once only when no other copy disagrees: else the field is blank.
    const blank = disagree(candidates) ? 1 : 0;
    return others.map((copy) => {
      const where = { sheet: sheetNames.history, cell: cellOf(copy.index), rowKey: copy.entry.key };
      const names = { key: copy.entry.key, field: copy.entry.field, quarter };
      return readingOf(copy) === readingOf(first)
        ? createIssue('bilan-closed-row-duplicate', where, {
            ...names,
            row: history.rows[first.index] ?? null,
            value: shownValue(first),
            blank,
          })
        : createIssue('bilan-closed-row-conflict', where, {
            ...names,
            value: String(copy.entry.value.value ?? ''),
            otherCell: cellOf(first.index),
            other: String(first.entry.value.value ?? ''),
          });
    });
  });
}

/**
 * A row of Historique whose quarter is none of the convention's (`quarters`), in any case or spacing (« 2026-T5 »,
 * « T3 », a quarter after its end): only a hand can have typed it, since a closing writes the current quarter, and
 * no bilan reads it. Each is a warning at its `Trimestre` cell, rather than a state lost without a word.
 */
export function unknownQuarterRows(
  history: { entries: readonly HistoryEntry[]; rows: readonly number[] },
  quarters: readonly string[],
): Issue[] {
  const known = new Set(quarters.map(loose));
  const [first, last] = [quarters[0], quarters[quarters.length - 1]];
  const cellOf = (index: number) => historyCellOf(history, index, (row) => cellAddress(row, 1));
  // A quarter written as a closing writes it may be one a change of the convention's period took out, with all the
  // rows of its closing: right as they are, named once, with how many they are.
  const outOfPeriod = new Map<string, number[]>();
  const typos = history.entries.flatMap((entry, index) => {
    if (known.has(loose(entry.quarter))) return [];
    const quarter = parseQuarterLabel(entry.quarter);
    if (quarter !== null && quarterLabel(quarter) === entry.quarter) {
      outOfPeriod.set(entry.quarter, [...(outOfPeriod.get(entry.quarter) ?? []), index]);
      return [];
    }
    const where = { sheet: sheetNames.history, cell: cellOf(index), rowKey: entry.key || null };
    const names = { value: entry.quarter, key: entry.key, field: entry.field, first, last };
    return [createIssue('bilan-closed-quarter-unknown', where, names)];
  });
  const periodChanged = [...outOfPeriod].map(([value, indexes]) => {
    const entry = history.entries[indexes[0]];
    const where = { sheet: sheetNames.history, cell: cellOf(indexes[0]), rowKey: entry.key || null };
    const lastRow = history.rows[indexes[indexes.length - 1]] ?? null;
    const names: IssueParams =
      indexes.length === 1 ? { key: entry.key, field: entry.field } : { count: indexes.length, lastRow };
    return createIssue('bilan-closed-quarter-unknown', where, { value, first, last, outOfPeriod: 1, ...names });
  });
  return [...typos, ...periodChanged];
}
