import type { Plan } from '../../../domain/plan';
import { carriersOf, type RateFiche } from '../../../domain/rates';
import { INTEGER_FORMAT, RATE_FORMAT, tableCellStyle } from '../../styles';
import { carriersOfFiche } from '../../rate-inputs';

/**
 * Where things are in `Annexe 4 – Suivi`, so that the builder, the tests and any reader agree without typing an
 * address. Columns are 1-based; the summary tables (by axis, by porteur) share their figure columns.
 */

export const ANNEXE4_TITLE_ROW = 1;
export const ANNEXE4_QUARTER_ROW = 2;

/** The figures of a summary row, in column order from column 3 (columns 1–2: axis and title, or porteur). */
export const summaryFigures = [
  'fiches',
  'criteria',
  'fillPeriod',
  'fillCumulative',
  'achievement',
  'notStarted',
  'inProgress',
  'done',
  'postponed',
  'abandoned',
  'meanProgress',
  'withDifficulties',
] as const;
export type SummaryFigure = (typeof summaryFigures)[number];

export function summaryColumn(figure: SummaryFigure): number {
  return 3 + summaryFigures.indexOf(figure);
}

/** The columns of the per-fiche detail table, in order from column 1. */
export const detailFields = [
  'key',
  'title',
  'axis',
  'carriers',
  'status',
  'progress',
  'difficulties',
  'criteria',
  'expectedPeriod',
  'filledPeriod',
  'expectedCumulative',
  'filledCumulative',
  'criteriaWithAchievement',
  'achievement',
] as const;
export type DetailField = (typeof detailFields)[number];

export function detailColumn(field: DetailField): number {
  return 1 + detailFields.indexOf(field);
}

export const ANNEXE4_COLUMN_COUNT = Math.max(2 + summaryFigures.length, detailFields.length);

/** Column widths: A (axis, porteur, key, quarter), B (titles), then the figures. */
export const ANNEXE4_COLUMN_WIDTHS = [12, 46, ...Array.from({ length: ANNEXE4_COLUMN_COUNT - 2 }, () => 15)];

/** How every figure cell looks: bordered, top-aligned, in its number format. */
const rateFigures: ReadonlySet<string> = new Set(['fillPeriod', 'fillCumulative', 'achievement']);

export const annexe4CellStyle = tableCellStyle;

export function figureFormat(figure: SummaryFigure | DetailField): string {
  if (rateFigures.has(figure)) return RATE_FORMAT;
  if (figure === 'meanProgress') return '0.0';
  return INTEGER_FORMAT;
}

/**
 * The plan's texts Annexe 4 shows that are read back from the axis sheets (axis and fiche titles, porteurs): a person
 * changes them there, so a copy found here that differs is an older one, or typed over (src/layout/typed-over-texts.ts).
 */
export function annexe4CopiedTexts(plan: Plan): Set<string> {
  const texts = new Set<string>();
  for (const axis of plan.axes) {
    texts.add(axis.title);
    for (const fiche of axis.fiches) for (const text of [fiche.title, ...carriersOfFiche(fiche)]) texts.add(text);
  }
  return texts;
}

export interface Annexe4Layout {
  axisHeadingRow: number;
  axisHeaderRow: number;
  /** One row per axis of the plan, in plan order. */
  axisRows: number[];
  totalRow: number;
  carrierHeadingRow: number;
  carrierHeaderRow: number;
  /** The porteurs of the plan (first spelling, first-appearance order) and their rows. */
  carriers: { name: string; row: number }[];
  calendarHeadingRow: number;
  calendarHeaderRow: number;
  /** One row per entry of the steering calendar, in its order. */
  calendarRows: number[];
  detailHeadingRow: number;
  detailHeaderRow: number;
  /** Detail rows of each axis's fiches: [first, last], or null for an axis without fiches. */
  detailBlocks: ([number, number] | null)[];
  /** First and last detail row; last < first when the plan has no fiche. */
  detailFirstRow: number;
  detailLastRow: number;
}

/** Positions for a plan whose steering calendar has `calendarLength` entries. */
export function annexe4Layout(plan: Plan, calendarLength: number): Annexe4Layout {
  const axisHeadingRow = 4;
  const axisHeaderRow = axisHeadingRow + 1;
  const axisRows = plan.axes.map((_, index) => axisHeaderRow + 1 + index);
  const totalRow = axisHeaderRow + plan.axes.length + 1;
  const carrierHeadingRow = totalRow + 2;
  const carrierHeaderRow = carrierHeadingRow + 1;
  // Only the porteur lists matter here: the same list and order as the domain's summary.
  const carrierFiches = plan.axes.flatMap((axis) =>
    axis.fiches.map((fiche): RateFiche => ({
      status: null,
      progress: null,
      difficulties: '',
      carriers: carriersOfFiche(fiche),
      criteria: [],
    })),
  );
  const carriers = carriersOf(carrierFiches).map((name, index) => ({
    name,
    row: carrierHeaderRow + 1 + index,
  }));
  const calendarHeadingRow = carrierHeaderRow + carriers.length + 2;
  const calendarHeaderRow = calendarHeadingRow + 1;
  const calendarRows = Array.from({ length: calendarLength }, (_, index) => calendarHeaderRow + 1 + index);
  const detailHeadingRow = calendarHeaderRow + calendarLength + 2;
  const detailHeaderRow = detailHeadingRow + 1;
  let next = detailHeaderRow + 1;
  const detailBlocks = plan.axes.map((axis): [number, number] | null => {
    if (axis.fiches.length === 0) return null;
    const block: [number, number] = [next, next + axis.fiches.length - 1];
    next += axis.fiches.length;
    return block;
  });
  return {
    axisHeadingRow,
    axisHeaderRow,
    axisRows,
    totalRow,
    carrierHeadingRow,
    carrierHeaderRow,
    carriers,
    calendarHeadingRow,
    calendarHeaderRow,
    calendarRows,
    detailHeadingRow,
    detailHeaderRow,
    detailBlocks,
    detailFirstRow: detailHeaderRow + 1,
    detailLastRow: next - 1,
  };
}
