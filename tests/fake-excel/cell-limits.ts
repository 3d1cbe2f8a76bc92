import { HyperFormula } from 'hyperformula';
import type { StoredCell } from './cell-input';
import { FakeErrorCodes, officeError } from './errors';
import { forHyperFormula } from './hyperformula-dialect';

/**
 * What Excel refuses to store in a cell (« Excel specifications and limits »: 32 767 characters in a cell, 8 192 in
 * a formula's contents), and formulas it cannot parse. The parse is HyperFormula's, which refuses a little more
 * than Excel (structured references `Table1[Col]`, the space intersection operator): the workbook's formulas avoid
 * both (docs/ARCHITECTURE.md, « Rules of the house »: formulas are built, not typed). The error is InvalidArgument, as for any input
 * Excel rejects; the exact code Excel gives for these cases is not observed.
 */
export const MAX_CELL_TEXT = 32_767;
export const MAX_FORMULA_LENGTH = 8_192;

let parser: HyperFormula | undefined;
/** Parse results by formula shape: digits do not change whether a formula parses, and rows differ only by them. */
const parsable = new Map<string, boolean>();

function isParsable(formula: string): boolean {
  const shape = formula.replace(/\d+/g, '1');
  let known = parsable.get(shape);
  if (known === undefined) {
    parser ??= HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
    known = parser.validateFormula(forHyperFormula(formula));
    if (parsable.size > 100_000) parsable.clear();
    parsable.set(shape, known);
  }
  return known;
}

export function assertStorable(stored: StoredCell, location: string): void {
  const refuse = (why: string) =>
    officeError(
      FakeErrorCodes.invalidArgument,
      `The argument is invalid or missing or has an incorrect format. (${why})`,
      location,
    );
  if (stored.formula !== undefined) {
    if (stored.formula.length > MAX_FORMULA_LENGTH)
      throw refuse(`a formula of ${stored.formula.length} characters; Excel takes ${MAX_FORMULA_LENGTH}`);
    if (!isParsable(stored.formula)) throw refuse(`Excel cannot parse the formula ${stored.formula.slice(0, 80)}`);
  } else if (typeof stored.value === 'string' && stored.value.length > MAX_CELL_TEXT) {
    throw refuse(`a text of ${stored.value.length} characters; a cell holds ${MAX_CELL_TEXT}`);
  }
}
