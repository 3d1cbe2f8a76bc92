/**
 * Excel writes a reference whose cells were deleted, its sheet still there, as `#REF!` after the sheet's name
 * (`'Axe 1'!#REF!`), and takes such a formula back; HyperFormula, whose grammar stands for Excel's in the fake and
 * in the tests' recalculations, parses `#REF!` only alone. The formula as HyperFormula takes it: the sheet's name
 * before each `#REF!` dropped (it gives the same error), strings left alone.
 */
const SHEET_BEFORE_REF_ERROR = /("(?:[^"]|"")*"?)|(?:'(?:[^']|'')*'|[\p{L}_][\p{L}\p{N}_.]*)!(?=#REF!)/gu;

export function forHyperFormula(formula: string): string {
  if (!formula.includes('#REF!')) return formula;
  return formula.replace(SHEET_BEFORE_REF_ERROR, (_, text: string | undefined) => text ?? '');
}
