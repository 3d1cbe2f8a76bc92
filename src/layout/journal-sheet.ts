import { rangeAddress } from './a1';
import { JOURNAL_FIRST_ROW, JOURNAL_HEADER_ROW, journalColumns, type JournalEntry } from './journal-columns';
import { cell, emptySheet, setRow, standardProtection } from './sheet-building';
import { headerStyle, TEXT_FORMAT } from './styles';
import { sheetNames } from './texts';
import type { SheetSpec } from './workbook-spec';

/** `Journal`: the header row, then the given entries, all as text; filterable, written only by the tools. */
export function buildJournalSheet(entries: readonly JournalEntry[]): SheetSpec {
  const sheet = emptySheet(sheetNames.journal);
  sheet.columns = journalColumns.map((column) => ({ width: column.width, numFmt: TEXT_FORMAT }));
  setRow(sheet, JOURNAL_HEADER_ROW, { cells: journalColumns.map((column) => cell(column.header, headerStyle)) });
  entries.forEach((entry, index) => {
    setRow(sheet, JOURNAL_FIRST_ROW + index, {
      cells: journalColumns.map((column) =>
        cell(entry[column.id] === '' ? null : entry[column.id], { numFmt: TEXT_FORMAT, wrap: true, vertical: 'top' }),
      ),
    });
  });
  const lastRow = Math.max(JOURNAL_HEADER_ROW, JOURNAL_FIRST_ROW + entries.length - 1);
  sheet.autoFilter = rangeAddress(JOURNAL_HEADER_ROW, 1, lastRow, journalColumns.length);
  sheet.freeze = { rows: JOURNAL_HEADER_ROW, columns: 0 };
  sheet.protection = standardProtection;
  sheet.print = { orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: { first: 1, last: 1 } };
  return sheet;
}
