import { strFromU8, unzipSync } from 'fflate';
import { blockPageBreaks, pageCapacityPoints } from '../../src/layout/page-breaks';
import { columnWidthInPoints } from '../../src/layout/column-width';
import { emptySheet, setRow } from '../../src/layout/sheet-building';
import type { SheetSpec } from '../../src/layout/workbook-spec';
import { buildBilanWorkbook } from '../../src/layout/bilan/bilan-workbook';
import { embeddedPlanBilan } from './helpers/plan-bilan';
import { sampleBilan, WRITTEN_AT } from './helpers/sample-bilan';
import { ficheBlocks, pagesOfRows } from './helpers/pages';
import { sheetOf, sheetXml, writeBilan, type WrittenBilan } from './helpers/written-bilan';

/**
 * How the bilan prints: A4, one page wide, header rows repeated, every row's height set, a page break before a
 * fiche's block that would cross a page's end when the block fits on one page, and at each page's end inside a block
 * taller than a page. The pages are laid out here from the rows' heights, as a spreadsheet does, to check that no
 * block that fits is cut, and that an application whose pages hold more (LibreOffice's) prints the same pages.
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
  it('prints at an explicit scale its columns fit at, even LibreOffice’s wider ones, and lays out pages for it', () => {
    const fiches = sheet('Fiches');
    const width = fiches.columns.reduce((sum, column) => sum + columnWidthInPoints(column.width), 0);
    const scale = fiches.print!.scale! / 100;
    // LibreOffice prints a column about 5 % wider than its width in points says.
    expect(width * 1.05 * scale).toBeLessThanOrEqual(A4_LANDSCAPE_WIDTH - MARGINS.sides);
    expect(width * 1.05 * (scale + 0.02)).toBeGreaterThan(A4_LANDSCAPE_WIDTH - MARGINS.sides);
    // The page's height at that scale, less a little for the rounding of row heights.
    const capacity = (A4_LANDSCAPE_HEIGHT - MARGINS.ends) / scale;
    expect(pageCapacityPoints(fiches)).toBeLessThan(capacity);
    expect(pageCapacityPoints(fiches)).toBeGreaterThan(capacity * 0.98);
  });

  it('never cuts a fiche’s block that fits on one page, and ends every page with a manual break', () => {
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
    // The fiche with 34 criteria does not fit: it starts a page and flows over the next ones, its row on the page
    // of its first criteria.
    const long = blocks.find((block) => block.key === '2.2')!;
    expect(heightOf(long) + titleHeight).toBeGreaterThan(capacity);
    expect(fiches.rowBreaks).toContain(long.first);
    expect(pages[long.last - 1]).toBeGreaterThan(pages[long.first - 1]);
    const rowOf = (key: string) => fiches.rows.findIndex((row) => row.cells[0]?.value === key);
    expect(pages[rowOf('2.2.1')]).toBe(pages[rowOf('2.2')]);
    // Every page ends with a manual break (a block's first row, or a row of a block taller than a page), so that
    // an application whose pages hold more than these (LibreOffice starts the rows right under the header) breaks
    // them at the same rows rather than letting the long fiche end elsewhere and cutting the next one.
    const starts = blocks.map((block) => block.first);
    const inside = fiches.rowBreaks!.filter((row) => !starts.includes(row));
    expect(inside.some((row) => row > long.first && row <= long.last)).toBe(true);
    for (const row of inside) {
      const block = blocks.find((candidate) => candidate.first < row && row <= candidate.last)!;
      expect([row, heightOf(block) + titleHeight > capacity]).toEqual([row, true]);
    }
    expect(pagesOfRows(fiches, Number.POSITIVE_INFINITY)).toEqual(pages);
    // Without the breaks, some fitting block would be cut.
    const unbroken = pagesOfRows({ ...fiches, rowBreaks: [] }, capacity);
    expect(fitting.some((block) => unbroken[block.first - 1] !== unbroken[block.last - 1])).toBe(true);
  });

  it('breaks a page only before a fiche that does not fit what is left of it (the embedded plan’s 48 fiches)', () => {
    const fiches = buildBilanWorkbook(embeddedPlanBilan(), { writtenAt: WRITTEN_AT }).sheets[1];
    const capacity = pageCapacityPoints(fiches);
    const titleHeight = fiches.rows[3].height! + fiches.rows[4].height!;
    const pages = pagesOfRows(fiches, capacity);
    const heightOf = (first: number, last: number) =>
      fiches.rows.slice(first - 1, last).reduce((sum, row) => sum + row.height!, 0);
    const blocks = ficheBlocks(fiches);
    expect(fiches.rowBreaks!.length).toBeGreaterThan(10);
    for (const row of fiches.rowBreaks!) {
      const block = blocks.find((candidate) => candidate.first === row)!;
      const pageStart = pages.indexOf(pages[row - 2]) + 1;
      const used = (pages[row - 2] > 0 ? titleHeight : 0) + heightOf(pageStart, row - 1);
      expect([block.key, used + heightOf(block.first, block.last) > capacity]).toEqual([block.key, true]);
    }
  });

  it('prints a first fiche taller than a page from the first page, under the sheet’s title, no page of headers alone', () => {
    // Fiche 2.2 (34 criteria) first: its block is taller than a page; the first page held the title, the hint and
    // the header rows, and nothing else.
    const fiches = buildBilanWorkbook(sampleBilan({ keys: ['2.2', '2.3'] }), { writtenAt: WRITTEN_AT }).sheets[1];
    const pages = pagesOfRows(fiches, pageCapacityPoints(fiches));
    const rowOf = (key: string) => fiches.rows.findIndex((row) => row.cells[0]?.value === key);
    expect(ficheBlocks(fiches)[0].key).toBe('2.2');
    expect([pages[rowOf('2.2')], pages[rowOf('2.2.1')]]).toEqual([0, 0]);
    // Still broken where each of its pages ends, 2.3 whole after it.
    expect(pages[rowOf('2.2.34')]).toBeGreaterThan(0);
    expect(pages[rowOf('2.3.1')]).toBe(pages[rowOf('2.3')]);
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

  it('moves a block that would cross the page’s end to the next page, one taller than a page too, broken inside', () => {
    // Page: (595.3 − 108) × 0.97 ≈ 472.7 points; titles 40.
    const spec = sheetOfRows(90);
    const blocks = [
      { first: 3, last: 12 }, // 150: page 1 at 190
      { first: 13, last: 30 }, // 270: page 1 at 460
      { first: 31, last: 40 }, // 150: would reach 610 → page 2 at 190
      { first: 41, last: 80 }, // 600: taller than a page, starts page 3 and flows: 28 rows there, then a break,
      // 12 on page 4 (at 220)
      { first: 81, last: 90 }, // 150: page 4 at 370
    ];
    expect(blockPageBreaks(spec, blocks)).toEqual([31, 41, 69]);
  });

  it('adds no break before a block at the top of a page, nor when every block fits where it is', () => {
    // One block of 570 points, taller than a page, first on its page: broken only where the page ends (40 + 28 × 15).
    expect(blockPageBreaks(sheetOfRows(40), [{ first: 3, last: 40 }])).toEqual([31]);
    // Below a sheet's own title of two rows (40 points) above the repeated rows: nor before the first block there.
    const titled = sheetOfRows(42);
    titled.print!.titleRows = { first: 3, last: 4 };
    titled.rows[2].height = 20;
    titled.rows[3].height = 20;
    // 80 points of titles, then 38 rows of 15: 26 on the first page (80 + 390), 12 on the next.
    expect(blockPageBreaks(titled, [{ first: 5, last: 42 }])).toEqual([31]);
    // 180 and 165 points under the titles: 385, on one page.
    expect(
      blockPageBreaks(sheetOfRows(25), [
        { first: 3, last: 14 },
        { first: 15, last: 25 },
      ]),
    ).toEqual([]);
  });
});

describe('the page breaks of Synthèse', () => {
  it('keeps each table whole: with many axes, the fiches per status start a new page', () => {
    const base = sampleBilan();
    const axes = Array.from({ length: 8 }, (_, index) => ({ ...base.axes[index % 3], number: index + 1 }));
    const spec = buildBilanWorkbook({ ...base, axes }, { writtenAt: WRITTEN_AT }).sheets[0];
    const heading = spec.rows.findIndex((row) => row.cells[0]?.value === 'Fiches par statut à la fin de la période');
    expect(spec.rowBreaks).toEqual([heading + 1]);
    // Three axes: both tables on the first page.
    expect(sheet('Synthèse').rowBreaks).toBeUndefined();
  });
});

describe('the print setup of each sheet', () => {
  const title = 'Bilan final \u2013 Communauté de communes des Monts du Pilat';
  const headerFooter = { header: title, footer: 'Page &P sur &N' };

  it('prints every sheet on A4 at an explicit scale, the title above every page and its number below', () => {
    expect(sheet('Synthèse').print).toEqual({
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      scale: expect.any(Number),
      headerFooter,
    });
    expect(sheet('Fiches').print).toEqual({
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      scale: expect.any(Number),
      titleRows: { first: 4, last: 5 },
      headerFooter,
    });
    expect(sheet('Compétences AO').print).toMatchObject({
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: 1,
      scale: expect.any(Number),
      titleRows: { first: 4, last: 4 },
      headerFooter,
    });
    for (const position of [1, 2, 3]) {
      const xml = sheetXml(written.bytes, position);
      const { scale } = written.spec.sheets[position - 1].print!;
      const setup = xml.match(/<pageSetup [^>]*>/)![0];
      expect(setup).toContain('paperSize="9"');
      expect(setup).toContain('orientation="landscape"');
      expect(setup).toContain(`scale="${scale}"`);
      expect(xml).not.toMatch(/<pageSetUpPr fitToPage="1"/);
      expect(xml).toContain(`<oddHeader>&amp;C${title}</oddHeader>`);
      expect(xml).toContain('<oddFooter>&amp;CPage &amp;P sur &amp;N</oddFooter>');
    }
  });

  it.each([
    ['a manual line break pasted from Word', '\u000b'],
    ['a tab', '\t'],
    ['a line break', '\n'],
  ])('shows %s in the territory’s name as a space wherever the title is written', async (_, character) => {
    const { bytes, grids } = await writeBilan({ ...sampleBilan(), territory: `Monts ${character}Pilat` });
    const title = 'Bilan final \u2013 Monts Pilat';
    for (const position of [1, 2, 3])
      expect(sheetXml(bytes, position)).toContain(`<oddHeader>&amp;C${title}</oddHeader>`);
    expect(strFromU8(unzipSync(bytes)['docProps/core.xml'])).toContain(`<dc:title>${title}</dc:title>`);
    expect(['Synthèse', 'Fiches', 'Compétences AO'].map((name) => sheetOf(grids, name).rows[0]?.[0]?.value)).toEqual([
      title,
      title,
      'Compétences des autorités organisatrices de l’accueil du jeune enfant \u2013 Monts Pilat',
    ]);
  });

  it('writes an ampersand of the title as itself, not as a header code', () => {
    const base = sampleBilan();
    const spec = buildBilanWorkbook({ ...base, territory: 'Monts & Vallées' }, { writtenAt: WRITTEN_AT });
    expect(spec.sheets[1].print!.headerFooter!.header).toBe('Bilan final \u2013 Monts && Vallées');
  });
});
