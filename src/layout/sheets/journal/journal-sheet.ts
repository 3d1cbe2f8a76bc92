import type { JournalValue } from '../../../domain/journal';
import { rangeAddress } from '../../a1';
import {
  JOURNAL_FIRST_ROW,
  JOURNAL_HEADER_ROW,
  journalColumns,
  operationCodes,
  valueTypeCodes,
  type JournalColumnId,
  type JournalEntry,
} from './journal-columns';
import { cell, emptySheet, setRow, standardProtection } from '../../sheet-building';
import { DATE_FORMAT, GENERAL_FORMAT, headerStyle, TEXT_FORMAT } from '../../styles';
import { sheetNames } from '../../texts';
import type { CellSpec, SheetSpec } from '../../workbook-spec';

const textStyle = { numFmt: TEXT_FORMAT, wrap: true, vertical: 'top' as const };

const textCell = (text: string | null): CellSpec => cell(text === null || text === '' ? null : text, textStyle);

/** A value as its type shows it: text in a text cell, a number a number, a date with a date format. */
export function valueCell(value: JournalValue): CellSpec {
  switch (value.type) {
    case 'empty':
      return textCell(null);
    case 'text':
      return textCell(value.value);
    case 'date':
      return cell(value.value, { numFmt: DATE_FORMAT, vertical: 'top' });
    default:
      return cell(value.value, { numFmt: GENERAL_FORMAT, vertical: 'top' });
  }
}

function cellsOf(entry: JournalEntry): Record<JournalColumnId, CellSpec> {
  return {
    date: textCell(entry.at),
    source: textCell(entry.source),
    key: textCell(entry.rowKey),
    column: textCell(entry.label),
    oldValue: valueCell(entry.before),
    newValue: valueCell(entry.after),
    operation: textCell(entry.operation === 'unknown' ? null : operationCodes[entry.operation]),
    field: textCell(entry.field),
    oldType: textCell(valueTypeCodes[entry.before.type]),
    newType: textCell(valueTypeCodes[entry.after.type]),
    file: textCell(entry.file),
    partner: textCell(entry.partner),
  };
}

/** `Journal`: the header row, then the given entries; filterable, written only by the tools. */
export function buildJournalSheet(entries: readonly JournalEntry[]): SheetSpec {
  const sheet = emptySheet(sheetNames.journal);
  sheet.columns = journalColumns.map((column) => ({ width: column.width, numFmt: TEXT_FORMAT }));
  setRow(sheet, JOURNAL_HEADER_ROW, { cells: journalColumns.map((column) => cell(column.header, headerStyle)) });
  entries.forEach((entry, index) => {
    const cells = cellsOf(entry);
    setRow(sheet, JOURNAL_FIRST_ROW + index, { cells: journalColumns.map((column) => cells[column.id]) });
  });
  const lastRow = Math.max(JOURNAL_HEADER_ROW, JOURNAL_FIRST_ROW + entries.length - 1);
  sheet.autoFilter = rangeAddress(JOURNAL_HEADER_ROW, 1, lastRow, journalColumns.length);
  sheet.freeze = { rows: JOURNAL_HEADER_ROW, columns: 0 };
  sheet.protection = standardProtection;
  sheet.print = { orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: { first: 1, last: 1 } };
  return sheet;
}
