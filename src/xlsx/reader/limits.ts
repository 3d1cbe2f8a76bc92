import { EXCEL_CELL_TEXT_LIMIT } from '../../domain/plan-checks';

/**
 * Bounds of the .xlsx reader. A partner file is untrusted input: every cost the reader pays (bytes inflated,
 * cells kept, strings kept, grid slots allocated) is counted against one of these, and passing one stops the
 * read at once with an error value. Nothing is ever allocated from what a file *declares* (a `<dimension>`, a
 * validation range, a zip header's size).
 */
export interface XlsxReadLimits {
  /** Size of the .xlsx file itself. */
  maxFileBytes: number;
  /** Bytes inflated from all the parts read, together. */
  maxTotalUncompressedBytes: number;
  /** Bytes inflated from one part (a worksheet, the shared strings…). */
  maxPartBytes: number;
  /** Non-empty cells (a value or a formula) in the whole workbook. */
  maxCells: number;
  /**
   * Slots of the dense grids returned (per sheet: one per row up to the last row, plus one per cell up to each
   * row's last cell), in the whole workbook. Keeps a few far-away cells (`XFD1048576`) from costing memory.
   */
  maxGridSlots: number;
  /** Entries of the shared string table. */
  maxSharedStrings: number;
  /** Characters of one cell's text; Excel's own limit is 32 767. */
  maxCellTextChars: number;
  /** Sheets in the workbook. */
  maxSheets: number;
  /**
   * Characters of formula text made by moving shared formulas to their dependents, in the whole workbook: a
   * 25-byte `<f t="shared" si="0"/>` may stand for a formula of thousands of characters.
   */
  maxSharedFormulaChars: number;
}

export const DEFAULT_XLSX_READ_LIMITS: Readonly<XlsxReadLimits> = Object.freeze({
  maxFileBytes: 50 * 1024 * 1024,
  maxTotalUncompressedBytes: 200 * 1024 * 1024,
  maxPartBytes: 100 * 1024 * 1024,
  maxCells: 2_000_000,
  maxGridSlots: 8_000_000,
  maxSharedStrings: 1_000_000,
  maxCellTextChars: EXCEL_CELL_TEXT_LIMIT,
  maxSheets: 1_000,
  maxSharedFormulaChars: 10_000_000,
});

/** Excel's sheet size: the largest row and column numbers a cell reference may carry. */
export const EXCEL_MAX_ROW = 1_048_576;
export const EXCEL_MAX_COLUMN = 16_384;
