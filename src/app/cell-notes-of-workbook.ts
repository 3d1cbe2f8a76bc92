import { cellNoteText, type CellNote, type SheetGrid } from '../domain/grid';
import { createIssue, type Issue } from '../domain/issues';
import type { Quarter } from '../domain/periods';
import { cellAddress, parseA1Range } from '../layout/a1';
import { sheetKey } from '../layout/followed-references';
import type { CellMoves, TableAsRead } from '../layout/moved-cells';
import type { WorkbookSpec } from '../layout/workbook-spec';
import { tableAsReadOfSheet } from './kept-cells-of-workbook';

/**
 * The notes (comments) a person attached to cells are typed text too (docs/WORKBOOK.md, « Rewriting a workbook »).
 * A rewrite that writes the workbook whole writes each back on the cell where that cell's content goes: in a table
 * the tools rebuild, row by key or record and column by header, as a person's formulas follow the cells they name
 * (moved-cells.ts); in a sheet of fixed shape and in a person's own sheet, at its address. A note whose place is
 * gone (its row removed from the plan, its column or its sheet gone) is said at its cell with its text: the earlier
 * file keeps it.
 */

/** The notes of one sheet as read, and its table as read when the rewrite moves its rows and columns. */
export interface SheetNotesAsRead {
  sheet: string;
  notes: CellNote[];
  table?: TableAsRead;
}

/**
 * The notes of the sheets the tools rebuild (`grids`, laid out as `baseline`, the layout of the workbook as read).
 * A note on `_ctg`, which has no table that moves, stays at its address: it is a person's text as any other.
 */
export function cellNotesOfWorkbook(
  grids: readonly SheetGrid[],
  baseline: WorkbookSpec,
  quarters: readonly Quarter[],
): SheetNotesAsRead[] {
  const built = new Map(baseline.sheets.map((sheet) => [sheet.name, sheet]));
  return grids.flatMap((grid) => {
    if (!grid.notes?.length) return [];
    const sheet = built.get(grid.name);
    const table = sheet && tableAsReadOfSheet(grid, sheet, quarters);
    return [{ sheet: grid.name, notes: grid.notes, ...(table ? { table } : {}) }];
  });
}

/** The notes of sheets copied back or kept at their shape (a person's own sheets): each stays at its address. */
export function cellNotesOfSheets(grids: readonly SheetGrid[]): SheetNotesAsRead[] {
  return grids.flatMap((grid) => (grid.notes?.length ? [{ sheet: grid.name, notes: grid.notes }] : []));
}

/** The tables whose notes move with their rows and columns. */
export const tablesOfNotes = (read: readonly SheetNotesAsRead[]): TableAsRead[] =>
  read.flatMap((one) => (one.table ? [one.table] : []));

/**
 * Writes the notes into the rebuilt workbook (changed in place), each where its cell goes (`moves`, by `sheetKey`,
 * kept-formulas.ts's `movesOfTables` of `tablesOfNotes`, taken before the kept cells are placed); returns the
 * warning for each note that has no place left.
 */
export function placeCellNotes(
  spec: WorkbookSpec,
  read: readonly SheetNotesAsRead[],
  moves: ReadonlyMap<string, CellMoves>,
): Issue[] {
  const issues: Issue[] = [];
  for (const { sheet: name, notes, table } of read) {
    const sheet = spec.sheets.find((candidate) => candidate.name === name);
    const cellMoves = table ? moves.get(sheetKey(name)) : undefined;
    const taken = new Set((sheet?.notes ?? []).map((note) => note.address));
    for (const note of notes) {
      if (note.unread) {
        issues.push(
          createIssue('cell-note-not-kept', { sheet: name, cell: note.address }, { text: '', unread: 'yes' }),
        );
        continue;
      }
      const address = !sheet ? null : cellMoves ? movedAddress(cellMoves, note.address) : note.address;
      if (!sheet || address === null || taken.has(address)) {
        issues.push(
          createIssue('cell-note-not-kept', { sheet: name, cell: note.address }, { text: cellNoteText(note) }),
        );
        continue;
      }
      taken.add(address);
      // A thread read in Excel stays a thread, its replies with it.
      sheet.notes = [...(sheet.notes ?? []), { ...note, address }];
    }
  }
  return issues;
}

/** Where the cell at `address` of a table sheet as read is once rewritten; null when it is gone. */
function movedAddress(moves: CellMoves, address: string): string | null {
  const cell = parseA1Range(address);
  if (!cell) return null;
  const moved = moves.area({ top: cell.top, bottom: cell.top, left: cell.left, right: cell.left });
  if (moved.kind === 'same') return address;
  if (moved.kind !== 'moved' || moved.area.top === null || moved.area.left === null) return null;
  return cellAddress(moved.area.top, moved.area.left);
}
