import type { CellNote } from '../domain/grid';
import type { ExcelCapabilities } from './requirements';
import type { RequestBatcher } from './request-batcher';
import { operationBytes } from './request-size';

/**
 * The notes and threaded comments a person attached to cells, in the open workbook: a rewrite that rebuilds a sheet
 * deletes the old one, and Excel deletes its notes and comments with it. So a whole read loads them, as the .xlsx
 * reader does a file's (`SheetGrid.notes`), and the whole write puts each back where src/app/cell-notes-of-workbook.ts
 * placed it, on the new sheet before the switch.
 *
 * Office.js gives a comment's or a note's cell only through `getLocation()`, a method of an item: the items are
 * loaded with the used ranges, in the read's round trip, and their cells (and a comment's replies, each collection
 * loaded on its own as the reference shows) in one round trip more, only when a sheet read has any. Threaded
 * comments need ExcelApi 1.10 (`Worksheet.comments`), notes ExcelApi 1.18 (`Worksheet.notes`); where Excel lacks
 * one, that kind is not read, and the whole rewrite says so (excel-texts.ts, `degradationNotes.cellComments` /
 * `cellNotes`).
 */

/** What this Excel can read and write of the cells' notes. */
export type NotesHost = Pick<ExcelCapabilities, 'cellComments' | 'cellNotes'>;

/** A read that loads no notes (a read of some sheets only: no rewrite follows it). */
export const NO_NOTES: NotesHost = { cellComments: false, cellNotes: false };

/** The collections a read loaded for one sheet. */
export interface QueuedNotes {
  comments?: Excel.CommentCollection;
  notes?: Excel.NoteCollection;
}

/** Queues the load of the sheet's comments (their first message) and notes, those this Excel has. */
export function queueCellNotes(worksheet: Excel.Worksheet, host: NotesHost): QueuedNotes {
  const queued: QueuedNotes = {};
  if (host.cellComments) {
    queued.comments = worksheet.comments;
    queued.comments.load('items/content');
  }
  if (host.cellNotes) {
    queued.notes = worksheet.notes;
    queued.notes.load('items/content');
  }
  return queued;
}

/**
 * Queues the count of the sheet's comments and notes, those this Excel has; the returned function reads it after the
 * sync. A sheet with nothing else still holds what a person wrote there.
 */
export function queueCellNotesCount(worksheet: Excel.Worksheet, host: NotesHost): () => number {
  const comments = host.cellComments ? worksheet.comments.getCount() : undefined;
  const notes = host.cellNotes ? worksheet.notes.getCount() : undefined;
  return () => (comments?.value ?? 0) + (notes?.value ?? 0);
}

/** `'Axe 1'!$O$10` → `O10`. */
const cellOf = (address: string): string => address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');

/**
 * The notes of each sheet whose collections were loaded (undefined for a sheet not read), with their cells: one
 * round trip more when a sheet has any, none otherwise.
 */
export async function locateCellNotes(
  context: Excel.RequestContext,
  queued: readonly (QueuedNotes | undefined)[],
  host: NotesHost,
): Promise<{ notes: (CellNote[] | undefined)[]; syncs: number }> {
  const located = queued.map((one) => {
    const found: { cell: Excel.Range; note: () => Omit<CellNote, 'address'> }[] = [];
    if (host.cellComments)
      for (const comment of one?.comments?.items ?? []) {
        const replies = comment.replies.load('items/content');
        const text = comment.content;
        const note = () => ({ text, thread: { replies: replies.items.map((reply) => reply.content) } });
        found.push({ cell: comment.getLocation().load('address'), note });
      }
    if (host.cellNotes)
      for (const note of one?.notes?.items ?? []) {
        const text = note.content;
        found.push({ cell: note.getLocation().load('address'), note: () => ({ text }) });
      }
    return found;
  });
  const syncs = located.some((found) => found.length > 0) ? 1 : 0;
  if (syncs > 0) await context.sync();
  return {
    notes: located.map((found, index) =>
      queued[index] ? found.map(({ cell, note }) => ({ address: cellOf(cell.address), ...note() })) : undefined,
    ),
    syncs,
  };
}

/**
 * Queues the notes of a sheet being written (under its temporary name, before the switch): a thread as a comment
 * with its replies (Office.js makes them the current person's, dated now: it sets no author), a note as a note. A note
 * this Excel cannot write as one is written as a comment, its text kept; one it can write neither way is left out
 * (`false`), for the caller to say.
 */
export async function queueCellNotesWrite(
  requests: RequestBatcher,
  worksheet: Excel.Worksheet,
  notes: readonly CellNote[],
  host: NotesHost,
): Promise<boolean> {
  let all = true;
  for (const note of notes) {
    if (note.unread) continue;
    const replies = note.thread?.replies ?? [];
    const shape = { ranges: 1, objects: 2 + replies.length, actions: 1 + replies.length, payload: [note] };
    if (host.cellNotes && !note.thread)
      await requests.queue(operationBytes(shape), () => {
        worksheet.notes.add(worksheet.getRange(note.address), note.text);
      });
    else if (host.cellComments)
      await requests.queue(operationBytes(shape), () => {
        const comment = worksheet.comments.add(worksheet.getRange(note.address), note.text);
        for (const reply of replies) comment.replies.add(reply);
      });
    else all = false;
  }
  return all;
}
