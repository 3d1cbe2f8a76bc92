import { strFromU8, unzipSync } from 'fflate';
import { samplePlan } from '../layout/helpers/sample-plan';
import { generateBytes } from './helpers/generate-bytes';
import { orderViolations, SHEET_PR_CHILD_ORDER, WORKSHEET_CHILD_ORDER, worksheetChildren } from './helpers/ooxml-order';
import { orderSheetPrChildren, withoutFalseCollapse } from '../../src/xlsx/writer/post-process';

let files: Record<string, Uint8Array>;

beforeAll(async () => {
  const { bytes } = await generateBytes(samplePlan(), new Date('2026-11-28T10:00:00Z'));
  files = unzipSync(bytes);
});

const text = (path: string) => strFromU8(files[path]);
const worksheetPaths = () => Object.keys(files).filter((path) => /^xl\/worksheets\/sheet\d+\.xml$/.test(path));

describe('the written XML, as Excel validates it', () => {
  test('every worksheet’s elements and <sheetPr> children come in schema order', () => {
    expect(worksheetPaths()).toHaveLength(9);
    for (const path of worksheetPaths()) {
      const { top, sheetPr } = worksheetChildren(text(path));
      expect({ path, violations: orderViolations(top, WORKSHEET_CHILD_ORDER) }).toEqual({ path, violations: [] });
      expect({ path, violations: orderViolations(sheetPr, SHEET_PR_CHILD_ORDER) }).toEqual({ path, violations: [] });
    }
    // The axis sheets have both children that ExcelJS writes in the wrong order.
    expect(worksheetChildren(text('xl/worksheets/sheet3.xml')).sheetPr).toEqual(['outlinePr', 'pageSetUpPr']);
  });

  test('the order check catches ExcelJS’s own <sheetPr> order, and the fix repairs it', () => {
    const excelJsOrder =
      '<worksheet><sheetPr><pageSetUpPr fitToPage="1"/><outlinePr summaryBelow="0"/></sheetPr></worksheet>';
    expect(orderViolations(worksheetChildren(excelJsOrder).sheetPr, SHEET_PR_CHILD_ORDER)).toEqual([
      'outlinePr after pageSetUpPr',
    ]);
    expect(worksheetChildren(orderSheetPrChildren(excelJsOrder)).sheetPr).toEqual(['outlinePr', 'pageSetUpPr']);
    expect(orderViolations(['sheetData', 'cols'], WORKSHEET_CHILD_ORDER)).toEqual(['cols after sheetData']);
  });

  test('workbook.xml names the Journal’s autofilter range (_xlnm._FilterDatabase, hidden, local to the sheet)', () => {
    const workbook = text('xl/workbook.xml');
    const sheets = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((match) => match[1]);
    const journalIndex = sheets.indexOf('Journal');
    expect(journalIndex).toBe(sheets.indexOf('Compétences AO') + 1);
    expect(workbook).toMatch(/<definedNames>[\s\S]*<\/definedNames>/);
    const filterNames = [...workbook.matchAll(/<definedName name="_xlnm\._FilterDatabase"([^>]*)>([^<]*)</g)];
    expect(filterNames.map((match) => [match[1].trim(), match[2]])).toEqual([
      [`localSheetId="${journalIndex}" hidden="1"`, "'Journal'!$A$1:$L$2"],
      // Historique, written from the start with its header row only, right after the Journal.
      [`localSheetId="${journalIndex + 1}" hidden="1"`, "'Historique'!$A$1:$E$1"],
    ]);
    expect(workbook.indexOf('<definedNames>')).toBeLessThan(workbook.indexOf('<calcPr'));
  });

  test('each axis sheet has one table over its header and data rows, without a phantom totals row', () => {
    const tables = Object.keys(files)
      .filter((path) => /^xl\/tables\/.*\.xml$/.test(path))
      .map(text);
    const summaries = tables.map((xml) => ({
      name: /\bname="([^"]+)"/.exec(xml)![1],
      ref: /<table\b[^>]*\bref="([^"]+)"/.exec(xml)![1],
      filter: /<autoFilter ref="([^"]+)"/.exec(xml)![1],
      totals: /totalsRowShown="(\d)"/.exec(xml)![1],
    }));
    expect(summaries).toEqual([
      { name: 'Suivi_Axe_1', ref: 'A3:AS12', filter: 'A3:AS12', totals: '0' },
      { name: 'Suivi_Axe_13', ref: 'A3:AS6', filter: 'A3:AS6', totals: '0' },
    ]);
    for (const xml of tables) expect(xml).not.toMatch(/totalsRowLabel|totalsRowFunction/);
  });

  test('grouped rows are written open (no collapsed flag on visible rows)', () => {
    const axis = text('xl/worksheets/sheet3.xml');
    const grouped = [...axis.matchAll(/<row\b[^>]*outlineLevel="1"[^>]*>/g)].map((match) => match[0]);
    expect(grouped).toHaveLength(6);
    for (const row of grouped) expect(row).not.toMatch(/collapsed=|hidden=/);
    expect(withoutFalseCollapse('<row r="5" outlineLevel="1" collapsed="1">')).toBe('<row r="5" outlineLevel="1">');
    expect(withoutFalseCollapse('<row r="5" hidden="1" collapsed="1">')).toBe('<row r="5" hidden="1" collapsed="1">');
  });

  test('cells of text starting with "=" have no formula element', () => {
    const axis = text('xl/worksheets/sheet3.xml');
    // The only formulas of an axis sheet are its rates, whose formulas never start with a plan's text.
    for (const match of axis.matchAll(/<f>([^<]*)<\/f>/g)) expect(match[1]).toMatch(/^(IFERROR|IF)\(/);
    expect(axis).not.toMatch(/<f>=?1\+1/);
    expect(text('xl/sharedStrings.xml')).toContain('<t>=1+1</t>');
  });

  test('axis sheets ask for n pages wide and repeat A:C and rows 1–3; the Journal stays one page wide', () => {
    const workbook = text('xl/workbook.xml');
    const sheets = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((match) => match[1]);
    const printTitles = new Map(
      [...workbook.matchAll(/<definedName name="_xlnm\.Print_Titles" localSheetId="(\d+)">([^<]*)</g)].map((match) => [
        sheets[Number(match[1])],
        match[2].replace(/&apos;/g, "'"),
      ]),
    );
    for (const [path, name] of [
      ['xl/worksheets/sheet3.xml', 'Axe 1'],
      ['xl/worksheets/sheet4.xml', 'Axe 13'],
    ]) {
      expect(sheets[Number(/sheet(\d+)/.exec(path)![1]) - 1]).toBe(name);
      const xml = text(path);
      expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
      const pageSetup = /<pageSetup\b[^>]*\/>/.exec(xml)![0];
      expect(pageSetup).toMatch(/\bpaperSize="9"/);
      expect(pageSetup).toMatch(/\borientation="landscape"/);
      expect(pageSetup).toMatch(/\bfitToHeight="0"/);
      expect(Number(/\bfitToWidth="(\d+)"/.exec(pageSetup)![1])).toBeGreaterThan(1);
      expect(printTitles.get(name)).toBe(`'${name}'!$A:$C,'${name}'!$1:$3`);
    }
    const journal = text(`xl/worksheets/sheet${sheets.indexOf('Journal') + 1}.xml`);
    expect(/<pageSetup\b[^>]*\/>/.exec(journal)![0]).toMatch(/\bfitToWidth="1" fitToHeight="0"/);
    expect(printTitles.get('Journal')).toBe("'Journal'!$1:$1");
  });

  test('the date validation of Dernière mise à jour is bounded by whole-day serials (2000-01-01 to 2100-12-31)', () => {
    const axis = text('xl/worksheets/sheet3.xml');
    const dates = [
      ...axis.matchAll(
        /<dataValidation type="date"[^>]*sqref="([^"]+)"><formula1>([^<]*)<\/formula1><formula2>([^<]*)</g,
      ),
    ];
    expect(dates.map((match) => match[1]).sort()).toEqual(['P11', 'P4', 'P8']);
    for (const match of dates) expect([match[2], match[3]]).toEqual(['36526', '73415']);
  });
});
