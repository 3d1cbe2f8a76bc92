/**
 * What a write must know of the open workbook before it changes anything: its sheets, its defined names, whether
 * its structure is protected and whether its first sheet is blank (a new workbook's lone sheet). A read learns
 * these in the same request as the cells, so that a rewrite (read, compute, write) needs no extra round trip.
 */
export interface WorkbookFacts {
  /** Sheet names in workbook order. */
  sheets: string[];
  /** Sheet visibility, in the same order (Office.js words: Visible, Hidden, VeryHidden). */
  visibility: string[];
  definedNames: string[];
  structureProtected: boolean;
  /** The first sheet holds nothing, not even a format. */
  firstSheetBlank: boolean;
}

/** Queues the loads that answer WorkbookFacts; the returned function reads them once the request came back. */
export function queueWorkbookFacts(context: Excel.RequestContext): () => WorkbookFacts {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  workbook.names.load('items/name');
  workbook.protection.load('protected');
  const firstUsed = worksheets.getFirst().getUsedRangeOrNullObject();
  return () => ({
    sheets: worksheets.items.map((sheet) => sheet.name),
    visibility: worksheets.items.map((sheet) => sheet.visibility),
    definedNames: workbook.names.items.map((item) => item.name),
    structureProtected: workbook.protection.protected,
    // Read by the returned function, which the caller calls after its sync (the rule cannot see that).
    // eslint-disable-next-line office-addins/call-sync-before-read
    firstSheetBlank: firstUsed.isNullObject,
  });
}

/** Sheet and defined names compare as Excel compares them: without case. */
export const excelNameKey = (name: string): string => name.toLowerCase();
