/**
 * Excel writes a filled-down formula once, on the first cell of the range (`<f t="shared" si="0" ref="…">`), and
 * only `<f t="shared" si="0"/>` on the others. A dependent's text is the master's with its relative references
 * moved by the distance between the two cells, which is what this does: string literals, quoted sheet names and
 * bracketed parts (structured references, external books) are left alone; a reference moved off the sheet becomes
 * `#REF!`, as in Excel.
 */
import { columnLetters } from '../../layout/a1';
import { EXCEL_MAX_COLUMN, EXCEL_MAX_ROW } from './limits';

/**
 * One pass over the formula, left to right, each match one of: a string literal, a quoted sheet name, a
 * bracketed part (all three kept as they are), or a reference preceded by a character that cannot be part of a
 * name — a column range (`A:B`), a row range (`2:3`) or a cell (`B7`), each not followed by what would make it
 * a name or a function (`LOG10(`, `Feuil1!`).
 */
const TOKEN = new RegExp(
  [
    '"(?:[^"]|"")*"?',
    "'(?:[^']|'')*'?",
    '\\[[^\\]]*\\]?',
    '(^|[^A-Za-z0-9_.\\\\$])(?:' +
      '(\\$?)([A-Za-z]{1,3}):(\\$?)([A-Za-z]{1,3})' +
      '|(\\$?)(\\d{1,7}):(\\$?)(\\d{1,7})' +
      '|(\\$?)([A-Za-z]{1,3})(\\$?)(\\d{1,7})' +
      ')(?![A-Za-z0-9_(.!])',
  ].join('|'),
  'g',
);

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

export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return formula.replace(TOKEN, (match, before: string | undefined, ...groups: (string | undefined)[]): string => {
    if (before === undefined) return match; // a string, a quoted sheet name or a bracketed part
    const [c1$, c1, c2$, c2, r1$, r1, r2$, r2, cell$c, cellCol, cell$r, cellRow] = groups as string[];
    if (c1 !== undefined) {
      const from = moveCol(c1$, columnNumber(c1), cols);
      const to = moveCol(c2$, columnNumber(c2), cols);
      return before + (from && to ? `${c1$}${columnLetters(from)}:${c2$}${columnLetters(to)}` : '#REF!');
    }
    if (r1 !== undefined) {
      const from = moveRow(r1$, Number(r1), rows);
      const to = moveRow(r2$, Number(r2), rows);
      return before + (from && to ? `${r1$}${from}:${r2$}${to}` : '#REF!');
    }
    const col = columnNumber(cellCol);
    if (col > EXCEL_MAX_COLUMN) return match; // `ABCD1`-like names are not references
    const movedCol = moveCol(cell$c, col, cols);
    const movedRow = moveRow(cell$r, Number(cellRow), rows);
    return before + (movedCol && movedRow ? `${cell$c}${columnLetters(movedCol)}${cell$r}${movedRow}` : '#REF!');
  });
}
