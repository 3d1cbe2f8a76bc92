/**
 * THE column definition of the `Journal` sheet: every change made by the add-in or the command line is one row
 * (docs/WORKBOOK.md, « Journal »). Writers append rows in this order; readers find the header row by its first cell.
 */

export type JournalColumnId = 'date' | 'source' | 'key' | 'column' | 'oldValue' | 'newValue';

export interface JournalColumn {
  id: JournalColumnId;
  header: string;
  width: number;
}

export const journalColumns: readonly JournalColumn[] = [
  { id: 'date', header: 'Date', width: 22 },
  { id: 'source', header: 'Source', width: 24 },
  { id: 'key', header: 'Clé', width: 12 },
  { id: 'column', header: 'Colonne', width: 24 },
  { id: 'oldValue', header: 'Ancienne valeur', width: 36 },
  { id: 'newValue', header: 'Nouvelle valeur', width: 36 },
];

export const JOURNAL_HEADER_ROW = 1;
export const JOURNAL_FIRST_ROW = 2;

/** One line of the Journal; `date` is an ISO 8601 UTC timestamp written as text. */
export type JournalEntry = Record<JournalColumnId, string>;
