import ExcelJS from 'exceljs';
import { readXlsx } from '../../src/xlsx/reader';
import { asExcelGivesBack, createFakeExcel, FakeContext } from './index';

/**
 * The fake's snapshot must have exactly the shape of the .xlsx reader's grids, so that the same use-case assertions
 * run on both back ends. The same content is written once as a file (ExcelJS, with cached formula results, as
 * Excel saves them) and once through the fake, then both are compared whole.
 */
describe('grid parity with the .xlsx reader', () => {
  it('gives the same WorkbookGrids for values, text in @ cells, formulas, errors, dates, gaps and a hidden sheet', async () => {
    const book = new ExcelJS.Workbook();
    const axis = book.addWorksheet('Axe 1');
    axis.getCell('A1').value = 'Axe 1 – Titre';
    axis.getCell('A3').value = 'G1';
    axis.getCell('B3').value = 12.5;
    axis.getCell('C3').value = true;
    axis.getCell('D3').numFmt = '@';
    axis.getCell('D3').value = '=1+1';
    axis.getCell('E3').value = { formula: "B3*2+'_ctg'!B1", result: 26 };
    axis.getCell('F3').numFmt = 'dd/mm/yyyy';
    axis.getCell('F3').value = 46023;
    axis.getCell('H5').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    const meta = book.addWorksheet('_ctg', { state: 'hidden' });
    meta.getCell('A1').value = 'version';
    meta.getCell('B1').value = 1;
    const file = readXlsx(new Uint8Array(await book.xlsx.writeBuffer()));
    if (!file.ok) throw new Error(JSON.stringify(file.error));

    const fake = createFakeExcel({ sheets: ['Axe 1', '_ctg'] });
    await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.getItem('Axe 1');
      sheet.getRange('A1').values = [['Axe 1 – Titre']];
      sheet.getRange('D3').numberFormat = [['@']];
      sheet.getRange('F3').numberFormat = [['dd/mm/yyyy']];
      sheet.getRange('A3:F3').formulas = [['G1', 12.5, true, '=1+1', "=B3*2+'_ctg'!B1", 46023]];
      sheet.getRange('H5').formulas = [['=1/0']];
      const hidden = context.workbook.worksheets.getItem('_ctg');
      hidden.getRange('A1:B1').values = [['version', 1]];
      hidden.visibility = 'Hidden';
      await context.sync();
    });

    expect(fake.inspect.snapshotWorkbook()).toEqual(asExcelGivesBack(file.grids));
    // Excel gives a sheet's name back without the quotes it does not need.
    expect(fake.inspect.snapshotWorkbook().sheets[0].rows[2][4]?.formula).toBe('B3*2+_ctg!B1');
    expect(file.grids.sheets[0].rows[2][3]).toEqual({ value: '=1+1' });
  });
});
