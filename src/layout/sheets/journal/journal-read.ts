import {
  cellJournalValue,
  emptyValue,
  journalWords,
  textValue,
  type JournalOperation,
  type JournalValue,
  type JournalValueType,
} from '../../../domain/journal';
import { gridCell, type GridCell, type SheetGrid } from '../../../domain/grid';
import type { WorkbookIssue } from '../../../domain/issues';
import { noteLineIssue, recordFormulaIssue, type RecordTableShape } from '../../record-sheet';
import {
  JOURNAL_FIRST_ROW,
  JOURNAL_READABLE_COLUMNS,
  journalColumns,
  operationCodes,
  valueTypeCodes,
  type JournalColumnId,
  type JournalEntry,
} from './journal-columns';
import { journalHeaders } from './journal-headers';

/**
 * The Journal's lines as records, so that a rewritten workbook keeps them and appends its own. Columns are found
 * by their header in row 1 (`journalHeaders`: one of ours not there is an error that refuses every rewrite), so that
 * a column moved by hand is read as its own, and a format 1 Journal (the six readable columns, every value written as
 * text) reads too: its values are texts (`texte`), as they were written, and its operation is told by its « Source ».
 * In the current format, a value is read as its type column says: a date cell's serial number is a date, text is
 * text even when it looks like a number. Empty rows are skipped; a line whose Date is not the tools' timestamp is a
 * person's note, left out with its error (`noteLineIssue`), as in the other record sheets.
 */

const byCode = <T extends string>(codes: Record<T, string>) =>
  new Map<string, T>(Object.entries(codes).map(([id, code]) => [code as string, id as T]));
const operationOfCode = byCode(operationCodes);
export const typeOfCode = byCode(valueTypeCodes);
const operationOfSource = new Map<string, JournalOperation>(
  Object.entries(journalWords.sources)
    .filter(([, source]) => source !== '')
    .map(([operation, source]) => [source, operation as JournalOperation]),
);

/** The grid's columns that are the tools' (1-based), for what a person added beside them. */
export function journalColumnsOfGrid(grid: SheetGrid): number[] {
  return [...journalHeaders(grid).columns.values()];
}

/** The grid's columns of the readable ones (1-based), found by their header: what tells a line apart. */
export function journalIdentityColumnsOfGrid(grid: SheetGrid): number[] {
  const { columns } = journalHeaders(grid);
  return journalColumns.slice(0, JOURNAL_READABLE_COLUMNS).flatMap(({ id }) => columns.get(id) ?? []);
}

const textOf = (found: GridCell | null) => (found?.value === null || !found ? '' : String(found.value));

/** A value as its type column says; without a type (format 1) or when the cell does not hold that type, as read. */
export function valueOf(found: GridCell | null, type: JournalValueType | undefined, typed: boolean): JournalValue {
  const raw = found?.value ?? null;
  if (!typed) return raw === null ? emptyValue : textValue(String(raw));
  if (type === 'text') return raw === null ? emptyValue : textValue(String(raw));
  if (type === 'date' && typeof raw === 'number') return cellJournalValue(raw, true);
  if (type === 'number' && typeof raw === 'number') return cellJournalValue(raw, false);
  if (type === 'empty' && (raw === null || raw === '')) return emptyValue;
  return cellJournalValue(raw, !!found?.isDate);
}

/**
 * The Journal's table in the grid, for a line that is not one of its records: from A to the last of our columns,
 * and at least to L. A rewrite writes ours in A to L and moves a person's column after them, but leaves a cell under
 * the lines where it is: a note in a format 1 Journal's G to L, or in a column a person inserted between ours,
 * would then be under the table, refused by the next rewrite; it is refused now instead (no header there: « après
 * la colonne L »).
 */
function tableOf(columns: Map<JournalColumnId, number>): RecordTableShape {
  const header = new Map<number, string>();
  journalColumns.forEach(({ id, header: ours }) => {
    const column = columns.get(id);
    if (column !== undefined) header.set(column, ours);
  });
  const last = Math.max(journalColumns.length, ...header.keys());
  const table = Array.from({ length: last }, (_, index) => ({
    column: index + 1,
    header: header.get(index + 1) ?? '',
  }));
  return { columns: table, when: { column: columns.get('date') ?? 1, header: journalColumns[0].header } };
}

export interface JournalReading {
  /** The lines of the tools, in sheet order. */
  entries: JournalEntry[];
  /** The lines that are not (a person's notes): errors that refuse every rewrite. */
  issues: WorkbookIssue[];
}

/**
 * `formatVersion`: the workbook's, as `_ctg` stores it, which tells whether the Journal must have the columns after
 * the readable ones; without it, a Journal that has none of them is read as a format 1 one.
 */
export function readJournalSheet(grid: SheetGrid, formatVersion?: number): JournalReading {
  const { columns, missing } = journalHeaders(grid, formatVersion);
  const table = tableOf(columns);
  // The Date column gone: no line can be told a record from a note. Its header's error says what to put back,
  // rather than every line called a note to move away.
  const gone = missing.some(({ id }) => id === 'date');
  const typed = columns.has('oldType') && columns.has('newType');
  const at = (row: number, id: JournalColumnId) => {
    const column = columns.get(id);
    return column === undefined ? null : gridCell(grid, row, column);
  };
  const text = (row: number, id: JournalColumnId) => textOf(at(row, id));
  const orNull = (value: string) => (value === '' ? null : value);
  const entries: JournalEntry[] = [];
  const issues: WorkbookIssue[] = [];
  for (let row = JOURNAL_FIRST_ROW; row <= grid.rows.length; row += 1) {
    if (table.columns.every(({ column }) => textOf(gridCell(grid, row, column)).trim() === '')) continue;
    const note = gone ? null : (noteLineIssue(grid, row, table) ?? recordFormulaIssue(grid, row, table));
    if (note) {
      issues.push(note);
      continue;
    }
    const source = text(row, 'source');
    const operation =
      operationOfCode.get(text(row, 'operation').trim()) ?? operationOfSource.get(source.trim()) ?? 'unknown';
    entries.push({
      at: text(row, 'date'),
      operation,
      source,
      file: orNull(text(row, 'file')),
      partner: orNull(text(row, 'partner')),
      rowKey: orNull(text(row, 'key')),
      field: orNull(text(row, 'field')),
      label: text(row, 'column'),
      before: valueOf(at(row, 'oldValue'), typeOfCode.get(text(row, 'oldType').trim()), typed),
      after: valueOf(at(row, 'newValue'), typeOfCode.get(text(row, 'newType').trim()), typed),
    });
  }
  return { entries, issues: [...missing.map(({ issue }) => issue), ...issues] };
}
