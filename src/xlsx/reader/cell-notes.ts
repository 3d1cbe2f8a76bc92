/**
 * The notes (comments) attached to a sheet's cells: the sheet's `comments` relationship, one `<comment ref>` each,
 * its text's runs joined as a shared string's. Excel's threaded comments keep such a note beside them too, for the
 * applications that read no thread: every note a spreadsheet shows is here.
 */
import type { CellNote } from '../../domain/grid';
import type { XlsxReadLimits } from './limits';
import { readRelationships, relationshipOfKind } from './relationships';
import { RichTextCollector } from './rich-text';
import { findPart, parseXmlPart, type PackageSource, type XmlHandlers } from './xml-part';

/** The notes of the sheet whose part is `sheetPart`, in the file's order; none when it has no comments part. */
export function readCellNotes(source: PackageSource, sheetPart: string, limits: XlsxReadLimits): CellNote[] {
  const comments = relationshipOfKind(readRelationships(source, sheetPart), 'comments');
  const entry = comments && findPart(source, comments.target);
  if (!entry) return [];
  return parseXmlPart(source, entry, () => notesReader(limits)).notes;
}

function notesReader(limits: XlsxReadLimits): XmlHandlers & { notes: CellNote[] } {
  const notes: CellNote[] = [];
  const collector = new RichTextCollector(limits.maxCellTextChars);
  let address: string | null = null;
  let inText = false;
  return {
    notes,
    open(name, attributes) {
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
