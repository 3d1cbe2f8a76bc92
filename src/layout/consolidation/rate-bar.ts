import type { ConsolidationCounts } from '../../domain/consolidation/counts';
import { columnWidthInPoints } from '../column-width';
import { BAR_STEPS, barFormula, barText } from '../formulas/count-formulas';
import type { FormulaValue } from '../workbook-spec';
import { rateCountColumns, rateParts, type CountId, type RateId } from './count-columns';

/**
 * A rate's bar of characters, as the consolidation's `Territoires` and the bilan's `Synthèse` print it: a formula
 * over the rate's two counts with its cached text, in type small enough that a full bar stays within its column.
 */

/**
 * « █ » is 1 575/2 048 of an em wide as LibreOffice prints it: Carlito, its Calibri, has none, and it is drawn in
 * DejaVu Sans.
 */
const BAR_CHARACTER_EM = 1575 / 2048;

/** `barFormula` over the rate's two counts, `refOf` giving each one's reference, with its cached text. */
export function barCell(rate: RateId, refOf: (id: CountId) => string, counts: ConsolidationCounts): FormulaValue {
  const { numerator, denominator } = rateParts[rate];
  const value = (id: CountId) => rateCountColumns.find((column) => column.id === id)!.value(counts);
  return {
    formula: barFormula(refOf(numerator), refOf(denominator)),
    result: barText(value(numerator), value(denominator)),
  };
}

/**
 * The largest whole type size at which a bar of `BAR_STEPS` characters fits a column `width` wide (Excel's width in
 * points; LibreOffice's is wider). Larger, a full bar was cut at its cell's edge, so that 85 % and 100 % printed
 * alike, or ran past the table's border, and a last column's bars spilled onto a page of their own.
 */
export function barFontSize(width: number): number {
  return Math.floor(columnWidthInPoints(width) / (BAR_STEPS * BAR_CHARACTER_EM));
}
