/**
 * What a use case sees of a workbook, whoever holds it (an .xlsx file in src/xlsx, the open workbook through
 * Office.js in src/excel): values only. Declared in the domain so that src/layout can read grids too; src/app/port.ts
 * re-exports them for the back ends.
 */

/** A cell's value as a reader returns it; formulas give their cached result. */
export type CellValue = string | number | boolean | null;

export interface GridCell {
  value: CellValue;
  /** The formula in invariant (English, comma) form without the leading `=`, when the cell has one. */
  formula?: string;
  /** True when the cell's number format is a date format (the value is then an Excel serial number). */
  isDate?: boolean;
  /** True when a number's format is a percentage (« 85 % » is then the value 0.85). */
  isPercent?: boolean;
  /**
   * True when the cell has a formula but the file stores no result for it (a file written by a script and never
   * opened in a spreadsheet): `value` is then null, which does not mean the cell is empty. Only the .xlsx reader
   * sets it: in Excel every formula has a result.
   */
  uncalculated?: boolean;
  /** True when the cell held an error value (`#DIV/0!`…); `value` then holds the error text. */
  isError?: boolean;
}

/**
 * The formula of a cell with a result, in a read that was told to leave such texts (`formulaTexts: false`, the
 * consolidation's reads): the cell has a formula, whose text nothing of that read shows. A cell without a result
 * still has its formula's text (a message shows it).
 */
export const UNREAD_FORMULA = '…';

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

/** A note (a comment) a person attached to a cell: its address (`X6`) and its text, runs joined. */
export interface CellNote {
  address: string;
  text: string;
  /** The note's text is past a cell's limit and was not read (`text` is empty): it is said, never written back. */
  unread?: true;
  /**
   * Read in Excel as a threaded comment (« Commentaire », ExcelApi 1.10), not a note: `text` is its first message,
   * `replies` the answers under it, in order. A file's reader gives notes only (a thread is kept there as a note too).
   */
  thread?: { replies: string[] };
}

/**
 * Why a sheet's notes could not be read, its cells read all the same: the part that keeps them cut short (`cut`), not
 * well-formed (`malformed`), absent or not a notes part where the sheet's relationship points (`missing`), or damaged
 * otherwise (`damaged`: its compressed bytes, or the sheet's relationships part).
 */
export type NotesDamage = 'cut' | 'malformed' | 'missing' | 'damaged';

/** All that a person wrote in a note or a thread, as one text: the messages of a thread joined by « — ». */
export const cellNoteText = (note: CellNote): string => [note.text, ...(note.thread?.replies ?? [])].join(' \u2014 ');

export interface SheetGrid {
  name: string;
  visibility: SheetVisibility;
  /** Dense rows from A1: `rows[r][c]` is the cell at row r+1, column c+1; missing cells are absent or null. */
  rows: (GridCell | null)[][];
  /**
   * The notes attached to the sheet's cells, in the file's order; absent when it has none. The .xlsx reader gives
   * them, and the Office.js reader on a whole read where Excel can (src/excel/cell-notes.ts): a rewrite that writes
   * the workbook whole writes each back where its cell goes, and names those whose place is gone
   * (src/app/cell-notes-of-workbook.ts).
   */
  notes?: CellNote[];
  /**
   * Set when the sheet's notes could not be read (`notes` is then absent): how many it had, and which, is unknown. A
   * rewrite that writes the workbook whole would drop them: it is refused, one that only patches cells goes on
   * (src/app/unread-notes.ts).
   */
  notesUnread?: NotesDamage;
  /**
   * The sheet's merged ranges (`D5:F5`), absent when it has none. The .xlsx reader gives them on a read of the
   * sheet's tail (src/xlsx/reader), the Office.js one an axis sheet's where Excel can
   * (src/excel/merged-areas.ts): a merge tells by them a cell hidden under a merge from one a partner emptied, and
   * validation names the cells merged in an axis table (src/layout/sheets/axis/merged-ranges.ts).
   */
  mergedRanges?: string[];
}

/** What a read of a file may give besides its sheets. */
interface FileProperties {
  /**
   * When the file was last saved, as the application that saved it recorded it (an ISO instant in UTC); null when
   * it recorded none that reads. Given by the reads that ask for it (src/xlsx/reader, `savedAt`).
   */
  savedAt?: string | null;
}

export interface WorkbookGrids extends FileProperties {
  /** In workbook order. */
  sheets: SheetGrid[];
}

/**
 * A sheet a read was told to leave out (`read({ sheets })`): listed with its name and visibility, its cells not read.
 * It has no `rows`, so that no code takes it for an empty sheet: the compiler refuses `rows` until `isSkipped` has
 * told it apart, and a skipped sheet cast to a SheetGrid throws when its rows are asked for.
 */
export interface SkippedSheet {
  name: string;
  visibility: SheetVisibility;
  skipped: true;
}

/** A sheet as a selective read lists it: read, or skipped. */
export type ListedSheet = SheetGrid | SkippedSheet;

/** What a read of some sheets gives: every sheet of the workbook in order, cells only of the selected ones. */
export interface PartialWorkbookGrids extends FileProperties {
  /** In workbook order, every sheet. */
  sheets: ListedSheet[];
}

/** Either a whole reading or a selective one: what a reader that needs only some sheets accepts. */
export type AnyWorkbookGrids = WorkbookGrids | PartialWorkbookGrids;

export function isSkipped(sheet: ListedSheet): sheet is SkippedSheet {
  return (sheet as Partial<SkippedSheet>).skipped === true;
}

/**
 * The `rows` getter of every skipped sheet, made once: a getter made for each sheet would go into V8's shape of the
 * object and outlive it until a full collection (sheet-registry.ts, `readingGetterOf`).
 */
function skippedRows(this: SkippedSheet): never {
  throw new Error(`The sheet "${this.name}" was skipped by a selective read: its cells were not read.`);
}

/** A skipped sheet; asking for its rows (behind a cast) throws, naming it, rather than reading as empty. */
export function skippedSheet(name: string, visibility: SheetVisibility): SkippedSheet {
  const sheet: SkippedSheet = { name, visibility, skipped: true };
  Object.defineProperty(sheet, 'rows', { enumerable: false, get: skippedRows });
  return sheet;
}

/** The names of the sheets, read or not, in workbook order. */
export function sheetNamesOf(grids: AnyWorkbookGrids): string[] {
  return grids.sheets.map((sheet) => sheet.name);
}

function needRead(sheet: ListedSheet): SheetGrid {
  if (isSkipped(sheet)) throw new Error(`The sheet "${sheet.name}" is needed but the read skipped it: select it.`);
  return sheet;
}

/**
 * The read sheet named `name`; null when the workbook has no such sheet. A sheet the read skipped is a bug of the
 * caller's selection (it did not select a sheet it reads): an error naming it, never an empty sheet.
 */
export function readSheet(grids: AnyWorkbookGrids, name: string): SheetGrid | null {
  const sheet = grids.sheets.find((candidate) => candidate.name === name);
  return sheet ? needRead(sheet) : null;
}

/** The read sheets whose name passes `keep`, in workbook order; a skipped one among them throws as in `readSheet`. */
export function readSheets(grids: AnyWorkbookGrids, keep: (name: string) => boolean): SheetGrid[] {
  return grids.sheets.filter((sheet) => keep(sheet.name)).map(needRead);
}

/** The value at a 1-based row and column, null when the cell is missing. */
export function gridValue(grid: SheetGrid, row: number, column: number): CellValue {
  return grid.rows[row - 1]?.[column - 1]?.value ?? null;
}

/** The cell at a 1-based row and column, null when missing. */
export function gridCell(grid: SheetGrid, row: number, column: number): GridCell | null {
  return grid.rows[row - 1]?.[column - 1] ?? null;
}

/** A value as trimmed text: numbers in their plain JavaScript form, null/empty → ''. */
export function gridText(grid: SheetGrid, row: number, column: number): string {
  const value = gridValue(grid, row, column);
  if (value === null) return '';
  return String(value).trim();
}
