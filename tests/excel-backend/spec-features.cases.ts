import { columnLetters } from '../../src/layout/a1';
import type { CellSpec, SheetSpec, WorkbookSpec } from '../../src/layout/workbook-spec';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { columnWidthInPoints } from '../../src/layout/column-width';
import { MIN_PRINT_SCALE, pagesWideAtScale } from '../../src/layout/print-width';
import type { FakeExcel } from '../fake-excel';
import { samplePlan } from '../layout/helpers/sample-plan';
import { generateOnFake } from './helpers/run-on-fake';

/**
 * What the Office.js back end leaves in Excel besides values, inspected on the fake and compared with the spec the
 * layout built (the same spec the .xlsx writer translates): sheets and visibility, protection with its options,
 * widths, number formats, fills, locks, validations, frozen panes, sheet filters, names, conditional formats,
 * print setup, document properties.
 */
const today = new Date('2026-11-28T10:00:00Z');
let fake: FakeExcel;
let spec: WorkbookSpec;

beforeAll(async () => {
  spec = (await buildNewWorkbook(samplePlan(), { today })).spec;
  ({ fake } = await generateOnFake(samplePlan(), today));
}, 120_000);

const sheetsWith =
  <K extends keyof SheetSpec>(key: K) =>
  () =>
    spec.sheets.filter((sheet) => sheet[key] !== undefined);

function eachCell(sheet: SheetSpec, visit: (address: string, cell: CellSpec, column: number) => void): void {
  sheet.rows.forEach((row, r) =>
    row.cells.forEach((cell, c) => {
      if (cell) visit(`${columnLetters(c + 1)}${r + 1}`, cell, c);
    }),
  );
}

test("the spec's sheets in its order, _ctg hidden, the new workbook's empty sheet gone", () => {
  expect(fake.inspect.sheets().map(({ name, visibility }) => [name, visibility])).toEqual(
    spec.sheets.map((sheet) => [sheet.name, sheet.visibility === 'hidden' ? 'Hidden' : 'Visible']),
  );
  expect(fake.inspect.sheetNames()).toContain('_ctg');
  expect(fake.inspect.activeSheet()).toBe(spec.sheets[0].name);
});

test('protected sheets: no password, autofilter and column/row sizing allowed, sorting and inserting not', () => {
  const protectedSheets = spec.sheets.filter((sheet) => sheet.protection);
  expect(protectedSheets.length).toBeGreaterThan(2);
  for (const sheet of spec.sheets) {
    const found = fake.inspect.protection(sheet.name);
    expect(found.protected).toBe(Boolean(sheet.protection));
    if (!sheet.protection) continue;
    expect(found.options).toMatchObject({
      allowAutoFilter: sheet.protection.allowAutoFilter,
      allowFormatColumns: sheet.protection.allowFormatColumns,
      allowFormatRows: sheet.protection.allowFormatRows,
      allowSort: false,
      allowInsertRows: false,
      allowDeleteRows: false,
    });
  }
});

test('column widths converted from characters to points', () => {
  // Excel's default column (8.43 characters, stored 9.140625) is 64 px = 48 pt.
  expect(columnWidthInPoints(9.140625)).toBe(48);
  for (const sheet of spec.sheets)
    sheet.columns.forEach((column, index) =>
      expect([sheet.name, index, fake.inspect.columnWidth(sheet.name, columnLetters(index + 1))]).toEqual([
        sheet.name,
        index,
        columnWidthInPoints(column.width),
      ]),
    );
});

test('every written cell has its number format, fill, boldness, wrapping and lock (formulas in @ cells too)', () => {
  for (const sheet of spec.sheets)
    eachCell(sheet, (address, cell, column) => {
      const format = fake.inspect.format(sheet.name, address);
      const style = cell.style ?? {};
      const expected = {
        numberFormat: style.numFmt ?? sheet.columns[column]?.numFmt ?? 'General',
        bold: Boolean(style.bold),
        fillColor: style.fill ? `#${style.fill}` : null,
        wrapText: Boolean(style.wrap),
        locked: style.locked !== false,
      };
      const found = {
        numberFormat: format.numberFormat,
        bold: format.bold,
        fillColor: format.fillColor,
        wrapText: format.wrapText,
        locked: format.locked,
      };
      expect([sheet.name, address, found]).toEqual([sheet.name, address, expected]);
    });
});

test('a text that looks like a formula stays text', () => {
  const texts: [string, string, string][] = [];
  for (const sheet of spec.sheets)
    eachCell(sheet, (address, cell) => {
      if (typeof cell.value === 'string' && cell.value.startsWith('=')) texts.push([sheet.name, address, cell.value]);
    });
  expect(texts.length).toBeGreaterThan(0);
  for (const [sheet, address, text] of texts) expect(fake.inspect.formulas(sheet, address)).toEqual([[text]]);
});

test('validations on every range of the spec, with their alert', () => {
  for (const sheet of spec.sheets)
    for (const validation of sheet.validations)
      for (const range of validation.ranges) {
        const corners = range.split(':');
        for (const corner of corners) {
          const details = fake.inspect.validationDetailsAt(sheet.name, corner);
          const rule =
            validation.kind === 'list'
              ? { list: { inCellDropDown: true, source: `=${validation.source}` } }
              : validation.kind === 'date'
                ? { date: { operator: 'Between', formula1: validation.min, formula2: validation.max } }
                : {
                    [validation.kind === 'whole' ? 'wholeNumber' : 'decimal']: {
                      operator: 'Between',
                      formula1: validation.min,
                      formula2: validation.max,
                    },
                  };
          expect([sheet.name, corner, details]).toEqual([
            sheet.name,
            corner,
            {
              rule,
              ignoreBlanks: true,
              prompt: undefined,
              errorAlert: { showAlert: true, style: 'Stop', title: validation.errorTitle, message: validation.error },
            },
          ]);
        }
      }
});

test('frozen panes', () => {
  for (const sheet of sheetsWith('freeze')()) expect(fake.inspect.freezePanes(sheet.name)).toEqual(sheet.freeze);
});

test('no table and no outline group: every sheet filter is a sheet-level autofilter; defined names', () => {
  // A protected sheet lets people use a sheet filter's arrows, never a table's or the outline buttons.
  expect(fake.inspect.tables()).toEqual([]);
  for (const sheet of spec.sheets)
    expect([sheet.name, fake.inspect.rowOutlineLevels(sheet.name)]).toEqual([sheet.name, {}]);
  expect(sheetsWith('autoFilter')().map((sheet) => sheet.name)).toEqual(
    expect.arrayContaining(spec.sheets.filter((sheet) => /^Axe \d+$/.test(sheet.name)).map((sheet) => sheet.name)),
  );
  for (const sheet of sheetsWith('autoFilter')()) expect(fake.inspect.autoFilter(sheet.name)).toBe(sheet.autoFilter);
  expect(fake.inspect.names().map(({ name, formula }) => ({ name, formula }))).toEqual(
    spec.definedNames.map((name) => ({ name: name.name, formula: `=${name.ref}` })),
  );
});

test('conditional formats in the spec’s order of priority', () => {
  for (const sheet of spec.sheets) {
    // Data bars are Excel's addition to the spec (excel-visuals.cases.ts).
    const found = fake.inspect.conditionalFormats(sheet.name).filter((format) => format.type !== 'DataBar');
    expect(found.map((format) => format.address)).toEqual(sheet.conditionalFormats.map((format) => format.range));
    sheet.conditionalFormats.forEach((format, index) => {
      const type = { cellValue: 'CellValue', expression: 'Custom', colorScale: 'ColorScale' }[format.kind];
      expect(found[index].type).toBe(type);
      if (format.kind === 'expression')
        expect(found[index].settings).toMatchObject({ custom: { rule: { formula: `=${format.formula}` } } });
      if (format.kind === 'colorScale') {
        const thresholds = format.thresholds;
        const last = format.colors.length - 1;
        const criterion = (at: number, type: string) =>
          thresholds
            ? { type: 'Number', formula: String(thresholds[at]), color: `#${format.colors[at]}` }
            : { type, color: `#${format.colors[at]}` };
        expect(found[index].settings).toMatchObject({
          colorScale: { criteria: { minimum: criterion(0, 'LowestValue'), maximum: criterion(last, 'HighestValue') } },
        });
      }
    });
  }
});

test('print setup and document properties', () => {
  for (const sheet of sheetsWith('print')()) {
    const print = sheet.print!;
    expect(fake.inspect.pageLayout(sheet.name)).toEqual({
      orientation: print.orientation === 'landscape' ? 'Landscape' : 'Portrait',
      paperSize: 'A4',
      // A scale, the documented way to print as many pages tall as needed (no fit-to-pages value says it).
      zoom: { scale: expect.any(Number) },
      ...(print.titleRows ? { setPrintTitleRows: [[`$${print.titleRows.first}:$${print.titleRows.last}`]] } : {}),
      ...(print.titleColumns
        ? {
            setPrintTitleColumns: [
              [`$${columnLetters(print.titleColumns.first)}:$${columnLetters(print.titleColumns.last)}`],
            ],
          }
        : {}),
    });
  }
  // The axis sheets: several pages across, Clé to Intitulé repeated at the left of each page.
  const axis = fake.inspect.pageLayout('Axe 1');
  const axisSpec = spec.sheets.find((sheet) => sheet.name === 'Axe 1')!;
  const axisScale = (axis.zoom as { scale: number }).scale / 100;
  // Readable, on the pages across the layout asked for (tests/layout/axis-print.cases.ts checks the scale itself).
  expect(axisScale).toBeGreaterThanOrEqual(MIN_PRINT_SCALE / 1.02);
  expect(pagesWideAtScale(axisSpec.columns, 'landscape', axisSpec.print!.titleColumns, axisScale)).toBeLessThanOrEqual(
    axisSpec.print!.fitToWidth as number,
  );
  expect(axis.setPrintTitleColumns).toEqual([['$A:$C']]);
  // The Journal prints one page wide, reduced as much as that needs.
  const journalSpec = spec.sheets.find((sheet) => sheet.name === 'Journal')!;
  const journalScale = (fake.inspect.pageLayout('Journal').zoom as { scale: number }).scale / 100;
  expect(journalScale).toBeLessThan(1);
  expect(pagesWideAtScale(journalSpec.columns, 'landscape', undefined, journalScale)).toBe(1);
  expect(fake.inspect.pageLayout('Journal').setPrintTitleColumns).toBeUndefined();
  expect(fake.inspect.documentProperties()).toMatchObject({
    title: spec.properties.title,
    author: spec.properties.creator,
  });
});

test('merged cells', () => {
  for (const sheet of spec.sheets) expect(fake.inspect.merges(sheet.name)).toEqual(sheet.merges);
});
