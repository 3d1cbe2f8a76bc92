import type { SheetSpec } from '../../../src/layout/workbook-spec';

/** The printed pages of a sheet, laid out here from its rows' heights as a spreadsheet does. */

/** The page (0-based) of each row, from the heights, the capacity, the manual breaks and the repeated titles. */
export function pagesOfRows(spec: SheetSpec, capacity: number): number[] {
  const titles = spec.print?.titleRows;
  const height = (row: number) => spec.rows[row - 1]?.height ?? 15;
  let titleHeight = 0;
  if (titles) for (let row = titles.first; row <= titles.last; row += 1) titleHeight += height(row);
  const breaks = new Set(spec.rowBreaks ?? []);
  const pages: number[] = [];
  let page = 0;
  let used = 0;
  for (let row = 1; row <= spec.rows.length; row += 1) {
    if (breaks.has(row) || (used > titleHeight && used + height(row) > capacity)) {
      page += 1;
      used = titleHeight;
    }
    used += height(row);
    pages.push(page);
  }
  return pages;
}

/** The fiches' blocks: from the headings above a fiche's row to the row before the next block. */
export function ficheBlocks(spec: SheetSpec): { first: number; last: number; key: string }[] {
  const isFicheRow = (row: number) => row > 5 && spec.rows[row - 1].cells[0]?.style?.fill === 'F2F2F2';
  const isHeading = (row: number) =>
    /^(Axe \d|Fiches «|Autres fiches)/.test(String(spec.rows[row - 1].cells[0]?.value));
  const starts: { row: number; key: string }[] = [];
  for (let row = 6; row <= spec.rows.length; row += 1)
    if (isFicheRow(row)) {
      let first = row;
      while (isHeading(first - 1)) first -= 1;
      starts.push({ row: first, key: String(spec.rows[row - 1].cells[0]!.value) });
    }
  return starts.map((start, index) => ({
    first: start.row,
    last: (starts[index + 1]?.row ?? spec.rows.length + 1) - 1,
    key: start.key,
  }));
}

/** The block's height in points. */
export function blockHeight(spec: SheetSpec, block: { first: number; last: number }): number {
  return spec.rows.slice(block.first - 1, block.last).reduce((sum, row) => sum + (row.height ?? 15), 0);
}
