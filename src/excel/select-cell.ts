import { excelWorkbookError } from './excel-errors';
import { runExcel } from './excel-run';

/** What showing a cell did beyond selecting it: the hidden sheet it made visible to do so (null: none). */
export interface SelectedCell {
  shownSheet: string | null;
}

const hasCode = (error: unknown, code: string) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;

/** A sheet Excel may not show (the workbook's structure protected) is said as such, not as a change refused. */
async function showing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw hasCode(error, 'AccessDenied') ? excelWorkbookError('HiddenSheetProtected') : error;
  }
}

/**
 * Activates `sheet` and selects `address`, in one round trip. Excel cannot activate a hidden sheet (`_ctg`, where
 * validation names a value typed by hand, or a person's hidden sheet): one known hidden (`hidden`, from the last
 * read) is made visible in the same batch; one hidden since is found when Excel refuses, then shown the same way
 * (two round trips).
 */
export async function selectCell(
  excel: typeof Excel,
  sheet: string,
  address: string,
  hidden: boolean,
): Promise<SelectedCell> {
  // A sheet thought hidden has its visibility loaded before it is set, in the same batch (through a proxy of its
  // own, which the set does not touch): one a person showed since the read is not said shown.
  const show = (context: Excel.RequestContext, visible: boolean): (() => SelectedCell) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    const before = visible ? null : context.workbook.worksheets.getItem(sheet).load('visibility');
    if (!visible) worksheet.visibility = 'Visible';
    worksheet.activate();
    worksheet.getRange(address).select();
    return () => ({ shownSheet: before && before.visibility !== 'Visible' ? sheet : null });
  };
  const shown = (context: Excel.RequestContext, visible: boolean) => {
    const work = async () => {
      const selected = show(context, visible);
      await context.sync();
      return selected();
    };
    return visible ? work() : showing(work);
  };
  try {
    return await runExcel(excel, (context) => shown(context, !hidden));
  } catch (error) {
    if (hidden || !hasCode(error, 'InvalidOperation')) throw error;
    // Shown the way a sheet known hidden is: one refused for another reason is refused again, and said so.
    return runExcel(excel, (context) => shown(context, false));
  }
}
