import { quarterLabel, type Quarter } from '../domain/periods';
import type { Plan } from '../domain/plan';
import {
  achievementRate,
  carrierKey,
  completionSummary,
  cumulativeFillCounts,
  meanAchievement,
  periodFillCounts,
  statusCountField,
  type CompletionFigures,
  type RateFiche,
  type RateWindow,
} from '../domain/rates';
import { steeringCalendarAt } from '../domain/steering-calendar';
import type { RawValue } from '../domain/tracking';
import { textValue } from '../domain/tracking-values';
import { ficheStatuses } from '../domain/vocabulary';
import { rangeAddress } from './a1';
import {
  ANNEXE4_COLUMN_COUNT,
  ANNEXE4_QUARTER_ROW,
  ANNEXE4_TITLE_ROW,
  annexe4Layout,
  detailColumn,
  detailFields,
  summaryColumn,
  summaryFigures,
  type Annexe4Layout,
  type DetailField,
  type SummaryFigure,
} from './annexe4-layout';
import { cachedRate } from './axis-rates';
import { axisGeometry, axisRefs, type AxisGeometry } from './formulas/axis-geometry';
import { blockCountFormula } from './formulas/axis-row-formulas';
import { currentQuarterNumber, quarterNumber, textLiteral } from './formulas/quarter-masks';
import { absoluteRange, currentQuarterRef } from './formulas/references';
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
} from './formulas/summary-formulas';
import { rateAxisOf, type EnteredRowsByKey } from './rate-inputs';
import { cell, emptySheet, setCell, standardProtection, wrappedRowHeight } from './sheet-building';
import {
  colors,
  GENERAL_FORMAT,
  headerStyle,
  INTEGER_FORMAT,
  labelStyle,
  PERCENT_FORMAT,
  rateColorScale,
  TEXT_FORMAT,
  titleStyle,
} from './styles';
import { annexe4Texts, axisSheetName, sheetNames } from './texts';
import type { CellContent, CellStyle, SheetSpec } from './workbook-spec';

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

const detailHeaders: Record<DetailField, string> = {
  key: headers.key,
  title: headers.title,
  axis: headers.axis,
  carriers: headers.carriers,
  status: headers.status,
  progress: headers.progress,
  difficulties: headers.difficulties,
  criteria: headers.criteria,
  expectedPeriod: headers.expectedPeriod,
  filledPeriod: headers.filledPeriod,
  expectedCumulative: headers.expectedCumulative,
  filledCumulative: headers.filledCumulative,
  criteriaWithAchievement: headers.criteriaWithAchievement,
  achievement: headers.achievement,
};

const rateFigures: ReadonlySet<string> = new Set(['fillPeriod', 'fillCumulative', 'achievement']);

const cellStyle = (numFmt: string, extra: CellStyle = {}): CellStyle => ({
  numFmt,
  border: true,
  vertical: 'top',
  ...extra,
});

function figureFormat(figure: SummaryFigure | DetailField): string {
  if (rateFigures.has(figure)) return PERCENT_FORMAT;
  if (figure === 'meanProgress') return '0.0';
  return INTEGER_FORMAT;
}

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
    setCell(sheet, row, summaryColumn(figure), cell(content, cellStyle(figureFormat(figure))));
  }
}

function setHeaderRow(sheet: SheetSpec, row: number, texts: readonly string[]): void {
  texts.forEach((text, index) => setCell(sheet, row, index + 1, cell(text === '' ? null : text, headerStyle)));
  sheet.rows[row - 1].height = 45;
}

function setHeading(sheet: SheetSpec, row: number, text: string): void {
  setCell(sheet, row, 1, cell(text, { ...labelStyle, fontSize: 12 }));
}

function rawText(entered: EnteredRowsByKey | undefined, key: string, field: string): RawValue {
  return entered?.get(key)?.get(field)?.value ?? null;
}

/** What `'Axe 1'!$K$4&""` gives: the cell's text, '' when empty. */
function textOfCell(raw: RawValue): string {
  return raw === null ? '' : typeof raw === 'boolean' ? String(raw).toUpperCase() : String(raw);
}

interface DetailContext {
  geometry: AxisGeometry;
  window: RateWindow;
  entered: EnteredRowsByKey | undefined;
}

/** The detail row of one fiche: its state and its counts, read live from its axis sheet rows. */
function setDetailRow(
  sheet: SheetSpec,
  row: number,
  axisNumber: number,
  fiche: Plan['axes'][number]['fiches'][number],
  rates: RateFiche,
  ficheRow: number,
  context: DetailContext,
): void {
  const { geometry, window, entered } = context;
  const axisSheet = axisSheetName(axisNumber);
  const refs = axisRefs(geometry, axisSheet);
  const at = (id: Parameters<AxisGeometry['column']>[0]) => refs.cells(id, ficheRow, ficheRow);
  const top = ficheRow + 1;
  const bottom = ficheRow + fiche.criteria.length;
  const hasCriteria = fiche.criteria.length > 0;
  const period = periodFillCounts(rates.criteria, window);
  const cumulative = cumulativeFillCounts(rates.criteria, window);
  const withAchievement = rates.criteria.filter((criterion) => achievementRate(criterion, window) !== null).length;
  const progress = at('progress');
  const difficulties = at('difficulties');
  const count = (formula: string, result: number): CellContent => (hasCriteria ? { formula, result } : 0);
  const values: Record<DetailField, CellContent> = {
    key: fiche.key,
    title: fiche.title,
    axis: axisSheet,
    carriers: { formula: `${at('carriers')}&""`, result: fiche.carriers.join(' ; ') },
    status: { formula: `${at('status')}&""`, result: textOfCell(rawText(entered, fiche.key, 'status')) },
    progress: {
      formula: `IF(ISNUMBER(${progress}),IF((${progress}>=0)*(${progress}<=100)*(${progress}=INT(${progress})),${progress},""),"")`,
      result: cachedRate(rates.progress),
    },
    difficulties: {
      formula: `IF(LEN(TRIM(CLEAN(${difficulties}&"")))>0,${textLiteral(texts.yes)},"")`,
      result: textValue(rawText(entered, fiche.key, 'difficulties')) !== '' ? texts.yes : '',
    },
    criteria: count(`COUNTA(${refs.cells('key', top, bottom)})`, fiche.criteria.length),
    expectedPeriod: count(blockCountFormula(refs, top, bottom, 'period', 'expected'), period.expected),
    filledPeriod: count(blockCountFormula(refs, top, bottom, 'period', 'filled'), period.filled),
    expectedCumulative: count(blockCountFormula(refs, top, bottom, 'cumulative', 'expected'), cumulative.expected),
    filledCumulative: count(blockCountFormula(refs, top, bottom, 'cumulative', 'filled'), cumulative.filled),
    criteriaWithAchievement: count(`COUNT(${refs.cells('achievement', top, bottom)})`, withAchievement),
    // The fiche row's own mean (empty text when undefined; the pooled mean weighs it by the count beside it).
    achievement: hasCriteria
      ? {
          formula: `IF(ISNUMBER(${at('achievement')}),${at('achievement')},"")`,
          result: cachedRate(meanAchievement(rates.criteria, window)),
        }
      : null,
  };
  for (const field of detailFields) {
    const format = field === 'key' || field === 'title' || field === 'axis' ? TEXT_FORMAT : figureFormat(field);
    const extra: CellStyle = field === 'title' || field === 'carriers' ? { wrap: true } : {};
    setCell(sheet, row, detailColumn(field), cell(values[field], cellStyle(format, extra)));
  }
  const height = wrappedRowHeight([
    { text: fiche.title, width: COLUMN_WIDTHS[detailColumn('title') - 1] },
    { text: fiche.carriers.join(' ; '), width: COLUMN_WIDTHS[detailColumn('carriers') - 1] },
  ]);
  if (height) sheet.rows[row - 1].height = height;
}

/** Column widths: A (axis, porteur, key, quarter), B (titles), then the figures. */
const COLUMN_WIDTHS = [12, 46, ...Array.from({ length: ANNEXE4_COLUMN_COUNT - 2 }, () => 15)];

export interface Annexe4Options {
  quarters: readonly Quarter[];
  window: RateWindow;
  /** Values entered in the axis sheets (by row key, then field), for the cached results; none at generation. */
  entered?: EnteredRowsByKey;
}

export function buildAnnexe4Sheet(plan: Plan, { quarters, window, entered }: Annexe4Options): SheetSpec {
  const rateAxes = plan.axes.map((axis) => rateAxisOf(axis, quarters, entered));
  const summary = completionSummary(rateAxes, window);
  const calendar = steeringCalendarAt(plan.period, window.current);
  const layout: Annexe4Layout = annexe4Layout(plan, calendar.length);
  const geometry = axisGeometry(quarters);
  const sheet = emptySheet(sheetNames.annexe4);
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width, numFmt: GENERAL_FORMAT }));

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
    setCell(sheet, row, 1, cell(axisSheetName(axis.number), cellStyle(TEXT_FORMAT, { bold: true })));
    setCell(sheet, row, 2, cell(axis.title, cellStyle(TEXT_FORMAT, { wrap: true })));
    setSummaryRow(sheet, row, layout.detailBlocks[index], null, summary.axes[index]);
    const height = wrappedRowHeight([{ text: axis.title, width: COLUMN_WIDTHS[1] }]);
    if (height) sheet.rows[row - 1].height = height;
  });
  const allDetail: [number, number] | null =
    layout.detailLastRow >= layout.detailFirstRow ? [layout.detailFirstRow, layout.detailLastRow] : null;
  setCell(
    sheet,
    layout.totalRow,
    1,
    cell(texts.total, cellStyle(TEXT_FORMAT, { bold: true, fill: colors.headerFill })),
  );
  setCell(sheet, layout.totalRow, 2, cell(null, cellStyle(TEXT_FORMAT, { fill: colors.headerFill })));
  sheet.merges.push(rangeAddress(layout.totalRow, 1, layout.totalRow, 2));
  setSummaryRow(sheet, layout.totalRow, allDetail, null, summary.overall);

  setHeading(sheet, layout.carrierHeadingRow, texts.byCarrier);
  setHeaderRow(sheet, layout.carrierHeaderRow, [headers.carrier, '', ...figureHeaders]);
  sheet.merges.push(rangeAddress(layout.carrierHeaderRow, 1, layout.carrierHeaderRow, 2));
  layout.carriers.forEach(({ name, row }, index) => {
    const figures = summary.carriers[index];
    setCell(sheet, row, 1, cell(name, cellStyle(TEXT_FORMAT, { bold: true })));
    setCell(sheet, row, 2, cell(null, cellStyle(TEXT_FORMAT)));
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
    setCell(sheet, row, 1, cell(entry.quarterLabel, cellStyle(TEXT_FORMAT)));
    setCell(sheet, row, 2, cell(entry.label, cellStyle(TEXT_FORMAT)));
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
        cellStyle(TEXT_FORMAT),
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
