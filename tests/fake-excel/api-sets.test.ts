import * as fs from 'fs';
import * as path from 'path';
import { excelApiTable } from '../helpers/office-api-typings';
import { MODELLED_EXCEL_CLASSES, requiredApiVersion } from './api-sets';
import { createFakeExcel, FakeContext } from './index';

const TABLE_FILE = path.join(__dirname, 'excel-api-sets.json');

describe("the fake's requirement sets", () => {
  it('are those of @types/office-js for every modelled class (CTG_WRITE_API_SETS=1 rewrites the table)', () => {
    const fromTypings = excelApiTable(MODELLED_EXCEL_CLASSES);
    if (process.env.CTG_WRITE_API_SETS === '1')
      fs.writeFileSync(TABLE_FILE, `${JSON.stringify(fromTypings, null, 2)}\n`);
    expect(JSON.parse(fs.readFileSync(TABLE_FILE, 'utf8'))).toEqual(fromTypings);
    // Every listed class is in the typings (a misspelt one would gate nothing).
    const classes = new Set(
      [...Object.keys(fromTypings.versions), ...Object.keys(fromTypings.types)].map((k) => k.split('.')[0]),
    );
    expect(MODELLED_EXCEL_CLASSES.filter((name) => !classes.has(name))).toEqual([]);
  });

  it('follow a path through sub-objects', () => {
    expect(requiredApiVersion('Range.group')).toBe('1.10');
    expect(requiredApiVersion('Range.values')).toBeUndefined();
    expect(requiredApiVersion('PageLayout.zoom')).toBe('1.9');
    expect(requiredApiVersion('Worksheet.autoFilter')).toBe('1.9');
    expect(requiredApiVersion('ConditionalFormat.dataBar.positiveFormat.fillColor')).toBe('1.6');
    expect(requiredApiVersion('Chart.axes.categoryAxis.setCategoryNames')).toBe('1.7');
    expect(requiredApiVersion('WorksheetFreezePanes.instantiate')).toBe('1.7');
  });
});

describe('a fake host of a lower set', () => {
  async function attempt(apiVersion: string, batch: (context: FakeContext) => void): Promise<string> {
    const fake = createFakeExcel({ apiVersion });
    return fake.Excel.run<string>(async (context: FakeContext) => {
      batch(context);
      await context.sync();
      return 'ok';
    }).catch(
      (error: { code: string; debugInfo: { errorLocation: string } }) =>
        `${error.code} ${error.debugInfo.errorLocation}`,
    );
  }
  const sheet = (context: FakeContext) => context.workbook.worksheets.getItem('Feuil1');

  it.each([
    ['1.8', 'Range.group', (c: FakeContext) => sheet(c).getRange('A1:A3').group('ByRows'), 'ApiNotFound Range.group'],
    ['1.9', 'Range.group', (c: FakeContext) => sheet(c).getRange('A1:A3').group('ByRows'), 'ApiNotFound Range.group'],
    ['1.10', 'Range.group', (c: FakeContext) => sheet(c).getRange('A1:A3').group('ByRows'), 'ok'],
    [
      '1.8',
      'page layout',
      (c: FakeContext) => void (sheet(c).pageLayout.orientation = 'Landscape'),
      'ApiNotFound PageLayout.orientation',
    ],
    ['1.9', 'page layout', (c: FakeContext) => void (sheet(c).pageLayout.orientation = 'Landscape'), 'ok'],
    [
      '1.8',
      'a sheet filter',
      (c: FakeContext) => sheet(c).autoFilter.apply(sheet(c).getRange('A1:B2')),
      'ApiNotFound Worksheet.autoFilter',
    ],
    [
      '1.6',
      'freeze panes',
      (c: FakeContext) => sheet(c).freezePanes.freezeRows(1),
      'ApiNotFound Worksheet.freezePanes',
    ],
    [
      '1.6',
      'getRangeByIndexes',
      (c: FakeContext) => void (sheet(c).getRangeByIndexes(0, 0, 1, 1).values = [[1]]),
      'ApiNotFound Worksheet.getRangeByIndexes',
    ],
    [
      '1.3',
      'getItemOrNullObject',
      (c: FakeContext) => void c.workbook.worksheets.getItemOrNullObject('Feuil1').load('name'),
      'ApiNotFound WorksheetCollection.getItemOrNullObject',
    ],
    ['1.8', 'showGridlines', (c: FakeContext) => void (sheet(c).showGridlines = false), 'ok'],
    [
      '1.7',
      'showGridlines',
      (c: FakeContext) => void (sheet(c).showGridlines = false),
      'ApiNotFound Worksheet.showGridlines',
    ],
  ])('ExcelApi %s: %s', async (version, _what, batch, expected) => {
    expect(await attempt(version, batch)).toBe(expected);
  });
});
