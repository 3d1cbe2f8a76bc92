import { embeddedPlan } from '../../src/app/plan-source';
import { quartersOfPeriod } from '../../src/domain/periods';
import { buildAxisSheet } from '../../src/layout/sheets/axis/axis-sheet';
import { columnWidthInPoints } from '../../src/layout/column-width';
import {
  MIN_PRINT_SCALE,
  pagesWideAtScale,
  printableWidthPoints,
  printScalePercent,
} from '../../src/layout/print-width';
import type { ColumnSpec, SheetSpec } from '../../src/layout/workbook-spec';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';

/**
 * Axis sheets are far wider than a page: printed one page wide they came out at about 20 % on A4 landscape.
 * They print several pages across, as many as keep the scale near 60 %, each page repeating the row's identity
 * (Clé, Type, Intitulé) at its left and the title and header rows at its top.
 */
const today = new Date('2026-11-28T10:00:00Z');
const A4_LANDSCAPE_POINTS = (297 / 25.4) * 72 - 2 * 0.7 * 72;

const widthOf = (columns: readonly ColumnSpec[]) =>
  columns.reduce((sum, column) => sum + columnWidthInPoints(column.width), 0);

/**
 * The largest scale at which `pages` pages hold the columns, the title columns repeated on every page after the
 * first, ignoring where pages break between columns (an upper bound of what an application can reach).
 */
function scaleForPages(columns: readonly ColumnSpec[], titleColumnCount: number, pages: number): number {
  const titles = widthOf(columns.slice(0, titleColumnCount));
  return Math.min(1, (pages * A4_LANDSCAPE_POINTS) / (widthOf(columns) + (pages - 1) * titles));
}

describe('print setup of the axis sheets', () => {
  let sheets: SheetSpec[];

  beforeAll(async () => {
    sheets = (await buildNewWorkbook(embeddedPlan().plan, { today })).spec.sheets;
  });

  test('the embedded plan’s axis sheets print several pages wide on A4 landscape, at about 60 % or more', () => {
    const axes = sheets.filter((sheet) => sheet.name.startsWith('Axe '));
    expect(axes.length).toBeGreaterThan(1);
    for (const sheet of axes) {
      const print = sheet.print!;
      expect(sheet.rows[2].cells.slice(0, 3).map((cell) => cell?.value)).toEqual(['Clé', 'Type', 'Intitulé']);
      expect(print).toMatchObject({
        orientation: 'landscape',
        paper: 'A4',
        titleRows: { first: 1, last: 3 },
        titleColumns: { first: 1, last: 3 },
      });
      const pages = print.fitToWidth as number;
      expect(typeof pages).toBe('number');
      // One page wide would shrink the sheet to about a fifth.
      expect(scaleForPages(sheet.columns, 3, 1)).toBeLessThan(0.25);
      expect(pages).toBeGreaterThan(1);
      // Enough pages for the target scale, not so many that the sheet prints at its natural size on spare pages.
      expect(scaleForPages(sheet.columns, 3, pages)).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
      expect(scaleForPages(sheet.columns, 3, pages - 1)).toBeLessThan(0.7);
    }
  });

  test('the sheets that fit stay one page wide, without title columns', () => {
    for (const name of ['Guide', 'Paramètres', 'Annexe 4 – Suivi', 'Compétences AO', 'Journal']) {
      const print = sheets.find((sheet) => sheet.name === name)!.print!;
      expect({ name, fitToWidth: print.fitToWidth, titleColumns: print.titleColumns }).toEqual({
        name,
        fitToWidth: true,
        titleColumns: undefined,
      });
    }
  });

  test('a convention with more quarters (more columns) prints on more pages across', () => {
    const plan = embeddedPlan().plan;
    const axis = plan.axes[0];
    const fiveYears = buildAxisSheet(axis, quartersOfPeriod(plan.period));
    const tenYears = buildAxisSheet(axis, quartersOfPeriod({ start: '2026-01-01', end: '2035-12-31' }));
    expect(tenYears.columns.length).toBe(fiveYears.columns.length + 20);
    expect(tenYears.print!.fitToWidth).toBeGreaterThan(fiveYears.print!.fitToWidth as number);
    expect(scaleForPages(tenYears.columns, 3, tenYears.print!.fitToWidth as number)).toBeGreaterThanOrEqual(
      MIN_PRINT_SCALE,
    );
  });
});

describe('pagesWideAtScale', () => {
  const columns = (...widths: number[]): ColumnSpec[] => widths.map((width) => ({ width }));

  test('a page ends before the column that would overflow it; later pages start with the title columns', () => {
    // At 100 %, a landscape A4 page holds 741 pt between its margins; 30 width units are 157.5 pt.
    expect(printableWidthPoints('landscape')).toBeCloseTo(A4_LANDSCAPE_POINTS, 6);
    const thirties = columns(...Array<number>(10).fill(30));
    // 4 columns (630 pt) per page, 5 would be 787.5 pt: 10 columns on 3 pages.
    expect(pagesWideAtScale(thirties, 'landscape', undefined, 1)).toBe(3);
    // With the first column repeated, each later page holds it and 3 others: 4 + 3 + 3 = 10 columns.
    expect(pagesWideAtScale(thirties, 'landscape', { first: 1, last: 1 }, 1)).toBe(3);
    expect(pagesWideAtScale(columns(...Array<number>(11).fill(30)), 'landscape', { first: 1, last: 1 }, 1)).toBe(4);
    // Half the scale, twice the room.
    expect(pagesWideAtScale(thirties, 'landscape', undefined, 0.5)).toBe(2);
    expect(pagesWideAtScale(columns(20, 20), 'portrait', undefined, 1)).toBe(1);
    expect(pagesWideAtScale([{ width: 30, hidden: true }, ...thirties], 'landscape', undefined, 1)).toBe(3);
  });
});

describe('the add-in’s print scale', () => {
  let sheets: SheetSpec[];

  beforeAll(async () => {
    sheets = (await buildNewWorkbook(embeddedPlan().plan, { today })).spec.sheets;
  });

  test('(Office.js documents no « as many pages tall as needed » fit) lays out the pages the layout asks for', () => {
    for (const sheet of sheets.filter((found) => found.print)) {
      const print = sheet.print!;
      const percent = printScalePercent(sheet.columns, print);
      const pages = print.fitToWidth === true ? 1 : print.fitToWidth;
      expect(Number.isInteger(percent)).toBe(true);
      // Never enlarged; the axis sheets stay readable.
      expect(percent).toBeLessThanOrEqual(100);
      // About 60 % or more: the pages across were chosen for 60 %, the scale keeps 2 % of room.
      if (pages > 1) expect(percent / 100).toBeGreaterThanOrEqual(MIN_PRINT_SCALE / 1.02);
      // At that scale, with room for the host's own widths, the columns need no more pages across than asked…
      const titles = print.titleColumns ? print.titleColumns.last - print.titleColumns.first + 1 : 0;
      expect(scaleForPages(sheet.columns, titles, pages)).toBeGreaterThanOrEqual(percent / 100);
      // …and it is the largest such scale: one percent more (with the same room) would need another page.
      if (percent < 100)
        expect(
          pagesWideAtScale(sheet.columns, print.orientation, print.titleColumns, ((percent + 1) / 100) * 1.02),
        ).toBeGreaterThan(pages);
    }
  });
});
