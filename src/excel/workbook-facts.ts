import { NO_NOTES, queueCellNotesCount, type NotesHost } from './cell-notes';

/**
 * What a write must know of the open workbook before it changes anything: its sheets, its defined names, whether
 * its structure is protected and whether its first sheet is blank (a new workbook's lone sheet). A read learns
 * these in the same request as the cells, so that a rewrite (read, compute, write) needs no extra round trip.
 */
export interface WorkbookFacts {
  /** Sheet names in workbook order. */
  sheets: string[];
  /** Sheet ids, in the same order: a write that failed tells its new sheets from the old ones by them. */
  ids: string[];
  /** Sheet visibility, in the same order (Office.js words: Visible, Hidden, VeryHidden). */
  visibility: string[];
  definedNames: string[];
  structureProtected: boolean;
  /** The first sheet holds nothing, not even a format, nor a note or a comment on a cell (where Excel reads them). */
  firstSheetBlank: boolean;
  /** Each sheet's protection, in the same order: a cell change on a protected sheet may need it lifted. */
  protection: SheetProtection[];
  /**
   * Whether every cell of each sheet's used range is locked (true), none is (false), or some are (null), in the
   * same order; null too when unknown. A read learns it with the cells; it tells a cell change whether writing a
   * value needs the sheet's protection lifted without asking cell by cell.
   */
  usedRangeLocked: (boolean | null)[];
  /**
   * Each sheet's used range's number formats, in the same order; null when not read (or read in bands). A cell
   * change gives a text's cell its format back after the `@` it is written through.
   */
  usedRangeFormats: (CellFormats | null)[];
  /**
   * Each sheet's autofilter range (A1, without the sheet's name; null: none), in the same order; undefined when not
   * read (Excel without ExcelApi 1.9, a read in bands). A cell change applies a filter only where it differs.
   */
  autoFilters?: (string | null | undefined)[];
}

/** Number formats of a block of cells from its top-left (0-based), as Office.js returns them. */
export interface CellFormats {
  rowIndex: number;
  columnIndex: number;
  numberFormat: unknown[][];
}

export interface SheetProtection {
  protected: boolean;
  /** The options to protect the sheet again with (Office.js's WorksheetProtectionOptions). */
  options: Excel.WorksheetProtectionOptions;
}

/**
 * Queues the loads that answer WorkbookFacts; the returned function reads them once the request came back. `host`:
 * the notes and comments this Excel can count on the first sheet (cell-notes.ts).
 */
export function queueWorkbookFacts(context: Excel.RequestContext, host: NotesHost = NO_NOTES): () => WorkbookFacts {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load('items/name,items/id,items/visibility,items/protection/protected,items/protection/options');
  workbook.names.load('items/name');
  workbook.protection.load('protected');
  const first = worksheets.getFirst();
  const firstUsed = first.getUsedRangeOrNullObject();
  const firstNotes = queueCellNotesCount(first, host);
  return () => ({
    sheets: worksheets.items.map((sheet) => sheet.name),
    ids: worksheets.items.map((sheet) => sheet.id),
    visibility: worksheets.items.map((sheet) => sheet.visibility),
    definedNames: workbook.names.items.map((item) => item.name),
    structureProtected: workbook.protection.protected,
    protection: worksheets.items.map((sheet) => ({
      protected: sheet.protection.protected,
      options: sheet.protection.options,
    })),
    usedRangeLocked: worksheets.items.map(() => null),
    usedRangeFormats: worksheets.items.map(() => null),
    autoFilters: worksheets.items.map(() => undefined),
    // Read by the returned function, which the caller calls after its sync (the rule cannot see that).
    // eslint-disable-next-line office-addins/call-sync-before-read
    firstSheetBlank: firstUsed.isNullObject && firstNotes() === 0,
  });
}

/** Sheet and defined names compare as Excel compares them: without case. */
export const excelNameKey = (name: string): string => name.toLowerCase();
