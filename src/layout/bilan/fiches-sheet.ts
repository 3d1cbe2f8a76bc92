import type { Bilan, BilanCriterion, BilanFiche } from '../../domain/bilan/bilan';
import { ratesOf } from '../../domain/consolidation/counts';
import { frenchNumber } from '../../domain/messages/numbers';
import { parseQuarterLabel } from '../../domain/periods';
import { rangeAddress } from '../a1';
import { blockPageBreaks, type RowBlock } from '../page-breaks';
import {
  cell,
  emptySheet,
  LINE_HEIGHT,
  MAX_LINES,
  setRow,
  setWideText,
  standardProtection,
  textRowHeight,
} from '../sheet-building';
import {
  colors,
  GENERAL_FORMAT,
  headerStyle,
  hintStyle,
  INTEGER_FORMAT,
  labelStyle,
  RATE_FORMAT,
  TEXT_FORMAT,
  titleStyle,
  tableCellStyle,
} from '../styles';
import type { CellSpec, CellStyle, SheetSpec } from '../workbook-spec';
import { fitWrappedLines, partsWithinHeight, wrappedTextHeight } from '../wrapped-lines';
import { bilanPrint } from './bilan-print';
import { bilanSheetNames, bilanTexts, bilanTitle } from './bilan-texts';

/**
 * `Fiches`: one block per fiche, the « Top 5 » first, then the others, each group axis by axis. A block is the fiche's
 * row (its state at the period's end), its Mise en œuvre and Difficultés over the sheet's width when written, and
 * one row per criterion with the period's values as one text, a line per year (`2027 – T1 : 12 ; T2 : 15`), so
 * that a convention of twenty quarters still prints on the width of an A4 page. Two header rows, one for the fiches'
 * columns and one for the criteria's, are repeated on every page; a block that would cross a page's end starts a new
 * page, and one taller than a page is broken at each of its pages' ends (src/layout/page-breaks.ts). The fiche's
 * rates are values (its counts stay in the domain); the plan's figures are on `Synthèse`.
 */

const texts = bilanTexts.fiches;

/** The ten columns: what a criterion row holds, and what a fiche row puts in the same places. */
export const FICHES_COLUMNS = {
  key: 1,
  title: 2,
  unit: 3,
  baseline: 4,
  target: 5,
  values: 6,
  latest: 7,
  achievement: 8,
  fillPeriod: 9,
  comment: 10,
} as const;
const widths = [9, 32, 10, 11, 10, 43, 13, 12, 15, 28];

/** Fiche row: Axe under Unité, Statut over Référence and Cible (merged), Porteur(s) under Valeurs, and so on. */
const ficheHeaderCells: readonly (string | null)[] = [
  texts.ficheHeaders.key,
  texts.ficheHeaders.title,
  texts.ficheHeaders.axis,
  texts.ficheHeaders.status,
  null,
  texts.ficheHeaders.carriers,
  texts.ficheHeaders.progress,
  texts.ficheHeaders.achievement,
  texts.ficheHeaders.fillPeriod,
  texts.ficheHeaders.interest,
];
const criterionHeaderCells: readonly string[] = Object.values(texts.criterionHeaders);

export const FICHES_TITLE_ROWS = { first: 4, last: 5 };
const FIRST_BLOCK_ROW = FICHES_TITLE_ROWS.last + 1;
const SPACER_HEIGHT = 8;
/** Excel's highest row is 409 points. */
const MAX_ROW_HEIGHT = MAX_LINES * LINE_HEIGHT;

const body = tableCellStyle;
const ficheStyle = (numFmt: string, extra: CellStyle = {}) =>
  body(numFmt, { bold: true, fill: colors.ficheFill, ...extra });

const valueText = (value: string | number): string => (typeof value === 'number' ? frenchNumber(value) : value);

/**
 * `2027 – T1 : 12 ; T2 : 15`, a line per year: a year's four values fit a line of the column at the table's size, so
 * an annual bilan's take one line and a final bilan's twenty five, where quarters one after the other took seven,
 * a quarter's label cut at its hyphen.
 */
export function periodValuesText(criterion: BilanCriterion): string {
  const years = new Map<number, { q: number; value: string }[]>();
  for (const { quarter, value } of criterion.values) {
    const parsed = parseQuarterLabel(quarter);
    if (!parsed) throw new Error(`not a quarter label: ${quarter}`);
    years.set(parsed.year, [...(years.get(parsed.year) ?? []), { q: parsed.q, value: valueText(value) }]);
  }
  return [...years].map(([year, values]) => texts.yearValues(year, values)).join('\n');
}

/** `20 (2027-T4)`: the latest value and its quarter, which may be before the period. */
export function latestText(criterion: BilanCriterion): string {
  const { latest, latestQuarter } = criterion;
  if (latest === null) return '';
  return latestQuarter === null ? valueText(latest) : texts.latest(valueText(latest), latestQuarter);
}

function ficheRow(fiche: BilanFiche): (CellSpec | null)[] {
  const rates = ratesOf(fiche.counts);
  return [
    cell(fiche.key, ficheStyle(TEXT_FORMAT)),
    cell(fiche.title, ficheStyle(TEXT_FORMAT, { wrap: true })),
    cell(texts.axisLabel(fiche.axis), ficheStyle(TEXT_FORMAT)),
    cell(fiche.abandonedIn ? texts.abandonedIn(fiche.abandonedIn) : fiche.status, ficheStyle(TEXT_FORMAT)),
    cell(null, ficheStyle(TEXT_FORMAT)),
    cell(fiche.carriers, ficheStyle(TEXT_FORMAT, { wrap: true })),
    cell(fiche.progress, ficheStyle(INTEGER_FORMAT)),
    cell(rates.achievement, ficheStyle(RATE_FORMAT)),
    cell(rates.fillPeriod, ficheStyle(RATE_FORMAT)),
    cell(fiche.interest, ficheStyle(TEXT_FORMAT, { wrap: true })),
  ];
}

function criterionRow(criterion: BilanCriterion, comment: string): CellSpec[] {
  const number = (value: number | null) => cell(value, body(GENERAL_FORMAT));
  return [
    cell(criterion.key, body(TEXT_FORMAT)),
    cell(criterion.title, body(TEXT_FORMAT, { wrap: true })),
    cell(criterion.unit, body(TEXT_FORMAT, { wrap: true })),
    number(criterion.baseline),
    number(criterion.target),
    // The table's own size: the sheet prints at about 72 %, where 9 points came out at 6.5, too small to read.
    cell(periodValuesText(criterion), body(TEXT_FORMAT, { wrap: true })),
    cell(latestText(criterion), body(TEXT_FORMAT, { wrap: true })),
    cell(criterion.achievement, body(RATE_FORMAT)),
    cell(criterion.fillPeriod, body(RATE_FORMAT)),
    cell(comment, body(TEXT_FORMAT, { wrap: true })),
  ];
}

/**
 * A criterion's row, its Commentaire continued on the rows below, alone in its column, when longer than a row shows
 * (Excel's highest is 409 points), as a fiche's Mise en œuvre is: its end would not print. Returns the row after it.
 */
function setCriterion(sheet: SheetSpec, top: number, criterion: BilanCriterion): number {
  const width = widths[FICHES_COLUMNS.comment - 1];
  const parts = criterion.comment === '' ? [''] : partsWithinHeight(criterion.comment, width, MAX_ROW_HEIGHT);
  setRow(sheet, top, { cells: criterionRow(criterion, parts[0]) });
  parts.slice(1).forEach((part, index) => {
    // The table's other cells empty, with their borders, so that the rows read as the criterion's.
    const cells = widths.map((_, column) =>
      column === FICHES_COLUMNS.comment - 1
        ? cell(part, body(TEXT_FORMAT, { wrap: true }))
        : cell(null, body(TEXT_FORMAT)),
    );
    setRow(sheet, top + 1 + index, { cells });
  });
  return top + parts.length;
}

/**
 * A label in column A and a text over the rest of the width (Mise en œuvre, Difficultés), continued on the rows below
 * when longer than a row shows (Excel's highest is 409 points): its end would not print. Returns the row after it.
 */
function setLongText(sheet: SheetSpec, top: number, label: string, text: string): number {
  const labelSize = 9;
  const width = widths.slice(FICHES_COLUMNS.title - 1).reduce((sum, columnWidth) => sum + columnWidth, 0);
  const parts = partsWithinHeight(text, width, MAX_ROW_HEIGHT);
  parts.forEach((part, index) => {
    const row = top + index;
    const shownLabel = index === 0 ? label : '';
    setRow(sheet, row, {
      cells: [
        cell(shownLabel || null, body(TEXT_FORMAT, { bold: true, italic: true, wrap: true, fontSize: labelSize })),
      ],
    });
    setWideText(sheet, row, cell(part, body(TEXT_FORMAT)), FICHES_COLUMNS.title);
    // The text's lines counted word by word, as the criteria's are: setWideText's one character per width unit made
    // a long text's row half as high again as its lines, and a fiche that fitted a page left its criteria to the next.
    sheet.rows[row - 1].height = Math.max(
      textRowHeight(shownLabel, widths[0], labelSize),
      Math.min(wrappedTextHeight(part, width), MAX_ROW_HEIGHT),
    );
  });
  return top + parts.length;
}

/** The group and axis headings a fiche is the first of, if any. */
function headingsBefore(fiche: BilanFiche, previous: BilanFiche | undefined, bilan: Bilan): CellSpec[] {
  const headings: CellSpec[] = [];
  if (previous === undefined || previous.topFive !== fiche.topFive)
    headings.push(cell(fiche.topFive ? texts.topFive : texts.others, { ...labelStyle, fontSize: 12 }));
  if (headings.length > 0 || previous?.axis !== fiche.axis) {
    const axis = bilan.axes.find((candidate) => candidate.number === fiche.axis);
    headings.push(cell(bilanTexts.synthesis.axisName(fiche.axis, axis?.title ?? ''), labelStyle));
  }
  return headings;
}

/** Writes a fiche's block from `top`; returns its rows. */
function setBlock(sheet: SheetSpec, top: number, fiche: BilanFiche, headings: CellSpec[]): RowBlock {
  let row = top;
  for (const heading of headings) setWideText(sheet, row++, heading);
  setRow(sheet, row, { cells: ficheRow(fiche) });
  sheet.merges.push(rangeAddress(row, FICHES_COLUMNS.unit + 1, row, FICHES_COLUMNS.target));
  row += 1;
  if (fiche.implementation.trim() !== '') row = setLongText(sheet, row, texts.implementation, fiche.implementation);
  if (fiche.difficulties.trim() !== '') row = setLongText(sheet, row, texts.difficulties, fiche.difficulties);
  if (fiche.criteria.length === 0) setWideText(sheet, row++, cell(texts.noCriterion, hintStyle), FICHES_COLUMNS.title);
  for (const criterion of fiche.criteria) row = setCriterion(sheet, row, criterion);
  setRow(sheet, row, { cells: [], height: SPACER_HEIGHT });
  return { first: top, last: row };
}

export function buildFichesSheet(bilan: Bilan): SheetSpec {
  const sheet = emptySheet(bilanSheetNames.fiches);
  sheet.columns = widths.map((width) => ({ width }));
  setWideText(sheet, 1, cell(bilanTitle(bilan.period, bilan.territory, bilan.cdsf), titleStyle));
  setWideText(sheet, 2, cell(texts.hint, hintStyle));
  setRow(sheet, FICHES_TITLE_ROWS.first, {
    cells: ficheHeaderCells.map((text) => cell(text, { ...headerStyle, fill: colors.ficheFill })),
    height: 30,
  });
  sheet.merges.push(
    rangeAddress(FICHES_TITLE_ROWS.first, FICHES_COLUMNS.unit + 1, FICHES_TITLE_ROWS.first, FICHES_COLUMNS.target),
  );
  setRow(sheet, FICHES_TITLE_ROWS.last, {
    cells: criterionHeaderCells.map((text) => cell(text, headerStyle)),
    height: 30,
  });

  const blocks: RowBlock[] = [];
  let row = FIRST_BLOCK_ROW;
  bilan.fiches.forEach((fiche, index) => {
    const block = setBlock(sheet, row, fiche, headingsBefore(fiche, bilan.fiches[index - 1], bilan));
    blocks.push(block);
    row = block.last + 1;
  });
  if (bilan.fiches.length === 0) setWideText(sheet, row, cell(texts.none, hintStyle));

  fitWrappedLines(sheet, MAX_ROW_HEIGHT);
  sheet.freeze = { rows: FICHES_TITLE_ROWS.last, columns: 0 };
  sheet.protection = standardProtection;
  sheet.print = bilanPrint(
    sheet,
    { orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: FICHES_TITLE_ROWS },
    bilanTitle(bilan.period, bilan.territory, bilan.cdsf),
  );
  const breaks = blockPageBreaks(sheet, blocks);
  if (breaks.length > 0) sheet.rowBreaks = breaks;
  return sheet;
}
