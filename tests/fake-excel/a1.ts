/** A1 references: parse, format and quote sheet names the way Excel writes them. Rows and columns are 0-based. */

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export interface Rect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export interface ParsedAddress {
  sheet?: string;
  rect: Rect;
}

export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function splitSheet(address: string): { sheet?: string; ref: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { ref: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(bang + 1) };
}

/**
 * Addresses parsed before: the add-in asks for the same few hundred ranges again and again (each request names its
 * range), and each parse ran four regular expressions. A copy is given out, so that a caller may change it.
 */
const parsedBefore = new Map<string, ParsedAddress | null>();
const PARSED_KEPT = 10_000;

/** Parses `A1`, `A1:C3`, `A:C`, `2:5`, optionally prefixed by `Sheet!` or `'Sheet name'!`. Null when invalid. */
export function parseAddress(address: string): ParsedAddress | null {
  let parsed = parsedBefore.get(address);
  if (parsed === undefined) {
    if (parsedBefore.size >= PARSED_KEPT) parsedBefore.clear();
    parsedBefore.set(address, (parsed = parse(address)));
  }
  if (parsed === null) return null;
  return parsed.sheet === undefined ? { rect: { ...parsed.rect } } : { sheet: parsed.sheet, rect: { ...parsed.rect } };
}

function parse(address: string): ParsedAddress | null {
  const { sheet, ref } = splitSheet(address.trim());
  const parts = ref.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return null;
  const [first, last = parts[0]] = parts;
  let rect: Rect | null = null;
  const c1 = CELL.exec(first);
  const c2 = CELL.exec(last);
  if (c1 && c2) {
    const r1 = Number(c1[2]) - 1;
    const r2 = Number(c2[2]) - 1;
    const k1 = columnIndex(c1[1]);
    const k2 = columnIndex(c2[1]);
    rect = fromCorners(r1, k1, r2, k2);
  } else if (parts.length === 2 && COLUMN.test(first) && COLUMN.test(last)) {
    const k1 = columnIndex(COLUMN.exec(first)![1]);
    const k2 = columnIndex(COLUMN.exec(last)![1]);
    rect = fromCorners(0, k1, MAX_ROWS - 1, k2);
  } else if (parts.length === 2 && ROW.test(first) && ROW.test(last)) {
    rect = fromCorners(Number(ROW.exec(first)![1]) - 1, 0, Number(ROW.exec(last)![1]) - 1, MAX_COLUMNS - 1);
  }
  if (!rect || !rectIsValid(rect)) return null;
  return sheet === undefined ? { rect } : { sheet, rect };
}

function fromCorners(r1: number, c1: number, r2: number, c2: number): Rect {
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return { row, column, rowCount: Math.abs(r2 - r1) + 1, columnCount: Math.abs(c2 - c1) + 1 };
}

export function rectIsValid(rect: Rect): boolean {
  return (
    Number.isInteger(rect.row) &&
    Number.isInteger(rect.column) &&
    rect.row >= 0 &&
    rect.column >= 0 &&
    rect.rowCount >= 1 &&
    rect.columnCount >= 1 &&
    rect.row + rect.rowCount <= MAX_ROWS &&
    rect.column + rect.columnCount <= MAX_COLUMNS
  );
}

export function isEntireColumns(rect: Rect): boolean {
  return rect.row === 0 && rect.rowCount === MAX_ROWS;
}

export function isEntireRows(rect: Rect): boolean {
  return rect.column === 0 && rect.columnCount === MAX_COLUMNS;
}

/** `A1`, `A1:C3`, `A:C` or `2:5` (with `$` on every part when absolute). */
export function formatRect(rect: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  const lastRow = rect.row + rect.rowCount;
  const lastColumn = rect.column + rect.columnCount - 1;
  if (isEntireColumns(rect)) return `${d}${columnLetters(rect.column)}:${d}${columnLetters(lastColumn)}`;
  if (isEntireRows(rect)) return `${d}${rect.row + 1}:${d}${lastRow}`;
  const first = `${d}${columnLetters(rect.column)}${d}${rect.row + 1}`;
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  return `${first}:${d}${columnLetters(lastColumn)}${d}${lastRow}`;
}

/** Excel leaves a name bare only when it is made of letters, digits, `_` and `.`, and cannot be read as a reference. */
export function quoteSheetName(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function formatAddress(sheetName: string, rect: Rect, absolute = false): string {
  return `${quoteSheetName(sheetName)}!${formatRect(rect, absolute)}`;
}

export function rectContains(rect: Rect, row: number, column: number): boolean {
  return (
    row >= rect.row &&
    row < rect.row + rect.rowCount &&
    column >= rect.column &&
    column < rect.column + rect.columnCount
  );
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.column < b.column + b.columnCount &&
    b.column < a.column + a.columnCount
  );
}

export function cellCount(rect: Rect): number {
  return rect.rowCount * rect.columnCount;
}
