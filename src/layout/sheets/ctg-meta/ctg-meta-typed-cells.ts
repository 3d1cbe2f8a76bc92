import type { GridCell, SheetGrid } from '../../../domain/grid';
import { createIssue, type WorkbookIssue } from '../../../domain/issues';
import { shownCellValue } from '../../../domain/messages/shown-cell-value';
import { cellAddress } from '../../a1';
import { blockEndRow, retiredRowReading, type CtgBlockRows } from './ctg-meta-blocks';
import {
  ctgMetaRows,
  KEY_COLUMNS,
  KEYS_FIRST_ROW,
  KEYS_HEADER_ROW,
  KEYS_TITLE_ROW,
  META_LABEL_COLUMN,
  META_VALUE_COLUMN,
  SENT_COLUMNS,
} from './ctg-meta-layout';

/**
 * `_ctg` is written again whole by every rewrite, from what its readers find there: a value a person typed anywhere
 * else in it would be lost (docs/WORKBOOK.md, « _ctg »). What the tools write: the title in A1 (and each block's
 * title in column A), the labels and values, and each block's rows up to its first row without a key, as wide as the
 * block's columns; of the retired keys, only the rows that read as retired keys, or as such a row with its key or
 * type (or both, inside the block) changed by hand (said so instead: retired-key-changes.ts), past rows emptied by hand as `retiredBlockEndRow`
 * reads them. A cell within that is read as the tools' (and checked as such: key list, fingerprint).
 */

const TITLE_WIDTH = 1;
const VALUES_WIDTH = Math.max(META_LABEL_COLUMN, META_VALUE_COLUMN);
const KEYS_WIDTH = Math.max(...Object.values(KEY_COLUMNS));
const SENT_WIDTH = Math.max(...Object.values(SENT_COLUMNS));

/** How many columns from A the tools write in each row of `_ctg` they write, the key list read as `gap` tells. */
function toolRowWidths(grid: SheetGrid, blocks: CtgBlockRows): Map<number, number> {
  const widths = new Map<number, number>();
  const widen = (row: number, width: number) => widths.set(row, Math.max(widths.get(row) ?? 0, width));
  const rowsOf = (
    firstRow: number,
    width: number,
    end = blockEndRow(grid, firstRow),
    isTools = (_: number) => true,
  ) => {
    for (let row = firstRow; row < end; row += 1) if (isTools(row)) widen(row, width);
  };
  widen(1, TITLE_WIDTH);
  for (const row of Object.values(ctgMetaRows)) widen(row, VALUES_WIDTH);
  widen(KEYS_TITLE_ROW, TITLE_WIDTH);
  widen(KEYS_HEADER_ROW, KEYS_WIDTH);
  rowsOf(KEYS_FIRST_ROW, KEYS_WIDTH, blocks.keyListEnd);
  const { retired } = blocks;
  if (retired !== null) {
    widen(retired.title.row, TITLE_WIDTH);
    // A row of the block that reads as no retired key, changed or not, is no row the tools wrote: its reader skips it.
    const isTools = (row: number) => retiredRowReading(grid, row) !== 'not-tools';
    rowsOf(retired.title.row + 1, KEYS_WIDTH, retired.end, isTools);
  }
  const sent = blocks.sentTitleRow;
  if (sent !== null) {
    widen(sent, TITLE_WIDTH);
    widen(sent + 1, SENT_WIDTH);
    rowsOf(sent + 2, SENT_WIDTH);
  }
  return widths;
}

/** What a cell holds as a person sees it; '' when it holds nothing but spaces. */
export function shownContent(cell: GridCell | null): string {
  if (!cell) return '';
  const shown = shownCellValue(cell).trim();
  if (shown !== '') return shown;
  return cell.formula ? `=${cell.formula}` : '';
}

/** An error at each cell of `_ctg` outside what the tools write that holds something (`ctg-cell-typed`). */
export function typedCellIssues(grid: SheetGrid, blocks: CtgBlockRows): WorkbookIssue[] {
  const widths = toolRowWidths(grid, blocks);
  const issues: WorkbookIssue[] = [];
  grid.rows.forEach((cells, index) => {
    const row = index + 1;
    const width = widths.get(row) ?? 0;
    for (let column = width + 1; column <= (cells?.length ?? 0); column += 1) {
      const value = shownContent(cells[column - 1] ?? null);
      if (value === '') continue;
      issues.push(createIssue('ctg-cell-typed', { sheet: grid.name, cell: cellAddress(row, column) }, { value }));
    }
  });
  return issues;
}
