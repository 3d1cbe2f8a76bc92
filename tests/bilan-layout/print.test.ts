import { blockPageBreaks, pageCapacityPoints } from '../../src/layout/page-breaks';
import { columnWidthInPoints } from '../../src/layout/column-width';
import { emptySheet, setRow } from '../../src/layout/sheet-building';
import type { SheetSpec } from '../../src/layout/workbook-spec';
import { sampleBilan } from './helpers/sample-bilan';
import { ficheBlocks, pagesOfRows } from './helpers/pages';
import { sheetXml, writeBilan, type WrittenBilan } from './helpers/written-bilan';

/**
 * How the bilan prints: A4, one page wide, header rows repeated, every row's height set, and a page break before a
 * fiche's block that would cross a page's end when the block fits on one page. The pages are laid out here from the
 * rows' heights, as a spreadsheet does, to check that no block that fits is cut.
 */

const A4_LANDSCAPE_HEIGHT = (210 / 25.4) * 72;
const A4_LANDSCAPE_WIDTH = (297 / 25.4) * 72;
const MARGINS = { sides: 2 * 0.7 * 72, ends: 2 * 0.75 * 72 };

let written: WrittenBilan;
beforeAll(async () => {
  written = await writeBilan(sampleBilan());
});
const sheet = (name: string) => written.spec.sheets.find((candidate) => candidate.name === name)!;

describe('the page breaks of Fiches', () => {
  it('lays out pages the height of an A4 landscape page at the scale the columns print at', () => {
    const fiches = sheet('Fiches');
    const width = fiches.columns.reduce((sum, column) => sum + columnWidthInPoints(column.width), 0);
    const scale = Math.min(1, (A4_LANDSCAPE_WIDTH - MARGINS.sides) / width);
    const capacity = (A4_LANDSCAPE_HEIGHT - MARGINS.ends) / scale;
    // A little less than the page, for the application's own rounding of the scale.
    expect(pageCapacityPoints(fiches)).toBeLessThan(capacity);
    expect(pageCapacityPoints(fiches)).toBeGreaterThan(capacity * 0.9);
  });

  it('never cuts a fiche’s block that fits on one page, and breaks only before blocks', () => {
    const fiches = sheet('Fiches');
    const capacity = pageCapacityPoints(fiches);
    const titleHeight = fiches.rows[3].height! + fiches.rows[4].height!;
    const blocks = ficheBlocks(fiches);
    expect(blocks.map((block) => block.key)).toContain('2.2');
    const heightOf = (block: { first: number; last: number }) =>
      fiches.rows.slice(block.first - 1, block.last).reduce((sum, row) => sum + row.height!, 0);

    const pages = pagesOfRows(fiches, capacity);
    const fitting = blocks.filter((block) => heightOf(block) + titleHeight <= capacity);
    for (const block of fitting)
      expect([block.key, pages[block.last - 1]]).toEqual([block.key, pages[block.first - 1]]);
    // The fiche with 34 criteria does not fit: it flows over pages, with no break inside it.
    const long = blocks.find((block) => block.key === '2.2')!;
    expect(heightOf(long) + titleHeight).toBeGreaterThan(capacity);
    expect(pages[long.last - 1]).toBeGreaterThan(pages[long.first - 1]);
    // Breaks stand at blocks' first rows only; without them, some fitting block would be cut.
    const starts = blocks.map((block) => block.first);
    expect(fiches.rowBreaks!.length).toBeGreaterThan(0);
    for (const row of fiches.rowBreaks!) expect(starts).toContain(row);
    const unbroken = pagesOfRows({ ...fiches, rowBreaks: [] }, capacity);
    expect(fitting.some((block) => unbroken[block.first - 1] !== unbroken[block.last - 1])).toBe(true);
  });

  it('sets every row’s height, so that the pages are those computed', () => {
    for (const name of ['Synthèse', 'Fiches']) expect(sheet(name).rows.every((row) => row.height! > 0)).toBe(true);
  });

  it('writes the breaks in the file, each after the last row of its page, across every column', () => {
    const xml = sheetXml(written.bytes, 2);
    const breaks = sheet('Fiches').rowBreaks!;
    const written_ = [...xml.matchAll(/<brk id="(\d+)" max="(\d+)" man="1"\/>/g)];
    expect(written_.map((match) => Number(match[1]))).toEqual(breaks.map((row) => row - 1));
    for (const match of written_) expect(match[2]).toBe('16383');
    expect(xml).toMatch(new RegExp(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">`));
  });
});

describe('blockPageBreaks', () => {
  /** Two title rows of 20 points, then rows of 15; narrow columns, so printed at 100 %. */
  function sheetOfRows(count: number): SheetSpec {
    const spec = emptySheet('Essai');
    spec.columns = [{ width: 20 }];
    setRow(spec, 1, { cells: [], height: 20 });
    setRow(spec, 2, { cells: [], height: 20 });
    for (let row = 3; row <= count; row += 1) setRow(spec, row, { cells: [], height: 15 });
    spec.print = { orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: { first: 1, last: 2 } };
    return spec;
  }

  it('moves a block that would cross the page’s end to the next page, and lets a block taller than a page flow', () => {
    // Page: (595.3 − 108) × 0.97 ≈ 472.7 points; titles 40.
    const spec = sheetOfRows(90);
    const blocks = [
      { first: 3, last: 12 }, // 150: page 1 at 190
      { first: 13, last: 30 }, // 270: page 1 at 460
      { first: 31, last: 40 }, // 150: would reach 610 → page 2 at 190
      { first: 41, last: 80 }, // 600: taller than a page, flows: 18 rows on page 2, 22 on page 3 (at 370)
      { first: 81, last: 90 }, // 150: would reach 520 → page 4
    ];
    expect(blockPageBreaks(spec, blocks)).toEqual([31, 81]);
  });

  it('adds no break before a block at the top of a page, nor when every block fits where it is', () => {
    // One block of 570 points, taller than a page, first on its page.
    expect(blockPageBreaks(sheetOfRows(40), [{ first: 3, last: 40 }])).toEqual([]);
    // 180 and 165 points under the titles: 385, on one page.
    expect(
      blockPageBreaks(sheetOfRows(25), [
        { first: 3, last: 14 },
        { first: 15, last: 25 },
      ]),
    ).toEqual([]);
  });
});

describe('the print setup of each sheet', () => {
  it('prints Synthèse and Fiches one A4 page wide, and the AO table one page wide with its header repeated', () => {
    expect(sheet('Synthèse').print).toEqual({ orientation: 'landscape', paper: 'A4', fitToWidth: true });
    expect(sheet('Fiches').print).toEqual({
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      titleRows: { first: 4, last: 5 },
    });
    expect(sheet('Compétences AO').print).toMatchObject({
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: 1,
      titleRows: { first: 4, last: 4 },
    });
    const xml = sheetXml(written.bytes, 2);
    expect(xml).toMatch(
      /<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/,
    );
  });
});
