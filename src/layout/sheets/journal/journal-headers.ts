import { createIssue, type WorkbookIssue } from '../../../domain/issues';
import type { SheetGrid } from '../../../domain/grid';
import { cellAddress } from '../../a1';
import { recordHeaderKeys } from '../../record-headers';
import { headerKey } from '../axis/read-axis-sheet';
import { JOURNAL_HEADER_ROW, JOURNAL_READABLE_COLUMNS, journalColumns, type JournalColumnId } from './journal-columns';

/**
 * Where the Journal's columns are in a grid: each found by its header in row 1, wherever a person moved it, so that
 * a rewrite writes every line back under its own header. A column of the tools not found there (deleted, cleared,
 * or its header retyped) is an error at its place, which refuses every rewrite: read by position, a line would be
 * written back with another column's text under its header, and the column's values lost.
 */

export interface JournalHeaders {
  /** The grid's column (1-based) of each of ours found, or read in its place (a header retyped). */
  columns: Map<JournalColumnId, number>;
  /** Ours not found, each with its `record-header-missing` at the place it is to be put back. */
  missing: { id: JournalColumnId; issue: WorkbookIssue }[];
}

/**
 * The first format whose every workbook has the Journal's columns G to L: format 2 got them only in its later
 * versions of the tools (a format 2 Journal may have the readable ones only, as a format 1 one).
 */
const FORMAT_WITH_EVERY_COLUMN = 3;

/** The texts of the header row, as `recordHeaderKeys` compares them with ours. */
const journalHeaderKeys = (grid: SheetGrid): (string | null)[] =>
  recordHeaderKeys(
    (grid.rows[JOURNAL_HEADER_ROW - 1] ?? []).map((found) => String(found?.value ?? '')),
    journalColumns.map(({ header }) => header),
  );

/**
 * How many of our columns, from A, the Journal must have: the readable ones in a format 1 workbook, all of them from
 * format 3 on. In format 2 (written with or without them), or without the workbook's format version (`formatVersion`
 * undefined), a Journal that has none of the columns after the readable ones is read as a format 1 Journal.
 */
function expectedCount(headers: readonly (string | null)[], formatVersion: number | undefined): number {
  const later = journalColumns
    .slice(JOURNAL_READABLE_COLUMNS)
    .some(({ header }) => headers.includes(headerKey(header)));
  if (formatVersion === 1) return JOURNAL_READABLE_COLUMNS;
  const every = (formatVersion ?? 0) >= FORMAT_WITH_EVERY_COLUMN || later;
  return every ? journalColumns.length : JOURNAL_READABLE_COLUMNS;
}

export function journalHeaders(grid: SheetGrid, formatVersion?: number): JournalHeaders {
  const headers = journalHeaderKeys(grid);
  const ours = new Set(journalColumns.map(({ header }) => headerKey(header)));
  // None of our headers in row 1: a blank Journal (put in the place of one deleted), or a sheet without our header
  // row, whose lines are then told to be no lines of the tools (`noteLineIssue`): no header is said missing.
  const headerRow = headers.some((text) => text !== null && ours.has(text));
  const expected = expectedCount(headers, formatVersion);
  const columns = new Map<JournalColumnId, number>();
  const missing: JournalHeaders['missing'] = [];
  // Where the next of ours goes: right after the one before it, as found (or as to be put back).
  let previous = 0;
  journalColumns.forEach(({ id, header }, index) => {
    const found = headers.indexOf(headerKey(header));
    if (found >= 0) {
      columns.set(id, found + 1);
      previous = found + 1;
      return;
    }
    // A column a format 1 Journal has not is looked for by its header only: a person's column is not taken for it.
    if (index >= expected) return;
    const place = previous + 1;
    previous = place;
    const there = headers[place - 1] ?? '';
    // A header retyped where the tools wrote it: its values are still the column's, read there (what `validate` tells
    // of the lines), the header said all the same.
    const retyped = place === index + 1 && there !== '' && !ours.has(there);
    if (!headerRow) {
      if (index < JOURNAL_READABLE_COLUMNS) columns.set(id, place);
      return;
    }
    if (retyped) columns.set(id, place);
    const where = { sheet: grid.name, cell: cellAddress(JOURNAL_HEADER_ROW, place) };
    missing.push({ id, issue: createIssue('record-header-missing', where, { header }) });
  });
  return { columns, missing };
}
