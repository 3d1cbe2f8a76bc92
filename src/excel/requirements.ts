/**
 * What this Excel can do, from `Office.context.requirements.isSetSupported('ExcelApi', version)`. ExcelApi 1.8
 * (data validation) is the minimum the manifest declares; newer members are used only where supported, and what
 * is left out is told to the user in a short note (excel-texts.ts).
 */

/** The part of the `Office` global this back end reads. */
export interface OfficeRequirements {
  context: { requirements: { isSetSupported(name: string, minVersion?: string): boolean } };
}

export interface ExcelCapabilities {
  /** ExcelApi 1.8: data validation, the minimum. */
  minimum: boolean;
  /** ExcelApi 1.9: Worksheet.pageLayout (orientation, paper, fit to width, print titles), horizontalPageBreaks. */
  pageLayout: boolean;
  /** ExcelApi 1.9: Worksheet.autoFilter (the sheets' filters: axis sheets, Journal, Historique, Archives). */
  sheetAutoFilter: boolean;
  /**
   * ExcelUndoApiAll 1.0: Excel keeps what the add-in writes on its undo stack, so that « Annuler » undoes it
   * (learn.microsoft.com, « Undo support with the Excel JavaScript API »). Without it, a write clears the stack.
   */
  undo: boolean;
  /** ExcelApi 1.8: Excel.createWorkbook(base64), a produced .xlsx opened as a new workbook (« Ouvrir dans Excel »). */
  createWorkbook: boolean;
  /**
   * ExcelApi 1.10: `Worksheet.comments`, the threaded comments on cells (read, with their replies, and written back by
   * a rewrite that rebuilds their sheet: src/excel/cell-notes.ts).
   */
  cellComments: boolean;
  /** ExcelApi 1.18: `Worksheet.notes`, the notes on cells (Excel's older comments), read and written back alike. */
  cellNotes: boolean;
  /**
   * ExcelApi 1.13: `Range.getMergedAreasOrNullObject`, the cells a person merged in an axis sheet, which validation
   * names (src/excel/merged-areas.ts).
   */
  mergedAreas: boolean;
}

export function detectCapabilities(office: OfficeRequirements | undefined): ExcelCapabilities {
  const supportsSet = (name: string, version: string): boolean => {
    try {
      return office?.context?.requirements?.isSetSupported(name, version) === true;
    } catch {
      return false;
    }
  };
  const supports = (version: string): boolean => supportsSet('ExcelApi', version);
  return {
    minimum: supports('1.8'),
    pageLayout: supports('1.9'),
    sheetAutoFilter: supports('1.9'),
    undo: supportsSet('ExcelUndoApiAll', '1.0'),
    createWorkbook: supports('1.8'),
    cellComments: supports('1.10'),
    cellNotes: supports('1.18'),
    mergedAreas: supports('1.13'),
  };
}
