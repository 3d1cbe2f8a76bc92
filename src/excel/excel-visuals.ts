import { cellAddress, columnLetters, rangeAddress } from '../layout/a1';
import { summaryColumn } from '../layout/sheets/annexe4/annexe4-layout';
import { annexe4Texts, sheetNames } from '../layout/texts';
import type { ConditionalFormatSpec, SheetSpec } from '../layout/workbook-spec';

/**
 * What only Excel shows through Office.js, derived from the spec the layout built (the .xlsx writer has no such
 * thing to ignore: ExcelJS writes no chart): data bars on the rate ranges, and on `Annexe 4 – Suivi` a native chart
 * of completion by axis. Deriving them here keeps the spec a description of the file both back ends write.
 */

/** A data bar over a rate range: the ranges the layout gives a colour scale with fixed points (0, 50 %, 100 %). */
export interface DataBarPlan {
  range: string;
  lower: number;
  upper: number;
}

type ColorScaleSpec = Extract<ConditionalFormatSpec, { kind: 'colorScale' }>;

export function dataBarsOf(sheet: SheetSpec): DataBarPlan[] {
  return sheet.conditionalFormats
    .filter((format): format is ColorScaleSpec & { thresholds: number[] } =>
      Boolean(format.kind === 'colorScale' && format.thresholds && format.thresholds.length > 1),
    )
    .map((format) => ({
      range: format.range,
      lower: format.thresholds[0],
      upper: format.thresholds[format.thresholds.length - 1],
    }));
}

export interface CompletionChartPlan {
  /** Header cells (series names) and the axis rows of renseignement période and cumulé. */
  source: string;
  /** The `Axe N` cells of the axis rows. */
  categories: string;
  /** Top-left and bottom-right cells, beside the table. */
  start: string;
  end: string;
}

const textOf = (sheet: SheetSpec, row: number, column: number): unknown => {
  const value = sheet.rows[row - 1]?.cells[column - 1]?.value;
  return value !== null && typeof value === 'object' ? value.result : value;
};

/** The chart of Annexe 4's axis table, or null on another sheet or a plan without axis. */
export function completionChartOf(sheet: SheetSpec): CompletionChartPlan | null {
  if (sheet.name !== sheetNames.annexe4) return null;
  const period = summaryColumn('fillPeriod');
  const cumulative = summaryColumn('fillCumulative');
  const headers = annexe4Texts.headers;
  const headerRow =
    sheet.rows.findIndex(
      (_, index) =>
        textOf(sheet, index + 1, 1) === headers.axis && textOf(sheet, index + 1, period) === headers.fillPeriod,
    ) + 1;
  if (headerRow === 0) return null;
  let lastRow = headerRow;
  while (lastRow < sheet.rows.length && textOf(sheet, lastRow + 1, 1) !== annexe4Texts.total) lastRow += 1;
  if (lastRow === headerRow || lastRow === sheet.rows.length) return null;
  const right = Math.max(sheet.columns.length, cumulative) + 2;
  const top = Math.max(1, headerRow - 1);
  const height = Math.max(16, 2 * (lastRow - headerRow) + 8);
  return {
    source: rangeAddress(headerRow, period, lastRow, cumulative),
    categories: rangeAddress(headerRow + 1, 1, lastRow, 1),
    start: cellAddress(top, right),
    end: `${columnLetters(right + 7)}${top + height}`,
  };
}
