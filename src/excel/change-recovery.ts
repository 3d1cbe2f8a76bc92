import type { CellChange, WorkbookChanges } from '../app/port';
import { runExcel } from './excel-run';
import type { CellContent } from '../layout/workbook-spec';
import { planCellChanges, type NumberFormatAt, type SheetChangePlan } from './cell-change-plan';
import { queueProtect, queueSheetChanges, queueUnprotect } from './cell-change-queue';
import { queueAsk } from './cell-asks';
import { cellKey } from './change-knowledge';
import { protectionNeeds, setsFormat, type ChangeKnowledge } from './change-protection';
import { loadedContent, sameContent, undoRefused } from './edits-since-read';
import { leaving } from './excel-errors';
import { RequestBatcher } from './request-batcher';
import type { ExcelCapabilities } from './requirements';
import { excelNameKey } from './workbook-facts';

/**
 * Undoes a cell change that failed part way. Office.js does not roll a failed request back: the requests sent
 * before it and the actions of the failing one before the failing action stay applied, so sheets may be left
 * unprotected and cells half written. The undo writes back, in a new request (split by size as the change was),
 * every cell the change writes as it was before (content, and number format where the change sets one), with
 * the same planning and queueing as the change, then protects again, with the options they had, the sheets the
 * change or the undo lifts. It costs one round trip more to learn which of them are still protected (protect()
 * fails on a protected sheet). Either way the person is told the first failure, in French.
 *
 * Not undone: the autofilter ranges the change re-applies (a filter over a longer range of a record sheet is
 * harmless), and the other formats (borders, fill, fonts) a new line's cells are given: only number formats
 * change what a cell holds. A cell whose number format was not known before (outside the used range of the read
 * just before, where no round trip asks it) keeps the one the change gave it: it was empty and is again.
 */

export interface ChangeUndo {
  /**
   * The cells written back: their content before the change, their number format where the change sets one (the
   * layout's formats given back as they were).
   */
  before: WorkbookChanges;
  /** Every sheet the change or its undo unprotects, with the options to protect it again with. */
  protections: { sheet: string; options: Excel.WorksheetProtectionOptions }[];
  /** Number formats before the change, which a text written back is given after its `@`. */
  formatAt: NumberFormatAt;
  /** What the change writes in each cell (by `cellKey`): a cell holding something else now is a person's. */
  wrote: Map<string, CellContent>;
}

/** What undoes `written` (the cells the change writes), from what was known of them before it. */
export function changeUndo(
  written: WorkbookChanges,
  known: ChangeKnowledge,
  contentAt: (sheet: string, row: number, column: number) => CellContent | undefined,
): ChangeUndo {
  const cells: CellChange[] = [];
  for (const change of written.cells) {
    const { sheet, row, column } = change;
    const content = contentAt(sheet, row, column);
    // Asked whenever no read gave it: never unknown in practice.
    if (content === undefined) continue;
    const format = known.numberFormatAt(sheet, row, column);
    cells.push({
      sheet,
      row,
      column,
      content,
      ...(setsFormat(change) && format !== undefined ? { style: { numFmt: format } } : {}),
    });
  }
  // A cell given the layout's format gets its former one back (always known: it decided the change).
  const formats = (written.formats ?? []).flatMap((change) => {
    const format = known.numberFormatAt(change.sheet, change.row, change.column);
    return format === undefined ? [] : [{ ...change, numFmt: format, former: [change.numFmt] }];
  });
  const before = { cells, ranges: [], formats };
  const lifted = protectionNeeds(
    { cells: [...written.cells, ...cells], ranges: written.ranges, formats: written.formats },
    known,
  );
  const protections = [...lifted.values()].flatMap(({ sheet, need }) => {
    const protection = known.protectionOf(sheet);
    return need !== 'keep' && protection ? [{ sheet, options: protection.options }] : [];
  });
  const wrote = new Map(written.cells.map((cell) => [cellKey(cell.sheet, cell.row, cell.column), cell.content]));
  return { before, protections, formatAt: known.numberFormatAt, wrote };
}

interface SheetUndo {
  name: string;
  worksheet: Excel.Worksheet;
  plan?: SheetChangePlan;
  options?: Excel.WorksheetProtectionOptions;
}

/** Writes the workbook back as it was before the change, then throws the change's failure, in French. */
export async function undoChange(
  excel: typeof Excel,
  undo: ChangeUndo,
  failure: unknown,
  options: { capabilities: ExcelCapabilities; requestBudgetBytes?: number },
): Promise<never> {
  let undone = false;
  try {
    await runExcel(excel, async (context) => {
      const sheets = new Map<string, SheetUndo>();
      const entry = (sheet: string) => {
        const key = excelNameKey(sheet);
        let found = sheets.get(key);
        if (!found) sheets.set(key, (found = { name: sheet, worksheet: context.workbook.worksheets.getItem(sheet) }));
        return found;
      };
      // What the cells hold now, with the protections: a cell holding neither what the change wrote nor what it
      // held before was typed by a person since, and stays as they left it.
      const heldNow = new Map<string, CellContent>();
      const asks = queueAsk(
        context.workbook.worksheets,
        undo.before.cells,
        ['values', 'formulas'],
        (range, cell, r, c) =>
          heldNow.set(
            cellKey(cell.sheet, cell.row, cell.column),
            loadedContent((range.values as unknown[][])[r][c], (range.formulas as unknown[][])[r][c]),
          ),
      );
      for (const { sheet, options: protectOptions } of undo.protections) entry(sheet).options = protectOptions;
      const lifted = [...sheets.values()].filter((sheet) => sheet.options);
      for (const { worksheet } of lifted) worksheet.protection.load('protected');
      await context.sync();
      for (const read of asks) read();
      const before = { ...undo.before, cells: undo.before.cells.filter((cell) => !typedSince(undo, cell, heldNow)) };
      for (const plan of planCellChanges(before, undo.formatAt)) entry(plan.sheet).plan = plan;
      const protectedNow = (sheet: SheetUndo) => Boolean(sheet.options && sheet.worksheet.protection.protected);
      // The sheets still protected last: one that refuses to be unprotected (a person's password, where the change
      // itself stopped) then stops the undo once the others are whole again.
      const order = [...sheets.values()].sort((a, b) => Number(protectedNow(a)) - Number(protectedNow(b)));
      const batcher = new RequestBatcher(context, options.requestBudgetBytes);
      for (const sheet of order) {
        const { worksheet, plan, options: protectOptions } = sheet;
        if (protectedNow(sheet)) await queueUnprotect(batcher, worksheet, sheet.name);
        if (plan) await queueSheetChanges(batcher, worksheet, plan, options.capabilities, new Set());
        if (protectOptions) await queueProtect(batcher, worksheet, protectOptions);
      }
      await batcher.flush();
    });
    undone = true;
  } catch {
    // The undo failed too: the first failure is the one that says what happened, and that cells may stay written.
  }
  throw undone ? leaving(failure, 'restored') : leaving(undoRefused(failure), 'cells-maybe-changed');
}

/** Whether a person typed in the cell since the change wrote it (or instead of it, in a request that failed). */
function typedSince(undo: ChangeUndo, cell: CellChange, heldNow: Map<string, CellContent>): boolean {
  const key = cellKey(cell.sheet, cell.row, cell.column);
  const now = heldNow.get(key);
  const wrote = undo.wrote.get(key);
  return now !== undefined && wrote !== undefined && !sameContent(wrote, now) && !sameContent(cell.content, now);
}
