import type { CellChange, RangeChange, WorkbookChanges, WorkbookGrids } from '../app/port';
import { runExcel } from './excel-run';
import type { CellContent } from '../layout/workbook-spec';
import { planCellChanges } from './cell-change-plan';
import { queueProtect, queueSheetChanges, queueUnprotect, type LookBeforeWrite } from './cell-change-queue';
import {
  cellKey,
  changeKnowledge,
  contentBefore,
  noLearntCells,
  type ColumnFormatAt,
  type LearntCells,
} from './change-knowledge';
import {
  filterApplied,
  formatReplaced,
  isWritten,
  protectionNeeds,
  setsFormat,
  type ChangeKnowledge,
} from './change-protection';
import { changeUndo, undoChange, type ChangeUndo } from './change-recovery';
import { editedDuringRewrite, loadedContent, sameContent, type EditedCell } from './edits-since-read';
import { queueAsk } from './cell-asks';
import { formulaWritten } from './grid-from-range';
import { sheetlessAddress } from './read-workbook';
import { RequestBatcher } from './request-batcher';
import type { ExcelCapabilities } from './requirements';
import { excelNameKey, queueWorkbookFacts, type WorkbookFacts } from './workbook-facts';

/**
 * Applies cell changes to the open workbook, writing those cells only: nothing else of the workbook is touched
 * (people's formats, widths, hidden columns, filters stay), but for the layout's cells still in a format it wrote
 * before (the rates' `0%`), given the current one. Round trips, whatever the number of changes:
 * - none asked beforehand when the read just before learnt what is needed (its facts and grids: protection,
 *   formulas, wholly locked sheets): one round trip, the write;
 * - otherwise one round trip to ask (the workbook's facts, what the cells hold and their number formats, the
 *   locks of cells written on protected sheets, the filters of sheets whose filter may grow, all queued
 *   together), then the write: two.
 * Only Excel on the web's request size limit splits the write, by size (RequestBatcher).
 *
 * A protected sheet that must be unprotected (change-protection.ts) is unprotected, written and protected again
 * with the options it had, in the same request.
 *
 * Never half written: what every written cell held before is known before the first write is sent (the read's
 * grids and number formats, or the ask), so when a write request fails (Office.js keeps what ran before the
 * failing action) the cells are written back and the sheets protected again (change-recovery.ts), and the
 * failure is thrown in French.
 */

export interface ChangeOptions {
  capabilities: ExcelCapabilities;
  requestBudgetBytes?: number;
  /** What a read of this workbook just learnt (protection, locks) and its grids (the cells' formulas). */
  facts?: WorkbookFacts;
  grids?: WorkbookGrids;
  /** The format the layout gives each column (its cells beyond the read's used range have it). */
  columnFormatAt?: ColumnFormatAt;
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
  // Nothing differs (« Calculer » on a workbook where nothing changed: Excel computes its own formulas), and no
  // cell is known to be in a former format of the layout, nor may be.
  const formats = changes.formats ?? [];
  const knownBefore = changeKnowledge(options.facts, options.grids, noLearntCells(), options.columnFormatAt);
  // A filter no read learnt is asked where Excel has the sheets' filters (ExcelApi 1.9), and left alone elsewhere.
  const filterToAsk = (range: RangeChange, known: ChangeKnowledge) =>
    options.capabilities.sheetAutoFilter && known.autoFilterOf(range.sheet) === undefined;
  if (
    changes.cells.length === 0 &&
    changes.ranges.every((range) => !filterApplied(range, knownBefore) && !filterToAsk(range, knownBefore)) &&
    formats.every((format) => formatReplaced(format, knownBefore) === false)
  )
    return { notes: [], syncs: 0, requestBytes: [] };
  // Set once the first write is about to be sent: a failure before it changed nothing.
  let undo: ChangeUndo | undefined;
  let written: WorkbookChanges | undefined;
  let contentBeforeChange: ((sheet: string, row: number, column: number) => CellContent | undefined) | undefined;
  // What each written cell held just before its write, loaded in the same request (edits-since-read.ts).
  const look = new LookBeforeWrites();
  try {
    return await runExcel(excel, async (context) => {
      const worksheets = context.workbook.worksheets;
      let facts = options.facts;
      const learnt = noLearntCells();
      let known = changeKnowledge(facts, options.grids, learnt, options.columnFormatAt);
      const contentAt = contentBefore(options.grids, learnt);

      // What is not known yet is asked in one round trip: the facts, what cells hold, locks of undecided cells.
      const factsOf = facts ? undefined : queueWorkbookFacts(context);
      // What a cell holds, when no read gave it: to compare formulas, and to write it back after a failure.
      const contentCells = changes.cells.filter(
        (change) => contentAt(change.sheet, change.row, change.column) === undefined,
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
        ...queueFilterAsk(
          worksheets,
          changes.ranges.filter((range) => filterToAsk(range, known)),
          learnt,
          options.capabilities,
        ),
        ...queueAsk(worksheets, contentCells, ['values', 'formulas'], (range, cell, r, c) => {
          const value = (range.values as unknown[][])[r][c];
          const formula = formulaWritten((range.formulas as unknown[][])[r][c], value);
          const key = cellKey(cell.sheet, cell.row, cell.column);
          learnt.formulas.set(key, formula);
          learnt.contents.set(
            key,
            formula === null
              ? value === '' || value === undefined
                ? null
                : (value as string | number | boolean | null)
              : { formula, result: null },
          );
        }),
        ...queueAsk(worksheets, lockCells, ['format/protection/locked'], (range, cell) => {
          const locked = range.format.protection.locked as boolean | null;
          // A block whose cells differ answers null: each of its cells counts as locked.
          learnt.locked.set(cellKey(cell.sheet, cell.row, cell.column), locked !== false);
        }),
      ];
      // Number formats are asked when a round trip is made anyway: a text's cell is given its format back after
      // the `@`, and a failed change gives every cell back the format it had. Those a format change needs to
      // decide are asked in any case (never after a read, which learnt them).
      const unknownFormats = formats.filter((format) => formatReplaced(format, known) === undefined);
      if (factsOf || asked.length > 0 || unknownFormats.length > 0) {
        const formatCells = [...changes.cells, ...unknownFormats].filter(
          (change) => known.numberFormatAt(change.sheet, change.row, change.column) === undefined,
        );
        asked.push(
          ...queueAsk(worksheets, formatCells, ['numberFormat'], (range, cell, r, c) => {
            const format = (range.numberFormat as unknown[][])[r][c];
            if (typeof format === 'string')
              learnt.numberFormats.set(cellKey(cell.sheet, cell.row, cell.column), format);
          }),
        );
      }
      let syncs = 0;
      if (factsOf || asked.length > 0 || unknownFormats.length > 0) {
        await context.sync();
        syncs += 1;
        if (factsOf) facts = factsOf();
        for (const read of asked) read();
        known = changeKnowledge(facts, options.grids, learnt, options.columnFormatAt);
      }

      written = {
        cells: changes.cells.filter((change) => isWritten(change, known)),
        ranges: changes.ranges.filter((range) => filterApplied(range, known)),
        formats: formats.filter((format) => formatReplaced(format, known) === true),
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
      undo = changeUndo(written, known, contentAt);
      contentBeforeChange = contentAt;
      // Every protection lifted before any cell is written, and put back after: a sheet that refuses to be
      // unprotected (a person's password) stops the change before a cell was written.
      for (const { plan, worksheet, protection } of plans)
        if (protection) await queueUnprotect(batcher, worksheet, plan.sheet);
      for (const { plan, worksheet } of plans)
        await queueSheetChanges(batcher, worksheet, plan, options.capabilities, notes, look.queue(plan.sheet));
      for (const { worksheet, protection } of plans)
        if (protection) await queueProtect(batcher, worksheet, protection.options);
      await batcher.flush();
      const edited = editedSinceRead(written.cells, contentAt, look.heldNow());
      if (edited.length > 0) throw editedDuringRewrite(edited);
      return { notes: [...notes], syncs: syncs + batcher.syncs, requestBytes: batcher.sentBytes };
    });
  } catch (failure) {
    if (!undo) throw failure;
    // What a person typed in a cell since the read, as the requests that went through loaded it just before
    // writing the cell, goes back with the undo rather than what was read (and they are told which cells).
    const edited = written ? editedSinceRead(written.cells, contentBeforeChange!, look.heldNow()) : [];
    return undoChange(excel, keepingEdits(undo, edited), failure, options);
  }
}

/** The written cells whose content is not what was known before the change. */
function editedSinceRead(
  cells: readonly CellChange[],
  contentAt: (sheet: string, row: number, column: number) => CellContent | undefined,
  heldNow: Map<string, CellContent>,
): EditedCell[] {
  return cells.flatMap((cell) => {
    const now = heldNow.get(cellKey(cell.sheet, cell.row, cell.column));
    const before = contentAt(cell.sheet, cell.row, cell.column);
    return now === undefined || before === undefined || sameContent(before, now)
      ? []
      : [{ sheet: cell.sheet, row: cell.row, column: cell.column, now }];
  });
}

/** The undo, writing back the person's values where they typed during the change. */
function keepingEdits(undo: ChangeUndo, edited: readonly EditedCell[]): ChangeUndo {
  if (edited.length === 0) return undo;
  const nowAt = new Map(edited.map((cell) => [cellKey(cell.sheet, cell.row, cell.column), cell.now]));
  const cells = undo.before.cells.map((cell) => {
    const now = nowAt.get(cellKey(cell.sheet, cell.row, cell.column));
    return now === undefined ? cell : { ...cell, content: now };
  });
  return { ...undo, before: { ...undo.before, cells } };
}

/**
 * The loads queued before each write of cell values or formulas, and what they gave (the requests that went
 * through).
 */
class LookBeforeWrites {
  private readonly readers: (() => void)[] = [];
  private readonly held = new Map<string, CellContent>();

  queue(sheet: string): LookBeforeWrite {
    return (range, top, left) => {
      range.load(['values', 'formulas']);
      this.readers.push(() => {
        const values = range.values as unknown[][];
        const formulas = range.formulas as unknown[][];
        values.forEach((line, r) =>
          line.forEach((value, c) =>
            this.held.set(cellKey(sheet, top + r, left + c), loadedContent(value, formulas[r][c])),
          ),
        );
      });
    };
  }

  /** What each cell held before its write, for the loads that came back (a failed request delivers none). */
  heldNow(): Map<string, CellContent> {
    for (const read of this.readers.splice(0)) {
      try {
        read();
      } catch {
        // Not delivered: its request failed. A cell it wrote before failing goes back as read (src/excel/README.md,
        // « Left open »).
      }
    }
    return this.held;
  }
}

/** Queues the load of the sheets' autofilter ranges; the readers to call after the sync note them in `learnt`. */
function queueFilterAsk(
  worksheets: Excel.WorksheetCollection,
  ranges: RangeChange[],
  learnt: LearntCells,
  capabilities: ExcelCapabilities,
): (() => void)[] {
  if (!capabilities.sheetAutoFilter) return []; // Worksheet.autoFilter is ExcelApi 1.9
  return ranges.map((range) => {
    const filter = worksheets.getItem(range.sheet).autoFilter.getRangeOrNullObject();
    filter.load('address');
    return () => learnt.autoFilters.set(excelNameKey(range.sheet), filterAddress(filter));
  });
}

/** A loaded autofilter range's address as the spec writes it (null: the sheet has no filter). */
const filterAddress = (filter: Excel.Range): string | null =>
  sheetlessAddress(filter.isNullObject ? null : filter.address);

export type { ChangeKnowledge, LearntCells };
