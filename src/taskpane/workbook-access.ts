import type { WorkbookPort } from '../app/port';
import type { SelectedCell } from '../excel';

/**
 * What the pane needs of the open workbook: the port the use cases run on, plus showing a cell to the user.
 * src/excel's ExcelPort is one; tests hand the same port built on the fake Excel.
 */
export interface WorkbookAccess extends WorkbookPort {
  /** Activates the sheet and selects the cell (an issue clicked in the list), showing the sheet if it was hidden. */
  select(sheet: string, address: string): Promise<SelectedCell>;
  /** French notes on what the last write left out (features this Excel lacks). */
  notes?(): readonly string[];
  /**
   * Whether Excel's « Annuler » will undo the next rewrite (Calculer, Clôturer), from what the last read learnt;
   * absent where there is no such undo to speak of.
   */
  rewriteKeepsExcelUndo?(): boolean;
}
