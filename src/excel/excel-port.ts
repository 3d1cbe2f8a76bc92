import { ctgMetaRows, META_VALUE_COLUMN } from '../layout/sheets/ctg-meta/ctg-meta-layout';
import { sheetNames } from '../layout/texts';
import type {
  CellChange,
  WorkbookChanger,
  WorkbookChanges,
  PartialWorkbookGrids,
  ReadOptions,
  WorkbookPort,
  WorkbookGrids,
  WriteContext,
} from '../app/port';
import type { WorkbookSpec } from '../layout/workbook-spec';
import { changeKnowledge, type ColumnFormatAt } from './change-knowledge';
import { excelUndoKept } from './change-protection';
import { changeWorkbook } from './change-workbook';
import { excelWorkbookError, toExcelWorkbookError, type WorkbookLeft } from './excel-errors';
import { readWorkbook } from './read-workbook';
import { selectCell, type SelectedCell } from './select-cell';
import { detectCapabilities, type ExcelCapabilities, type OfficeRequirements } from './requirements';
import { excelNameKey, type WorkbookFacts } from './workbook-facts';
import { writeWorkbookSpec, type WriteOutcome } from './write-workbook';

/**
 * The open workbook as a WorkbookPort (src/app's use cases run on it as on an .xlsx file). Office.js is taken from
 * the globals the add-in's page has (`Excel`, `Office`), or injected (tests, the end-to-end page's fake).
 * Failures reject with an ExcelWorkbookError whose message is French and says what to do.
 */

export interface ExcelPortOptions {
  /** The Excel namespace; default the global one. */
  excel?: typeof Excel;
  /** For requirement-set checks; default the global `Office`. */
  office?: OfficeRequirements;
  /** Request size budget per sync (bytes); default just under Excel on the web's 5 MB. */
  requestBudgetBytes?: number;
}

export interface ExcelPort extends WorkbookPort, WorkbookChanger {
  /** The French notes of the last `write` or `change` (features this version of Excel lacks); empty when all was written. */
  notes(): readonly string[];
  /** Round trips of the last `write` or `change`. */
  lastWriteSyncs(): number;
  /** Size of each batched request of the last `write` or `change`, as counted before sending (request-size.ts). */
  lastWriteRequestBytes(): readonly number[];
  /**
   * Whether Excel's « Annuler » will undo these changes (null: a rewrite that rebuilds sheets), from what the last
   * read learnt (protected sheets, locked cells) and whether this Excel keeps add-in writes on its undo stack.
   */
  excelUndoKept(changes: WorkbookChanges | null): boolean;
  /**
   * Whether Excel's « Annuler » will undo a rewrite (Calculer, Clôturer le trimestre), said before it runs: every
   * rewrite writes `_ctg`'s last write date (a text), so it is `excelUndoKept` of that change at least.
   */
  rewriteKeepsExcelUndo(): boolean;
  /** What this Excel can do (ExcelApi requirement sets). */
  capabilities(): ExcelCapabilities;
  /**
   * Shows a cell to the user: activates its sheet and selects it (an issue clicked in the task pane). A hidden sheet is
   * made visible first, and named in the answer, for the pane to say so.
   */
  select(sheet: string, address: string): Promise<SelectedCell>;
}

/** The cell every rewrite writes: `_ctg`'s last write date, a text (src/layout/sheets/ctg-meta/ctg-meta-layout.ts). */
const rewriteStamp = (): CellChange => ({
  sheet: sheetNames.meta,
  row: ctgMetaRows.lastWrittenAt,
  column: META_VALUE_COLUMN,
  content: new Date().toISOString(),
});

function globalOf<T>(name: string): T | undefined {
  return (globalThis as Record<string, unknown>)[name] as T | undefined;
}

export function createExcelPort(options: ExcelPortOptions = {}): ExcelPort {
  const excel = (): typeof Excel => {
    const api = options.excel ?? globalOf<typeof Excel>('Excel');
    if (!api) throw excelWorkbookError('ExcelUnavailable');
    return api;
  };
  const capabilities = () => detectCapabilities(options.office ?? globalOf<OfficeRequirements>('Office'));
  let last: WriteOutcome = { notes: [], syncs: 0, sheets: [], requestBytes: [] };
  // The sheets as last seen: the next read guesses them and checks the guess in the same round trip.
  let knownSheets: string[] = [];
  // The sheets the last read saw hidden: showing a cell of one makes it visible in the same round trip.
  let hiddenSheets = new Set<string>();
  // What each read learnt, for the write that follows it (a rewrite needs no round trip to learn it again).
  const factsOfRead = new WeakMap<PartialWorkbookGrids, WorkbookFacts>();
  // The last read, for the undo outlook the pane shows before a rewrite.
  let lastRead: { grids: WorkbookGrids; facts: WorkbookFacts } | undefined;

  const undoKept = (changes: WorkbookChanges | null): boolean =>
    excelUndoKept(changes, {
      undoSupported: capabilities().undo,
      known: changeKnowledge(lastRead?.facts, lastRead?.grids),
    });

  // A failure says what it left in the workbook: the writers say it when they sent writes (restored, or maybe
  // changed when the undo failed too); any other failure came before the first write, or from a read.
  const guarded = async <T>(work: () => Promise<T>, left: WorkbookLeft = 'untouched'): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw toExcelWorkbookError(error, left);
    }
  };

  // Every sheet read without options; with `sheets`, only the selected ones' used ranges are loaded.
  function read(): Promise<WorkbookGrids>;
  function read(options: ReadOptions): Promise<PartialWorkbookGrids>;
  function read(options?: ReadOptions): Promise<PartialWorkbookGrids> {
    return guarded(async () => {
      const reading = await readWorkbook(excel(), knownSheets, options?.sheets, capabilities());
      knownSheets = reading.facts.sheets;
      hiddenSheets = new Set(knownSheets.filter((_, index) => reading.facts.visibility[index] !== 'Visible'));
      factsOfRead.set(reading.grids, reading.facts);
      // A whole read is what a rewrite follows: the undo outlook the pane shows is of it.
      lastRead = options?.sheets ? undefined : { grids: reading.grids as WorkbookGrids, facts: reading.facts };
      return reading.grids;
    });
  }

  return {
    read,
    write: (spec: WorkbookSpec, context?: WriteContext): Promise<void> =>
      guarded(async () => {
        const found = capabilities();
        if (!found.minimum) throw excelWorkbookError('ExcelApiTooOld');
        const facts = context?.after && factsOfRead.get(context.after);
        // Facts serve the one write that follows their read: after it the workbook is another.
        if (context?.after) factsOfRead.delete(context.after);
        lastRead = undefined;
        if (context?.changes) {
          // The spec keeps the workbook's shape: only the cells that differ are written.
          const outcome = await changeWorkbook(excel(), context.changes, {
            capabilities: found,
            requestBudgetBytes: options.requestBudgetBytes,
            facts: facts || undefined,
            grids: facts ? context.after : undefined,
            columnFormatAt: columnFormatsOf(spec),
          });
          last = { ...outcome, sheets: knownSheets };
          return;
        }
        last = await writeWorkbookSpec(excel(), spec, {
          capabilities: found,
          requestBudgetBytes: options.requestBudgetBytes,
          facts: facts || undefined,
          grids: context?.after,
        });
        knownSheets = last.sheets;
      }),
    change: (changes: WorkbookChanges): Promise<void> =>
      guarded(async () => {
        const found = capabilities();
        if (!found.minimum) throw excelWorkbookError('ExcelApiTooOld');
        lastRead = undefined;
        const outcome = await changeWorkbook(excel(), changes, {
          capabilities: found,
          requestBudgetBytes: options.requestBudgetBytes,
        });
        last = { ...outcome, sheets: knownSheets };
      }),
    excelUndoKept: undoKept,
    rewriteKeepsExcelUndo: () => undoKept({ cells: [rewriteStamp()], ranges: [] }),
    notes: () => last.notes,
    lastWriteSyncs: () => last.syncs,
    lastWriteRequestBytes: () => last.requestBytes,
    capabilities,
    select: (sheet: string, address: string): Promise<SelectedCell> =>
      guarded(async () => {
        const selected = await selectCell(excel(), sheet, address, hiddenSheets.has(sheet));
        hiddenSheets.delete(sheet);
        return selected;
      }),
  };
}

/** The number format the spec gives each column (General when none), which a whole write sets on the column. */
function columnFormatsOf(spec: WorkbookSpec): ColumnFormatAt {
  const sheets = new Map(spec.sheets.map((sheet) => [excelNameKey(sheet.name), sheet]));
  return (sheet, column) => {
    const found = sheets.get(excelNameKey(sheet));
    return found ? (found.columns[column - 1]?.numFmt ?? 'General') : undefined;
  };
}
