import { quarterLabel, type Quarter } from '../../../domain/periods';
import type { Plan } from '../../../domain/plan';
import { carrierKey, statusCountField, type CompletionFigures } from '../../../domain/rates';
import { steeringCalendarAt } from '../../../domain/steering-calendar';
import { ficheStatuses } from '../../../domain/vocabulary';
import { rangeAddress } from '../../a1';
import { detailHeaders, setDetailRow, type DetailContext } from './annexe4-detail';
import {
  ANNEXE4_COLUMN_WIDTHS,
  ANNEXE4_QUARTER_ROW,
  ANNEXE4_TITLE_ROW,
  annexe4CellStyle,
  annexe4Layout,
  detailColumn,
  detailFields,
  figureFormat,
  summaryColumn,
  summaryFigures,
  type Annexe4Layout,
  type DetailField,
  type SummaryFigure,
} from './annexe4-layout';
import { cachedRate } from '../axis/axis-rates';
import { axisGeometry } from '../../formulas/axis-geometry';
import { currentQuarterNumber, quarterNumber } from '../../formulas/quarter-masks';
import { absoluteRange, currentQuarterRef } from '../../formulas/references';
import {
  achievementFormula,
  carrierMask,
  criteriaCountFormula,
  ficheCountFormula,
  fillCumulativeFormula,
  fillPeriodFormula,
  meanProgressFormula,
  statusCountFormula,
  withDifficultiesFormula,
  type DetailRanges,
} from '../../formulas/summary-formulas';
import type { EnteredRowsByKey } from '../../rate-inputs';
import { cell, emptySheet, setCell, standardProtection, wrappedRowHeight } from '../../sheet-building';
import { colors, GENERAL_FORMAT, headerStyle, labelStyle, rateColorScale, TEXT_FORMAT, titleStyle } from '../../styles';
import { annexe4Texts, axisSheetName, sheetNames } from '../../texts';
import type { WorkbookFigures } from '../../workbook-figures';
import type { CellContent, SheetSpec } from '../../workbook-spec';

/**
 * `Annexe 4 – Suivi` (issue "Completion"): what the COPIL looks at. A per-fiche detail table reads each fiche's
 * counts live from its axis sheet; the tables by axis, for the whole plan and by porteur pool those counts; the
 * steering calendar places Q. Every formula is written with the result src/domain/rates computes from the same
 * values, so that a viewer that does not recalculate shows the right figures.
 */

const texts = annexe4Texts;
const headers = texts.headers;

const summaryHeaders: Record<SummaryFigure, string> = {
  fiches: headers.fiches,
  criteria: headers.criteria,
  fillPeriod: headers.fillPeriod,
  fillCumulative: headers.fillCumulative,
  achievement: headers.achievement,
  notStarted: ficheStatuses[0],
  inProgress: ficheStatuses[1],
  done: ficheStatuses[2],
  postponed: ficheStatuses[3],
  abandoned: ficheStatuses[4],
  meanProgress: headers.meanProgress,
  withDifficulties: headers.withDifficulties,
};

/** The cached result of a summary figure, from the domain's figures of the same set. */
function figureValue(figures: CompletionFigures, figure: SummaryFigure): number | string {
  switch (figure) {
    case 'fiches':
    case 'criteria':
      return figures[figure];
    case 'fillPeriod':
    case 'fillCumulative':
    case 'achievement':
    case 'meanProgress':
      return cachedRate(figures[figure]);
    case 'withDifficulties':
      return figures.fichesWithDifficulties;
    default:
      return figures.statusCounts[figure];
  }
}

function figureFormula(figure: SummaryFigure, ranges: DetailRanges, mask: string | null): string {
  switch (figure) {
    case 'fiches':
      return ficheCountFormula(ranges, mask);
    case 'criteria':
      return criteriaCountFormula(ranges, mask);
    case 'fillPeriod':
      return fillPeriodFormula(ranges, mask);
    case 'fillCumulative':
      return fillCumulativeFormula(ranges, mask);
    case 'achievement':
      return achievementFormula(ranges, mask);
    case 'meanProgress':
      return meanProgressFormula(ranges, mask);
    case 'withDifficulties':
      return withDifficultiesFormula(ranges, mask, texts.yes);
    default: {
      const status = ficheStatuses.find((candidate) => statusCountField[candidate] === figure)!;
      return statusCountFormula(ranges, mask, status);
    }
  }
}

function detailRanges(top: number, bottom: number): DetailRanges {
  const range = (field: DetailField) => absoluteRange(top, detailColumn(field), bottom, detailColumn(field));
  return {
    keys: range('key'),
    carriers: range('carriers'),
    status: range('status'),
    progress: range('progress'),
    difficulties: range('difficulties'),
    criteria: range('criteria'),
    expectedPeriod: range('expectedPeriod'),
    filledPeriod: range('filledPeriod'),
    expectedCumulative: range('expectedCumulative'),
    filledCumulative: range('filledCumulative'),
    criteriaWithAchievement: range('criteriaWithAchievement'),
    achievement: range('achievement'),
  };
}

/** A summary row: live formulas over detail rows top..bottom (none: the figures of an empty set, as values). */
function setSummaryRow(
  sheet: SheetSpec,
  row: number,
  block: [number, number] | null,
  mask: ((carriers: string) => string) | null,
  figures: CompletionFigures,
): void {
  for (const figure of summaryFigures) {
    const value = figureValue(figures, figure);
    let content: CellContent = value === '' ? null : value;
    if (block) {
      const ranges = detailRanges(block[0], block[1]);
      content = { formula: figureFormula(figure, ranges, mask ? mask(ranges.carriers) : null), result: value };
    }
    setCell(sheet, row, summaryColumn(figure), cell(content, annexe4CellStyle(figureFormat(figure))));
  }
}

function setHeaderRow(sheet: SheetSpec, row: number, texts: readonly string[]): void {
  texts.forEach((text, index) => setCell(sheet, row, index + 1, cell(text === '' ? null : text, headerStyle)));
  sheet.rows[row - 1].height = 45;
}

function setHeading(sheet: SheetSpec, row: number, text: string): void {
  setCell(sheet, row, 1, cell(text, { ...labelStyle, fontSize: 12 }));
}

export interface Annexe4Options {
  quarters: readonly Quarter[];
  /** The workbook's figures: the cached results of the summary and of the detail rows. */
  figures: Pick<WorkbookFigures, 'window' | 'axes' | 'summary'>;
  /** Values entered in the axis sheets (by row key, then field), for the texts shown; none at generation. */
  entered?: EnteredRowsByKey;
}

export function buildAnnexe4Sheet(plan: Plan, { quarters, figures, entered }: Annexe4Options): SheetSpec {
  const { window, axes: rateAxes, summary } = figures;
  const calendar = steeringCalendarAt(plan.period, window.current);
  const layout: Annexe4Layout = annexe4Layout(plan, calendar.length);
  const geometry = axisGeometry(quarters);
  const sheet = emptySheet(sheetNames.annexe4);
  sheet.columns = ANNEXE4_COLUMN_WIDTHS.map((width) => ({ width, numFmt: GENERAL_FORMAT }));

  setCell(sheet, ANNEXE4_TITLE_ROW, 1, cell(texts.title(plan.territory), titleStyle));
  setCell(sheet, ANNEXE4_QUARTER_ROW, 1, cell(texts.currentQuarter, labelStyle));
  setCell(
    sheet,
    ANNEXE4_QUARTER_ROW,
    2,
    cell(
      { formula: `${currentQuarterRef()}&""`, result: quarterLabel(window.current) },
      { bold: true, numFmt: TEXT_FORMAT },
    ),
  );
  setCell(sheet, ANNEXE4_QUARTER_ROW, 3, cell(texts.currentQuarterHint, { italic: true, numFmt: TEXT_FORMAT }));

  const figureHeaders = summaryFigures.map((figure) => summaryHeaders[figure]);
  setHeading(sheet, layout.axisHeadingRow, texts.byAxis);
  setHeaderRow(sheet, layout.axisHeaderRow, [headers.axis, headers.title, ...figureHeaders]);
  plan.axes.forEach((axis, index) => {
    const row = layout.axisRows[index];
    setCell(sheet, row, 1, cell(axisSheetName(axis.number), annexe4CellStyle(TEXT_FORMAT, { bold: true })));
    setCell(sheet, row, 2, cell(axis.title, annexe4CellStyle(TEXT_FORMAT, { wrap: true })));
    setSummaryRow(sheet, row, layout.detailBlocks[index], null, summary.axes[index]);
    const height = wrappedRowHeight([{ text: axis.title, width: ANNEXE4_COLUMN_WIDTHS[1] }]);
    if (height) sheet.rows[row - 1].height = height;
  });
  const allDetail: [number, number] | null =
    layout.detailLastRow >= layout.detailFirstRow ? [layout.detailFirstRow, layout.detailLastRow] : null;
  setCell(
    sheet,
    layout.totalRow,
    1,
    cell(texts.total, annexe4CellStyle(TEXT_FORMAT, { bold: true, fill: colors.headerFill })),
  );
  setCell(sheet, layout.totalRow, 2, cell(null, annexe4CellStyle(TEXT_FORMAT, { fill: colors.headerFill })));
  sheet.merges.push(rangeAddress(layout.totalRow, 1, layout.totalRow, 2));
  setSummaryRow(sheet, layout.totalRow, allDetail, null, summary.overall);

  setHeading(sheet, layout.carrierHeadingRow, texts.byCarrier);
  setHeaderRow(sheet, layout.carrierHeaderRow, [headers.carrier, '', ...figureHeaders]);
  sheet.merges.push(rangeAddress(layout.carrierHeaderRow, 1, layout.carrierHeaderRow, 2));
  layout.carriers.forEach(({ name, row }, index) => {
    const figures = summary.carriers[index];
    setCell(sheet, row, 1, cell(name, annexe4CellStyle(TEXT_FORMAT, { bold: true })));
    setCell(sheet, row, 2, cell(null, annexe4CellStyle(TEXT_FORMAT)));
    sheet.merges.push(rangeAddress(row, 1, row, 2));
    setSummaryRow(sheet, row, allDetail, (carriers) => carrierMask(carriers, carrierKey(name)), figures);
  });

  setHeading(sheet, layout.calendarHeadingRow, texts.calendar);
  setHeaderRow(sheet, layout.calendarHeaderRow, [headers.quarter, headers.milestone, headers.situation]);
  calendar.forEach((entry, index) => {
    const row = layout.calendarRows[index];
    const quarterCell = `$A$${row}`;
    const situation = entry.isCurrent
      ? texts.situations.current
      : entry.isPast
        ? texts.situations.past
        : texts.situations.upcoming;
    setCell(sheet, row, 1, cell(entry.quarterLabel, annexe4CellStyle(TEXT_FORMAT)));
    setCell(sheet, row, 2, cell(entry.label, annexe4CellStyle(TEXT_FORMAT)));
    setCell(
      sheet,
      row,
      3,
      cell(
        {
          formula:
            `IF(${quarterNumber(quarterCell)}=${currentQuarterNumber()},"${texts.situations.current}",` +
            `IF(${quarterNumber(quarterCell)}<${currentQuarterNumber()},"${texts.situations.past}","${texts.situations.upcoming}"))`,
          result: situation,
        },
        annexe4CellStyle(TEXT_FORMAT),
      ),
    );
  });
  if (calendar.length > 0) {
    const first = layout.calendarRows[0];
    sheet.conditionalFormats.push({
      kind: 'expression',
      range: rangeAddress(first, 1, layout.calendarRows[calendar.length - 1], 3),
      formula: `${quarterNumber(`$A${first}`)}=${currentQuarterNumber()}`,
      style: { fill: colors.rateMid, bold: true },
    });
  }

  setHeading(sheet, layout.detailHeadingRow, texts.detail);
  setHeaderRow(
    sheet,
    layout.detailHeaderRow,
    detailFields.map((field) => detailHeaders[field]),
  );
  const context: DetailContext = { geometry, window, entered };
  plan.axes.forEach((axis, axisIndex) => {
    const block = layout.detailBlocks[axisIndex];
    if (!block) return;
    let ficheRow = geometry.firstDataRow;
    axis.fiches.forEach((fiche, ficheIndex) => {
      setDetailRow(
        sheet,
        block[0] + ficheIndex,
        axis.number,
        fiche,
        rateAxes[axisIndex].fiches[ficheIndex],
        ficheRow,
        context,
      );
      ficheRow += 1 + fiche.criteria.length;
    });
  });

  for (const figure of ['fillPeriod', 'fillCumulative', 'achievement'] as const) {
    const column = summaryColumn(figure);
    const ranges = [[layout.axisRows[0] ?? layout.totalRow, layout.totalRow]];
    if (layout.carriers.length > 0)
      ranges.push([layout.carriers[0].row, layout.carriers[layout.carriers.length - 1].row]);
    for (const [top, bottom] of ranges) {
      sheet.conditionalFormats.push({
        kind: 'colorScale',
        range: rangeAddress(top, column, bottom, column),
        ...rateColorScale,
      });
    }
  }
  sheet.freeze = { rows: ANNEXE4_QUARTER_ROW, columns: 0 };
  sheet.protection = standardProtection;
  sheet.print = {
    orientation: 'landscape',
    paper: 'A4',
    fitToWidth: true,
    titleRows: { first: 1, last: ANNEXE4_QUARTER_ROW },
  };
  return sheet;
}
