import { createExcelFileActions, createExcelPort, type ExcelFileActions } from '../excel';
import type { WorkbookAccess } from './workbook-access';

/**
 * The open workbook through Office.js (src/excel). Imported only by the lazily loaded part of the pane, so that
 * the back end and the layout it writes are not in the first script.
 */
export function openWorkbook(): WorkbookAccess {
  return createExcelPort();
}

/** What this Excel lets the pane do with a file it produced (open it in Excel; whether downloads work). */
export function excelFileActions(): ExcelFileActions {
  return createExcelFileActions();
}
