// The suites' `exceljs` (tests/exceljs-without-streams.ts) is the package's entry with its streaming reader and
// writer required late: the same exports, each the package's own.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as mapped from 'exceljs';
import { unzipSync } from 'fflate';
import { packageLoad } from './exceljs-loads-kept';
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

  it('reads bytes it read before to the same workbook as the package does, with objects of its own', async () => {
    const made = new mapped.Workbook();
    const sheet = made.addWorksheet('Axe 1');
    sheet.getCell('A1').value = 'Clé';
    sheet.getCell('B2').value = { formula: 'A2*2', result: 4 } as mapped.CellFormulaValue;
    sheet.getCell('C3').value = new Date(Date.UTC(2026, 2, 31));
    for (const address of ['A2', 'A3']) sheet.getCell(address).font = { bold: true };
    sheet.mergeCells('D1:E1');
    const bytes = (await made.xlsx.writeBuffer()) as mapped.Buffer;
    // Written after a row inserted above them, as a test edits a copy: the cells moved are set again, a date too.
    const parts = async (workbook: mapped.Workbook) => {
      workbook.getWorksheet('Axe 1')!.spliceRows(1, 0, []);
      return unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
    };
    const ownRead = new mapped.Workbook();
    await packageLoad.call(ownRead.xlsx, bytes);
    expect(ownRead.getWorksheet('Axe 1')!.getCell('C3').value).toBeInstanceOf(Date);
    const own = await parts(ownRead);

    const first = new mapped.Workbook();
    await first.xlsx.load(bytes);
    // The first load's workbook changed as a test changes its copy: the next loads do not see it.
    first.getWorksheet('Axe 1')!.getCell('A1').value = 'changée';
    first.getWorksheet('Axe 1')!.getCell('A2').font.bold = false;
    first.addWorksheet('Ajoutée');
    const again = new mapped.Workbook();
    await again.xlsx.load(bytes);
    expect(again.worksheets.map((one) => one.name)).toEqual(['Axe 1']);
    expect(again.getWorksheet('Axe 1')!.getCell('A1').value).toBe('Clé');
    expect(again.getWorksheet('Axe 1')!.getCell('A3').font.bold).toBe(true);
    expect(await parts(again)).toEqual(own);
    // The same with the second's changed in turn, read through a file as the tests do.
    again.getWorksheet('Axe 1')!.getCell('B2').value = 7;
    again.getWorksheet('Axe 1')!.getCell('A3').font.bold = false;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ctg-exceljs-')), 'suivi.xlsx');
    fs.writeFileSync(file, new Uint8Array(bytes));
    const third = new mapped.Workbook();
    await third.xlsx.readFile(file);
    expect(third.getWorksheet('Axe 1')!.getCell('B2').value).toEqual({ formula: 'A2*2', result: 4 });
    expect(third.getWorksheet('Axe 1')!.getCell('A3').font.bold).toBe(true);
    expect(await parts(third)).toEqual(own);
  });

  it('reads a file with an image as the package does every time, its bytes a Buffer', async () => {
    const made = new mapped.Workbook();
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    made
      .addWorksheet('Guide')
      .addImage(made.addImage({ buffer: png as unknown as mapped.Buffer, extension: 'png' }), 'B2:C3');
    const bytes = (await made.xlsx.writeBuffer()) as mapped.Buffer;
    for (let load = 0; load < 2; load++) {
      const read = new mapped.Workbook();
      await read.xlsx.load(bytes);
      const image = read.getImage(0) as unknown as { buffer: unknown };
      expect(Buffer.isBuffer(image.buffer)).toBe(true);
      expect(Buffer.from(image.buffer as Buffer).equals(png)).toBe(true);
    }
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
