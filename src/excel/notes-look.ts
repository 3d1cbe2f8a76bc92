import { cellNoteText, type SheetGrid } from '../domain/grid';
import { queueCellNotes, type NotesHost, type QueuedNotes } from './cell-notes';

/**
 * The look at the notes and threaded comments of the sheets a whole rewrite is about to delete (old-sheets-check.ts):
 * the rewrite writes back those its read found, and Excel deletes the old sheets' with them, so one a person added,
 * removed or rewrote since the read — a note, a thread, a reply — must stop it. Each is compared by its whole text
 * (a thread's messages joined, `cellNoteText`), as the read gave it.
 */

/** The sheets' notes and threads as the look's request loads them; their threads' replies follow (`notesNow`). */
export interface NotesLook {
  queued: QueuedNotes[];
  host: NotesHost;
}

/** Queues the load of the sheets' notes and threads, those this Excel reads; null where it reads neither. */
export function queueNotesLook(
  worksheets: Excel.WorksheetCollection,
  names: readonly string[],
  host: NotesHost,
): NotesLook | null {
  if (!host.cellComments && !host.cellNotes) return null;
  return { queued: names.map((name) => queueCellNotes(worksheets.getItem(name), host)), host };
}

/** How many collections `queueNotesLook` loads for each sheet (for the request's size). */
export const notesLookLoads = (host: NotesHost): number => Number(host.cellComments) + Number(host.cellNotes);

/**
 * Once the look's request is back: the texts of each sheet's notes and threads, the threads' replies loaded in one
 * round trip more, only where a sheet has a thread (a collection of an item is loaded once the item is known).
 */
export async function notesNow(
  context: Excel.RequestContext,
  look: NotesLook | null,
): Promise<{ texts: string[][] | null; syncs: number }> {
  if (!look) return { texts: null, syncs: 0 };
  const { queued, host } = look;
  const threads = queued.map(({ comments }) => {
    const loaded: { text: string; replies: Excel.CommentReplyCollection }[] = [];
    if (host.cellComments)
      for (const comment of comments?.items ?? [])
        loaded.push({ text: comment.content, replies: comment.replies.load('items/content') });
    return loaded;
  });
  const syncs = threads.some((sheet) => sheet.length > 0) ? 1 : 0;
  if (syncs > 0) await context.sync();
  const texts = queued.map(({ notes }, index) => {
    const found: string[] = [];
    if (host.cellComments)
      for (const { text, replies } of threads[index])
        found.push(
          cellNoteText({ address: '', text, thread: { replies: replies.items.map((reply) => reply.content) } }),
        );
    if (host.cellNotes) for (const note of notes?.items ?? []) found.push(note.content);
    return found;
  });
  return { texts, syncs };
}

/**
 * Whether a sheet's notes and threads now (`now`, their whole texts) differ from those its read found: one added,
 * removed or rewritten, a reply included. A note read without its text (past a cell's limit) stands for any one
 * text; a sheet whose notes could not be read is not judged.
 */
export function notesChangedSince(read: SheetGrid, now: readonly string[]): boolean {
  if (read.notesUnread) return false;
  const notes = read.notes ?? [];
  if (notes.length !== now.length) return true;
  const left = new Map<string, number>();
  for (const text of now) left.set(text, (left.get(text) ?? 0) + 1);
  let unmatched = 0;
  for (const note of notes) {
    if (note.unread) continue;
    const text = cellNoteText(note);
    const count = left.get(text) ?? 0;
    if (count > 0) left.set(text, count - 1);
    else unmatched += 1;
  }
  return unmatched > 0;
}
