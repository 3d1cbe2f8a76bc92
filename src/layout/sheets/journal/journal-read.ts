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
import { createIssue, type WorkbookIssue } from '../../../domain/issues';
import { cellAddress } from '../../a1';
import { noteLineIssue, recordFormulaIssue, type RecordTableShape } from '../../record-sheet';
import {
  JOURNAL_FIRST_ROW,
  JOURNAL_HEADER_ROW,
  JOURNAL_READABLE_COLUMNS,
  journalColumns,
  operationCodes,
  valueTypeCodes,
  type JournalColumnId,
  type JournalEntry,
} from './journal-columns';

/**
 * The Journal's lines as records, so that a rewritten workbook keeps them and appends its own. Columns are found
 * by their header in row 1, so that a format 1 Journal (the six readable columns, every value written as text)
 * reads too: its values are texts (`texte`), as they were written, and its operation is told by its « Source ».
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

/** The texts of the header row, trimmed. */
const headersOf = (grid: SheetGrid) =>
  (grid.rows[JOURNAL_HEADER_ROW - 1] ?? []).map((found) => String(found?.value ?? '').trim());

/** The column of each of ours in the grid, by its header; a format 1 Journal has the first six only. */
function columnsOf(grid: SheetGrid): Map<JournalColumnId, number> {
  const headers = headersOf(grid);
  const columns = new Map<JournalColumnId, number>();
  journalColumns.forEach((column, index) => {
    const found = headers.indexOf(column.header);
    // A readable header retyped: the column where the tools wrote it. The others are found by header only, so
    // that a column a person added to a format 1 Journal is not taken for one of ours.
    if (found >= 0) columns.set(column.id, found + 1);
    else if (index < JOURNAL_READABLE_COLUMNS) columns.set(column.id, index + 1);
  });
  return columns;
}

/** The grid's columns that are the tools' (1-based), for what a person added beside them. */
export function journalColumnsOfGrid(grid: SheetGrid): number[] {
  return [...columnsOf(grid).values()];
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
 * The Journal's Date column deleted, moved away or cleared by hand: no Date header, and another of our headers in its
 * place, column A, or none there while the others are in row 1. No line can be told a record from a note then: one
 * error at the header, rather than every line called a note to move away. A Date header retyped (« date ») is still
 * read in its place; a blank Journal (one put in the place of one deleted) has no header to miss.
 */
function dateColumnGone(grid: SheetGrid, columns: Map<JournalColumnId, number>): WorkbookIssue | null {
  const at = columns.get('date') ?? 1;
  const header = textOf(gridCell(grid, JOURNAL_HEADER_ROW, at)).trim();
  const date = journalColumns[0].header;
  const ours = (text: string) => journalColumns.some((column) => column.header === text);
  const cleared = header === '' && headersOf(grid).some(ours);
  if (header === date || (!cleared && !ours(header))) return null;
  const where = { sheet: grid.name, cell: cellAddress(JOURNAL_HEADER_ROW, at) };
  return createIssue('record-header-missing', where, { header: date });
}

export function readJournalSheet(grid: SheetGrid): JournalReading {
  const columns = columnsOf(grid);
  const table = tableOf(columns);
  const gone = dateColumnGone(grid, columns);
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
  return { entries, issues: gone ? [gone, ...issues] : issues };
}
