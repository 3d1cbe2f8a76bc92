import { gridCell, type SheetGrid } from '../domain/grid';
import { cellAddress } from './a1';
import { recordHeaderKeys } from './record-headers';
import { RECORD_HEADER_ROW } from './record-sheet';
import { headerKey } from './sheets/axis/read-axis-sheet';
import { journalColumns, type JournalColumnId } from './sheets/journal/journal-columns';
import { archiveHeaders, contributionHeaders, historyHeaders, sheetNames } from './texts';

/**
 * Where the record sheets keep values as they were (docs/WORKBOOK.md, « Personal data in the records »): the
 * Journal's old and new values, the `Valeur` of Historique, Archives and Contributions, each with its row key.
 * Found by their header in the header row, as the readers find the Journal's columns.
 */

const journalHeader = (id: JournalColumnId) => journalColumns.find((column) => column.id === id)!.header;

const recordColumns: Readonly<Record<string, { values: readonly string[]; key: string }>> = {
  [sheetNames.journal]: { values: [journalHeader('oldValue'), journalHeader('newValue')], key: journalHeader('key') },
  [sheetNames.history]: { values: [historyHeaders.value], key: historyHeaders.key },
  [sheetNames.archives]: { values: [archiveHeaders.value], key: archiveHeaders.key },
  [sheetNames.contributions]: { values: [contributionHeaders.value], key: contributionHeaders.key },
};

/** The sheets of records: Journal, Historique, Archives, Contributions. */
export const recordSheetNames: ReadonlySet<string> = new Set(Object.keys(recordColumns));

/** The 1-based columns of a record sheet's values and of its key (0 for none), by the texts of its header row. */
function columnsOf(columns: { values: readonly string[]; key: string }, headers: readonly string[]) {
  const keys = recordHeaderKeys(headers, [...columns.values, columns.key]);
  const columnOf = (header: string) => keys.indexOf(headerKey(header)) + 1;
  return { values: columns.values.map(columnOf).filter((column) => column > 0), key: columnOf(columns.key) };
}

/** The 1-based columns of a record sheet's values, by the texts of its header row; none for another sheet. */
export function recordValueColumns(sheet: string, headers: readonly string[]): number[] {
  const columns = recordColumns[sheet];
  return columns ? columnsOf(columns, headers).values : [];
}

/** A text a record sheet keeps as a value, where it is and the key of its row. */
export interface RecordValueText {
  sheet: string;
  /** A1. */
  cell: string;
  rowKey: string | null;
  text: string;
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The texts of a record sheet's values, row by row (a number or a date holds no text); none for another sheet. */
export function recordValueTexts(grid: SheetGrid): RecordValueText[] {
  const columns = recordColumns[grid.name];
  if (!columns) return [];
  const headers = (grid.rows[RECORD_HEADER_ROW - 1] ?? []).map((found) => textOf(found?.value));
  const { values, key: keyColumn } = columnsOf(columns, headers);
  const texts: RecordValueText[] = [];
  for (let row = RECORD_HEADER_ROW + 1; row <= grid.rows.length; row += 1) {
    for (const column of values) {
      const text = textOf(gridCell(grid, row, column)?.value);
      if (text === '') continue;
      const rowKey = keyColumn > 0 ? textOf(gridCell(grid, row, keyColumn)?.value).trim() || null : null;
      texts.push({ sheet: grid.name, cell: cellAddress(row, column), rowKey, text });
    }
  }
  return texts;
}
