/**
 * The notes (comments) attached to a sheet's cells: the sheet's `comments` relationship, one `<comment ref>` each,
 * its text's runs joined as a shared string's. Excel's threaded comments keep such a note beside them too, for the
 * applications that read no thread: every note a spreadsheet shows is here.
 */
import type { CellNote, NotesDamage } from '../../domain/grid';
import type { XlsxReadLimits } from './limits';
import { XlsxReadFailure } from './read-error';
import { readRelationships, relationshipOfKind } from './relationships';
import { RichTextCollector } from './rich-text';
import { findPart, parseXmlPart, type PackageSource, type XmlHandlers } from './xml-part';

/** A sheet's notes as read, or why they could not be. */
export type SheetNotes = { notes: CellNote[] } | { unread: NotesDamage };

/**
 * The notes of the sheet whose part is `sheetPart`, in the file's order; none when it has no comments part. A damaged
 * notes part (or relationships part) leaves the sheet's cells read: it is told as such, not as the sheet's damage.
 * A limit the whole read keeps (a part inflating past the budget: `zip-bomb`) still stops it.
 */
export function readCellNotes(source: PackageSource, sheetPart: string, limits: XlsxReadLimits): SheetNotes {
  let target: string | undefined;
  try {
    target = relationshipOfKind(readRelationships(source, sheetPart), 'comments')?.target;
  } catch (error) {
    return unreadFor(error, 'damaged');
  }
  if (target === undefined) return { notes: [] };
  const entry = findPart(source, target);
  if (!entry) return { unread: 'missing' };
  try {
    const read = parseXmlPart(source, entry, () => notesReader(limits));
    // A relationship pointing at another part (a sheet, the styles) names no notes part at all.
    return read.root === 'comments' ? { notes: read.notes } : { unread: 'missing' };
  } catch (error) {
    return unreadFor(error);
  }
}

function unreadFor(error: unknown, damage?: NotesDamage): SheetNotes {
  if (!(error instanceof XlsxReadFailure) || error.code === 'zip-bomb') throw error;
  if (damage) return { unread: damage };
  return { unread: error.code === 'truncated' ? 'cut' : error.code === 'invalid-xml' ? 'malformed' : 'damaged' };
}

function notesReader(limits: XlsxReadLimits): XmlHandlers & { notes: CellNote[]; root: string | null } {
  const notes: CellNote[] = [];
  const collector = new RichTextCollector(limits.maxCellTextChars);
  let address: string | null = null;
  let inText = false;
  // The first element: a notes part's is `comments`.
  let root: string | null = null;
  return {
    notes,
    get root() {
      return root;
    },
    open(name, attributes) {
      root ??= name;
      if (name === 'comment') {
        address = attributes.ref ?? null;
        collector.reset();
      } else if (name === 'text' && address !== null) inText = true;
      else if (inText) collector.open(name);
    },
    close(name) {
      if (name === 'text') inText = false;
      else if (name === 'comment') {
        // A text past a cell's limit is not held: the note is still named where it is, as unread.
        if (address !== null) {
          const text = collector.value();
          notes.push(text === null ? { address, text: '', unread: true } : { address, text });
        }
        address = null;
      } else if (inText) collector.close(name);
    },
    text(text) {
      if (inText) collector.text(text);
    },
  };
}
