import { checkComputedCells } from '../../domain/validation/computed-cells';
import { cellNoteText, type GridCell, type SheetGrid, type WorkbookGrids } from '../../domain/grid';
import { parseA1 } from '../../domain/issues';
import { threadShimMessages } from './thread-shim-text';
import { shownCellValue } from '../../domain/messages/shown-cell-value';
import { cellAddress, columnLetters } from '../a1';
import type { Quarter } from '../../domain/periods';
import { quarterCellEntries, type RawValue, type TrackingCell, type TrackingRow } from '../../domain/tracking';
import { axisColumns } from '../sheets/axis/axis-columns';
import { axisNumberOfSheetName, axisTableOfGrid, readAxisSheet, rowKeysOfSheet } from '../sheets/axis/read-axis-sheet';
import { CTG_FORMAT_VERSION } from '../sheets/ctg-meta/ctg-meta-layout';
import { sheetNames } from '../texts';
import { keylessTable, type KeylessCell, type KeylessTable } from './keyless-table';
import { MergedCells } from '../merged-cells';
import { retypedHeaderPlaces } from './retyped-header-places';

/**
 * The rows a partner sent back, read from any sheet that has a `Clé` header (an axis sheet of an extract, renamed or
 * not, or a table pasted from an e-mail into a sheet of the master): by key, each cell by its column's header,
 * never by position. Nothing here trusts the file: a row is only what its key and headers say, and the merge
 * decides what to take (src/app/merge).
 */

export interface IncomingCell {
  /** The field id (`status`…) or the quarter label (`2026-T3`). */
  field: string;
  /** The header as the file has it. */
  header: string;
  /** A1 address without the sheet. */
  address: string;
  value: RawValue;
  isDate: boolean;
  isPercent: boolean;
  isError: boolean;
  /** The formula the cell holds, if any: a partner's formula is never taken. */
  formula: string | null;
  /**
   * The partner's merged range (`V5:X5`) that hides the cell, which reads empty: a spreadsheet saves a merged range's
   * cells but its first one empty, so the partner merged the cell rather than emptied it. Absent otherwise.
   */
  hiddenBy?: string;
}

export interface IncomingRow {
  sheet: string;
  /** 1-based row number. */
  row: number;
  /** The key as the tools write it (trimmed, upper case), to find the row in the master. */
  key: string;
  /** The key as the file has it (trimmed), to quote it: a note « fin » typed under the table is not « FIN ». */
  typedKey: string;
  /** The key's cell. */
  keyAddress: string;
  cells: IncomingCell[];
}

export interface IncomingSheetNote {
  sheet: string;
  cell: string | null;
  /**
   * `grey-cell`: a value in a column the row's type does not use (a quarter on a fiche row); `no-key`: a row that
   * holds something but no key (a row a partner added), so none of its values can be placed; `computed-cell`: a
   * value typed over a rate (the sheet unprotected), which the tools compute and a merge never takes;
   * `unlabelled-cell`: a value under the header row in a column without header (a remark typed beside a row), which
   * no column places; `sheet-not-read`: a sheet of a returned file with no `Clé` header that holds something (remarks
   * on a sheet the partner added), at its first value; `cell-note`: a note (a comment) attached to a cell of a
   * returned file, its text in `value`, which a merge of cell values never takes; `missing-column`: a column the partner
   * fills that the sheet lacks, said with the unknown column whose header may be it retyped (src/app/merge);
   * `key-column-missing`: a sheet of a returned file whose table has the tracking's headers but no `Clé` (the key
   * column deleted), at its header row's first cell: none of its rows can be placed; `keysKept` when a column still
   * holds the keys, its header cleared or retyped (in `header`), at that header's cell; `merged-header`: a merged
   * range of a returned sheet (`hiddenBy`, at its first cell) hiding headers of its table (`columns`), whose values
   * under them (`count`) no column places.
   */
  kind:
    | 'unknown-column'
    | 'duplicate-column'
    | 'no-key-column'
    | 'grey-cell'
    | 'no-key'
    | 'computed-cell'
    | 'unlabelled-cell'
    | 'sheet-not-read'
    | 'cell-note'
    | 'missing-column'
    | 'key-column-missing'
    | 'merged-header';
  header: string;
  key?: string;
  value?: string;
  /** `unlabelled-cell`: above the header row rather than beside or under the table. */
  above?: boolean;
  /** `unknown-column`: how many values the column holds under its header. */
  count?: number;
  /** `missing-column`: the unknown header standing where the column stood, most likely it retyped (its address). */
  place?: string;
  /** `key-column-missing`: a column still holds the rows' keys, only its `Clé` header lost. */
  keysKept?: boolean;
  /** `key-column-missing`: the table has no header row at all (deleted), at its first row's key. */
  headerRowMissing?: boolean;
  /** `key-column-missing` without header row: the keys its rows show. */
  rowKeys?: string[];
  /** `key-column-missing`: the table's titles (`Intitulé`), which tell the axis sheet a copy of it was made from. */
  titles?: string[];
  /** `key-column-missing`: the table's values, with their rows' titles, to tell a copy's from its axis sheet's. */
  cells?: KeylessCell[];
  /**
   * The partner's merged range hiding the note's cell (`no-key`: the row's key; `key-column-missing`: the header of the
   * column holding the keys) or, for `merged-header`, the headers.
   */
  hiddenBy?: string;
  /** `merged-header`: the columns whose headers the range hides (`X`, `Y`). */
  columns?: string[];
}

export interface IncomingReading {
  rows: IncomingRow[];
  /** The sheets read (those with a `Clé` header). */
  sheets: string[];
  /** Of `sheets`, those the file hides (a copy of a sheet kept out of sight repeats its keys unseen). */
  hiddenSheets: string[];
  notes: IncomingSheetNote[];
  /**
   * The sheets under the name of a tool's sheet an extract is not sent with (`Journal`, `Historique`…) that hold a
   * `Clé` table, never read, with that table's keys: in an extract, most likely an axis sheet a person renamed.
   */
  toolNamedTables: { sheet: string; keys: string[] }[];
}

/** The tools' sheets that also have a `Clé` header but hold no partner's rows (records, `_ctg`'s key list). */
const notPartnerSheets = new Set<string>([
  sheetNames.guide,
  sheetNames.settings,
  sheetNames.journal,
  sheetNames.history,
  sheetNames.archives,
  sheetNames.meta,
  sheetNames.annexe4,
  sheetNames.ao,
  sheetNames.contributions,
]);

/** The sheets an extract is sent with but its axis sheets, which hold no partner's rows and are not read. */
const extractSheets = new Set<string>([sheetNames.guide, sheetNames.settings, sheetNames.meta]);

function cellOfAddress(grid: SheetGrid, address: string): GridCell | null {
  const at = parseA1(address);
  if (!at) return null;
  const row = grid.rows[at.row - 1];
  const cell = Array.isArray(row) ? row[at.column - 1] : null;
  return cell && typeof cell === 'object' ? cell : null;
}

function incomingCell(grid: SheetGrid, field: string, cell: TrackingCell, merged: MergedCells): IncomingCell {
  const read = cellOfAddress(grid, cell.address);
  const formula = read?.formula;
  const hiddenBy = isBlankCell(read) ? merged.hidingCell(cell.address) : null;
  return {
    field,
    header: cell.header,
    address: cell.address,
    value: cell.raw,
    isDate: cell.isDate,
    isPercent: cell.isPercent === true,
    isError: cell.isError,
    formula: typeof formula === 'string' && formula !== '' ? formula : null,
    ...(hiddenBy === null ? {} : { hiddenBy }),
  };
}

function rowOf(grid: SheetGrid, row: TrackingRow, merged: MergedCells): IncomingRow | null {
  if (row.key === '') return null;
  const cells: IncomingCell[] = [];
  for (const [field, cell] of Object.entries(row.cells)) {
    if (cell && field !== 'key' && field !== 'type' && cell.kind !== 'rate')
      cells.push(incomingCell(grid, field, cell, merged));
  }
  if (row.type === 'criterion') {
    for (const [label, cell] of quarterCellEntries(row.quarterCells))
      cells.push(incomingCell(grid, label, cell, merged));
  }
  const keyAddress = row.cells.key?.address ?? '';
  const typed = cellOfAddress(grid, keyAddress)?.value;
  const typedKey = typeof typed === 'string' ? typed.trim() : row.key;
  return { sheet: grid.name, row: row.row, key: row.key, typedKey, keyAddress, cells };
}

/**
 * The grid with its keys as the tools write them (trimmed, upper case): a key typed `g9-ql3` in a pasted table is
 * `G9-QL3`, whose suffix tells the row's type; above the header row too, where a sort may have moved rows.
 */
function withCanonicalKeys(grid: SheetGrid, quarters: readonly Quarter[]): SheetGrid {
  const table = axisTableOfGrid(grid, quarters);
  if (!table) return grid;
  const column = table.keyColumn - 1;
  const rows = grid.rows.map((row, index) => {
    const cell = Array.isArray(row) ? row[column] : null;
    if (index === table.headerRow - 1 || !cell || typeof cell.value !== 'string') return row;
    const copy = [...row];
    copy[column] = { ...cell, value: cell.value.trim().toUpperCase() };
    return copy;
  });
  return { ...grid, rows };
}

/** Whether `header` is a column a partner fills (a quarter, a status…), not the plan's or a formula's. */
function isInputHeader(header: string, quarters: readonly Quarter[]): boolean {
  return axisColumns(quarters).some((column) => column.input && column.header === header);
}

/** How many values the column of a header cell (`AT3`) holds below it; null for no such cell. */
export function valuesBelow(grid: SheetGrid, address: string | null): number | null {
  const at = address === null ? null : parseA1(address);
  if (!at) return null;
  return grid.rows.slice(at.row).filter((row) => {
    const value = Array.isArray(row) ? row[at.column - 1]?.value : null;
    return value !== null && value !== undefined && String(value).trim() !== '';
  }).length;
}

/** Whether the column of a header cell (`AT3`) holds anything below it. */
function holdsValuesBelow(grid: SheetGrid, address: string | null): boolean {
  return (valuesBelow(grid, address) ?? 1) > 0;
}

const isBlankCell = (cell: GridCell | null | undefined) =>
  !cell || cell.value === null || (typeof cell.value === 'string' && cell.value.trim() === '');

/**
 * The values no column places: under the header row in columns without header, but on the rows named already as
 * rows without key, and above it, but in the key column (the sheet's title and hint); rows a sort moved above it
 * (`readAbove`) are read as rows, their cells placed as those under it. A partner's remark typed beside a row or above
 * the table would otherwise be passed over without a word.
 */
function unlabelledCells(
  grid: SheetGrid,
  { headerRow, keyColumn }: { headerRow: number; keyColumn: number },
  keyless: ReadonlySet<number>,
  readAbove: ReadonlySet<number>,
): IncomingSheetNote[] {
  const headers = grid.rows[headerRow - 1] ?? [];
  const notes: IncomingSheetNote[] = [];
  grid.rows.forEach((row, index) => {
    if (index === headerRow - 1 || !Array.isArray(row) || keyless.has(index + 1)) return;
    const above = index < headerRow - 1 && !readAbove.has(index + 1);
    row.forEach((cell, column) => {
      if (isBlankCell(cell) || (above ? column === keyColumn - 1 : !isBlankCell(headers[column]))) return;
      const value = cell?.value === null || cell?.value === undefined ? '' : shownCellValue(cell);
      const address = cellAddress(index + 1, column + 1);
      notes.push({ sheet: grid.name, cell: address, kind: 'unlabelled-cell', header: '', value, above });
    });
  });
  return notes;
}

/**
 * The values of `unlabelled` under headers a merged range hides (the partner merged header cells), said once per range
 * with their count rather than each as a value beside the table; the other notes as they are.
 */
function withMergedHeaders(
  grid: SheetGrid,
  merged: MergedCells,
  headerRow: number,
  unlabelled: IncomingSheetNote[],
): IncomingSheetNote[] {
  const headers = grid.rows[headerRow - 1] ?? [];
  let notes = unlabelled;
  const ranges: IncomingSheetNote[] = [];
  for (const { range, firstCell, columns } of merged.hidingOnRow(headerRow)) {
    const hidden = new Set(columns.filter((column) => isBlankCell(headers[column - 1])));
    const under = (note: IncomingSheetNote) => {
      const at = note.above || note.cell === null ? null : parseA1(note.cell);
      return at !== null && hidden.has(at.column);
    };
    const count = notes.filter(under).length;
    if (count === 0) continue;
    notes = notes.filter((note) => !under(note));
    ranges.push({
      sheet: grid.name,
      cell: firstCell,
      kind: 'merged-header',
      header: '',
      hiddenBy: range,
      count,
      columns: [...hidden].map((column) => columnLetters(column)),
    });
  }
  return [...ranges, ...notes];
}

/** The merged range hiding a cell (`A7`), as a note's field; nothing when none does. */
function hiddenByOf(merged: MergedCells, address: string | null): { hiddenBy?: string } {
  const range = address === null ? null : merged.hidingCell(address);
  return range === null ? {} : { hiddenBy: range };
}

/** A table without `Clé` header: at its header row, or at the header of the column still holding its keys. */
function keylessNote(
  grid: SheetGrid,
  { cell, keys, titles, cells, headerRowMissing, rowKeys }: KeylessTable,
): IncomingSheetNote {
  const sheet = grid.name;
  const missingRow = headerRowMissing ? { headerRowMissing, rowKeys } : {};
  if (keys === null) return { sheet, cell, kind: 'key-column-missing', header: '', titles, cells, ...missingRow };
  // A `Clé` header hidden under a merged range (merged with the title above it) reads empty.
  const hidden = hiddenByOf(new MergedCells(grid), keys.cell);
  return {
    sheet,
    cell: keys.cell,
    kind: 'key-column-missing',
    header: keys.header,
    keysKept: true,
    titles,
    cells,
    ...hidden,
  };
}

/** A sheet without `Clé` header that holds something: its first value (row by row), null when it holds nothing. */
function firstValueNote(grid: SheetGrid): IncomingSheetNote | null {
  for (const [index, row] of grid.rows.entries()) {
    if (!Array.isArray(row)) continue;
    const column = row.findIndex((cell) => !isBlankCell(cell));
    if (column < 0) continue;
    const value = shownCellValue(row[column] as GridCell);
    return { sheet: grid.name, cell: cellAddress(index + 1, column + 1), kind: 'sheet-not-read', header: '', value };
  }
  return null;
}

/**
 * Whether a table without header row (`note`) is remarks on rows the file's tables hold, listed by key and `Type`: a
 * sheet the partner added. An axis sheet (`Axe 1`) whose header row was deleted is never that, even copied whole
 * elsewhere (what was typed after the copy is in it only); nor is a sheet holding rows that are nowhere else.
 */
function remarksOnRowsRead(note: IncomingSheetNote, rows: readonly IncomingRow[]): boolean {
  if (axisNumberOfSheetName(note.sheet) !== null) return false;
  const read = new Set(rows.map((row) => row.key));
  return (note.rowKeys ?? []).every((key) => read.has(key));
}

/**
 * The notes (comments) attached to cells of a returned sheet: a partner explains a figure in one as often as in
 * « Commentaire », and a merge takes cell values only, so each is named with its text rather than dropped unsaid.
 */
function cellNotesOf(grid: SheetGrid): IncomingSheetNote[] {
  return (grid.notes ?? []).map((note) => ({
    sheet: grid.name,
    cell: note.address,
    kind: 'cell-note',
    header: '',
    // A threaded comment read as the note Excel keeps beside it: its messages, not the notice before them.
    value: cellNoteText({ ...note, text: threadShimMessages(note.text) }),
  }));
}

/**
 * The rows of one sheet; null when it has no `Clé` header. `returned`: a partner's file, whose every value is the
 * partner's (a pasted sheet of the master holds the officer's own notes beside the table).
 */
function readSheet(
  grid: SheetGrid,
  quarters: readonly Quarter[],
  notes: IncomingSheetNote[],
  returned: boolean,
): IncomingRow[] | null {
  // Every row of a returned sheet is read, after empty rows too: each is what the partner sent (a row without key is
  // named, never taken for a note as under a workbook's own table).
  const canonical = withCanonicalKeys(grid, quarters);
  // The partner's merged ranges; a sheet of the master pasted into has the officer's own, which hide nothing of theirs.
  const merged = new MergedCells(returned ? grid : { ...grid, mergedRanges: undefined });
  const { reading, issues } = readAxisSheet(canonical, 0, quarters, CTG_FORMAT_VERSION, { wholeGrid: true });
  if (reading.headerRow === null) return null;
  // Rows above the header row are read in a returned file only, where a sort of the whole sheet may have moved rows
  // there; above a table pasted into the master are the officer's own notes, which a key may start.
  const headerRow = reading.headerRow;
  const rows = returned ? reading.rows : reading.rows.filter((row) => row.row > headerRow);
  const missing: string[] = [];
  for (const issue of issues) {
    const header = String(issue.params.header ?? '');
    if (issue.code === 'duplicate-column') {
      // Only a second copy of a column the partner fills, holding something, loses what it holds.
      if (isInputHeader(header, quarters) && holdsValuesBelow(grid, issue.cell))
        notes.push({ sheet: grid.name, cell: issue.cell, kind: issue.code, header });
    } else if (issue.code === 'unknown-column') {
      notes.push({
        sheet: grid.name,
        cell: issue.cell,
        kind: issue.code,
        header,
        count: valuesBelow(grid, issue.cell) ?? 0,
      });
    } else if (issue.code === 'missing-column' && isInputHeader(header, quarters)) {
      missing.push(header);
    } else if (issue.code === 'grey-cell-value' && (returned || (parseA1(issue.cell ?? '')?.row ?? 0) > headerRow)) {
      const value = String(issue.params.value ?? '');
      notes.push({ sheet: grid.name, cell: issue.cell, kind: 'grey-cell', header, key: issue.rowKey ?? '', value });
    }
  }
  const unknown = issues.flatMap((issue) =>
    issue.code === 'unknown-column' && issue.cell !== null ? [issue.cell] : [],
  );
  const places = retypedHeaderPlaces(grid, headerRow, quarters, missing, unknown);
  for (const header of missing) {
    const place = places.get(header);
    notes.push({
      sheet: grid.name,
      cell: null,
      kind: 'missing-column',
      header,
      ...(place === undefined ? {} : { place }),
    });
  }
  for (const row of rows) {
    if (row.key !== '') continue;
    const cell = row.cells.key?.address ?? null;
    notes.push({ sheet: grid.name, cell, kind: 'no-key', header: '', ...hiddenByOf(merged, cell) });
  }
  if (returned) {
    const keyless = new Set(rows.filter((row) => row.key === '').map((row) => row.row));
    const keyColumn = axisTableOfGrid(grid, quarters)?.keyColumn ?? 1;
    const readAbove = new Set(rows.filter((row) => row.row < headerRow).map((row) => row.row));
    const unlabelled = unlabelledCells(grid, { headerRow, keyColumn }, keyless, readAbove);
    notes.push(...withMergedHeaders(grid, merged, headerRow, unlabelled));
  }
  // Rates are not read from a return: one typed over is said, not silently dropped (validation's own check).
  for (const issue of checkComputedCells(rows)) {
    if (issue.code !== 'value-in-computed-cell') continue;
    const [header, value] = [String(issue.params.header ?? ''), String(issue.params.value ?? '')];
    notes.push({ sheet: grid.name, cell: issue.cell, kind: 'computed-cell', header, key: issue.rowKey ?? '', value });
  }
  return rows.map((row) => rowOf(grid, row, merged)).filter((row): row is IncomingRow => row !== null);
}

/**
 * The rows of a partner's file (every sheet with a `Clé` header but the tools' own), or of one sheet only
 * (`sheet`: a table pasted into the master). A sheet named that has no `Clé` header gives a `no-key-column` note.
 */
export function readIncomingRows(
  grids: WorkbookGrids,
  quarters: readonly Quarter[],
  { sheet }: { sheet?: string } = {},
): IncomingReading {
  const notes: IncomingSheetNote[] = [];
  const rows: IncomingRow[] = [];
  const sheets: string[] = [];
  const hiddenSheets: string[] = [];
  const candidates =
    sheet === undefined
      ? grids.sheets.filter((grid) => !notPartnerSheets.has(grid.name))
      : grids.sheets.filter((grid) => grid.name === sheet);
  const toolNamedTables =
    sheet === undefined
      ? grids.sheets
          .filter((grid) => notPartnerSheets.has(grid.name) && !extractSheets.has(grid.name))
          .map((grid) => ({ sheet: grid.name, keys: rowKeysOfSheet(grid) }))
          .filter(({ keys }) => keys.length > 0)
      : [];
  // Every sheet of a returned file may carry the partner's notes, the tools' own too (Paramètres, Guide); the notes of a
  // sheet of the master pasted into are the officer's own.
  if (sheet === undefined) for (const grid of grids.sheets) notes.push(...cellNotesOf(grid));
  // Tables without header row, told from remarks once every table is read (`remarksOnRowsRead`).
  const headerless: { at: number; grid: SheetGrid }[] = [];
  for (const grid of candidates) {
    const read = readSheet(grid, quarters, notes, sheet === undefined);
    if (read === null) {
      if (sheet !== undefined) notes.push({ sheet: grid.name, cell: null, kind: 'no-key-column', header: '' });
      if (sheet !== undefined || extractSheets.has(grid.name)) continue;
      // A table whose key column was deleted is refused (src/app/merge), never passed over as a sheet of remarks; a
      // sheet the partner added for remarks is not read: said, so that the officer reads it.
      const keyless = keylessTable(grid);
      if (keyless?.headerRowMissing) headerless.push({ at: notes.length, grid });
      const unread = keyless === null ? firstValueNote(grid) : keylessNote(grid, keyless);
      if (unread) notes.push(unread);
      continue;
    }
    sheets.push(grid.name);
    if (grid.visibility !== 'visible') hiddenSheets.push(grid.name);
    rows.push(...read);
  }
  for (const { at, grid } of headerless)
    if (remarksOnRowsRead(notes[at], rows)) notes[at] = firstValueNote(grid) ?? notes[at];
  return { rows, sheets, hiddenSheets, notes, toolNamedTables };
}
