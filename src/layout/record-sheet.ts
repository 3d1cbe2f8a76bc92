import { isIsoTimestamp } from '../domain/excel-dates';
import { gridCell, type GridCell, type SheetGrid } from '../domain/grid';
import { createIssue } from '../domain/issues';
import { type WorkbookIssue } from '../domain/issues';
import { shownCellContent } from '../domain/messages/shown-cell-value';
import { rangeAddress, cellAddress, columnLetters } from './a1';
import type { EnteredCell } from './entered-values';
import { columnsUpTo } from './kept-cells';
import type { KeptCellsRule } from './sheet-registry';
import { cell, emptySheet, setRow, standardProtection } from './sheet-building';
import { DATE_FORMAT, GENERAL_FORMAT, headerStyle, TEXT_FORMAT } from './styles';
import type { SheetSpec } from './workbook-spec';
import { recordHeaderKeys } from './record-headers';
import { headerKey } from './sheets/axis/read-axis-sheet';

/**
 * A sheet of records written only by the tools (`Historique`, `Archives`, `Contributions`): a header row, then one record per row,
 * each value kept as it was (text stays text, a number a number, a date a date). Filterable and protected.
 */

export interface RecordColumn {
  header: string;
  width: number;
  /** The column where the tools write each record's instant (`isoTimestamp`): what tells a record from a note. */
  when?: true;
}

export const RECORD_HEADER_ROW = 1;
export const RECORD_FIRST_ROW = 2;

/** A record's text field as a cell. */
export const textRecordCell = (value: string): EnteredCell => ({ value, isDate: false });

/** A record's text field as read back: trimmed, '' when empty. */
export const recordText = (cell: EnteredCell | undefined): string =>
  cell?.value === null || !cell ? '' : String(cell.value).trim();

function valueStyle(value: EnteredCell) {
  const numFmt = value.isDate ? DATE_FORMAT : typeof value.value === 'string' ? TEXT_FORMAT : GENERAL_FORMAT;
  return { numFmt, wrap: typeof value.value === 'string', vertical: 'top' as const };
}

export function buildRecordSheet(
  name: string,
  columns: readonly RecordColumn[],
  records: readonly (readonly EnteredCell[])[],
): SheetSpec {
  const sheet = emptySheet(name);
  sheet.columns = columns.map((column) => ({ width: column.width }));
  setRow(sheet, RECORD_HEADER_ROW, { cells: columns.map((column) => cell(column.header, headerStyle)) });
  records.forEach((record, index) => {
    setRow(sheet, RECORD_FIRST_ROW + index, {
      cells: columns.map((_, c) => {
        const value = record[c] ?? { value: null, isDate: false };
        return cell(value.value, valueStyle(value));
      }),
    });
  });
  const lastRow = Math.max(RECORD_HEADER_ROW, RECORD_FIRST_ROW + records.length - 1);
  sheet.autoFilter = rangeAddress(RECORD_HEADER_ROW, 1, lastRow, columns.length);
  sheet.freeze = { rows: RECORD_HEADER_ROW, columns: 0 };
  sheet.protection = standardProtection;
  sheet.print = { orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: { first: 1, last: 1 } };
  return sheet;
}

export interface RecordSheetReading {
  records: EnteredCell[][];
  /** The sheet row of each record (empty rows are skipped), for an issue at a record's cell. */
  rows: number[];
  issues: WorkbookIssue[];
}

function rawOf(grid: SheetGrid, row: number, column: number): EnteredCell {
  const found = gridCell(grid, row, column);
  const value = found?.value ?? null;
  return {
    value: typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
    isDate: !!found?.isDate,
  };
}

/** A record sheet's table as a line is checked against it: a column of the grid (1-based) and its tools' header. */
export interface RecordTableColumn {
  column: number;
  header: string;
}

/** Where a record sheet's lines lie: the table's columns, the one of each line's instant, and its last. */
export interface RecordTableShape {
  columns: readonly RecordTableColumn[];
  when: RecordTableColumn;
}

const filled = (cell: GridCell | null): cell is GridCell =>
  cell !== null && (cell.formula !== undefined || (cell.value !== null && cell.value !== ''));

/**
 * A line that holds something in a record sheet (Journal, Historique, Archives, Contributions) is a record when its
 * instant column holds the timestamp the tools write in every line, in every format version (`isIsoTimestamp`);
 * else it is a person's note, typed under or between the lines: an error at its first non-empty cell, which refuses
 * every rewrite, so that the note is neither lost nor read as a record. Null for a record.
 */
export function noteLineIssue(grid: SheetGrid, row: number, table: RecordTableShape): WorkbookIssue | null {
  const whenCell = gridCell(grid, row, table.when.column);
  const when = whenCell?.value;
  if (typeof when === 'string' && isIsoTimestamp(when.trim())) return null;
  const ordered = [...table.columns].sort((a, b) => a.column - b.column);
  // An instant retyped (a date, a text) is what to put back: the error is at it, not at the line's first cell.
  const first = filled(whenCell) ? table.when : ordered.find(({ column }) => filled(gridCell(grid, row, column)));
  const cell = first && gridCell(grid, row, first.column);
  if (!first || !cell) return null;
  return createIssue(
    'record-line-not-a-record',
    { sheet: grid.name, cell: cellAddress(row, first.column) },
    {
      value: shownCellContent(cell),
      whenColumn: columnLetters(table.when.column),
      whenHeader: table.when.header,
      ...pastTheTable(ordered),
    },
  );
}

/**
 * A formula a person typed over a cell of a record (the lines a note is not): the tools write values only there, so a
 * rewrite would put its result in its place. An error at its cell, which refuses every rewrite as a note does. Null
 * when the line holds none.
 */
export function recordFormulaIssue(grid: SheetGrid, row: number, table: RecordTableShape): WorkbookIssue | null {
  const ordered = [...table.columns].sort((a, b) => a.column - b.column);
  const found = ordered.find(({ column }) => gridCell(grid, row, column)?.formula !== undefined);
  const cell = found && gridCell(grid, row, found.column);
  if (!found || !cell) return null;
  return createIssue(
    'record-cell-formula',
    { sheet: grid.name, cell: cellAddress(row, found.column) },
    { formula: shownCellContent(cell), ...pastTheTable(ordered) },
  );
}

/** The last column of a record table, where a person's cells are to go past (the messages' params). */
function pastTheTable(ordered: readonly RecordTableColumn[]): { lastColumn: string; lastHeader: string } {
  const last = ordered[ordered.length - 1];
  return { lastColumn: columnLetters(last.column), lastHeader: last.header };
}

/** The table of a sheet built by `buildRecordSheet`: its columns from A, the first marked `when` its instant's. */
function recordTableOf(columns: readonly RecordColumn[]): RecordTableShape {
  const table = columns.map(({ header }, index) => ({ column: index + 1, header }));
  const when = columns.findIndex((column) => column.when);
  return { columns: table, when: table[when < 0 ? 0 : when] };
}

/** Whether a sheet holds nothing: no value, no formula. */
const isBlankSheet = (grid: SheetGrid) =>
  grid.rows.every((row) =>
    (row ?? []).every((found) => !found || (found.formula === undefined && (found.value ?? '') === '')),
  );

/**
 * The one header of the tools whose column, deleted or moved elsewhere in row 1, puts every other header out of
 * place (those after it, shifted by one): its index, else -1. `found` is row 1's texts, from column A.
 */
function columnDeletedOrMoved(found: readonly (string | null)[], headers: readonly string[]): number {
  return headers.findIndex((header, index) => {
    if (found[index] === header) return false;
    const others = headers.filter((_, other) => other !== index);
    const at = found.indexOf(header);
    const rest = at < 0 ? found : found.filter((_, column) => column !== at);
    return others.every((other, column) => rest[column] === other);
  });
}

/**
 * The one column a person inserted among the tools' (every header of the tools then in its place but for those after
 * it, shifted by one column): its index, else -1. A column after the table's last is no such column: it is kept.
 */
function columnInserted(found: readonly (string | null)[], headers: readonly string[]): number {
  return headers.findIndex(
    (header, index) => found[index] !== header && headers.every((ours, at) => found[at < index ? at : at + 1] === ours),
  );
}

/**
 * The records of a sheet built by `buildRecordSheet`. A header that is not in its place is an error (the records
 * could not be told apart); empty rows are skipped; a line that is not a record is left out with its error
 * (`noteLineIssue`).
 */
export function readRecordSheet(grid: SheetGrid, columns: readonly RecordColumn[]): RecordSheetReading {
  // A sheet with nothing in it (a blank one put in the place of one deleted) holds no record to lose: read as the
  // sheet without lines, its header row written by the next rewrite, as a blank Journal is.
  if (isBlankSheet(grid)) return { records: [], rows: [], issues: [] };
  // Every column from A, an empty one too, so that a header's index is its column's.
  const headerTexts = Array.from(grid.rows[RECORD_HEADER_ROW - 1] ?? [], (found) => String(found?.value ?? '').trim());
  // One column inserted among ours: every header after it is out of place, but it is the one to move away, past the
  // table (where it is kept) or deleted. One error at its header says so; the lines are not read until then. Told
  // before a column moved: the last one moved right past a column of the person's is the same grid, and moving that
  // column away is the fix either way.
  // Headers compared as the axis sheets' are (`headerKey`): a case, an accent or a space retyped is still the header.
  const ourKeys = columns.map((column) => headerKey(column.header));
  const foundKeys = recordHeaderKeys(
    headerTexts,
    columns.map((column) => column.header),
  );
  const inserted = columnInserted(foundKeys, ourKeys);
  if (inserted >= 0) {
    const where = { sheet: grid.name, cell: cellAddress(RECORD_HEADER_ROW, inserted + 1) };
    const params = {
      header: headerTexts[inserted],
      column: columnLetters(inserted + 1),
      lastHeader: columns[columns.length - 1].header,
    };
    return { records: [], rows: [], issues: [createIssue('record-column-inserted', where, params)] };
  }
  // One column deleted or moved: every header after it is out of place, but only its own is to be put back. One
  // error at its place says so; the lines, their cells shifted, are not read until it is back.
  const gone = columnDeletedOrMoved(foundKeys, ourKeys);
  if (gone >= 0) {
    const where = { sheet: grid.name, cell: cellAddress(RECORD_HEADER_ROW, gone + 1) };
    return {
      records: [],
      rows: [],
      issues: [createIssue('record-header-missing', where, { header: columns[gone].header })],
    };
  }
  const issues: WorkbookIssue[] = [];
  columns.forEach((column, index) => {
    if (foundKeys[index] !== ourKeys[index]) {
      const where = { sheet: grid.name, cell: cellAddress(RECORD_HEADER_ROW, index + 1) };
      issues.push(createIssue('record-header-missing', where, { header: column.header }));
    }
  });
  // Not one header in place: a person's sheet under the tools' name (`Archives` before any value was archived), or
  // theirs without its header row. One error says both; its lines are no records to name one by one. Unless all its
  // headers but one are in row 1, shifted: the tools' sheet whose columns were moved about, each header then out of
  // place, to be put back, rather than said to be none of the tools'.
  const inHeaderRow = new Set(foundKeys);
  const shifted = ourKeys.filter((key) => inHeaderRow.has(key)).length >= columns.length - 1;
  if (issues.length === columns.length && columns.length > 1 && !shifted) {
    const where = { sheet: grid.name, cell: cellAddress(RECORD_HEADER_ROW, 1) };
    const headers = columns.map((column) => column.header);
    return {
      records: [],
      rows: [],
      issues: [createIssue('record-header-missing', where, { header: headers[0], headers })],
    };
  }
  const table = recordTableOf(columns);
  // The instant's column deleted, cleared or moved: no line can be told a record from a note, and its header's error
  // says what to put back; calling every line a note to move away would send the officer to empty the sheet, and
  // reading each as a record would call its cells wrong, one by one. None is read until the column is back.
  if (issues.some((issue) => issue.cell === cellAddress(RECORD_HEADER_ROW, table.when.column)))
    return { records: [], rows: [], issues };
  const records: EnteredCell[][] = [];
  const rows: number[] = [];
  for (let row = RECORD_FIRST_ROW; row <= grid.rows.length; row += 1) {
    const record = columns.map((_, index) => rawOf(grid, row, index + 1));
    if (record.every((value) => value.value === null || value.value === '')) continue;
    const note = noteLineIssue(grid, row, table) ?? recordFormulaIssue(grid, row, table);
    if (note) {
      issues.push(note);
      continue;
    }
    records.push(record);
    rows.push(row);
  }
  return { records, rows, issues };
}

/** A record sheet is a table whose every field tells a record apart: a person's columns beside it follow its rows. */
export const recordTableRule: KeptCellsRule = {
  kind: 'table',
  rows: 'appended',
  specTable: (sheet) => ({
    headerRow: RECORD_HEADER_ROW,
    width: sheet.columns.length,
    identityColumns: columnsUpTo(sheet.columns.length),
  }),
  gridTable: (_grid, { built }) => {
    const ours = columnsUpTo(built.width);
    return { headerRow: RECORD_HEADER_ROW, ours: new Set(ours), identityColumns: ours };
  },
};
