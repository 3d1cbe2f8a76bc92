import { buildConsolidationWorkbook } from '../../src/layout/consolidation/consolidation-workbook';
import { columnWidthInPoints } from '../../src/layout/column-width';
import { PORTABLE_WIDTH_SLACK, printableWidthPoints } from '../../src/layout/print-width';
import { writeXlsx } from '../../src/xlsx/writer';
import { consolidationSheetNames } from '../../src/layout/consolidation/consolidation-texts';
import { RATE_WIDTH } from '../../src/layout/consolidation/count-columns';
import { territoryColumns } from '../../src/layout/consolidation/territories-sheet';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { convertThroughLibreOffice } from '../helpers/libreoffice';
import { barsOf, pdfWords } from '../helpers/pdf-words';
import { consolidation, writtenAt } from './fixture';

/**
 * How the consolidation prints (a review found long territory names printed over the next row, and pages across
 * of the sheets by champ that did not say which territory a row was).
 */

const longName = 'Communauté d’agglomération de la Vallée du Gier et du Pilat Rhodanien réunis';
const spec = buildConsolidationWorkbook(
  {
    ...consolidation,
    territories: consolidation.territories.map((territory, index) =>
      index === 0 ? { ...territory, territory: longName } : territory,
    ),
  },
  { writtenAt },
);
const sheet = (name: string) => spec.sheets.find((candidate) => candidate.name === name)!;

it.each([
  consolidationSheetNames.territories,
  consolidationSheetNames.fieldsByTerritory,
  consolidationSheetNames.publicsByTerritory,
])('makes a row of %s as high as a long territory name needs, wrapped in its column', (name) => {
  const row = sheet(name).rows.find((candidate) => candidate?.cells[0]?.value === longName)!;
  expect(row.cells[0]!.style!.wrap).toBe(true);
  expect(row.height).toBeGreaterThanOrEqual(30);
});

it('repeats on the pages across what says what a row is: the champ, whether it is in the vocabulary, the territory', () => {
  for (const name of [consolidationSheetNames.fields, consolidationSheetNames.publics])
    expect(sheet(name).print!.titleColumns).toEqual({ first: 1, last: 3 });
  expect(sheet(consolidationSheetNames.territories).print!.titleColumns).toEqual({ first: 1, last: 1 });
  expect(sheet(consolidationSheetNames.ao).print!.titleColumns).toEqual({ first: 1, last: 2 });
});

it('shows counts and populations with a thousands separator (1 206, not 1206)', () => {
  const territories = sheet(consolidationSheetNames.territories);
  const header = territories.rows[3]!.cells.map((spec) => spec?.value);
  const row = territories.rows[4]!;
  for (const name of ['Fiches', 'Valeurs attendues (cumul)', 'Erreurs de données'])
    expect(row.cells[header.indexOf(name)]!.style!.numFmt).toBe('#,##0');
  const ao = sheet(consolidationSheetNames.ao);
  const aoHeader = ao.rows[3]!.cells.map((spec) => spec?.value);
  const population = aoHeader.indexOf('Population retenue pour les seuils');
  const numbers = ao.rows.slice(4).filter((candidate) => typeof candidate?.cells[population]?.value === 'number');
  expect(numbers.length).toBeGreaterThan(0);
  for (const candidate of numbers) expect(candidate!.cells[population]!.style!.numFmt).toBe('#,##0');
});

describe('more names than a sheet has columns side by side', () => {
  // Names outside the vocabulary are pooled across territories: a few own spellings each over hundreds of
  // territories, or one hostile file, give thousands. Excel has 16 384 columns: two per name and the territory's
  // (8 192 names threw « 16385 is out of bounds » from the writer).
  const many = 9000;
  const publics = Array.from({ length: many }, (_, index) => ({
    ...consolidation.publics[0],
    name: `Public ${String(index).padStart(5, '0')}`,
    matched: false,
  }));
  const wide = buildConsolidationWorkbook({ ...consolidation, publics }, { writtenAt });
  const matrix = wide.sheets.find((candidate) => candidate.name === consolidationSheetNames.publicsByTerritory)!;

  it('shows the names that fit, and says which are left to the sheet by public', () => {
    expect(matrix.columns.length).toBeLessThanOrEqual(16_384);
    const shown = matrix.rows[3]!.cells.filter((spec) => typeof spec?.value === 'string').length;
    expect(shown).toBe(1000);
    expect(String(matrix.rows[1]!.cells[0]!.value)).toContain(
      'Faute de colonnes, 8\u00a0000\u00a0noms, de «\u00a0Public 01000\u00a0» à «\u00a0Public 08999\u00a0», ne sont que dans la feuille «\u00a0Publics\u00a0».',
    );
  });

  it('is written (it threw « 16385 is out of bounds »)', async () => {
    // The sheet alone: the sheet by public of 9 000 names is 36 000 rows, which take the writer long.
    await expect(writeXlsx({ ...wide, sheets: [matrix] })).resolves.toBeInstanceOf(Uint8Array);
  }, 60_000);
});

describe('the sheets side by side on paper', () => {
  // A review found a champ's two columns split across two pages, its merged name spilling past the page.
  const publics = Array.from({ length: 40 }, (_, index) => ({
    ...consolidation.publics[0],
    name: `Public ${index + 1}`,
  }));
  const wide = buildConsolidationWorkbook({ ...consolidation, publics }, { writtenAt });
  const matrix = wide.sheets.find((candidate) => candidate.name === consolidationSheetNames.publicsByTerritory)!;

  it('start each page across with a name: its two columns are never split', () => {
    const breaks = matrix.columnBreaks ?? [];
    expect(breaks.length).toBeGreaterThan(1);
    // A name's first column is B, D, F…: even numbers.
    for (const column of breaks) expect(column % 2).toBe(0);
    expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
  });

  it('print at an explicit scale at which each page holds its columns (manual breaks need one)', () => {
    const print = matrix.print!;
    expect(print.scale).toBeGreaterThanOrEqual(50);
    const pageWidth = printableWidthPoints('landscape') / ((print.scale! / 100) * PORTABLE_WIDTH_SLACK);
    const widths = matrix.columns.map((column) => columnWidthInPoints(column.width));
    const starts = [2, ...matrix.columnBreaks!, matrix.columns.length + 1];
    for (let page = 0; page + 1 < starts.length; page++) {
      const used = widths[0] + widths.slice(starts[page] - 1, starts[page + 1] - 1).reduce((a, b) => a + b, 0);
      expect(used).toBeLessThanOrEqual(pageWidth);
    }
  });
});

it('says on every printed page what it is a page of: the title above, the sheet and the page below', () => {
  for (const one of spec.sheets)
    expect({ sheet: one.name, headerFooter: one.print?.headerFooter }).toEqual({
      sheet: one.name,
      headerFooter: { header: 'Consolidation des CTG', footer: '&A \u2013 page &P sur &N' },
    });
});

describe('the title and the note above a table, on the pages across', () => {
  // The columns repeated on each page across print rows 1 and 2 too: a title left to overflow was cut there
  // (« Consolidation des CTG par territoir »), so each is wrapped within those columns, its row as high as its lines.
  const tableSheets = [
    consolidationSheetNames.territories,
    consolidationSheetNames.fields,
    consolidationSheetNames.publics,
    consolidationSheetNames.fieldsByTerritory,
    consolidationSheetNames.publicsByTerritory,
    consolidationSheetNames.ao,
  ];
  it.each(tableSheets)('%s: rows 1 and 2 wrapped within the repeated columns, whole on every page', (name) => {
    const { print, rows, merges, columns } = sheet(name);
    const { last } = print!.titleColumns!;
    const width = columns.slice(0, last).reduce((sum, column) => sum + column.width, 0);
    for (const index of [0, 1]) {
      const heading = rows[index]!.cells[0]!;
      expect(typeof heading.value).toBe('string');
      expect(heading.style!.wrap).toBe(true);
      if (last > 1) expect(merges).toContain(`A${index + 1}:${String.fromCharCode(64 + last)}${index + 1}`);
      // At about one character per unit of width (larger for the title's font), the row shows every line.
      const scale = (heading.style!.fontSize ?? 11) / 11;
      const lines = Math.ceil((String(heading.value).length * scale) / width);
      expect(rows[index]!.height ?? 15).toBeGreaterThanOrEqual(lines * 15 * scale - 0.01);
    }
  });
});

it('gives each paragraph of the Guide the lines its prose takes, not twice as many', () => {
  // Column width counts digits; prose of Calibri 11 sets about 90 to 100 characters on a line of 72 digits (measured on
  // LibreOffice's PDF of the Guide: 3 lines for 305 characters). A row of twice the lines split the Guide over pages.
  const guide = sheet(consolidationSheetNames.guide);
  const width = guide.columns[0]!.width;
  const paragraphs = guide.rows.flatMap((row) =>
    row?.cells[0]?.style?.wrap && typeof row.cells[0].value === 'string' ? [{ text: row.cells[0].value, row }] : [],
  );
  expect(paragraphs.length).toBeGreaterThan(10);
  for (const { text, row } of paragraphs) {
    const lines = (row.height ?? 15) / 15;
    expect(lines).toBeGreaterThanOrEqual(Math.ceil(text.length / (width * 1.4)));
    expect(lines).toBeLessThanOrEqual(Math.ceil(text.length / (width * 1.2)));
  }
});

it('gives the « Hors vocabulaire » row of the sheets side by side one line: the mark fits a name’s two columns', () => {
  const rows = [consolidationSheetNames.fieldsByTerritory, consolidationSheetNames.publicsByTerritory].map(
    (name) => sheet(name).rows[4]!,
  );
  expect(rows.some((row) => row.cells.some((spec) => spec?.value === 'Hors vocabulaire'))).toBe(true);
  for (const row of rows) expect(row.height ?? 15).toBe(15);
});

describe('the bars of Territoires printed to PDF by LibreOffice', () => {
  itWhenAvailable({ soffice: hasBinary('soffice'), pdftotext: hasBinary('pdftotext') })(
    'prints each bar whole within its column, one character per 5 %, and adds no page',
    async () => {
      // Renseignement cumulé from 80 % to 100 %: the longest bars, twenty characters at 100 %.
      const percents = [80, 85, 90, 95, 100];
      const base = consolidation.territories[0];
      const measured = (filled: (percent: number) => number) =>
        buildConsolidationWorkbook(
          {
            ...consolidation,
            territories: percents.map((percent) => ({
              ...base,
              territory: `Territoire ${percent}`,
              file: `territoire-${percent}.xlsx`,
              counts: { ...base.counts, cumulative: { filled: filled(percent), expected: 100 } },
            })),
          },
          { writtenAt },
        );
      const territoriesOnly = (workbook: WorkbookSpec) =>
        writeXlsx({
          ...workbook,
          sheets: workbook.sheets.filter((candidate) => candidate.name === consolidationSheetNames.territories),
        });
      const printed = convertThroughLibreOffice(
        { full: await territoriesOnly(measured((percent) => percent)), none: await territoriesOnly(measured(() => 0)) },
        'pdf',
        { scratch: 'consolidation-bars-pdf', recalculate: false },
      );
      const pages = pdfWords(printed.full, 'consolidation-bars-pdf');
      // Nothing of a bar spills past the last column onto a page of its own: as many pages as without bars.
      expect(pages).toHaveLength(pdfWords(printed.none, 'consolidation-bars-pdf').length);
      const withBars = pages.filter((page) => barsOf(page).length > 0);
      expect(withBars).toHaveLength(1);
      const [page] = withBars;
      const bars = barsOf(page).sort((a, b) => a.yMin - b.yMin);
      // 80 % to 100 %, then the total's 90 %: none cut at its cell's edge, 85 % and 100 % told apart.
      expect(bars.map((bar) => bar.text.length)).toEqual([16, 17, 18, 19, 20, 18]);
      // Each ends within its column, whose printed width is the rate column's before it (Réalisation) times the
      // ratio of their widths: a full bar ran past the table's right border.
      const rate = page.words.find((word) => word.text === 'Réalisation')!;
      const left = bars[0].xMin;
      const width = territoryColumns.find((column) => column.id === 'bar')!.width;
      const right = left + ((left - rate.xMin) * width) / RATE_WIDTH;
      for (const bar of bars)
        expect({ characters: bar.text.length, within: bar.xMax <= right }).toEqual({
          characters: bar.text.length,
          within: true,
        });
    },
    180_000,
  );
});
