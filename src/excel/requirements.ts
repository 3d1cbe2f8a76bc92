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
  /** ExcelApi 1.10: Range.group (outline of the criterion rows under their fiche). */
  outline: boolean;
  /** ExcelApi 1.9: Worksheet.pageLayout (orientation, paper, fit to width, print titles). */
  pageLayout: boolean;
  /** ExcelApi 1.9: Worksheet.autoFilter (sheets without a table). */
  sheetAutoFilter: boolean;
  /**
   * ExcelUndoApiAll 1.0: Excel keeps what the add-in writes on its undo stack, so that « Annuler » undoes it
   * (learn.microsoft.com, « Undo support with the Excel JavaScript API »). Without it, a write clears the stack.
   */
  undo: boolean;
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
    outline: supports('1.10'),
    pageLayout: supports('1.9'),
    sheetAutoFilter: supports('1.9'),
    undo: supportsSet('ExcelUndoApiAll', '1.0'),
  };
}
