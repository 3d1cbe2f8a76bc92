// The suites' `exceljs` (tests/exceljs-without-streams.ts) is the package's entry with its streaming reader and
// writer required late: the same exports, each the package's own.
import * as fs from 'fs';
import * as path from 'path';
import * as mapped from 'exceljs';
import { packageRender } from './exceljs-validations-compared-once';

/* eslint-disable @typescript-eslint/no-require-imports */
const XmlStream = require('exceljs/lib/utils/xml-stream') as new () => { xml: string };
const DataValidationsXform = require('exceljs/lib/xlsx/xform/sheet/data-validations-xform') as {
  new (): unknown;
  prototype: { render(xmlStream: unknown, model: unknown): unknown };
};
/* eslint-enable @typescript-eslint/no-require-imports */

interface ValidationsHolder {
  model: Record<string, unknown>;
  add(address: string, rule: object): void;
}

const ENTRY = path.join(__dirname, '..', 'node_modules', 'exceljs', 'lib', 'exceljs.nodejs.js');

describe('ExcelJS as the suites load it', () => {
  it('is what the package’s main file exports for Node', () => {
    const main = require.resolve('exceljs/package.json').replace(/package\.json$/, 'excel.js');
    expect(fs.readFileSync(main, 'utf8')).toContain("require('./lib/exceljs.nodejs.js')");
  });

  it('has the same exports, each the package’s own', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const whole = require(ENTRY) as Record<string, unknown> & { stream: { xlsx: Record<string, unknown> } };
    const shown = mapped as unknown as Record<string, unknown> & { stream: { xlsx: Record<string, unknown> } };
    const own = (exports: Record<string, unknown>) => Object.keys(exports).filter((key) => key !== 'default');
    expect(own(shown).sort()).toEqual(Object.keys(whole).sort());
    for (const key of Object.keys(whole).filter((name) => name !== 'stream'))
      expect([key, shown[key]]).toEqual([key, whole[key]]);
    expect(Object.keys(shown.stream.xlsx).sort()).toEqual(Object.keys(whole.stream.xlsx).sort());
    for (const key of Object.keys(whole.stream.xlsx)) expect(shown.stream.xlsx[key]).toBe(whole.stream.xlsx[key]);
  });

  it('writes a workbook the package reads back', async () => {
    const workbook = new mapped.Workbook();
    workbook.addWorksheet('Feuille').getCell('B2').value = 'Été';
    const read = new mapped.Workbook();
    await read.xlsx.load(await workbook.xlsx.writeBuffer());
    expect(read.getWorksheet('Feuille')?.getCell('B2').value).toBe('Été');
  });

  it('writes back the validations of a file it read exactly as the package does', async () => {
    // A file whose validations the reader spreads over every cell of their ranges, one object for each range;
    // a NaN bound (not equal to itself for ExcelJS), alone and over a range; a rule written again at one cell.
    const made = new mapped.Workbook();
    const sheet = made.addWorksheet('Axe 1') as unknown as { dataValidations: ValidationsHolder };
    const list = { type: 'list', allowBlank: true, formulae: ['"Oui,Non"'] };
    sheet.dataValidations.add('B2:D40', list);
    sheet.dataValidations.add('E2:E40', list);
    sheet.dataValidations.add('F2:G9', { type: 'decimal', operator: 'between', formulae: [Number.NaN, 1] });
    sheet.dataValidations.add('H3', { type: 'decimal', operator: 'between', formulae: [Number.NaN, 2] });
    sheet.dataValidations.add('C41', { ...list });
    const read = new mapped.Workbook();
    await read.xlsx.load(await made.xlsx.writeBuffer());
    const { model } = (read.getWorksheet('Axe 1') as unknown as { dataValidations: ValidationsHolder }).dataValidations;
    expect(Object.keys(model)).toHaveLength(3 * 39 + 39 + 2 * 8 + 2);
    const written = (render: (xmlStream: unknown, model: unknown) => unknown) => {
      const xml = new XmlStream();
      render.call(new DataValidationsXform(), xml, model);
      return xml.xml;
    };
    const expected = written(packageRender);
    expect(expected).toContain('sqref="B2:E40"');
    expect(written(DataValidationsXform.prototype.render)).toBe(expected);
  });
});
