import { columnWidthInPoints } from './column-width';
import type { ColumnSpec, PrintSpec } from './workbook-spec';

/**
 * How wide a sheet prints. A sheet "fit to one page wide" whose columns add up to several pages prints at a
 * fraction of its size (an axis sheet: about 20 % on A4 landscape, unreadable); wide sheets are printed on as
 * many pages across as keep the scale at `MIN_PRINT_SCALE` or more, computed from the column widths so that a
 * convention with more quarters (more columns) gets more pages.
 */

/** The smallest scale a wide sheet is laid out for: a 10-point text still prints at 6 points. */
export const MIN_PRINT_SCALE = 0.6;

const POINTS_PER_INCH = 72;
const A4_MM = { short: 210, long: 297 };
/** Excel's "Normal" left and right margins (0.7 in), which both back ends leave as they are. */
const SIDE_MARGIN_POINTS = 0.7 * POINTS_PER_INCH;
/** Excel's "Normal" top and bottom margins (0.75 in; the header and footer stand inside them). */
const END_MARGIN_POINTS = 0.75 * POINTS_PER_INCH;
export type PrintOrientation = PrintSpec['orientation'];

/** The width between the side margins of an A4 page, in points. */
export function printableWidthPoints(orientation: PrintOrientation): number {
  const paperMm = orientation === 'landscape' ? A4_MM.long : A4_MM.short;
  return (paperMm / 25.4) * POINTS_PER_INCH - 2 * SIDE_MARGIN_POINTS;
}

/** The height between the top and bottom margins of an A4 page, in points. */
export function printableHeightPoints(orientation: PrintOrientation): number {
  const paperMm = orientation === 'landscape' ? A4_MM.short : A4_MM.long;
  return (paperMm / 25.4) * POINTS_PER_INCH - 2 * END_MARGIN_POINTS;
}

/** A column's printed width at 100 %, in points (a hidden column prints nothing). */
export function columnWidthPoints(column: ColumnSpec): number {
  return column.hidden ? 0 : columnWidthInPoints(column.width);
}

/**
 * The number of pages across needed to print `columns` at `minScale` or more: the columns are laid out page
 * after page at that scale, a page ending before a column that would overflow it (applications break pages
 * between columns), and every page after the first starting again with the title columns (which stand first).
 */
export function pagesWideAtScale(
  columns: readonly ColumnSpec[],
  orientation: PrintOrientation,
  titleColumns?: { first: number; last: number },
  minScale: number = MIN_PRINT_SCALE,
): number {
  return pagesWideOfWidths(printedWidths(columns, titleColumns), orientation, minScale);
}

/** The columns' printed widths and their title columns' total, in points. */
interface PrintedWidths {
  widths: number[];
  titleWidth: number;
}

function printedWidths(columns: readonly ColumnSpec[], titleColumns?: { first: number; last: number }): PrintedWidths {
  const titles = titleColumns ? columns.slice(titleColumns.first - 1, titleColumns.last) : [];
  return {
    widths: columns.map(columnWidthPoints),
    titleWidth: titles.reduce((sum, column) => sum + columnWidthPoints(column), 0),
  };
}

function pagesWideOfWidths({ widths, titleWidth }: PrintedWidths, orientation: PrintOrientation, minScale: number) {
  const capacity = printableWidthPoints(orientation) / minScale;
  let pages = 1;
  let used = 0;
  for (const width of widths) {
    const pageStart = pages === 1 ? 0 : titleWidth;
    if (used > pageStart && used + width > capacity) {
      pages += 1;
      used = titleWidth;
    }
    used += width;
  }
  return pages;
}

/** The number of pages across a print setup asks for. */
export function pagesWideOf(print: PrintSpec): number {
  return print.fitToWidth === true ? 1 : print.fitToWidth;
}

/** Office.js's documented range for `PageLayoutZoomOptions.scale` is 10–400; a sheet is never enlarged. */
const SMALLEST_ZOOM_PERCENT = 10;
/** Room for the difference between our column widths in points and the host's own (font metrics). */
const WIDTH_SLACK = 1.02;
/**
 * The same room for a file LibreOffice may print too: its columns of a stored width print about 5 % wider than
 * Excel's (measured on the bilan's PDF, with Carlito), so a scale that fits Excel's width would spill a column over.
 */
export const PORTABLE_WIDTH_SLACK = 1.07;

/**
 * The print scale, in whole percent, at which a sheet's columns fit `print`'s pages across: the largest scale up
 * to 100 % at which the columns, a little wider than computed, still lay out on that many pages. A scale prints
 * as many pages tall as needed, which no documented fit-to-pages value of Office.js says (src/excel/README.md).
 */
export function printScalePercent(
  columns: readonly ColumnSpec[],
  print: PrintSpec,
  widthSlack: number = WIDTH_SLACK,
): number {
  const pages = pagesWideOf(print);
  // The widths are the same at every scale tried: measured once.
  const printed = printedWidths(columns, print.titleColumns);
  for (let percent = 100; percent > SMALLEST_ZOOM_PERCENT; percent -= 1) {
    const scale = (percent / 100) * widthSlack;
    if (pagesWideOfWidths(printed, print.orientation, scale) <= pages) return percent;
  }
  return SMALLEST_ZOOM_PERCENT;
}

/**
 * Where pages across start when a page may begin only at some columns (`startsPage`: a group's first column), at
 * `scalePercent` with LibreOffice's wider columns allowed for: each page holds the title columns and as many whole
 * groups as fit. The columns (1-based, ascending) that start a page after the first; none when one page holds all.
 */
export function groupedColumnBreaks(
  columns: readonly ColumnSpec[],
  print: Pick<PrintSpec, 'orientation' | 'titleColumns'>,
  scalePercent: number,
  startsPage: (column: number) => boolean,
): number[] {
  const { widths, titleWidth } = printedWidths(columns, print.titleColumns);
  const capacity = printableWidthPoints(print.orientation) / ((scalePercent / 100) * PORTABLE_WIDTH_SLACK);
  const first = (print.titleColumns?.last ?? 0) + 1;
  const breaks: number[] = [];
  let pageStart = first;
  let used = titleWidth;
  for (let column = first; column <= widths.length; column++) {
    // The group that starts here, up to the next column that may start a page.
    let end = column;
    while (end < widths.length && !startsPage(end + 1)) end++;
    const width = widths.slice(column - 1, end).reduce((sum, one) => sum + one, 0);
    if (column > pageStart && used + width > capacity) {
      breaks.push(column);
      pageStart = column;
      used = titleWidth;
    }
    used += width;
    column = end;
  }
  return breaks;
}
