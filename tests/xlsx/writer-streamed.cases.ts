import { strFromU8, unzipSync } from 'fflate';
import { noCounts } from '../../src/domain/consolidation/counts';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { buildConsolidationWorkbook } from '../../src/layout/consolidation/consolidation-workbook';
import { readXlsx } from '../../src/xlsx/reader';
import { writeXlsx } from '../../src/xlsx/writer';
import { placeSheetProtection } from '../../src/xlsx/writer/post-process';
import { streamXlsx } from '../../src/xlsx/writer/stream-xlsx';
import { consolidation, writtenAt } from '../consolidation-workbook/fixture';
import { samplePlan } from '../layout/helpers/sample-plan';
import { orderViolations, SHEET_PR_CHILD_ORDER, WORKSHEET_CHILD_ORDER, worksheetChildren } from './helpers/ooxml-order';

/**
 * The command line streams the consolidation workbook (`streamXlsx`): the same spec must give the same workbook as
 * the in-memory writer every other write uses, in the order Excel validates.
 */

const worksheetPaths = (files: Record<string, Uint8Array>) =>
  Object.keys(files).filter((path) => /^xl\/worksheets\/sheet\d+\.xml$/.test(path));

function gridsOf(bytes: Uint8Array) {
  const read = readXlsx(bytes);
  if (!read.ok) throw new Error(`unreadable: ${read.error.code}`);
  return read.grids;
}

/**
 * A worksheet's XML outside its cells: before `<sheetData>` (without `<dimension>`, which a stream cannot know, nor the
 * line break after the declaration) and after.
 */
function outsideCells(xml: string): { head: string; tail: string } {
  const cells = /<sheetData\/>|<sheetData>[\s\S]*<\/sheetData>/.exec(xml);
  if (!cells) throw new Error('no <sheetData>');
  const head = xml
    .slice(0, cells.index)
    .replace(/<dimension [^>]*\/>/, '')
    .replace(/\?>\s+</, '?><');
  return { head, tail: xml.slice(cells.index + cells[0].length) };
}

/** A sheet's `<sheetData>`, each shared string's index replaced by the string (the two writers number them apart). */
function cellsOf(files: Record<string, Uint8Array>, path: string): string {
  const strings = [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
  const xml = strFromU8(files[path]);
  const cells = /<sheetData\/>|<sheetData>[\s\S]*<\/sheetData>/.exec(xml)?.[0] ?? '';
  return (cells === '<sheetData></sheetData>' ? '<sheetData/>' : cells).replace(
    /( t="s">)<v>(\d+)<\/v>/g,
    (_, type: string, index: string) => `${type}<si>${strings[Number(index)]}</si>`,
  );
}

const specs: [string, () => Promise<WorkbookSpec>][] = [
  [
    'a generated tracking workbook',
    async () => (await buildNewWorkbook(samplePlan(), { today: new Date('2026-11-28T10:00:00Z') })).spec,
  ],
  ['a consolidation workbook', async () => buildConsolidationWorkbook(consolidation, { writtenAt })],
  [
    // Its matrix sheets' header row holds only a styled empty cell.
    'the consolidation workbook of no territory',
    async () =>
      buildConsolidationWorkbook(
        { ...consolidation, territories: [], total: noCounts, fields: [], publics: [], unmatched: [], duplicates: [] },
        { writtenAt },
      ),
  ],
  [
    'a sheet with a row of styled empty cells, and a sheet of columns only',
    async () => ({
      properties: { title: 'Vides', creator: 'Suivi CTG' },
      definedNames: [],
      sheets: [
        {
          name: 'Styles',
          visibility: 'visible',
          columns: [{ width: 12 }, { width: 30 }],
          rows: [
            { cells: [{ value: 'Titre' }] },
            {
              cells: [
                { value: null, style: { fill: 'D9E1F2', border: true } },
                { value: null, style: { bold: true } },
              ],
            },
          ],
          merges: [],
          validations: [],
          conditionalFormats: [],
        },
        {
          name: 'Colonnes',
          visibility: 'visible',
          columns: [
            { width: 25, numFmt: '@' },
            { width: 8, hidden: true },
          ],
          rows: [],
          merges: [],
          validations: [],
          conditionalFormats: [],
        },
      ],
    }),
  ],
];

describe.each(specs)('%s, streamed', (_, specOf) => {
  let memory: Record<string, Uint8Array>;
  let streamed: Record<string, Uint8Array>;
  let memoryBytes: Uint8Array;
  let streamedBytes: Uint8Array;

  beforeAll(async () => {
    const spec = await specOf();
    [memoryBytes, streamedBytes] = [await writeXlsx(spec), await streamXlsx(spec)];
    [memory, streamed] = [unzipSync(memoryBytes), unzipSync(streamedBytes)];
  });

  test('reads back as the in-memory writer’s: every sheet, value and formula, and the same styles part', () => {
    const [fromMemory, fromStream] = [gridsOf(memoryBytes), gridsOf(streamedBytes)];
    expect(fromStream.sheets.map((sheet) => sheet.name)).toEqual(fromMemory.sheets.map((sheet) => sheet.name));
    expect(fromStream).toEqual(fromMemory);
    expect(strFromU8(streamed['xl/styles.xml'])).toBe(strFromU8(memory['xl/styles.xml']));
    expect(strFromU8(streamed['xl/workbook.xml'])).toBe(strFromU8(memory['xl/workbook.xml']));
  });

  test('each sheet’s views, columns, merges, validations, formats, protection and page setup are the same', () => {
    const paths = worksheetPaths(memory);
    expect(worksheetPaths(streamed).sort()).toEqual([...paths].sort());
    for (const path of paths) {
      const [inMemory, inStream] = [outsideCells(strFromU8(memory[path])), outsideCells(strFromU8(streamed[path]))];
      expect({ path, ...inStream }).toEqual({ path, ...inMemory });
    }
  });

  test('each sheet’s cells are written alike, styled empty cells included', () => {
    for (const path of worksheetPaths(memory)) {
      expect({ path, cells: cellsOf(streamed, path) }).toEqual({ path, cells: cellsOf(memory, path) });
    }
  });

  test('every worksheet’s elements come in schema order (the streamed writer puts its protection last)', () => {
    for (const path of worksheetPaths(streamed)) {
      const { top, sheetPr } = worksheetChildren(strFromU8(streamed[path]));
      expect({ path, violations: orderViolations(top, WORKSHEET_CHILD_ORDER) }).toEqual({ path, violations: [] });
      expect({ path, violations: orderViolations(sheetPr, SHEET_PR_CHILD_ORDER) }).toEqual({ path, violations: [] });
    }
  });
});

describe('merged ranges, streamed and in memory', () => {
  // A title merged across a row, a block merged down three rows with cells beside it, a break in the block.
  const spec: WorkbookSpec = {
    properties: { title: 'Fusions', creator: 'Suivi CTG' },
    definedNames: [],
    sheets: [
      {
        name: 'Feuille',
        visibility: 'visible',
        columns: [{ width: 10 }, { width: 10 }, { width: 10 }],
        rows: [
          { cells: [] },
          { cells: [null, { value: 'Titre', style: { bold: true } }, { value: null, style: { bold: true } }] },
          { cells: [] },
          { cells: [{ value: 'Bloc' }, { value: null }, { value: 1 }] },
          { cells: [{ value: null }, { value: null }, { value: 2 }] },
          { cells: [{ value: null }, { value: null }, { value: { formula: 'C4+C5', result: 3 } }] },
        ],
        merges: ['B2:C2', 'A4:B6'],
        rowBreaks: [6],
        validations: [],
        conditionalFormats: [],
      },
    ],
  };

  test.each([
    ['in memory', writeXlsx],
    ['streamed', streamXlsx],
  ])('%s: the first cell of each range keeps its value, and the ranges are merged', async (_, write) => {
    const bytes = await write(spec);
    const rows = gridsOf(bytes).sheets[0].rows;
    expect(rows[1][1]?.value).toBe('Titre');
    expect(rows[3][0]?.value).toBe('Bloc');
    expect(rows[3][2]?.value).toBe(1);
    expect(rows[5][2]).toMatchObject({ value: 3, formula: 'C4+C5' });
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect([...xml.matchAll(/<mergeCell ref="([^"]+)"/g)].map((match) => match[1]).sort()).toEqual(['A4:B6', 'B2:C2']);
    expect([...xml.matchAll(/<brk id="(\d+)"/g)].map((match) => match[1])).toEqual(['5']);
  });
});

describe('placeSheetProtection', () => {
  test('moves the protection to the head of what follows the cells, and leaves a tail already right', () => {
    const cf = '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"/></conditionalFormatting>';
    const protection = '<sheetProtection sheet="1" autoFilter="0"/>';
    expect(placeSheetProtection(`<autoFilter ref="A1:B2"/>${cf}${protection}<pageMargins/>`)).toBe(
      `${protection}<autoFilter ref="A1:B2"/>${cf}<pageMargins/>`,
    );
    expect(placeSheetProtection(`${protection}<autoFilter ref="A1:B2"/>`)).toBe(
      `${protection}<autoFilter ref="A1:B2"/>`,
    );
    expect(placeSheetProtection('<pageMargins/>')).toBe('<pageMargins/>');
  });
});
