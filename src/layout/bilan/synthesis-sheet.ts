import type { Bilan } from '../../domain/bilan/bilan';
import { notClosedParams, periodNotOver, saysNotClosed } from '../../domain/bilan/bilan-period';
import { ratesOf, type ConsolidationCounts } from '../../domain/consolidation/counts';
import { renderMessage } from '../../domain/messages';
import { frenchDay } from '../../domain/messages/numbers';
import { calendarDayOf } from '../../domain/calendar-day';
import { rangeAddress } from '../a1';
import {
  planCountColumns,
  RATE_FORMAT,
  rateCell,
  rateCountColumns,
  rateParts,
  rowRefs,
  type CountColumn,
  type CountId,
  type RateId,
} from '../consolidation/count-columns';
import { countHeaders } from '../consolidation/consolidation-texts';
import { barCell, barFontSize } from '../consolidation/rate-bar';
import { blockPageBreaks, type RowBlock } from '../page-breaks';
import { pagesWideAtScale } from '../print-width';
import { cell, emptySheet, LINE_HEIGHT, setCell, setRow, standardProtection, setWideText } from '../sheet-building';
import {
  colors,
  headerStyle,
  hintStyle,
  labelStyle,
  rateColorScale,
  TEXT_FORMAT,
  titleStyle,
  tableCellStyle,
} from '../styles';
import type { CellContent, CellStyle, SheetSpec } from '../workbook-spec';
import { fitWrappedLines } from '../wrapped-lines';
import { bilanPrint } from './bilan-print';
import { bilanSheetNames, bilanTexts, bilanTitle } from './bilan-texts';

/**
 * `Synthèse`, the bilan's first page: what the bilan is (title, period, parties, date, whether the period is over),
 * then two tables by axis and for the plan. The first gives the period's renseignement, the cumulated one and the
 * réalisation, each from its counts (values) as a formula with its cached result and a bar of characters that
 * prints; the second the fiches per status at the period's end. The plan's counts are the bilan's (values, as
 * every count: the workbook holds no link to the tracking workbook).
 */

const texts = bilanTexts.synthesis;
/** An axis name of more lines is cut (the consolidation's tables' limit). */
const SYNTHESIS_MAX_LINES = 8;

type ColumnId = 'axis' | CountId | RateId | `bar:${RateId}`;
interface Column {
  id: ColumnId;
  header: string;
  width: number;
  numFmt: string;
  value?: (counts: ConsolidationCounts) => number;
}

const headerOf = (id: CountId | RateId): string =>
  (bilanTexts.countHeaders as Partial<Record<CountId | RateId, string>>)[id] ?? countHeaders[id];
const countColumn = (id: CountId): Column => {
  const column = [...planCountColumns, ...rateCountColumns].find((candidate) => candidate.id === id) as CountColumn;
  return { id, header: headerOf(id), width: 13, numFmt: column.numFmt, value: column.value };
};
const rateColumns = (rate: RateId): Column[] => [
  countColumn(rateParts[rate].denominator),
  countColumn(rateParts[rate].numerator),
  { id: rate, header: headerOf(rate), width: 15, numFmt: RATE_FORMAT },
  { id: `bar:${rate}`, header: texts.bar, width: 18, numFmt: TEXT_FORMAT },
];
const axisColumn: Column = { id: 'axis', header: texts.axis, width: 30, numFmt: TEXT_FORMAT };

/** Renseignement of the period, cumulated, réalisation: each rate beside its counts and its bar. */
const figureColumns: readonly Column[] = [
  axisColumn,
  ...(['fillPeriod', 'fillCumulative', 'achievement'] as const).flatMap(rateColumns),
];
/** Fiches, criteria, fiches per status and without one, fiches with difficulties. */
const statusColumns: readonly Column[] = [axisColumn, ...planCountColumns.map((column) => countColumn(column.id))];

const columnOf = (columns: readonly Column[]) => (id: ColumnId) => columns.findIndex((c) => c.id === id) + 1;

const bodyStyle = tableCellStyle;
const planStyle = (numFmt: string, extra: CellStyle = {}) =>
  bodyStyle(numFmt, { bold: true, fill: colors.headerFill, ...extra });

interface TableRow {
  label: string;
  counts: ConsolidationCounts;
  plan: boolean;
}

/** One row of a table: its label, its counts as values, its rates over them and their bars. */
function setTableRow(sheet: SheetSpec, row: number, columns: readonly Column[], line: TableRow): void {
  const style = line.plan ? planStyle : bodyStyle;
  const at = columnOf(columns);
  const refs = rowRefs(row, at as (id: CountId) => number);
  const rates = ratesOf(line.counts);
  for (const column of columns) {
    let content: CellContent;
    let extra: CellStyle = {};
    if (column.id === 'axis') {
      content = line.label;
      extra = { wrap: true };
    } else if (column.value) content = column.value(line.counts);
    else if (column.id.startsWith('bar:')) {
      content = barCell(column.id.slice(4) as RateId, refs, line.counts);
      extra = { fontSize: barFontSize(column.width), vertical: 'middle' };
    } else content = rateCell(column.id as RateId, refs, rates);
    setCell(sheet, row, at(column.id), cell(content, style(column.numFmt, extra)));
  }
}

/** A heading, the header row and the rows of one table; returns the row after it. */
function setTable(sheet: SheetSpec, top: number, heading: string, columns: readonly Column[], lines: TableRow[]) {
  setCell(sheet, top, 1, cell(heading, { ...labelStyle, fontSize: 12 }));
  setRow(sheet, top + 1, { cells: columns.map((column) => cell(column.header, headerStyle)), height: 45 });
  lines.forEach((line, index) => setTableRow(sheet, top + 2 + index, columns, line));
  const last = top + 1 + lines.length;
  const at = columnOf(columns);
  for (const rate of ['fillPeriod', 'fillCumulative', 'achievement'] as const)
    if (at(rate) > 0)
      sheet.conditionalFormats.push({
        kind: 'colorScale',
        range: rangeAddress(top + 2, at(rate), last, at(rate)),
        ...rateColorScale,
      });
  return last + 1;
}

/** The sentences that say the period is not over, its states not closed or closed empty, or the CDSF part empty. */
export function periodNotes(bilan: Bilan): string[] {
  // The warnings' own sentences (src/domain/messages/bilan.ts), so that the page and the command say the same.
  const { period } = bilan;
  const notes: string[] = [];
  const notOver = periodNotOver(period, bilan.currentQuarter);
  if (notOver) notes.push(renderMessage(notOver.code, notOver.params));
  if (saysNotClosed(period, bilan.currentQuarter))
    notes.push(renderMessage('bilan-quarter-not-closed', notClosedParams(period)));
  if (period.state === 'over' && period.statesFrom === 'empty-closing')
    notes.push(renderMessage('bilan-quarter-closed-empty', { quarter: period.last }));
  if (bilan.cdsf && bilan.fiches.length === 0) notes.push(renderMessage('bilan-cdsf-empty'));
  return notes;
}

export function buildSynthesisSheet(bilan: Bilan, writtenAt: string): SheetSpec {
  const sheet = emptySheet(bilanSheetNames.synthesis);
  // The two tables share the sheet's columns: the wider one's widths.
  sheet.columns = figureColumns.map((column) => ({ width: column.width }));
  const heading = [
    cell(bilanTitle(bilan.period, bilan.territory, bilan.cdsf), titleStyle),
    cell(bilanTexts.periodLine(bilan.period.first, bilan.period.last), labelStyle),
    cell(bilanTexts.partiesLine(bilan.caf, bilan.epci), { numFmt: TEXT_FORMAT }),
    cell(bilanTexts.writtenOn(frenchDay(calendarDayOf(new Date(writtenAt)))), hintStyle),
    ...periodNotes(bilan).map((note) => cell(note, { ...labelStyle, italic: true })),
  ];
  heading.forEach((spec, index) => setWideText(sheet, index + 1, spec));

  const lines: TableRow[] = [
    ...bilan.axes.map((axis) => ({
      label: texts.axisName(axis.number, axis.title),
      counts: axis.counts,
      plan: false,
    })),
    { label: texts.plan, counts: bilan.plan, plan: true },
  ];
  const figuresTop = heading.length + 2;
  const statusTop = setTable(sheet, figuresTop, texts.heading, figureColumns, lines) + 1;
  const end = setTable(sheet, statusTop, texts.statusHeading, statusColumns, lines);
  setWideText(sheet, end + 1, cell(texts.hint, hintStyle));

  fitWrappedLines(sheet, SYNTHESIS_MAX_LINES * LINE_HEIGHT);
  sheet.protection = standardProtection;
  const orientation = pagesWideAtScale(sheet.columns, 'portrait') === 1 ? 'portrait' : 'landscape';
  sheet.print = bilanPrint(
    sheet,
    { orientation, paper: 'A4', fitToWidth: true },
    bilanTitle(bilan.period, bilan.territory, bilan.cdsf),
  );
  // Each table whole on a page when it fits on one; the first with what the bilan is, above it.
  const blocks: RowBlock[] = [
    { first: 1, last: statusTop - 2 },
    { first: statusTop, last: end - 1 },
  ];
  const breaks = blockPageBreaks(sheet, blocks);
  if (breaks.length > 0) sheet.rowBreaks = breaks;
  return sheet;
}
