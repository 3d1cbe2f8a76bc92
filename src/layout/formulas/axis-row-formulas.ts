import type { CriterionKind } from '../../domain/plan';
import type { AxisRefs } from './axis-geometry';
import {
  abandonmentNumber,
  atCurrentMask,
  beforeAbandonmentMask,
  currentBeforeAbandonment,
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
import { countRatioFormula } from './count-formulas';

/**
 * The rate formulas of an axis sheet's rows and the counts the Annexe 4 summary pools. They mirror
 * src/domain/rates: fill-rate.ts (filled expected cells / expected cells, quarters up to Q) and achievement.ts
 * (latest filled expected value up to Q against Référence and Cible). An undefined rate is an empty text. A
 * criterion's fiche row (`ficheRow`) holds « Abandonnée en »: from that quarter on the criterion's cells expect no
 * value, and from Q = that quarter on its réalisation is empty (tracking.ts `isAbandonedBy`).
 */

/** Which quarters a count looks at: the first to Q (cumulé) or Q alone (période). */
export type CountSpan = 'cumulative' | 'period';

function spanMask(refs: AxisRefs, span: CountSpan): string {
  return span === 'cumulative' ? upToCurrentMask(refs.headers) : atCurrentMask(refs.headers);
}

function expectedByFrequency(refs: AxisRefs, top: number, bottom: number): string {
  return expectedMask(refs.cells('frequency', top, bottom), refs.headers, refs.lastHeader);
}

/** The fiche row's « Abandonnée en » cell. */
function abandonmentCell(refs: AxisRefs, ficheRow: number): string {
  return refs.cells('abandonedIn', ficheRow, ficheRow);
}

/** Expected cells of the criterion rows top..bottom of the fiche on `ficheRow`: by Fréquence, before abandonment. */
function expected(refs: AxisRefs, top: number, bottom: number, ficheRow: number): string {
  const beforeAbandonment = beforeAbandonmentMask(refs.headers, abandonmentCell(refs, ficheRow), refs.headers);
  return `${expectedByFrequency(refs, top, bottom)}*${beforeAbandonment}`;
}

/** A criterion row's filled mask by its kind (the kind is fixed by the row's key; the Type cell is locked). */
function filledOfRow(refs: AxisRefs, row: number, kind: CriterionKind): string {
  const values = refs.quarterCells(row, row);
  return kind === 'quantitative' ? quantitativeFilled(values) : qualitativeFilled(values);
}

/** `Renseignement cumulé` of a criterion row whose fiche is on `ficheRow`. */
export function criterionFillFormula(refs: AxisRefs, row: number, kind: CriterionKind, ficheRow: number): string {
  const mask = `${expected(refs, row, row, ficheRow)}*${spanMask(refs, 'cumulative')}`;
  return `IFERROR(SUMPRODUCT(${mask}*${filledOfRow(refs, row, kind)})/SUMPRODUCT(${mask}),"")`;
}

/**
 * `Réalisation` of a Quantitatif row: the number of the latest expected quarter up to Q holding a number is the
 * largest of (mask × quarter number), 0 when none; INDEX then fails (position below 1) and the rate is empty, as
 * it is when Cible is not a number or equals the Référence (division by zero), and when its fiche was abandoned in
 * Q or before.
 */
export function criterionAchievementFormula(refs: AxisRefs, row: number, ficheRow: number): string {
  const values = refs.quarterCells(row, row);
  const target = refs.cells('target', row, row);
  const baselineCell = refs.cells('baseline', row, row);
  const baseline = `IF(ISNUMBER(${baselineCell}),${baselineCell},0)`;
  // Before the abandonment every quarter up to Q is before it too: the Fréquence alone decides what is expected.
  const mask = `${expectedByFrequency(refs, row, row)}*${spanMask(refs, 'cumulative')}*${quantitativeFilled(values)}`;
  const latest = `SUMPRODUCT(MAX(${mask}*${quarterNumber(refs.headers)}))`;
  const value = `INDEX(${values},1,${latest}-${quarterNumber(refs.firstHeader)}+1)`;
  const counted = currentBeforeAbandonment(abandonmentCell(refs, ficheRow), refs.headers);
  return (
    `IF(${counted}*ISNUMBER(${target}),` +
    `IFERROR(MIN(1,MAX(0,(${value}-${baseline})/(${target}-${baseline}))),""),"")`
  );
}

/** Filled expected cells, or expected cells, of the criterion rows top..bottom of the fiche on `ficheRow`. */
export function blockCountFormula(
  refs: AxisRefs,
  ficheRow: number,
  top: number,
  bottom: number,
  span: CountSpan,
  what: 'filled' | 'expected',
): string {
  const mask = `${expected(refs, top, bottom, ficheRow)}*${spanMask(refs, span)}`;
  if (what === 'expected') return `SUMPRODUCT(${mask})`;
  return `SUMPRODUCT(${mask}*${filledByType(refs.cells('type', top, bottom), refs.quarterCells(top, bottom))})`;
}

/** `Renseignement cumulé` of the fiche row `ficheRow`: pooled over the cells of its criterion rows top..bottom. */
export function ficheFillFormula(refs: AxisRefs, ficheRow: number, top: number, bottom: number): string {
  const filled = blockCountFormula(refs, ficheRow, top, bottom, 'cumulative', 'filled');
  const expectedCells = blockCountFormula(refs, ficheRow, top, bottom, 'cumulative', 'expected');
  return countRatioFormula(filled, expectedCells);
}

/** `Réalisation` of a fiche row: the mean of its criteria's defined achievements (AVERAGE skips the empty ones). */
export function ficheAchievementFormula(refs: AxisRefs, top: number, bottom: number): string {
  return `IFERROR(AVERAGE(${refs.cells('achievement', top, bottom)}),"")`;
}

/**
 * The fiche key of a criterion key cell (tracking.ts `parentKeyOf`): the text before its last `-Q` (a fiche key
 * may itself end in `-Q`, a duplicated ref).
 */
function parentKeyText(key: string): string {
  const lastSuffix = `SUBSTITUTE(${key},"-Q",CHAR(1),(LEN(${key})-LEN(SUBSTITUTE(${key},"-Q","")))/2)`;
  return `LEFT(${key},FIND(CHAR(1),${lastSuffix})-1)`;
}

/** The data rows of an axis sheet, for the mark to find a criterion's fiche row by its key. */
export interface DataRows {
  first: number;
  last: number;
}

/**
 * The mark on the expected, empty cells of Q: a conditional-format expression relative to the top-left quarter
 * cell of the data (`row`), true on criterion rows only, and not when the criterion's fiche (found by key among
 * the data rows) was abandoned in Q or before; Q is read from Paramètres so the mark moves with it.
 */
export function missingInCurrentQuarterExpression(
  refs: AxisRefs,
  cellRef: string,
  headerRef: string,
  row: number,
  data: DataRows,
): string {
  const type = refs.cells('type', row, row);
  const frequency = refs.cells('frequency', row, row);
  const keys = refs.cells('key', data.first, data.last);
  const abandonments = refs.cells('abandonedIn', data.first, data.last);
  const ficheAbandonment = `INDEX(${abandonments},MATCH(${parentKeyText(refs.cells('key', row, row))},${keys},0))`;
  return (
    `AND(OR(${type}=${QUANTITATIVE_TYPE},${type}=${QUALITATIVE_TYPE}),` +
    `${quarterNumber(headerRef)}=${currentQuarterNumber()},` +
    `${quarterNumber(headerRef)}<${abandonmentNumber(ficheAbandonment, refs.headers)},` +
    `${expectedMask(frequency, headerRef, refs.lastHeader)},` +
    `NOT(IF(${type}=${QUALITATIVE_TYPE},${qualitativeFilled(cellRef)}>0,${quantitativeFilled(cellRef)})))`
  );
}
