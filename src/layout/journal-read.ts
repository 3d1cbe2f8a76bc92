import { gridCell, type SheetGrid } from '../domain/grid';
import { JOURNAL_FIRST_ROW, journalColumns, type JournalEntry } from './journal-columns';

/**
 * The Journal's lines as written (all text), so that a rewritten workbook keeps them and appends its own. Empty
 * rows are skipped; a cell that is not text is kept as its text.
 */
export function readJournalSheet(grid: SheetGrid): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (let row = JOURNAL_FIRST_ROW; row <= grid.rows.length; row += 1) {
    const values = journalColumns.map((column, index) => {
      const value = gridCell(grid, row, index + 1)?.value ?? null;
      return [column.id, value === null ? '' : String(value)] as const;
    });
    if (values.every(([, value]) => value.trim() === '')) continue;
    entries.push(Object.fromEntries(values) as JournalEntry);
  }
  return entries;
}
