import type { CellStyle } from './workbook-spec';

/** The few looks of the workbook, shared by every sheet builder. */

export const colors = {
  headerFill: 'DDEBF7',
  unusedFill: 'D9D9D9',
  ficheFill: 'F2F2F2',
  /** Input cells an extract shows but does not open to its recipient (later quarters, the officer's fields). */
  extractLockedFill: 'EDEDED',
  /** Expected, empty cells of the current quarter. */
  missingFill: 'FCE4D6',
  rateLow: 'F8696B',
  rateMid: 'FFEB84',
  rateHigh: '63BE7B',
} as const;

/** The colour scale of rates: red at 0 %, yellow at 50 %, green at 100 %, whatever the other rates are. */
export const rateColorScale = {
  colors: [colors.rateLow, colors.rateMid, colors.rateHigh],
  thresholds: [0, 0.5, 1],
};

export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'dd/mm/yyyy';
export const INTEGER_FORMAT = '0';
/** Counts and populations: a thousands separator (the reader's: a space in French Excel), 1 206 not 1206. */
export const COUNT_FORMAT = '#,##0';
/** A percentage a person typed (« 5% » kept so), and the chart's axis: whole percents. */
export const PERCENT_FORMAT = '0%';
/**
 * A rate the tools compute: 0 % and 100 % whole only when the rate is exactly so, any other with one decimal, so
 * that 0,3 % never shows « 0 % » nor 99,6 % « 100 % », and a no-break space before %: as the command line and the
 * pane write it (`frenchRate`).
 */
export const RATE_FORMAT = '[=0]0"\u00a0"%;[=1]0"\u00a0"%;0.0"\u00a0"%';
export const GENERAL_FORMAT = 'General';
/**
 * Formats the layout wrote before on the cells it now writes in another (the rates had `0%`), by current format: a
 * rewrite that keeps the shape gives a cell still in a former format the current one, and leaves any other format
 * (a person's own) as it is (docs/WORKBOOK.md, « Rewriting a workbook »).
 */
export const FORMER_FORMATS: ReadonlyMap<string, readonly string[]> = new Map([[RATE_FORMAT, [PERCENT_FORMAT]]]);

export const titleStyle: CellStyle = { bold: true, fontSize: 14, numFmt: TEXT_FORMAT };
export const hintStyle: CellStyle = { italic: true, numFmt: TEXT_FORMAT };
export const headerStyle: CellStyle = {
  bold: true,
  fill: colors.headerFill,
  wrap: true,
  vertical: 'middle',
  border: true,
  numFmt: TEXT_FORMAT,
};
/** A cell of a table: bordered, top-aligned, in its number format. */
export const tableCellStyle = (numFmt: string, extra: CellStyle = {}): CellStyle => ({
  numFmt,
  border: true,
  vertical: 'top',
  ...extra,
});
export const labelStyle: CellStyle = { bold: true, numFmt: TEXT_FORMAT };
