import type { SheetGrid, GridCell } from '../../../domain/grid';
import { createIssue, type Issue } from '../../../domain/issues';
import type { Quarter } from '../../../domain/periods';
import { quarterLabel } from '../../../domain/periods';
import {
  criterionKindOfRowType,
  rowTypeOfKey,
  type AxisSheetReading,
  type CriterionRow,
  type RawValue,
  type TrackingCell,
  type TrackingField,
  type TrackingRow,
} from '../../../domain/tracking';
import { criterionValuesOf, ficheValuesOf } from '../../../domain/field-values';
import { isBlank, quarterValue, textValue } from '../../../domain/tracking-values';
import type { RowType } from '../../../domain/vocabulary';
import { matchListValue, rowTypes } from '../../../domain/vocabulary';
import { cellAddress, columnLetters } from '../../a1';
import { memoizeText } from '../../../domain/memo-text';
import { shownCellValue } from '../../../domain/messages/shown-cell-value';
import { axisSheetName, axisTexts, isAxisSheetTitle } from '../../texts';
import {
  AxisCell,
  AxisQuarterCells,
  cellAt,
  rawOf,
  wellFormedCell,
  type MappedColumn,
  type SheetQuarterColumns,
} from './axis-cell';
import { axisColumns, KEY_HEADER, type AxisColumn, type ColumnId } from './axis-columns';
import { isColumnOfFormat } from './axis-columns-by-format';
import { CTG_FORMAT_VERSION } from '../ctg-meta/ctg-meta-layout';

/**
 * An axis sheet's grid → tracking rows + the issues of its shape (docs/WORKBOOK.md, « Axis sheets »). The header row is
 * the row holding a `Clé` cell, wherever it is; columns are found by their header text, so a moved column still
 * reads. Never throws: whatever the grid holds, it gives rows and issues.
 */

export interface AxisSheetRead {
  reading: AxisSheetReading;
  issues: Issue[];
}

// Every column id but `quarter` is a tracking field: the compiler checks the two lists stay in step.
type FieldColumnId = Exclude<ColumnId, 'quarter'>;
const fieldOf = (id: FieldColumnId): TrackingField => id;

/**
 * Header text compared without case, accents, spacing or the kind of apostrophe: a table pasted from an e-mail or
 * retyped by a partner (`CLE`, `2026 - T2`, `Regle d’agregation`) still finds its columns. No two headers of the
 * layout differ only so.
 */
export const headerKey = memoizeText((text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2019\u2018`´]/g, "'")
    .replace(/[\s\u00a0\u202f-]+/g, '')
    .toLocaleLowerCase('fr')
    .replace(/œ/g, 'oe'),
);

/** A cell's value as header text, trimmed; empty for none. */
export function cellText(cell: GridCell | null | undefined): string {
  const value = cell?.value;
  return value === null || value === undefined ? '' : String(value).trim();
}

function findHeaderRow(grid: SheetGrid): number | null {
  const wanted = headerKey(KEY_HEADER);
  for (let r = 0; r < grid.rows.length; r += 1) {
    const row = grid.rows[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c += 1) if (headerKey(cellText(cellAt(grid, r, c))) === wanted) return r;
  }
  return null;
}

function mapColumns(
  grid: SheetGrid,
  headerIndex: number,
  quarters: readonly Quarter[],
  writtenVersion: number,
  issues: Issue[],
): MappedColumn[] {
  const sheet = grid.name;
  const expected = axisColumns(quarters);
  const byHeader = new Map(expected.map((column) => [headerKey(column.header), column]));
  const found = new Map<AxisColumn, number>();
  const row = grid.rows[headerIndex];
  const width = Array.isArray(row) ? row.length : 0;
  for (let c = 0; c < width; c += 1) {
    const text = cellText(cellAt(grid, headerIndex, c));
    if (text === '') continue;
    const location = { sheet, cell: cellAddress(headerIndex + 1, c + 1), rowKey: null };
    const column = byHeader.get(headerKey(text));
    if (!column) issues.push(createIssue('unknown-column', location, { header: text }));
    else if (found.has(column)) issues.push(createIssue('duplicate-column', location, { header: column.header }));
    else found.set(column, c);
  }
  for (const column of expected) {
    if (!found.has(column) && isColumnOfFormat(column, writtenVersion)) {
      issues.push(createIssue('missing-column', { sheet, cell: null, rowKey: null }, { header: column.header }));
    }
  }
  return expected
    .filter((column) => found.has(column))
    .map((column) => ({
      column,
      index: found.get(column)!,
      quarterLabel: column.id === 'quarter' && column.quarter ? quarterLabel(column.quarter) : null,
      letters: columnLetters(found.get(column)! + 1),
    }));
}

/** The row's type: its key says it (keys are the stored truth), else its Type cell. */
function rowTypeOf(key: string, typeText: string): RowType | null {
  return rowTypeOfKey(key) ?? matchListValue(rowTypes, typeText);
}

/** Whether a row of a type uses a column: Clé and Type always, the others by the column (grey otherwise). */
export function usesColumn(type: RowType | null, column: AxisColumn): boolean {
  if (column.id === 'key' || column.id === 'type') return true;
  if (type === null) return false;
  return type === 'Fiche' ? column.usedByFiche : column.usedByCriterion;
}

/**
 * A value in a cell the row's type does not use (shown grey) is read nowhere, so a rewrite would erase it: an
 * error at the cell, so that nothing is rewritten until the person moves or deletes it.
 */
function pushGreyCellIssues(sheetRows: SheetRows, rowIndex: number, key: string, type: RowType, issues: Issue[]): void {
  const { grid, columns, raws } = sheetRows;
  for (const index of sheetRows.greyColumns[type]) {
    const mapped = columns[index];
    const raw = raws[index];
    const cell = cellAt(grid, rowIndex, mapped.index);
    if (isBlank(raw) && cell?.isError !== true) continue;
    // Quoted as the person sees it (a date as 01/01/2026, not the serial number the file stores).
    const value = raw === null ? '' : shownCellValue({ ...cell, value: raw });
    issues.push(
      createIssue(
        'grey-cell-value',
        { sheet: grid.name, cell: cellAddress(rowIndex + 1, mapped.index + 1), rowKey: key || null },
        { header: mapped.column.header, rowType: type, value },
      ),
    );
  }
}

/**
 * Empty records with the keys a row of each type fills, in the order it fills them. V8 keeps a record given more
 * than a dozen keys one by one as a hash table, several times its size; a copy of one made whole is compact.
 */
interface RowRecords {
  cells: Record<RowType | 'none', object>;
  /** A criterion's values, by quarter label. */
  quarters: object;
}

/** A fresh copy of one of `RowRecords`' records, to be filled with values of `T`. */
const recordOf = <T>(template: object): T => ({ ...template }) as unknown as T;

/** The records of `fieldColumns`' fields and of `quarterIndexes`' labels (`SheetRows`). */
function rowRecords(
  columns: readonly MappedColumn[],
  fieldColumns: Record<RowType | 'none', number[]>,
  quarterIndexes: readonly number[],
): RowRecords {
  const recordWith = (keys: readonly string[]) => {
    const record: Record<string, undefined> = {};
    for (const key of keys) record[key] = undefined;
    return record;
  };
  const cellsOf = (type: RowType | 'none') => recordWith(fieldColumns[type].map((index) => columns[index].column.id));
  const quarters = recordWith(quarterIndexes.map((index) => columns[index].quarterLabel!));
  return {
    cells: {
      Fiche: cellsOf('Fiche'),
      Quantitatif: cellsOf('Quantitatif'),
      Qualitatif: cellsOf('Qualitatif'),
      none: cellsOf('none'),
    },
    quarters,
  };
}

/** What every row of a sheet reads alike, worked out once for the sheet. */
interface SheetRows {
  grid: SheetGrid;
  columns: readonly MappedColumn[];
  records: RowRecords;
  /** Where the key and the type are among `columns` (-1: the column is missing). */
  keyIndex: number;
  typeIndex: number;
  /** The values of the row being read, by column: one array for the sheet, filled again for each row. */
  raws: RawValue[];
  /** Whether a value in each of `columns` makes its row data (a formula column alone does not). */
  dataColumns: boolean[];
  quarterColumns: SheetQuarterColumns;
  /** Where among `columns` are the field columns each row type uses (`none`: a row of no known type). */
  fieldColumns: Record<RowType | 'none', number[]>;
  /** Where among `columns` are the quarter columns, whose values a criterion row reads. */
  quarterIndexes: number[];
  /** Where among `columns` are the columns each row type leaves grey (unused): a few of the sheet's dozens. */
  greyColumns: Record<RowType, number[]>;
}

function sheetRowsOf(grid: SheetGrid, columns: readonly MappedColumn[]): SheetRows {
  const indexOf = (id: ColumnId) => columns.findIndex(({ column }) => column.id === id);
  const indexesWhere = (keep: (mapped: MappedColumn) => boolean) => {
    const indexes: number[] = [];
    for (let index = 0; index < columns.length; index++) if (keep(columns[index])) indexes.push(index);
    return indexes;
  };
  const raws = columns.map(() => null);
  const byLabel = new Map<string, MappedColumn>();
  for (const mapped of columns) if (mapped.quarterLabel !== null) byLabel.set(mapped.quarterLabel, mapped);
  const quarterColumns = { labels: [...byLabel.keys()], byLabel, columns: [...byLabel.values()] };
  const fieldsOf = (type: RowType | null) =>
    indexesWhere(({ column }) => column.id !== 'quarter' && usesColumn(type, column));
  const greyOf = (type: RowType) => indexesWhere(({ column }) => !usesColumn(type, column));
  const fieldColumns = {
    Fiche: fieldsOf('Fiche'),
    Quantitatif: fieldsOf('Quantitatif'),
    Qualitatif: fieldsOf('Qualitatif'),
    none: fieldsOf(null),
  };
  const quarterIndexes = indexesWhere(({ column, quarterLabel: label }) => column.id === 'quarter' && label !== null);
  return {
    grid,
    columns,
    records: rowRecords(columns, fieldColumns, quarterIndexes),
    keyIndex: indexOf('key'),
    typeIndex: indexOf('type'),
    raws,
    dataColumns: columns.map(({ column }) => column.kind !== 'rate'),
    quarterColumns,
    fieldColumns,
    quarterIndexes,
    greyColumns: { Fiche: greyOf('Fiche'), Quantitatif: greyOf('Quantitatif'), Qualitatif: greyOf('Qualitatif') },
  };
}

function readRow(
  sheetRows: SheetRows,
  rowIndex: number,
  quarters: readonly Quarter[],
  issues: Issue[],
): TrackingRow | null {
  const { grid, columns, records, raws, dataColumns } = sheetRows;
  const gridRow: unknown = grid.rows[rowIndex];
  if (!Array.isArray(gridRow)) return null;
  // Every cell of every sheet passes here: its value first, a TrackingCell only for a field column the row's type
  // uses (a fiche row leaves the quarters, a criterion row the fiche's fields; quarter cells are made when asked).
  // A row is data when something a person or the plan wrote is there; formula columns alone do not count.
  let data = false;
  for (let index = 0; index < columns.length; index++) {
    const raw = rawOf(wellFormedCell(gridRow[columns[index].index]));
    raws[index] = raw;
    if (!data && dataColumns[index] && !isBlank(raw)) data = true;
  }
  if (!data) return null;
  const { keyIndex, typeIndex } = sheetRows;
  const key = textValue(keyIndex < 0 ? null : raws[keyIndex]);
  const typeText = textValue(typeIndex < 0 ? null : raws[typeIndex]);
  const type = rowTypeOf(key, typeText);
  if (type !== null) pushGreyCellIssues(sheetRows, rowIndex, key, type, issues);
  const cells = recordOf<Partial<Record<TrackingField, TrackingCell>>>(records.cells[type ?? 'none']);
  const row = rowIndex + 1;
  const fieldColumns = sheetRows.fieldColumns[type ?? 'none'];
  for (let k = 0; k < fieldColumns.length; k++) {
    const mapped = columns[fieldColumns[k]];
    cells[fieldOf(mapped.column.id as FieldColumnId)] = new AxisCell(
      mapped,
      row,
      wellFormedCell(gridRow[mapped.index]),
    );
  }
  const sheet = grid.name;
  // The row's values are the field table's fields of its type, each read by its kind (src/domain/field-values.ts).
  const raw = (field: TrackingField): RawValue => cells[field]?.raw ?? null;
  // One spread per row literal: V8 builds `{ ...a, x, ...b }` through a slow path that allocates ten times the row.
  if (type === 'Fiche') return { sheet, row, key, typeText, cells, type: 'fiche', ...ficheValuesOf(raw, quarters) };
  const kind = type === null ? null : criterionKindOfRowType(type);
  if (kind === null)
    return { sheet, row, key, typeText, cells, type: 'unknown', heldCells: heldCells(sheetRows, row, gridRow) };
  // A criterion's quarter values are read from the values already taken; its quarter cells are made only when
  // asked (AxisQuarterCells).
  const values = recordOf<CriterionRow['values']>(records.quarters);
  const { quarterIndexes } = sheetRows;
  for (let k = 0; k < quarterIndexes.length; k++) {
    const index = quarterIndexes[k];
    values[columns[index].quarterLabel!] = quarterValue(kind, raws[index]);
  }
  const fields = criterionValuesOf(raw, quarters);
  const quarterCells = new AxisQuarterCells(sheetRows.quarterColumns, grid, rowIndex);
  return { sheet, row, key, typeText, cells, type: 'criterion', kind, ...fields, values, quarterCells };
}

/** The cells of a row of no type where something is written, a formula included: a note typed in the table, say. */
function heldCells({ columns, raws }: SheetRows, row: number, gridRow: readonly unknown[]): TrackingCell[] {
  const held: TrackingCell[] = [];
  for (let index = 0; index < columns.length; index++) {
    const cell = wellFormedCell(gridRow[columns[index].index]);
    if (!isBlank(raws[index]) || cell?.formula !== undefined) held.push(new AxisCell(columns[index], row, cell));
  }
  return held;
}

/** The text of a grid row's cell in one of `columns` (empty when the sheet lacks that column: index -1). */
function textAt({ grid, columns }: SheetRows, rowIndex: number, index: number): string {
  return index < 0 ? '' : textValue(rawOf(cellAt(grid, rowIndex, columns[index].index)));
}

/**
 * Whether a grid row is one the tools wrote: a key of the accepted shape and the Type its suffix gives, as they
 * write both (either alone when the sheet lacks the other's column). A note that only looks like a key (`T4`), or
 * only holds a row type, is not.
 */
function isToolsRow(sheetRows: SheetRows, rowIndex: number): boolean {
  const { keyIndex, typeIndex } = sheetRows;
  const keyType = rowTypeOfKey(textAt(sheetRows, rowIndex, keyIndex));
  const cellType = matchListValue(rowTypes, textAt(sheetRows, rowIndex, typeIndex));
  if (keyIndex < 0) return cellType !== null;
  if (typeIndex < 0) return keyType !== null;
  return keyType !== null && keyType === cellType;
}

/** The texts the tools write above the table, in its key column: the hints, upper case as a key is read. */
const toolsHints = new Set([axisTexts.hint, ...axisTexts.formerHints].map((text) => text.toUpperCase()));

/**
 * Whether a grid row holds only the sheet's title or hint in the key column: the tools' texts from above the table,
 * which a sort of the whole sheet moves among the rows; not a row of an unknown key.
 */
function isSheetTextRow(sheetRows: SheetRows, rowIndex: number): boolean {
  const { grid, columns, keyIndex } = sheetRows;
  const text = textAt(sheetRows, rowIndex, keyIndex);
  if (!isAxisSheetTitle(text) && !toolsHints.has(text.toUpperCase())) return false;
  return columns.every((mapped, index) => index === keyIndex || isBlank(rawOf(cellAt(grid, rowIndex, mapped.index))));
}

/**
 * The 0-based grid row of the table's last row the tools wrote (`isToolsRow`), `headerIndex` when there is none:
 * empty rows inserted in the table are read past. Below it, after an empty row, cells are notes (docs/WORKBOOK.md,
 * « Axis sheets »); a filled row right under it is read, a row added by hand.
 */
function lastToolsRow(sheetRows: SheetRows, headerIndex: number): number {
  for (let r = sheetRows.grid.rows.length - 1; r > headerIndex; r -= 1) if (isToolsRow(sheetRows, r)) return r;
  return headerIndex;
}

/** Whether a grid row holds, in the table's columns, what a person or the plan wrote (formula columns do not count). */
function holdsData({ grid, columns, dataColumns }: SheetRows, rowIndex: number): boolean {
  return columns.some((mapped, index) => dataColumns[index] && !isBlank(rawOf(cellAt(grid, rowIndex, mapped.index))));
}

/**
 * The 0-based grid row where the table ends: its last row of a known type, then the filled rows right under it
 * (rows added by hand, read so that validation names them). What is under the first empty row after that is notes.
 */
function tableEnd(sheetRows: SheetRows, headerIndex: number): number {
  let end = lastToolsRow(sheetRows, headerIndex);
  while (end + 1 < sheetRows.grid.rows.length && holdsData(sheetRows, end + 1)) end += 1;
  return end;
}

/**
 * The notes under the table's end (`end`, 0-based) that look like a row — a key's shape in the key column, else a
 * row type in the Type column —: read as notes, each with a warning saying how to make it a row if it is one.
 */
function noteLikeRowIssues(sheetRows: SheetRows, end: number): Issue[] {
  const { grid, columns, keyIndex, typeIndex } = sheetRows;
  const issues: Issue[] = [];
  for (let r = end + 1; r < grid.rows.length; r += 1) {
    const key = textAt(sheetRows, r, keyIndex);
    const type = textAt(sheetRows, r, typeIndex);
    const looksLike = rowTypeOfKey(key) !== null ? 'key' : matchListValue(rowTypes, type) !== null ? 'type' : null;
    if (looksLike === null) continue;
    const index = looksLike === 'key' ? keyIndex : typeIndex;
    const cell = cellAddress(r + 1, columns[index].index + 1);
    const value = looksLike === 'key' ? key : type;
    issues.push(createIssue('note-like-row', { sheet: grid.name, cell, rowKey: null }, { value, looksLike }));
  }
  return issues;
}

/**
 * Reads the axis sheet `grid` (sheet `Axe <axis>`) of a convention whose quarters are `quarters`, in a workbook
 * written in format `writtenVersion` (a column added by a later format is not missing there), down to the table's
 * end (`tableEnd`), or to the grid's (`wholeGrid`: a partner's return, where every row is what the partner sent,
 * those the tools wrote above the header row too, but the sheet's title and hint a sort moved under it).
 */
export function readAxisSheet(
  grid: SheetGrid,
  axis: number,
  quarters: readonly Quarter[],
  writtenVersion: number = CTG_FORMAT_VERSION,
  { wholeGrid = false }: { wholeGrid?: boolean } = {},
): AxisSheetRead {
  const issues: Issue[] = [];
  const rows: TrackingRow[] = [];
  const headerIndex = findHeaderRow(grid);
  if (headerIndex === null) {
    issues.push(createIssue('missing-header-row', { sheet: grid.name, cell: null, rowKey: null }, {}));
    return { reading: { sheet: grid.name, axis, headerRow: null, rows }, issues };
  }
  const shared = sheetRowsOf(grid, mapColumns(grid, headerIndex, quarters, writtenVersion, issues));
  const end = wholeGrid ? grid.rows.length - 1 : tableEnd(shared, headerIndex);
  // A return sorted with its header row among the rows (the whole sheet selected) has rows the tools wrote above
  // that row: each is what the partner sent, read by its key rather than passed over as a note above the table.
  for (let r = 0; wholeGrid && r < headerIndex; r += 1) {
    const row = isToolsRow(shared, r) ? readRow(shared, r, quarters, issues) : null;
    if (row) rows.push(row);
  }
  for (let r = headerIndex + 1; r <= end; r += 1) {
    const row = wholeGrid && isSheetTextRow(shared, r) ? null : readRow(shared, r, quarters, issues);
    if (row) rows.push(row);
  }
  issues.push(...noteLikeRowIssues(shared, end));
  return { reading: { sheet: grid.name, axis, headerRow: headerIndex + 1, rows }, issues };
}

/** The texts under the `Clé` header of any sheet (an axis sheet renamed, say); none when it has no such header. */
export function rowKeysOfSheet(grid: SheetGrid): string[] {
  const headerIndex = findHeaderRow(grid);
  if (headerIndex === null) return [];
  const keyColumn = grid.rows[headerIndex].findIndex(
    (_, c) => headerKey(cellText(cellAt(grid, headerIndex, c))) === headerKey(KEY_HEADER),
  );
  const keys: string[] = [];
  for (let r = headerIndex + 1; r < grid.rows.length; r += 1) {
    const key = cellText(cellAt(grid, r, keyColumn));
    if (key !== '') keys.push(key);
  }
  return keys;
}

/** The texts of the header row (the row of `Clé`), empty when there is none. */
export function headerTexts(grid: SheetGrid): string[] {
  const headerIndex = findHeaderRow(grid);
  if (headerIndex === null) return [];
  const row = grid.rows[headerIndex];
  return row.map((_, c) => cellText(cellAt(grid, headerIndex, c))).filter((text) => text !== '');
}

/** `Axe 11` → 11; null for any other sheet name. */
export function axisNumberOfSheetName(name: string): number | null {
  const match = /(\d+)$/.exec(name);
  if (!match) return null;
  const axis = Number(match[1]);
  return axis > 0 && axisSheetName(axis) === name ? axis : null;
}

/** The tools' table of an axis sheet's grid, as the reader reads it (`axisTableOf`). */
export interface AxisTable {
  /** 1-based rows: the header row's, and the table's last (below it, after an empty row: notes). */
  headerRow: number;
  lastRow: number;
  /** The columns the reader maps by their headers. */
  columns: readonly MappedColumn[];
  /** The key typed in a row (1-based), trimmed; '' when its `Clé` cell is empty or the sheet has no such column. */
  rowKey(row: number): string;
  /** The type of a row (1-based): its key's, else its Type cell's; null when neither says one. */
  rowType(row: number): RowType | null;
  /** Whether a row (1-based) holds, in the table's columns, what a person or the plan wrote (rates aside). */
  holdsData(row: number): boolean;
}

/** Where the tools' table is in an axis sheet's grid, and what its rows are; null without a header row. */
export function axisTableOf(grid: SheetGrid, quarters: readonly Quarter[]): AxisTable | null {
  const headerIndex = findHeaderRow(grid);
  if (headerIndex === null) return null;
  const columns = mapColumns(grid, headerIndex, quarters, CTG_FORMAT_VERSION, []);
  const sheetRows = sheetRowsOf(grid, columns);
  const { keyIndex, typeIndex } = sheetRows;
  return {
    headerRow: headerIndex + 1,
    lastRow: tableEnd(sheetRows, headerIndex) + 1,
    columns,
    rowKey: (row) => textAt(sheetRows, row - 1, keyIndex),
    rowType: (row) => rowTypeOf(textAt(sheetRows, row - 1, keyIndex), textAt(sheetRows, row - 1, typeIndex)),
    holdsData: (row) => holdsData(sheetRows, row - 1),
  };
}

/**
 * Where the tools' table is in an axis sheet's grid: its header row, the 1-based columns the reader maps (by
 * header), the key's among them, and its last row as the reader reads it (below: notes); null without a header
 * row or a key column. What else the sheet holds is a person's (kept-cells.ts).
 */
export function axisTableOfGrid(
  grid: SheetGrid,
  quarters: readonly Quarter[],
): { headerRow: number; ours: Set<number>; keyColumn: number; lastRow: number } | null {
  const table = axisTableOf(grid, quarters);
  const key = table?.columns.find((mapped) => mapped.column.id === 'key');
  if (!table || !key) return null;
  return {
    headerRow: table.headerRow,
    ours: new Set(table.columns.map((mapped) => mapped.index + 1)),
    keyColumn: key.index + 1,
    lastRow: table.lastRow,
  };
}
