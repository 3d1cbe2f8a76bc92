import { JOURNAL_READABLE_COLUMNS } from './journal-columns';
import { journalColumnsOfGrid, journalIdentityColumnsOfGrid, readJournalSheet } from './journal-read';
import { buildJournalSheet } from './journal-sheet';
import { columnsUpTo } from '../../kept-cells';
import { RECORD_HEADER_ROW } from '../../record-sheet';
import { sheetNames } from '../../texts';
import { trackingModule } from '../../tracking-build';

/** `Journal`: every change the tools made, one line each; a table of records. */
export const journalModule = trackingModule({
  id: 'journal',
  owns: (name) => name === sheetNames.journal,
  // Written at generation, never removed: gone, it was deleted, and a rewrite would start a new one without its lines.
  expected: { rank: 5, names: () => [sheetNames.journal] },
  build: ({ contents }) => [buildJournalSheet(contents.journal)],
  carried: 'always',
  kept: {
    kind: 'table',
    rows: 'appended',
    // A Journal line is told apart by its readable columns, which a format 1 Journal has too.
    specTable: (sheet) => ({
      headerRow: RECORD_HEADER_ROW,
      width: sheet.columns.length,
      identityColumns: columnsUpTo(JOURNAL_READABLE_COLUMNS),
    }),
    // Found by their headers, as the lines are read: a column moved by hand is read, and written back, as its own.
    gridTable: (grid) => ({
      headerRow: RECORD_HEADER_ROW,
      ours: new Set(journalColumnsOfGrid(grid)),
      identityColumns: journalIdentityColumnsOfGrid(grid),
    }),
  },
  read: ([grid], { header }) =>
    grid ? readJournalSheet(grid, header().storedMeta.formatVersion) : { entries: [], issues: [] },
});
