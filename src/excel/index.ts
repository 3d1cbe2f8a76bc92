/** The Office.js back end: the open workbook as a WorkbookPort, and Excel's errors explained in French. */
export { createExcelPort, type ExcelPort, type ExcelPortOptions } from './excel-port';
export type { SelectedCell } from './select-cell';
export { ExcelWorkbookError, explainExcelError } from './excel-errors';
export { detectCapabilities, type ExcelCapabilities } from './requirements';
export { createExcelFileActions, type ExcelFileActions, type OfficeHost } from './file-actions';
