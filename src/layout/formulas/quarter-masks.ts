import { frequencies, qualitativeScale, rowTypes } from '../../domain/vocabulary';
import { currentQuarterRef } from './references';

/**
 * Pieces of formula text shared by every rate formula: a quarter's number from its `AAAA-Tn` text, Q's number,
 * the masks "expected", "up to Q", "in Q" and "filled". Each takes references (a cell or a range) and gives an
 * expression that works on one cell as on a range inside SUMPRODUCT. Only functions that Excel 2016+, Excel on the
 * web, LibreOffice and HyperFormula compute alike; booleans are always multiplied, never summed bare (SUMPRODUCT
 * ignores bare booleans in Excel).
 */

/** Text compared as the domain compares list values (vocabulary.ts `listKey`): TRIM, then case ignored. */
export function listKeyOf(ref: string): string {
  return `LOWER(TRIM(${ref}))`;
}

/**
 * A literal text in a formula. A double quote is joined in as CHAR(34) rather than doubled: HyperFormula does not
 * read `""` inside a text, Excel and LibreOffice read both.
 */
export function textLiteral(text: string): string {
  return text
    .split('"')
    .map((part) => `"${part}"`)
    .join('&CHAR(34)&');
}

/**
 * Whether a cell holds a text that is not blank, as the domain reads it (tracking-values.ts `textValue`, which trims):
 * control characters (CLEAN), spaces (TRIM) and no-break spaces, normal and narrow (a French keyboard and word
 * processors type them), are blank. The no-break spaces are written as themselves in the literals: `CHAR(160)`
 * depends on the platform's code page (Excel for Mac's is not Windows's) and `UNICHAR` is not in every engine's file
 * format alike.
 */
export function hasText(ref: string): string {
  const noBreakSpacesAsSpaces = ['\u00a0', '\u202f'].reduce(
    (text, space) => `SUBSTITUTE(${text},${textLiteral(space)}," ")`,
    `${ref}&""`,
  );
  return `(LEN(TRIM(CLEAN(${noBreakSpacesAsSpaces})))>0)`;
}

/** The list key of a list value, as a literal (`"semestrielle"`). */
function keyLiteral(value: string): string {
  return textLiteral(value.toLocaleLowerCase('fr'));
}

/** `AAAA-Tn` → AAAA·4 + n: quarters compare by this number (a range gives an array). */
export function quarterNumber(ref: string): string {
  return `(LEFT(${ref},4)*4+RIGHT(${ref},1))`;
}

/** Q's number, Q read from Paramètres (spaces around it ignored, as the domain reads it). */
export function currentQuarterNumber(): string {
  const q = `TRIM(${currentQuarterRef()})`;
  return `(LEFT(${q},4)*4+RIGHT(${q},1))`;
}

/** The quarters of `headers` from the convention's first to Q. */
export function upToCurrentMask(headers: string): string {
  return `(${quarterNumber(headers)}<=${currentQuarterNumber()})`;
}

/** The quarter of `headers` that is Q. */
export function atCurrentMask(headers: string): string {
  return `(${quarterNumber(headers)}=${currentQuarterNumber()})`;
}

const [, semiannual, annual] = frequencies;

/** The Type texts of criterion rows, as literals. */
export const QUANTITATIVE_TYPE = textLiteral(rowTypes[1]);
export const QUALITATIVE_TYPE = textLiteral(rowTypes[2]);

/**
 * Whether a criterion expects a value in a quarter (tracking.ts `expectsValue`): by the Fréquence text of
 * `frequency` (anything but Semestrielle or Annuelle counts as Trimestrielle), and always in the convention's last
 * quarter, whose header is `lastHeader`. A column of Fréquence cells and a row of headers give a 2-D mask.
 */
export function expectedMask(frequency: string, headers: string, lastHeader: string): string {
  const key = listKeyOf(frequency);
  const quarterDigit = `RIGHT(${headers},1)`;
  const isAnnual = `(${key}=${keyLiteral(annual)})`;
  const isSemiannual = `(${key}=${keyLiteral(semiannual)})`;
  return (
    `((${isAnnual}*(${quarterDigit}="4")` +
    `+${isSemiannual}*(MOD(${quarterDigit},2)=0)` +
    `+(${key}<>${keyLiteral(annual)})*(${key}<>${keyLiteral(semiannual)})` +
    `+(${headers}=${lastHeader}))>0)`
  );
}

/** A quarter number after every quarter, for a fiche not abandoned (not `1E9`, which HyperFormula does not read). */
const NEVER = '1000000000';

/**
 * The number of the quarter a fiche's « Abandonnée en » cell names, or NEVER (tracking-values.ts
 * `abandonmentQuarterValue`): the cell is compared as a list value with the quarter headers, the convention's
 * quarters, so that any other content (another text, a number, an error) names none. The headers are unique: the
 * sum picks the one that matches, as (its number − NEVER), then NEVER is added back.
 */
export function abandonmentNumber(cell: string, headers: string): string {
  const matches = `(${listKeyOf(cell)}=${listKeyOf(headers)})`;
  return `(IFERROR(SUMPRODUCT(${matches}*(${quarterNumber(headers)}-${NEVER})),0)+${NEVER})`;
}

/**
 * The quarters of `quarters` (headers, or one header) before the abandonment named in `cell`, among the
 * convention's quarters `headers` (tracking.ts `isAbandonedBy`): every quarter when the fiche is not abandoned.
 */
export function beforeAbandonmentMask(quarters: string, cell: string, headers: string): string {
  return `(${quarterNumber(quarters)}<${abandonmentNumber(cell, headers)})`;
}

/** Whether Q is before the abandonment named in `cell` (always, when the fiche is not abandoned). */
export function currentBeforeAbandonment(cell: string, headers: string): string {
  return `(${currentQuarterNumber()}<${abandonmentNumber(cell, headers)})`;
}

/** A quantitative cell is filled when it holds a number (text that looks like one does not count). */
export function quantitativeFilled(values: string): string {
  return `ISNUMBER(${values})`;
}

/** A qualitative cell is filled when it holds one of the scale's values, case ignored (sums to 0 or 1). */
export function qualitativeFilled(values: string): string {
  const key = listKeyOf(values);
  return `(${qualitativeScale.map((level) => `(${key}=${keyLiteral(level)})`).join('+')})`;
}

/** Filled by the row's Type (a column of Type cells gives a 2-D mask over a block of criterion rows). */
export function filledByType(types: string, values: string): string {
  return (
    `((${types}=${QUANTITATIVE_TYPE})*${quantitativeFilled(values)}` +
    `+(${types}=${QUALITATIVE_TYPE})*${qualitativeFilled(values)})`
  );
}
