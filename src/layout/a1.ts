/** A1 addresses, built from 1-based row and column numbers (the layout never types an address by hand). */
import { parseA1 } from '../domain/issues';

/** Excel's last column (XFD): a sheet has no more. */
export const SHEET_MAX_COLUMNS = 16_384;
/** Excel's last row. */
export const SHEET_MAX_ROWS = 1_048_576;

/** Letters already computed, by column number: addresses are built for every cell of every sheet. */
const lettersOfColumn: string[] = [];

export function columnLetters(column: number): string {
  const known = lettersOfColumn[column];
  if (known !== undefined) return known;
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  // Excel's columns stop at XFD (16 384); anything beyond is computed each time rather than kept.
  if (Number.isInteger(column) && column > 0 && column <= SHEET_MAX_COLUMNS) lettersOfColumn[column] = letters;
  return letters;
}

/** `B7` for row 7, column 2. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** `B7:D9`, or a single address when both corners are the same cell. */
export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const first = cellAddress(top, left);
  const last = cellAddress(bottom, right);
  return first === last ? first : `${first}:${last}`;
}

/** The corners of `B7:D9` (or of one cell, `B7`), 1-based; null when it is no such range. */
export function parseA1Range(range: string): { top: number; left: number; bottom: number; right: number } | null {
  const [first, last = first, extra] = range.split(':');
  const [from, to] = [parseA1(first), parseA1(last)];
  if (extra !== undefined || !from || !to) return null;
  return { top: from.row, left: from.column, bottom: to.row, right: to.column };
}

/** `$B$7`. */
export function absoluteAddress(row: number, column: number): string {
  return `$${columnLetters(column)}$${row}`;
}

/** A sheet name as it appears in a reference: always quoted (names here hold spaces and accents). */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `'Paramètres'!$A$13:$A$17`. */
export function absoluteRangeRef(sheet: string, top: number, left: number, bottom: number, right: number): string {
  const first = absoluteAddress(top, left);
  const last = absoluteAddress(bottom, right);
  return `${quotedSheetName(sheet)}!${first === last ? first : `${first}:${last}`}`;
}

/** Groups sorted row numbers into runs of consecutive rows: [4,5,6,9] → [[4,6],[9,9]]. */
export function rowRuns(rows: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const row of [...rows].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && row === last[1] + 1) last[1] = row;
    else runs.push([row, row]);
  }
  return runs;
}
