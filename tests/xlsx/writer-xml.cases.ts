import { strFromU8, unzipSync } from 'fflate';
import { samplePlan } from '../layout/helpers/sample-plan';
import { generateBytes } from './helpers/generate-bytes';
import { orderViolations, SHEET_PR_CHILD_ORDER, WORKSHEET_CHILD_ORDER, worksheetChildren } from './helpers/ooxml-order';
import { orderSheetPrChildren } from '../../src/xlsx/writer/post-process';

let files: Record<string, Uint8Array>;

beforeAll(async () => {
  const { bytes } = await generateBytes(samplePlan(), new Date('2026-11-28T10:00:00Z'));
  files = unzipSync(bytes);
});

const text = (path: string) => strFromU8(files[path]);
const worksheetPaths = () => Object.keys(files).filter((path) => /^xl\/worksheets\/sheet\d+\.xml$/.test(path));

describe('the written XML, as Excel validates it', () => {
  test('every worksheet’s elements and <sheetPr> children come in schema order', () => {
    expect(worksheetPaths()).toHaveLength(10);
    for (const path of worksheetPaths()) {
      const { top, sheetPr } = worksheetChildren(text(path));
      expect({ path, violations: orderViolations(top, WORKSHEET_CHILD_ORDER) }).toEqual({ path, violations: [] });
      expect({ path, violations: orderViolations(sheetPr, SHEET_PR_CHILD_ORDER) }).toEqual({ path, violations: [] });
    }
    // No outline, so no outlinePr: the axis sheets' <sheetPr> holds the page setup alone.
    expect(worksheetChildren(text('xl/worksheets/sheet3.xml')).sheetPr).toEqual(['pageSetUpPr']);
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

  test('workbook.xml names each sheet-level autofilter range (_xlnm._FilterDatabase, hidden, local to the sheet)', () => {
    const workbook = text('xl/workbook.xml');
    const sheets = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((match) => match[1]);
    const journalIndex = sheets.indexOf('Journal');
    expect(journalIndex).toBe(sheets.indexOf('Compétences AO') + 1);
    expect(workbook).toMatch(/<definedNames>[\s\S]*<\/definedNames>/);
    const filterNames = [...workbook.matchAll(/<definedName name="_xlnm\._FilterDatabase"([^>]*)>([^<]*)</g)];
    expect(filterNames.map((match) => [match[1].trim(), match[2]])).toEqual([
      // The axis sheets' filters over their header and data rows.
      [`localSheetId="2" hidden="1"`, "'Axe 1'!$A$3:$AS$12"],
      [`localSheetId="3" hidden="1"`, "'Axe 13'!$A$3:$AS$6"],
      [`localSheetId="${journalIndex}" hidden="1"`, "'Journal'!$A$1:$L$2"],
      // Historique, written from the start with its header row only, right after the Journal.
      [`localSheetId="${journalIndex + 1}" hidden="1"`, "'Historique'!$A$1:$E$1"],
      // Contributions likewise, right after it (Archives comes between them from its first value).
      [`localSheetId="${journalIndex + 2}" hidden="1"`, "'Contributions'!$A$1:$H$1"],
    ]);
    expect(workbook.indexOf('<definedNames>')).toBeLessThan(workbook.indexOf('<calcPr'));
  });

  test('no table part and no grouped row: the axis sheets filter with a sheet-level autofilter', () => {
    expect(Object.keys(files).filter((path) => /^xl\/tables\//.test(path))).toEqual([]);
    expect(text('[Content_Types].xml')).not.toMatch(/table\+xml/);
    for (const [path, ref] of [
      ['xl/worksheets/sheet3.xml', 'A3:AS12'],
      ['xl/worksheets/sheet4.xml', 'A3:AS6'],
    ]) {
      const axis = text(path);
      expect(axis).toContain(`<autoFilter ref="${ref}"/>`);
      expect(axis).not.toMatch(/outlineLevel="[1-9]|<tableParts/);
      expect(axis).toMatch(/<sheetProtection\b[^>]*\bautoFilter="0"/);
    }
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
