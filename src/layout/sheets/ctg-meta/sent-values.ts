import { gridCell, gridText, type SheetGrid } from '../../../domain/grid';
import type { JournalValue } from '../../../domain/journal';
import { cell, setCell } from '../../sheet-building';
import { headerStyle, labelStyle, TEXT_FORMAT } from '../../styles';
import { metaTexts } from '../../texts';
import type { SheetSpec } from '../../workbook-spec';
import { valueTypeCodes } from '../journal/journal-columns';
import { typeOfCode, valueOf } from '../journal/journal-read';
import { valueCell } from '../journal/journal-sheet';
import { blockTitleRow } from './ctg-meta-blocks';
import { SENT_COLUMNS } from './ctg-meta-layout';

/**
 * One value an extract was sent with, in one of its recipient's input cells: what the merge compares a returned
 * value with (equal: unchanged, not a contribution).
 */
export interface SentValue {
  key: string;
  /** The field id (`status`, `comment`…) or the quarter label (`2026-T3`). */
  field: string;
  /** Never empty: only non-empty cells are listed. */
  value: JournalValue;
}

/** Writes the block at `titleRow`: title, header row, one row per value, typed as the Journal types its values. */
export function writeSentValues(sheet: SheetSpec, titleRow: number, sent: readonly SentValue[]): void {
  setCell(sheet, titleRow, 1, cell(metaTexts.sentValuesTitle, labelStyle));
  const headers = [
    metaTexts.sentKeyHeader,
    metaTexts.sentFieldHeader,
    metaTexts.sentTypeHeader,
    metaTexts.sentValueHeader,
  ];
  headers.forEach((header, index) => setCell(sheet, titleRow + 1, index + 1, cell(header, headerStyle)));
  const text = { numFmt: TEXT_FORMAT };
  sent.forEach((entry, index) => {
    const row = titleRow + 2 + index;
    setCell(sheet, row, SENT_COLUMNS.key, cell(entry.key, text));
    setCell(sheet, row, SENT_COLUMNS.field, cell(entry.field, text));
    setCell(sheet, row, SENT_COLUMNS.type, cell(valueTypeCodes[entry.value.type], text));
    setCell(sheet, row, SENT_COLUMNS.value, valueCell(entry.value));
  });
}

/**
 * The block found by its title in column A (none: an empty list); its rows up to the first without a key. A row
 * whose type word is unknown is read as its cell shows.
 */
export function readSentValues(
  grid: SheetGrid,
  titleRow = blockTitleRow(grid, metaTexts.sentValuesTitle),
): SentValue[] {
  const sent: SentValue[] = [];
  if (titleRow === null) return sent;
  for (let row = titleRow + 2; row <= grid.rows.length; row += 1) {
    const key = gridText(grid, row, SENT_COLUMNS.key).trim();
    if (key === '') break;
    const type = typeOfCode.get(gridText(grid, row, SENT_COLUMNS.type).trim());
    const value = valueOf(gridCell(grid, row, SENT_COLUMNS.value), type, true);
    sent.push({ key, field: gridText(grid, row, SENT_COLUMNS.field).trim(), value });
  }
  return sent;
}
