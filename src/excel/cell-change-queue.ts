import type { SheetChangePlan, Block } from './cell-change-plan';
import { degradationNotes } from './excel-texts';
import type { RequestBatcher } from './request-batcher';
import { rowBands } from './request-batcher';
import { cellWriteBytes, operationBytes } from './request-size';
import type { ExcelCapabilities } from './requirements';
import { applyFormats, formatBlockShape } from './write-workbook';

/**
 * Queues a sheet's cell change plan (cell-change-plan.ts), and the lifting and putting back of its protection,
 * into a RequestBatcher, each step with its size: the change (change-workbook.ts) and its undo after a failure
 * (change-recovery.ts) are queued the same way, split by size alike.
 */

/** A load of `values` and `formulas` on a range the request already has: one action. */
const LOOK_BYTES = operationBytes({ actions: 1, payload: ['values', 'formulas'] });

export function queueUnprotect(batcher: RequestBatcher, worksheet: Excel.Worksheet, sheet: string): Promise<void> {
  return batcher.queue(operationBytes({ objects: 2, actions: 1, payload: sheet }), () =>
    worksheet.protection.unprotect(),
  );
}

export function queueProtect(
  batcher: RequestBatcher,
  worksheet: Excel.Worksheet,
  options: Excel.WorksheetProtectionOptions,
): Promise<void> {
  return batcher.queue(operationBytes({ objects: 1, actions: 1, payload: options }), () =>
    worksheet.protection.protect(options),
  );
}

/**
 * Loads what a range holds, queued in the request that writes it, just before the write (edits-since-read.ts):
 * `top` and `left` are the range's first row and column (1-based).
 */
export type LookBeforeWrite = (range: Excel.Range, top: number, left: number) => void;

export async function queueSheetChanges(
  batcher: RequestBatcher,
  worksheet: Excel.Worksheet,
  plan: SheetChangePlan,
  capabilities: ExcelCapabilities,
  notes: Set<string>,
  look?: LookBeforeWrite,
): Promise<void> {
  const q = (bytes: number, enqueue: () => void) => batcher.queue(bytes, enqueue);
  // The sheet's object (getItem) the first time it is used in a request.
  await q(operationBytes({ objects: 1, payload: plan.sheet }), () => undefined);
  const rangeOf = (rect: { top: number; left: number; bottom: number; right: number }) =>
    worksheet.getRangeByIndexes(rect.top - 1, rect.left - 1, rect.bottom - rect.top + 1, rect.right - rect.left + 1);
  const band = Math.max(1024, Math.floor(batcher.budgetBytes / 4));
  /** A block in row bands that each fit one request. */
  const writeBlock = async <T>(block: Block<T>, write: (range: Excel.Range, rows: T[][]) => void) => {
    for (const part of rowBands(block.rows, band))
      await q(cellWriteBytes(part.rows, part.bytes) + (look ? LOOK_BYTES : 0), () => {
        const top = block.top + part.start;
        const range = rangeOf({ ...block, top, bottom: top + part.rows.length - 1 });
        look?.(range, top, block.left);
        write(range, part.rows);
      });
  };
  const setFormat = (rect: { top: number; left: number; bottom: number; right: number; value: string }) => {
    const rows = rect.bottom - rect.top + 1;
    const columns = rect.right - rect.left + 1;
    const formats = Array.from({ length: rows }, () => Array.from({ length: columns }, () => rect.value));
    return q(cellWriteBytes(formats), () => void (rangeOf(rect).numberFormat = formats));
  };

  // A text's `@` before the text, so that Excel never reads it as a formula, a number or a date; its own format
  // after it (Excel does not type the cell again).
  for (const rect of plan.formatsBefore) await setFormat(rect);
  for (const block of plan.values) await writeBlock(block, (range, rows) => void (range.values = rows));
  for (const block of plan.formulas) await writeBlock(block, (range, rows) => void (range.formulas = rows));
  for (const rect of plan.formatsAfter) await setFormat(rect);
  for (const block of plan.formatBlocks)
    await q(operationBytes(formatBlockShape(block)), () => applyFormats(worksheet, block));
  for (const rect of plan.layoutFormats) await setFormat(rect);
  for (const autoFilter of plan.autoFilters) {
    if (!capabilities.sheetAutoFilter) notes.add(degradationNotes.sheetAutoFilter);
    else
      await q(operationBytes({ ranges: 1, objects: 1, actions: 1, payload: autoFilter }), () =>
        worksheet.autoFilter.apply(worksheet.getRange(autoFilter)),
      );
  }
}
