import { createExcelPort } from '../excel';
import type { WorkbookAccess } from './workbook-access';

/**
 * The open workbook through Office.js (src/excel). Imported only by the lazily loaded part of the pane, so that
 * the back end and the layout it writes are not in the first script.
 */
export function openWorkbook(): WorkbookAccess {
  return createExcelPort();
}
