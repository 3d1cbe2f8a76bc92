import { strFromU8, unzipSync } from 'fflate';
import type ExcelJS from 'exceljs';
import type { CellStyle, WorkbookSpec } from '../../src/layout/workbook-spec';
import { writeXlsx } from '../../src/xlsx/writer';
import { fillColor, isLocked, loadWithExcelJs } from './helpers/exceljs-load';
import { orderViolations, WORKSHEET_CHILD_ORDER, worksheetChildren } from './helpers/ooxml-order';

/** A hand-made spec using what the generated workbook does not use yet (issue 4's formulas, Annexe 4 looks). */
const spec: WorkbookSpec = {
  properties: { title: 'Essai', creator: 'ctg-suivi' },
  definedNames: [{ name: 'essai_seuil', ref: "'Synthèse'!$B$1" }],
  sheets: [
    {
      name: 'Synthèse',
      visibility: 'visible',
      columns: [{ width: 20, numFmt: '@' }, { width: 12 }, { width: 9, hidden: true }],
      rows: [
        {
          cells: [
            { value: 'Seuil', style: { bold: true } },
            { value: 0.5, style: { numFmt: '0%', locked: false } },
          ],
        },
        {
          cells: [
            { value: 'Taux', style: { italic: true, fontColor: 'C00000' } },
            { value: { formula: 'IFERROR(B1*2,"")', result: 1 }, style: { numFmt: '0%' } },
            { value: 'caché' },
          ],
        },
        { cells: [{ value: 'Fusion', style: { fill: 'FFF2CC', horizontal: 'center', wrap: true } }], height: 30 },
      ],
      merges: ['A3:B3'],
      validations: [],
      conditionalFormats: [
        { kind: 'expression', range: 'A1:A2', formula: 'ISBLANK($B1)', style: { bold: true, fontColor: '7F7F7F' } },
        { kind: 'cellValue', range: 'B1:B2', operator: 'lessThan', formulas: ['0.25'], style: { fill: 'F8696B' } },
      ],
      protection: { allowAutoFilter: true, allowFormatColumns: false, allowFormatRows: false },
      tabColor: '4472C4',
    },
  ],
};

let workbook: ExcelJS.Workbook;
let files: Record<string, Uint8Array>;

beforeAll(async () => {
  const bytes = await writeXlsx(spec);
  files = unzipSync(bytes);
  workbook = await loadWithExcelJs(bytes);
});

describe('writing a hand-made spec', () => {
  test('a formula is written in invariant form with its cached result', () => {
    const sheet = workbook.getWorksheet('Synthèse')!;
    expect(sheet.getCell('B2').value).toEqual({ formula: 'IFERROR(B1*2,"")', result: 1 });
    expect(strFromU8(files['xl/worksheets/sheet1.xml'])).toContain('<f>IFERROR(B1*2,&quot;&quot;)</f><v>1</v>');
  });

  test('styles, merges, hidden columns, row heights and the tab colour are written', () => {
    const sheet = workbook.getWorksheet('Synthèse')!;
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').font).toMatchObject({ italic: true, color: { argb: 'FFC00000' } });
    expect(fillColor(sheet.getCell('A3'))).toBe('FFFFF2CC');
    expect(sheet.getCell('A3').alignment).toMatchObject({ horizontal: 'center', wrapText: true });
    expect(sheet.getCell('B1').numFmt).toBe('0%');
    expect(sheet.getCell('A2').numFmt).toBe('@');
    expect(isLocked(sheet.getCell('B1'))).toBe(false);
    expect(isLocked(sheet.getCell('B2'))).toBe(true);
    expect(sheet.getCell('B3').isMerged).toBe(true);
    expect(sheet.getColumn(3).hidden).toBe(true);
    expect(sheet.getRow(3).height).toBe(30);
    expect(sheet.properties.tabColor).toEqual({ argb: 'FF4472C4' });
  });

  test('cell-value and expression conditional formats are written, in schema order', () => {
    const xml = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(xml).toMatch(
      /<conditionalFormatting sqref="B1:B2"><cfRule type="cellIs"[^>]*operator="lessThan"[^>]*><formula>0.25<\/formula>/,
    );
    expect(xml).toMatch(
      /<conditionalFormatting sqref="A1:A2"><cfRule type="expression"[^>]*><formula>ISBLANK\(\$B1\)<\/formula>/,
    );
    const priorities = [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)"><cfRule\b[^>]*priority="(\d+)"/g)];
    // One priority per rule, in the order of the spec: the expression rule comes first there.
    expect(Object.fromEntries(priorities.map((match) => [match[1], match[2]]))).toEqual({ 'A1:A2': '1', 'B1:B2': '2' });
    expect(orderViolations(worksheetChildren(xml).top, WORKSHEET_CHILD_ORDER)).toEqual([]);
    expect(worksheetChildren(xml).top).toEqual(
      expect.arrayContaining(['mergeCells', 'conditionalFormatting', 'sheetProtection']),
    );
  });

  test('defined names are written at workbook level; no filter name without a filter', () => {
    const names = workbook.definedNames.model as { name: string; ranges: string[] }[];
    expect(names).toEqual([{ name: 'essai_seuil', ranges: ["'Synthèse'!$B$1"] }]);
    expect(strFromU8(files['xl/workbook.xml'])).not.toContain('_FilterDatabase');
  });
});

describe('cells whose styles differ by one member', () => {
  const base: CellStyle = {
    bold: false,
    italic: false,
    fontSize: 11,
    fontColor: '000000',
    fill: 'FFFFFF',
    wrap: false,
    horizontal: 'left',
    vertical: 'top',
    numFmt: '0',
    locked: true,
    border: false,
  };
  const changed: CellStyle = {
    bold: true,
    italic: true,
    fontSize: 14,
    fontColor: 'C00000',
    fill: 'FFF2CC',
    wrap: true,
    horizontal: 'center',
    vertical: 'bottom',
    numFmt: '0.00',
    locked: false,
    border: true,
  };
  const members = Object.keys(changed) as (keyof CellStyle)[];
  // Each its own object, as the layout makes them: the base again with its members the other way round, then the
  // base with one member changed, then a cell with no style in a column of its own format.
  const styles: CellStyle[] = [
    base,
    Object.fromEntries(Object.entries(base).reverse()),
    ...members.map((member) => ({ ...base, [member]: changed[member] })),
  ];
  let sheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    const written = await writeXlsx({
      properties: { title: 'Styles', creator: 'ctg-suivi' },
      definedNames: [],
      sheets: [
        {
          name: 'Styles',
          visibility: 'visible',
          columns: [{ width: 10 }, { width: 10, numFmt: '@' }],
          rows: [...styles.map((style) => ({ cells: [{ value: 1, style }] })), { cells: [{ value: 1 }, { value: 1 }] }],
          merges: [],
          validations: [],
          conditionalFormats: [],
        },
      ],
    });
    sheet = (await loadWithExcelJs(written)).getWorksheet('Styles')!;
  });

  const looks = (address: string) => {
    const { font, fill, alignment, protection, border, numFmt } = sheet.getCell(address).style;
    return JSON.stringify({ font, fill, alignment, protection, border, numFmt });
  };

  test('each keeps its own look; the same members in another order look the same', () => {
    expect(looks('A2')).toBe(looks('A1'));
    const distinct = new Set(styles.map((_style, index) => looks(`A${index + 1}`)));
    expect(distinct.size).toBe(members.length + 1);
    expect(sheet.getCell(`A${styles.length + 1}`).numFmt).not.toBe('@');
    expect(sheet.getCell(`B${styles.length + 1}`).numFmt).toBe('@');
  });
});
