import { columnLetters, quotedSheetName, SHEET_MAX_COLUMNS, SHEET_MAX_ROWS } from './a1';

/**
 * The references of a formula's text, in A1 style as files and Office.js hold it (without its `=`), found in one
 * pass: string literals, bracketed parts (structured references, external books) and names are left alone. A
 * reference is a cell (`B7`), a range (`B7:D9`), whole columns (`A:B`) or whole rows (`2:3`), each end maybe
 * anchored with `$`, and maybe named after a sheet, quoted (`'Axe 1'!B7`) or not (`Journal!A2`). One scanner for
 * every place that moves references: a shared formula moved to its dependents (src/xlsx/reader/shared-formula.ts),
 * a person's formulas following the cells a rewrite moves (src/layout/followed-references.ts), the Office.js back
 * end's temporary sheet names (src/excel/temporary-names.ts).
 */

/** One end of a reference: a column, a row, or both (a cell), each with its `$` as typed. */
export interface Corner {
  column: number | null;
  row: number | null;
  columnFixed: boolean;
  rowFixed: boolean;
}

export interface Reference {
  /** The sheet's part as typed, `!` included: `'Axe 1'!`, `Journal!`, or empty. */
  prefix: string;
  /**
   * The sheet named, quotes undone; null: none, the formula's own sheet; undefined: one the text does not tell
   * (after an external book's `[1]Feuil1!`).
   */
  sheet: string | null | undefined;
  from: Corner;
  /** The other end of a range; null for a single cell. */
  to: Corner | null;
}

/** A cell with an optional second cell, whole columns, or whole rows (alternatives tried in that order). */
const AREA =
  '\\$?[A-Za-z]{1,3}\\$?\\d{1,7}(?::\\$?[A-Za-z]{1,3}\\$?\\d{1,7})?' +
  '|\\$?[A-Za-z]{1,3}:\\$?[A-Za-z]{1,3}' +
  '|\\$?\\d{1,7}:\\$?\\d{1,7}';
/** Not followed by what would make it a name or a function (`LOG10(`, `A1B`, `Feuil1!`). */
const AREA_END = '(?![\\p{L}\\p{N}_(.!])';
/** A sheet name that needs no quotes, not inside another name nor after an external book's `]`. */
const BARE_SHEET = '(?<![\\p{L}\\p{N}_.\\\\$\\]])([\\p{L}_][\\p{L}\\p{N}_.]*)!';
const STRING = '"(?:[^"]|"")*"?';
const BRACKETS = '\\[[^\\]]*\\]?';
const QUOTED = "'((?:[^']|'')*)'";

/**
 * Each match is one of: a string literal or a bracketed part (kept), a quoted sheet and its area, a quoted name
 * otherwise (kept), a bare sheet and its area, an area alone — not inside a name.
 */
const REFERENCE = new RegExp(
  [
    STRING,
    BRACKETS,
    `${QUOTED}!(${AREA})${AREA_END}`,
    "'(?:[^']|'')*'?",
    `${BARE_SHEET}(${AREA})${AREA_END}`,
    `(?<![\\p{L}\\p{N}_.\\\\$])(${AREA})${AREA_END}`,
  ].join('|'),
  'gu',
);

/** Sheet names before `!`, quoted or bare, whatever follows them (an area, a sheet's own name). */
const SHEET_PREFIX = new RegExp([STRING, BRACKETS, `${QUOTED}!`, "'(?:[^']|'')*'?", BARE_SHEET].join('|'), 'gu');

const DOLLAR = 36;

/**
 * One end of an area the scan matched (`$`, letters, `$`, digits, each maybe absent), read by character codes: a
 * shared formula is moved for each of its dependents, thousands in a file. Null past Excel's last column or row
 * (`XFE1` is a name, not a reference).
 */
function cornerOf(text: string, start: number, end: number): Corner | null {
  let at = start;
  const columnFixed = text.charCodeAt(at) === DOLLAR;
  if (columnFixed) at += 1;
  let column = 0;
  for (
    let code = text.charCodeAt(at);
    at < end && (code | 32) >= 97 && (code | 32) <= 122;
    code = text.charCodeAt(at)
  ) {
    column = column * 26 + (code | 32) - 96;
    at += 1;
  }
  const rowFixed = text.charCodeAt(at) === DOLLAR;
  if (rowFixed) at += 1;
  const row = at < end ? Number(text.slice(at, end)) : 0;
  if (column > SHEET_MAX_COLUMNS || row > SHEET_MAX_ROWS || (at < end && row < 1)) return null;
  return { column: column === 0 ? null : column, row: at < end ? row : null, columnFixed, rowFixed };
}

/** `$B$7`, `B`, `7`: one end as text. */
export function cornerText(corner: Corner): string {
  const column = corner.column === null ? '' : `${corner.columnFixed ? '$' : ''}${columnLetters(corner.column)}`;
  const row = corner.row === null ? '' : `${corner.rowFixed ? '$' : ''}${corner.row}`;
  return column + row;
}

/** The area of a reference as text, without its sheet: `B7`, `B7:D9`, `A:B`, `2:3`. */
export function areaText(from: Corner, to: Corner | null): string {
  return to === null ? cornerText(from) : `${cornerText(from)}:${cornerText(to)}`;
}

/**
 * The formula with each reference replaced by what `replace` gives for it (its text unchanged when it gives
 * null). Strings, bracketed parts and names are never touched.
 */
export function replaceReferences(formula: string, replace: (reference: Reference) => string | null): string {
  return formula.replace(
    REFERENCE,
    (
      match: string,
      quoted: string | undefined,
      quotedArea: string | undefined,
      bare: string | undefined,
      bareArea: string | undefined,
      area: string | undefined,
      offset: number,
    ): string => {
      const text = quotedArea ?? bareArea ?? area;
      if (text === undefined) return match;
      const colon = text.indexOf(':');
      const from = cornerOf(text, 0, colon < 0 ? text.length : colon);
      const to = colon < 0 ? null : cornerOf(text, colon + 1, text.length);
      if (!from || (colon >= 0 && !to)) return match;
      const sheet =
        quoted !== undefined
          ? quoted.replace(/''/g, "'")
          : bare !== undefined
            ? bare
            : formula[offset - 1] === '!'
              ? undefined
              : null;
      return replace({ prefix: match.slice(0, match.length - text.length), sheet, from, to }) ?? match;
    },
  );
}

/**
 * A formula or reference with each sheet named before `!` that `rename` gives a new name for written so, quoted:
 * `Journal!A2` → `'ctg-nouvelle-6'!A2`. Strings and bracketed parts are left alone.
 */
export function renameSheets(text: string, rename: (sheet: string) => string | undefined): string {
  return text.replace(SHEET_PREFIX, (match: string, quoted: string | undefined, bare: string | undefined): string => {
    const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : bare;
    const to = sheet === undefined ? undefined : rename(sheet);
    return to === undefined ? match : `${quotedSheetName(to)}!`;
  });
}

/**
 * Whether two texts are the same formula but for the quotes around sheets' names: Excel keeps a formula parsed and
 * gives it back with a name quoted only where it needs quotes (`'Paramètres'!$B$9`, as the layout writes it, reads
 * back `Paramètres!$B$9` through Office.js and in a file Excel saved; `'Axe 1'!A1` stays quoted).
 */
export function sameFormula(a: string, b: string): boolean {
  if (a === b) return true;
  const quoted = (text: string) => renameSheets(text, (sheet) => sheet);
  return quoted(a) === quoted(b);
}
