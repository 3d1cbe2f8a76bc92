import { printableHeightPoints, printScalePercent } from './print-width';
import { LINE_HEIGHT } from './sheet-building';
import type { SheetSpec } from './workbook-spec';

/**
 * Manual page breaks that keep blocks of rows (a fiche and its criteria) on one printed page: a block that would
 * cross a page's end starts a new page; one taller than a page starts a new page too (unless no block is on the page
 * yet: the first page's title and headers are not left alone) and is broken where each of its pages ends. The pages are laid out from the rows' heights in points (every row of such a sheet has its height set:
 * Excel does not re-fit the heights of a file it opens) at the scale its columns print at, one page wide, with the
 * title rows repeated at the top of every page after the first. Every page ends with a manual break, none left to
 * the application: LibreOffice's pages hold more than Excel's (it starts the rows right under the header, not at the
 * top margin), and a long fiche left to flow ended elsewhere there, cutting the next fiche from its criteria. A page
 * laid out for the smaller of the two fits both, so both print these pages.
 */

export interface RowBlock {
  /** 1-based, inclusive. */
  first: number;
  last: number;
}

/**
 * Room for the application's rounding of row heights (to pixels or hundredths of a millimetre) and, on a sheet left
 * to fit to width, for the difference between the estimated print scale and the application's own.
 */
const HEIGHT_SLACK = { explicit: 0.99, fitted: 0.97 };

function rowHeight(sheet: SheetSpec, row: number): number {
  return sheet.rows[row - 1]?.height ?? LINE_HEIGHT;
}

function heightOf(sheet: SheetSpec, first: number, last: number): number {
  let sum = 0;
  for (let row = first; row <= last; row += 1) sum += rowHeight(sheet, row);
  return sum;
}

/** The sheet's height per printed page, in the sheet's points: the A4 page's at the scale the columns print at. */
export function pageCapacityPoints(sheet: SheetSpec): number {
  const print = sheet.print;
  if (!print) throw new Error(`sheet ${sheet.name} has no print setup`);
  const scale = (print.scale ?? printScalePercent(sheet.columns, print)) / 100;
  const slack = print.scale === undefined ? HEIGHT_SLACK.fitted : HEIGHT_SLACK.explicit;
  return (printableHeightPoints(print.orientation) / scale) * slack;
}

/** The rows before which a page must break so that no block that fits on a page is cut, ascending. */
export function blockPageBreaks(sheet: SheetSpec, blocks: readonly RowBlock[]): number[] {
  const capacity = pageCapacityPoints(sheet);
  const titles = sheet.print?.titleRows;
  const titleHeight = titles ? heightOf(sheet, titles.first, titles.last) : 0;
  const breaks: number[] = [];
  let used = 0;
  // Whether the page holds a block's rows yet, not only the titles (and, on the first page, the sheet's own title).
  let blockOnPage = false;
  const newPage = (row: number) => {
    breaks.push(row);
    used = titleHeight;
    blockOnPage = false;
  };
  // A row that does not fit what is left of the page goes to the next one, under the repeated titles.
  const place = (row: number) => {
    const height = rowHeight(sheet, row);
    if (used > titleHeight && used + height > capacity) newPage(row);
    used += height;
  };
  let row = 1;
  for (const block of [...blocks].sort((a, b) => a.first - b.first)) {
    for (; row < block.first; row += 1) place(row);
    // A block taller than a page starts one too, so that it is cut as few times as it must be; not the first page,
    // which it would leave with the sheet's title and headers alone.
    const height = heightOf(sheet, block.first, block.last);
    const taller = titleHeight + height > capacity;
    if (used > titleHeight && used + height > capacity && (blockOnPage || !taller)) newPage(block.first);
    for (; row <= block.last; row += 1) place(row);
    blockOnPage = true;
  }
  return breaks;
}
