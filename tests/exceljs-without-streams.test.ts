// The suites' `exceljs` (tests/exceljs-without-streams.ts) is the package's entry with its streaming reader and
// writer required late: the same exports, each the package's own.
import * as fs from 'fs';
import * as path from 'path';
import * as mapped from 'exceljs';

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
});
