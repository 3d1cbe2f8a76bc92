import type { CellChange, WorkbookChanges, WorkbookGrids } from '../app/port';
import { planCellChanges, type Block, type SheetChangePlan } from './cell-change-plan';
import { cellKey, changeKnowledge, noLearntCells, type LearntCells } from './change-knowledge';
import { isWritten, protectionNeeds, setsFormat, type ChangeKnowledge } from './change-protection';
import { degradationNotes } from './excel-texts';
import { rectanglesOf } from './rectangles';
import { RequestBatcher, rowBands } from './request-batcher';
import { cellWriteBytes, operationBytes } from './request-size';
import type { ExcelCapabilities } from './requirements';
import { applyFormats, formatBlockShape } from './write-workbook';
import { excelNameKey, queueWorkbookFacts, type WorkbookFacts } from './workbook-facts';

/**
 * Applies cell changes to the open workbook, writing those cells only: nothing else of the workbook is touched
 * (people's formats, widths, hidden columns, filters stay). Round trips, whatever the number of changes:
 * - none asked beforehand when the read just before learnt what is needed (its facts and grids: protection,
 *   formulas, wholly locked sheets): one round trip, the write;
 * - otherwise one round trip to ask (the workbook's facts, the current formulas of the formula cells, the locks
 *   of cells written on protected sheets, all queued together), then the write: two.
 * Only Excel on the web's request size limit splits the write, by size (RequestBatcher).
 *
 * A protected sheet that must be unprotected (change-protection.ts) is unprotected, written and protected again
 * with the options it had, in the same request.
 */

export interface ChangeOptions {
  capabilities: ExcelCapabilities;
  requestBudgetBytes?: number;
  /** What a read of this workbook just learnt (protection, locks) and its grids (the cells' formulas). */
  facts?: WorkbookFacts;
  grids?: WorkbookGrids;
}

export interface ChangeOutcome {
  notes: string[];
  syncs: number;
  /** The counted size of each batched request (RequestBatcher.sentBytes). */
  requestBytes: number[];
}

export async function changeWorkbook(
  excel: typeof Excel,
  changes: WorkbookChanges,
  options: ChangeOptions,
): Promise<ChangeOutcome> {
  // Nothing differs (« Calculer » on a workbook where nothing changed: Excel computes its own formulas).
  if (changes.cells.length === 0 && changes.ranges.length === 0) return { notes: [], syncs: 0, requestBytes: [] };
  return excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    let facts = options.facts;
    const learnt = noLearntCells();
    let known = changeKnowledge(facts, options.grids, learnt);

    // What is not known yet is asked in one round trip: the facts, formulas to compare, locks of undecided cells.
    const factsOf = facts ? undefined : queueWorkbookFacts(context);
    const formulaCells = changes.cells.filter(
      (change) =>
        isFormulaChange(change) &&
        !change.style &&
        known.formulaAt(change.sheet, change.row, change.column) === undefined,
    );
    const undecided = new Set(
      [...protectionNeeds(changes, known).entries()].filter(([, { need }]) => need === 'unknown').map(([key]) => key),
    );
    const lockCells = changes.cells.filter(
      (change) =>
        (facts ? undecided.has(excelNameKey(change.sheet)) : true) &&
        !setsFormat(change) &&
        known.lockedAt(change.sheet, change.row, change.column) === undefined,
    );
    const asked = [
      ...queueAsk(worksheets, formulaCells, ['formulas'], (range, cell, r, c) => {
        const text = (range.formulas as unknown[][])[r][c];
        learnt.formulas.set(cellKey(cell.sheet, cell.row, cell.column), formulaOf(text));
      }),
      ...queueAsk(worksheets, lockCells, ['format/protection/locked'], (range, cell) => {
        const locked = range.format.protection.locked as boolean | null;
        // A block whose cells differ answers null: each of its cells counts as locked.
        learnt.locked.set(cellKey(cell.sheet, cell.row, cell.column), locked !== false);
      }),
    ];
    // A text's cell is given its format back after the `@`: its format is asked when a round trip is made anyway.
    if (factsOf || asked.length > 0) {
      const formatCells = changes.cells.filter(
        (change) =>
          typeof change.content === 'string' &&
          change.style?.numFmt === undefined &&
          known.numberFormatAt(change.sheet, change.row, change.column) === undefined,
      );
      asked.push(
        ...queueAsk(worksheets, formatCells, ['numberFormat'], (range, cell, r, c) => {
          const format = (range.numberFormat as unknown[][])[r][c];
          if (typeof format === 'string') learnt.numberFormats.set(cellKey(cell.sheet, cell.row, cell.column), format);
        }),
      );
    }
    let syncs = 0;
    if (factsOf || asked.length > 0) {
      await context.sync();
      syncs += 1;
      if (factsOf) facts = factsOf();
      for (const read of asked) read();
      known = changeKnowledge(facts, options.grids, learnt);
    }

    const written: WorkbookChanges = {
      cells: changes.cells.filter((change) => isWritten(change, known)),
      ranges: changes.ranges,
    };
    const lift = new Set(
      [...protectionNeeds(written, known).entries()].filter(([, { need }]) => need !== 'keep').map(([key]) => key),
    );
    const notes = new Set<string>();
    const batcher = new RequestBatcher(context, options.requestBudgetBytes);
    const plans = planCellChanges(written, known.numberFormatAt).map((plan) => ({
      plan,
      worksheet: worksheets.getItem(plan.sheet),
      // Known once the facts are (a sheet missing from them fails at getItem, before any change).
      protection: lift.has(excelNameKey(plan.sheet)) ? known.protectionOf(plan.sheet) : undefined,
    }));
    // Every protection lifted before any cell is written, and put back after: a sheet that refuses to be
    // unprotected (a person's password) stops the change before a cell was written.
    for (const { plan, worksheet, protection } of plans)
      if (protection)
        await batcher.queue(operationBytes({ objects: 2, actions: 1, payload: plan.sheet }), () =>
          worksheet.protection.unprotect(),
        );
    for (const { plan, worksheet } of plans)
      await queueSheetChanges(batcher, worksheet, plan, options.capabilities, notes);
    for (const { worksheet, protection } of plans)
      if (protection)
        await batcher.queue(operationBytes({ objects: 1, actions: 1, payload: protection.options }), () =>
          worksheet.protection.protect(protection.options),
        );
    await batcher.flush();
    return { notes: [...notes], syncs: syncs + batcher.syncs, requestBytes: batcher.sentBytes };
  });
}

const isFormulaChange = (change: CellChange): boolean => change.content !== null && typeof change.content === 'object';

/** A cell's formula as Office.js gives it (`=…`), without `=`; null for a constant. */
function formulaOf(text: unknown): string | null {
  return typeof text === 'string' && text.startsWith('=') ? text.slice(1) : null;
}

/**
 * Queues the load of `properties` over rectangles of the given cells (one range per block of neighbours), and
 * returns the readers to call after the sync; `read(range, cell, r, c)` is called for each cell of a block.
 */
function queueAsk(
  worksheets: Excel.WorksheetCollection,
  cells: CellChange[],
  properties: string[],
  read: (range: Excel.Range, cell: CellChange, r: number, c: number) => void,
): (() => void)[] {
  const bySheet = new Map<string, CellChange[]>();
  for (const cell of cells) {
    const key = excelNameKey(cell.sheet);
    bySheet.set(key, [...(bySheet.get(key) ?? []), cell]);
  }
  const readers: (() => void)[] = [];
  for (const sheetCells of bySheet.values()) {
    const worksheet = worksheets.getItem(sheetCells[0].sheet);
    const top = Math.min(...sheetCells.map((cell) => cell.row));
    const left = Math.min(...sheetCells.map((cell) => cell.column));
    const height = Math.max(...sheetCells.map((cell) => cell.row)) - top + 1;
    const width = Math.max(...sheetCells.map((cell) => cell.column)) - left + 1;
    const at = new Map(sheetCells.map((cell) => [`${cell.row - top}|${cell.column - left}`, cell]));
    for (const rect of rectanglesOf(height, width, (row, column) =>
      at.has(`${row - 1}|${column - 1}`) ? 1 : undefined,
    )) {
      const range = worksheet.getRangeByIndexes(
        top + rect.top - 2,
        left + rect.left - 2,
        rect.bottom - rect.top + 1,
        rect.right - rect.left + 1,
      );
      // The caller names the properties (formulas or locks): never an empty load.
      // eslint-disable-next-line office-addins/no-empty-load
      range.load(properties);
      readers.push(() => {
        for (let r = 0; r <= rect.bottom - rect.top; r += 1)
          for (let c = 0; c <= rect.right - rect.left; c += 1)
            read(range, at.get(`${rect.top - 1 + r}|${rect.left - 1 + c}`)!, r, c);
      });
    }
  }
  return readers;
}

async function queueSheetChanges(
  batcher: RequestBatcher,
  worksheet: Excel.Worksheet,
  plan: SheetChangePlan,
  capabilities: ExcelCapabilities,
  notes: Set<string>,
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
      await q(cellWriteBytes(part.rows), () =>
        write(
          rangeOf({ ...block, top: block.top + part.start, bottom: block.top + part.start + part.rows.length - 1 }),
          part.rows,
        ),
      );
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
  for (const autoFilter of plan.autoFilters) {
    if (!capabilities.sheetAutoFilter) notes.add(degradationNotes.sheetAutoFilter);
    else
      await q(operationBytes({ ranges: 1, objects: 1, actions: 1, payload: autoFilter }), () =>
        worksheet.autoFilter.apply(worksheet.getRange(autoFilter)),
      );
  }
}

export type { ChangeKnowledge, LearntCells };
