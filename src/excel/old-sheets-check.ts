import type { PartialWorkbookGrids, SheetGrid } from '../app/port';
import type { NotesHost } from './cell-notes';
import { notesChangedSince, notesLookLoads, notesNow, queueNotesLook, type NotesLook } from './notes-look';
import { explainExcelError } from './excel-errors';
import {
  editedBetween,
  editedDuringRewrite,
  queueSheetsLook,
  StopBeforeSwitch,
  type EditedCell,
} from './edits-since-read';
import { readSheetsInBands } from './read-workbook';
import type { RequestBatcher } from './request-batcher';
import { operationBytes } from './request-size';
import type { SwitchPlan } from './switch-plan';
import { excelNameKey, type WorkbookFacts } from './workbook-facts';

/**
 * Before the switch deletes the old sheets of a whole rewrite (or a new workbook's lone empty sheet), they are
 * loaded again (values and formulas of their used ranges, and the texts of their notes and threads, replies
 * included, where this Excel reads them: notes-look.ts) and compared with the read: a cell a person changed since,
 * or a note, a thread or a reply they added or rewrote (which the switch would delete with its sheet, unseen), stops
 * the rewrite, which the recovery undoes (new sheets removed), and the French message names the cell, or the note's
 * sheet (edits-since-read.ts).
 *
 * Where the read got every old sheet in one answer (its facts hold their number formats), the look rides in the
 * last request of the new sheets' content: its answer is smaller than the read's. Otherwise (a read in bands), or
 * when that request fails, it is made on its own: one request, or bands of rows as the read (read-workbook.ts)
 * when Excel refuses so large an answer. Either way the protection and the switch go in the request after it.
 * Returns the round trips made besides the batcher's (the recovery counts its own).
 */
export async function checkOldSheets(
  context: Excel.RequestContext,
  requests: RequestBatcher,
  plan: SwitchPlan,
  facts: WorkbookFacts,
  grids: PartialWorkbookGrids | undefined,
  host: NotesHost,
): Promise<number> {
  const readOf = new Map(
    (grids?.sheets ?? [])
      .filter((grid): grid is SheetGrid => 'rows' in grid)
      .map((grid) => [excelNameKey(grid.name), grid]),
  );
  const old = plan.sheets.flatMap((sheet) => {
    const grid = sheet.old && readOf.get(excelNameKey(sheet.old.name));
    return grid ? [grid] : [];
  });
  // A new workbook's lone sheet, empty when the write began, is deleted at the switch too (a generation, no read).
  const blank = plan.blank && !readOf.has(excelNameKey(plan.blank.name)) ? plan.blank.name : null;
  if (blank !== null) old.push({ name: blank, visibility: 'visible', rows: [] });
  if (old.length === 0) return 0;
  const names = old.map((grid) => grid.name);
  const formatsRead = new Map(facts.sheets.map((name, index) => [excelNameKey(name), facts.usedRangeFormats[index]]));
  let now: Look | null = null;
  let syncs = 0;
  // The empty sheet's answer is empty but for a person's edit: it rides along too.
  if (old.every((grid) => grid.name === blank || formatsRead.get(excelNameKey(grid.name)))) {
    let look: () => Look | null = () => null;
    const loads = (2 + notesLookLoads(host)) * old.length;
    const shape = { objects: loads, actions: loads, payload: names };
    await requests.queue(operationBytes(shape), () => (look = queueLook(context.workbook.worksheets, names, host)));
    try {
      await requests.flush();
      now = look();
    } catch (error) {
      // The request failed (a chart refused, its answer too large…): its loads came back with nothing. The old
      // sheets are looked at on their own, then the failure goes to the recovery as it would have without the
      // look (which may send the switch again: the content is whole, only the presentation is missing).
      let looked: LookedAt;
      try {
        looked = await lookedAt(context, (await lookOnItsOwn(context, names, host)).now);
      } catch {
        throw stopped(error);
      }
      throwIfEdited(old, looked);
      throw error;
    }
  } else await requests.flush();
  let looked: LookedAt;
  try {
    if (now === null) ({ now, syncs } = await lookOnItsOwn(context, names, host));
    looked = await lookedAt(context, now);
  } catch (error) {
    throw stopped(error);
  }
  throwIfEdited(old, looked);
  return syncs + looked.syncs;
}

/** The old sheets as the look's request loaded them: their cells, and their notes (null where this Excel reads none). */
interface Look {
  grids: SheetGrid[];
  notes: NotesLook | null;
}

/** The old sheets as they are now: their cells, their notes' and threads' whole texts; the round trips that took. */
interface LookedAt {
  grids: SheetGrid[];
  notes: string[][] | null;
  syncs: number;
}

/** The look completed: the threads' replies loaded (`notesNow`). */
async function lookedAt(context: Excel.RequestContext, look: Look): Promise<LookedAt> {
  const { texts, syncs } = await notesNow(context, look.notes);
  return { grids: look.grids, notes: texts, syncs };
}

/** Queues the look at the sheets; the returned function gives it, null when Excel withheld the cells. */
function queueLook(
  worksheets: Excel.WorksheetCollection,
  names: readonly string[],
  host: NotesHost,
): () => Look | null {
  const cells = queueSheetsLook(worksheets, names);
  const notes = queueNotesLook(worksheets, names, host);
  return () => {
    const grids = cells();
    return grids && { grids, notes };
  };
}

function throwIfEdited(read: readonly SheetGrid[], now: LookedAt): void {
  const edited: EditedCell[] = read.flatMap((grid, index) => editedBetween(grid, now.grids[index]));
  const noteSheets = now.notes ? read.filter((grid, index) => notesChangedSince(grid, now.notes![index])) : [];
  if (edited.length > 0 || noteSheets.length > 0)
    throw editedDuringRewrite(
      edited,
      noteSheets.map((grid) => grid.name),
    );
}

/** What the old sheets hold is not known: the content may be whole, but the switch must not follow. */
function stopped(error: unknown): StopBeforeSwitch {
  if (error instanceof StopBeforeSwitch) return error;
  const { code, message } = explainExcelError(error);
  return new StopBeforeSwitch(code, message, error);
}

/**
 * The look in a request of its own; in bands of rows when Excel refuses the whole answer or withholds cells, the
 * notes' texts then in a request of their own.
 */
async function lookOnItsOwn(
  context: Excel.RequestContext,
  names: readonly string[],
  host: NotesHost,
): Promise<{ now: Look; syncs: number }> {
  let syncs = 0;
  try {
    const look = queueLook(context.workbook.worksheets, names, host);
    syncs += 1;
    await context.sync();
    const now = look();
    if (now) return { now, syncs };
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ResponsePayloadSizeLimitExceeded') throw error;
  }
  const bands = await readSheetsInBands(context, names);
  const notes = queueNotesLook(context.workbook.worksheets, names, host);
  const noteSyncs = notes ? 1 : 0;
  if (noteSyncs > 0) await context.sync();
  return { now: { grids: bands.grids, notes }, syncs: syncs + bands.syncs + noteSyncs };
}
