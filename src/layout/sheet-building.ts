import { rangeAddress } from './a1';
import type { CellContent, CellSpec, CellStyle, RowSpec, SheetSpec } from './workbook-spec';

/** Small helpers shared by the sheet builders. */

/** A sheet with nothing in it but its name: builders fill the rest. */
export function emptySheet(name: string, visibility: SheetSpec['visibility'] = 'visible'): SheetSpec {
  return {
    name,
    visibility,
    columns: [],
    rows: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
  };
}

export function cell(value: CellContent, style?: CellStyle): CellSpec {
  return style ? { value, style } : { value };
}

/** Puts a row at a 1-based row number, filling the rows before it with empty rows. */
export function setRow(sheet: SheetSpec, rowNumber: number, row: RowSpec): void {
  while (sheet.rows.length < rowNumber - 1) sheet.rows.push({ cells: [] });
  sheet.rows[rowNumber - 1] = row;
}

/** Puts a cell at a 1-based row and column, keeping the rest of the row. */
export function setCell(sheet: SheetSpec, rowNumber: number, column: number, spec: CellSpec): void {
  while (sheet.rows.length < rowNumber) sheet.rows.push({ cells: [] });
  const row = sheet.rows[rowNumber - 1];
  while (row.cells.length < column - 1) row.cells.push(null);
  row.cells[column - 1] = spec;
}

/** Standard protection of the generated sheets: no password, filters and resizing allowed, no sorting. */
export const standardProtection = { allowAutoFilter: true, allowFormatColumns: true, allowFormatRows: true };

/** Points: Excel's default font (Calibri 11), which the generated sheets keep. */
export const DEFAULT_FONT_SIZE = 11;

/** The height of a line of 11-point text, and so of a row that shows one (Excel’s default row height). */
export const LINE_HEIGHT = 15;

/** The most lines a row shows: Excel's highest row is 409 points. */
export const MAX_LINES = Math.floor(409 / LINE_HEIGHT);

/**
 * A row height that shows wrapped text whole. Excel does not re-fit row heights of a file it opens, so the
 * layout estimates them from the text length and the column width (in characters).
 */
export function wrappedRowHeight(texts: readonly { text: string; width: number }[], maxLines = 8): number | undefined {
  let lines = 1;
  for (const { text, width } of texts) {
    const perLine = Math.max(1, Math.floor(width));
    const needed = text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, needed);
  }
  return lines > 1 ? Math.min(lines, maxLines) * LINE_HEIGHT : undefined;
}

/**
 * The height of a row whose one wrapped text spans `width` characters (merged cells), at `fontSize` points: a larger
 * font takes more of the width per character and more height per line.
 */
export function textRowHeight(text: string, width: number, fontSize = DEFAULT_FONT_SIZE): number {
  const scale = fontSize / DEFAULT_FONT_SIZE;
  return (wrappedRowHeight([{ text, width: width / scale }], MAX_LINES) ?? LINE_HEIGHT) * scale;
}

/** A conditional fill of the cells of `range` that hold exactly `text` (« Non » red, « À renseigner » yellow…). */
export function textEqualsFormat(range: string, text: string, fill: string): SheetSpec['conditionalFormats'][number] {
  return { kind: 'cellValue', range, operator: 'equal', formulas: [`"${text}"`], style: { fill } };
}

/**
 * A text from column `first` to column `last` (merged; the sheet's last column unless told), wrapped, its row as
 * high as its lines (or as the row already is, if higher): a sentence left to overflow would be cut at the last
 * column when printed.
 */
export function setWideText(
  sheet: SheetSpec,
  row: number,
  spec: CellSpec,
  first = 1,
  last = sheet.columns.length,
): void {
  setCell(sheet, row, first, { ...spec, style: { ...spec.style, wrap: true, vertical: 'top' } });
  if (last > first) sheet.merges.push(rangeAddress(row, first, row, last));
  const width = sheet.columns.slice(first - 1, last).reduce((sum, column) => sum + column.width, 0);
  const text = typeof spec.value === 'string' ? spec.value : '';
  const height = textRowHeight(text, width, spec.style?.fontSize);
  sheet.rows[row - 1].height = Math.max(sheet.rows[row - 1].height ?? 0, height);
}
