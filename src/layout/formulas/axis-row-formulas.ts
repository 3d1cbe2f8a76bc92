import type { CriterionKind } from '../../domain/plan';
import type { AxisRefs } from './axis-geometry';
import {
  atCurrentMask,
  currentQuarterNumber,
  expectedMask,
  filledByType,
  QUALITATIVE_TYPE,
  QUANTITATIVE_TYPE,
  qualitativeFilled,
  quantitativeFilled,
  quarterNumber,
  upToCurrentMask,
} from './quarter-masks';

/**
 * The rate formulas of an axis sheet's rows and the counts the Annexe 4 summary pools. They mirror
 * src/domain/rates: fill-rate.ts (filled expected cells / expected cells, quarters up to Q) and achievement.ts
 * (latest filled expected value up to Q against Référence and Cible). An undefined rate is an empty text.
 */

/** Which quarters a count looks at: the first to Q (cumulé) or Q alone (période). */
export type CountSpan = 'cumulative' | 'period';

function spanMask(refs: AxisRefs, span: CountSpan): string {
  return span === 'cumulative' ? upToCurrentMask(refs.headers) : atCurrentMask(refs.headers);
}

function expected(refs: AxisRefs, top: number, bottom: number): string {
  return expectedMask(refs.cells('frequency', top, bottom), refs.headers, refs.lastHeader);
}

/** A criterion row's filled mask by its kind (the kind is fixed by the row's key; the Type cell is locked). */
function filledOfRow(refs: AxisRefs, row: number, kind: CriterionKind): string {
  const values = refs.quarterCells(row, row);
  return kind === 'quantitative' ? quantitativeFilled(values) : qualitativeFilled(values);
}

/** `Renseignement cumulé` of a criterion row. */
export function criterionFillFormula(refs: AxisRefs, row: number, kind: CriterionKind): string {
  const mask = `${expected(refs, row, row)}*${spanMask(refs, 'cumulative')}`;
  return `IFERROR(SUMPRODUCT(${mask}*${filledOfRow(refs, row, kind)})/SUMPRODUCT(${mask}),"")`;
}

/**
 * `Réalisation` of a Quantitatif row: the number of the latest expected quarter up to Q holding a number is the
 * largest of (mask × quarter number), 0 when none; INDEX then fails (position below 1) and the rate is empty, as
 * it is when Cible is not a number or equals the Référence (division by zero).
 */
export function criterionAchievementFormula(refs: AxisRefs, row: number): string {
  const values = refs.quarterCells(row, row);
  const target = refs.cells('target', row, row);
  const baselineCell = refs.cells('baseline', row, row);
  const baseline = `IF(ISNUMBER(${baselineCell}),${baselineCell},0)`;
  const mask = `${expected(refs, row, row)}*${spanMask(refs, 'cumulative')}*${quantitativeFilled(values)}`;
  const latest = `SUMPRODUCT(MAX(${mask}*${quarterNumber(refs.headers)}))`;
  const value = `INDEX(${values},1,${latest}-${quarterNumber(refs.firstHeader)}+1)`;
  return `IF(ISNUMBER(${target}),` + `IFERROR(MIN(1,MAX(0,(${value}-${baseline})/(${target}-${baseline}))),""),"")`;
}

/** Filled expected cells, or expected cells, of the criterion rows top..bottom (a fiche's block). */
export function blockCountFormula(
  refs: AxisRefs,
  top: number,
  bottom: number,
  span: CountSpan,
  what: 'filled' | 'expected',
): string {
  const mask = `${expected(refs, top, bottom)}*${spanMask(refs, span)}`;
  if (what === 'expected') return `SUMPRODUCT(${mask})`;
  return `SUMPRODUCT(${mask}*${filledByType(refs.cells('type', top, bottom), refs.quarterCells(top, bottom))})`;
}

/** `Renseignement cumulé` of a fiche row: pooled over the cells of its criterion rows top..bottom. */
export function ficheFillFormula(refs: AxisRefs, top: number, bottom: number): string {
  const filled = blockCountFormula(refs, top, bottom, 'cumulative', 'filled');
  const expectedCells = blockCountFormula(refs, top, bottom, 'cumulative', 'expected');
  return `IFERROR(${filled}/${expectedCells},"")`;
}

/** `Réalisation` of a fiche row: the mean of its criteria's defined achievements (AVERAGE skips the empty ones). */
export function ficheAchievementFormula(refs: AxisRefs, top: number, bottom: number): string {
  return `IFERROR(AVERAGE(${refs.cells('achievement', top, bottom)}),"")`;
}

/**
 * The mark on the expected, empty cells of Q: a conditional-format expression relative to the top-left quarter
 * cell of the data (`row`), true on criterion rows only; Q is read from Paramètres so the mark moves with it.
 */
export function missingInCurrentQuarterExpression(
  refs: AxisRefs,
  cellRef: string,
  headerRef: string,
  row: number,
): string {
  const type = refs.cells('type', row, row);
  const frequency = refs.cells('frequency', row, row);
  return (
    `AND(OR(${type}=${QUANTITATIVE_TYPE},${type}=${QUALITATIVE_TYPE}),` +
    `${quarterNumber(headerRef)}=${currentQuarterNumber()},` +
    `${expectedMask(frequency, headerRef, refs.lastHeader)},` +
    `NOT(IF(${type}=${QUALITATIVE_TYPE},${qualitativeFilled(cellRef)}>0,${quantitativeFilled(cellRef)})))`
  );
}
