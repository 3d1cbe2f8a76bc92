/**
 * Formulas over counts held in cells (the consolidation's sheets): a rate is one count over another, undefined
 * (the empty text) when the divisor is 0; a total sums its rows' counts. Rates are always derived from pooled
 * counts, never averaged (docs/DOMAIN.md, « Rates »).
 */

/** `IFERROR(H5/G5,"")`: the same undefined rate as the other sheets' (`""` when nothing is expected). */
export function countRatioFormula(numerator: string, denominator: string): string {
  return `IFERROR(${numerator}/${denominator},"")`;
}

export function sumFormula(range: string): string {
  return `SUM(${range})`;
}

/** The bar's length: one character per 5 %, so 20 at 100 %. */
export const BAR_STEPS = 20;
export const BAR_CHARACTER = '\u2588';

/**
 * A bar of `BAR_STEPS` characters at most drawing filled/expected, rounded half up, empty when nothing is expected.
 * Computed from the integer counts (INT((2·steps·filled + expected) / (2·expected))) rather than from the rate, so
 * that no engine's rounding of a fraction like 0.525 × 20 can give another length than `barLength`.
 */
export function barFormula(filled: string, expected: string): string {
  const length = `INT((${2 * BAR_STEPS}*${filled}+${expected})/(2*${expected}))`;
  return `IF(${expected}=0,"",REPT("${BAR_CHARACTER}",${length}))`;
}

/** The cached result of `barFormula`. */
export function barText(filled: number, expected: number): string {
  if (expected === 0) return '';
  return BAR_CHARACTER.repeat(Math.floor((2 * BAR_STEPS * filled + expected) / (2 * expected)));
}
