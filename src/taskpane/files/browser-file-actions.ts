import type { ExcelFileActions } from '../../excel';

/**
 * The pane outside Excel (a plain browser): downloads work, there is no Excel to open a file in. In Excel, the
 * add-in hands src/excel's actions instead (excel-workbook.ts).
 */
export const browserFileActions: ExcelFileActions = {
  canOpenInExcel: () => false,
  openInExcel: () => Promise.reject(new Error('No Excel around the pane')),
  downloadsBlocked: () => false,
};
