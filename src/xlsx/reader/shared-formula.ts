/**
 * Excel writes a filled-down formula once, on the first cell of the range (`<f t="shared" si="0" ref="…">`), and
 * only `<f t="shared" si="0"/>` on the others. A dependent's text is the master's with its relative references
 * moved by the distance between the two cells, which is what this does: string literals, quoted sheet names and
 * bracketed parts (structured references, external books) are left alone; a reference moved off the sheet becomes
 * `#REF!`, as in Excel.
 */
import { columnLetters } from './cell-ref';
import { EXCEL_MAX_COLUMN, EXCEL_MAX_ROW } from './limits';

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/;
const COLUMNS = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(.!])/;
const ROWS = /^(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![A-Za-z0-9_(.!])/;
const IDENTIFIER_CHAR = /[A-Za-z0-9_.\\]/;
const REFERENCE_FOLLOWER = /[A-Za-z0-9_(.!]/;

function columnNumber(letters: string): number {
  let col = 0;
  for (const char of letters.toUpperCase()) col = col * 26 + (char.charCodeAt(0) - 64);
  return col;
}

function moveRow(anchor: string, row: number, by: number): number | null {
  const moved = anchor ? row : row + by;
  return moved >= 1 && moved <= EXCEL_MAX_ROW ? moved : null;
}

function moveCol(anchor: string, col: number, by: number): number | null {
  const moved = anchor ? col : col + by;
  return moved >= 1 && moved <= EXCEL_MAX_COLUMN ? moved : null;
}

/** The reference at the start of `rest`, moved, and how many characters it spans; null when there is none. */
function moveReference(rest: string, rows: number, cols: number): [string, number] | null {
  const columns = COLUMNS.exec(rest);
  if (columns) {
    const from = moveCol(columns[1], columnNumber(columns[2]), cols);
    const to = moveCol(columns[3], columnNumber(columns[4]), cols);
    const text = from && to ? `${columns[1]}${columnLetters(from)}:${columns[3]}${columnLetters(to)}` : '#REF!';
    return [text, columns[0].length];
  }
  const rowRange = ROWS.exec(rest);
  if (rowRange) {
    const from = moveRow(rowRange[1], Number(rowRange[2]), rows);
    const to = moveRow(rowRange[3], Number(rowRange[4]), rows);
    return [from && to ? `${rowRange[1]}${from}:${rowRange[3]}${to}` : '#REF!', rowRange[0].length];
  }
  const cell = CELL.exec(rest);
  if (!cell || REFERENCE_FOLLOWER.test(rest.charAt(cell[0].length))) return null;
  const col = columnNumber(cell[2]);
  if (col > EXCEL_MAX_COLUMN) return null;
  const movedCol = moveCol(cell[1], col, cols);
  const movedRow = moveRow(cell[3], Number(cell[4]), rows);
  const text = movedCol && movedRow ? `${cell[1]}${columnLetters(movedCol)}${cell[3]}${movedRow}` : '#REF!';
  return [text, cell[0].length];
}

/** Skips a quoted run starting at `at` (`"…"` or `'…'`, the quote doubled inside); returns the index after it. */
function skipQuoted(formula: string, at: number): number {
  const quote = formula[at];
  let end = at + 1;
  while (end < formula.length) {
    if (formula[end] === quote) {
      if (formula[end + 1] === quote) end += 2;
      else return end + 1;
    } else end++;
  }
  return end;
}

export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  let out = '';
  let at = 0;
  while (at < formula.length) {
    const char = formula[at];
    if (char === '"' || char === "'") {
      const end = skipQuoted(formula, at);
      out += formula.slice(at, end);
      at = end;
      continue;
    }
    if (char === '[') {
      let depth = 0;
      let end = at;
      do {
        if (formula[end] === '[') depth++;
        else if (formula[end] === ']') depth--;
        end++;
      } while (depth > 0 && end < formula.length);
      out += formula.slice(at, end);
      at = end;
      continue;
    }
    const startsToken = at === 0 || !IDENTIFIER_CHAR.test(formula[at - 1]);
    const moved = startsToken ? moveReference(formula.slice(at, at + 40), rows, cols) : null;
    if (moved) {
      out += moved[0];
      at += moved[1];
    } else {
      out += char;
      at++;
    }
  }
  return out;
}
