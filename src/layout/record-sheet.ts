import { gridCell, type SheetGrid } from '../domain/grid';
import { createIssue } from '../domain/issues';
import { type WorkbookIssue } from '../domain/issues';
import { rangeAddress, cellAddress } from './a1';
import type { EnteredCell } from './entered-values';
import { columnsUpTo } from './kept-cells';
import type { KeptCellsRule } from './sheet-registry';
import { cell, emptySheet, setRow, standardProtection } from './sheet-building';
import { DATE_FORMAT, GENERAL_FORMAT, headerStyle, TEXT_FORMAT } from './styles';
import type { SheetSpec } from './workbook-spec';

/**
 * A sheet of records written only by the tools (`Historique`, `Archives`, `Contributions`): a header row, then one record per row,
 * each value kept as it was (text stays text, a number a number, a date a date). Filterable and protected.
 */

export interface RecordColumn {
  header: string;
  width: number;
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

/**
 * The records of a sheet built by `buildRecordSheet`. A header that is not in its place is an error (the records
 * could not be told apart); empty rows are skipped.
 */
export function readRecordSheet(grid: SheetGrid, columns: readonly RecordColumn[]): RecordSheetReading {
  const issues: WorkbookIssue[] = [];
  columns.forEach((column, index) => {
    const found = gridCell(grid, RECORD_HEADER_ROW, index + 1)?.value;
    if (String(found ?? '').trim() !== column.header) {
      const where = { sheet: grid.name, cell: cellAddress(RECORD_HEADER_ROW, index + 1) };
      issues.push(createIssue('record-header-missing', where, { header: column.header }));
    }
  });
  const records: EnteredCell[][] = [];
  const rows: number[] = [];
  for (let row = RECORD_FIRST_ROW; row <= grid.rows.length; row += 1) {
    const record = columns.map((_, index) => rawOf(grid, row, index + 1));
    if (record.every((value) => value.value === null || value.value === '')) continue;
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
