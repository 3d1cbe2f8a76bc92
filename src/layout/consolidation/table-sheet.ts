import { pagesWideAtScale } from '../print-width';
import { DEFAULT_FONT_SIZE, setWideText, standardProtection, wrappedRowHeight } from '../sheet-building';
import type { SheetSpec } from '../workbook-spec';

/**
 * What every table sheet of the consolidation ends with: rows as high as their wrapped texts (Excel does not re-fit
 * the heights of a file it opens, so a long territory name would print over the next row), frozen titles,
 * protection as the tracking workbook's, and an A4 landscape print whose pages across repeat the title rows and the
 * columns that say what a row is.
 */
export interface TableFrame {
  /** The rows repeated on every printed page (the header rows). */
  titleRows: { first: number; last: number };
  /** The columns that say what a row is: frozen, and repeated on the pages across. */
  identityColumns: number;
}

/**
 * Each row without a height as high as the longest wrapped text of its cells needs, up to `maxLines` lines (rows
 * whose height is set, such as merged cells', keep it).
 */
export function fitWrappedRows(sheet: SheetSpec, maxLines?: number): void {
  sheet.rows.forEach((row) => {
    if (!row || row.height !== undefined) return;
    const heights = row.cells.flatMap((spec, column) => {
      if (!spec?.style?.wrap || typeof spec.value !== 'string') return [];
      // A smaller font fits more characters on a line, and its lines are lower.
      const scale = (spec.style.fontSize ?? DEFAULT_FONT_SIZE) / DEFAULT_FONT_SIZE;
      const width = (sheet.columns[column]?.width ?? 10) / scale;
      const height = wrappedRowHeight([{ text: spec.value, width }], maxLines);
      return height === undefined ? [] : [height * scale];
    });
    if (heights.length > 0) row.height = Math.max(...heights);
  });
}

/**
 * The title and notes above the table, wrapped within the columns repeated on the pages across: those columns print
 * these rows on every page, where a text left to overflow was cut (« Consolidation des CTG par territoir »).
 */
function wrapHeadings(sheet: SheetSpec, { titleRows, identityColumns }: TableFrame): void {
  for (let row = 1; row < titleRows.first; row++) {
    const heading = sheet.rows[row - 1]?.cells[0];
    if (heading && typeof heading.value === 'string') setWideText(sheet, row, heading, 1, identityColumns);
  }
}

export function finishTableSheet(sheet: SheetSpec, frame: TableFrame): SheetSpec {
  const { titleRows, identityColumns } = frame;
  wrapHeadings(sheet, frame);
  fitWrappedRows(sheet);
  sheet.freeze = { rows: titleRows.last, columns: identityColumns };
  sheet.protection = standardProtection;
  const titleColumns = { first: 1, last: identityColumns };
  sheet.print = {
    orientation: 'landscape',
    paper: 'A4',
    fitToWidth: pagesWideAtScale(sheet.columns, 'landscape', titleColumns),
    titleRows,
    titleColumns,
  };
  return sheet;
}
