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

const LINE_HEIGHT = 15;

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

/** A conditional fill of the cells of `range` that hold exactly `text` (« Non » red, « À renseigner » yellow…). */
export function textEqualsFormat(range: string, text: string, fill: string): SheetSpec['conditionalFormats'][number] {
  return { kind: 'cellValue', range, operator: 'equal', formulas: [`"${text}"`], style: { fill } };
}
