import { isSkipped, type AnyWorkbookGrids } from '../domain/grid';
import { createIssue, type Issue } from '../domain/issues';

/**
 * The sheets whose notes (comments) the .xlsx reader could not read, their part damaged (`SheetGrid.notesUnread`):
 * the cells are read as they are, but a rewrite that writes the workbook whole would drop those notes unsaid. It is
 * refused, naming each such sheet (`cell-notes-unreadable`); one that only patches cells leaves the notes' part as
 * it was, and goes on (rewrite-use-cases.ts). `validate` names them too.
 */
export function unreadNotesIssues(grids: AnyWorkbookGrids): Issue[] {
  return grids.sheets.flatMap((sheet) =>
    !isSkipped(sheet) && sheet.notesUnread
      ? [createIssue('cell-notes-unreadable', { sheet: sheet.name, cell: null }, { damage: sheet.notesUnread })]
      : [],
  );
}
