import { createFakeExcel, FakeContext } from './index';

describe('range writes', () => {
  it('refuses a 2-D array whose shape differs from the range with InvalidArgument, writing nothing', async () => {
    const fake = createFakeExcel();
    const run = (values: unknown[][]) =>
      fake.Excel.run(async (context: FakeContext) => {
        context.workbook.worksheets.getItem('Feuil1').getRange('A1:C2').values = values;
        await context.sync();
      });
    await expect(run([[1, 2, 3]])).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      run([
        [1, 2],
        [3, 4],
      ]),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      run([
        [1, 2, 3],
        [4, 5],
      ]),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(fake.inspect.values('Feuil1', 'A1:C2')).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
    await run([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(fake.inspect.values('Feuil1', 'A1:C2')).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('keeps text written into a cell formatted @ as text, even "=…", "12" or "TRUE"', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context: FakeContext) => {
      const range = context.workbook.worksheets.getItem('Feuil1').getRange('A1:D1');
      range.numberFormat = [['@', '@', '@', '@']];
      range.values = [['=1+1', '12', 'TRUE', '0042']];
      await context.sync();
    });
    expect(fake.inspect.values('Feuil1', 'A1:D1')).toEqual([['=1+1', '12', 'TRUE', '0042']]);
    expect(fake.inspect.snapshotGrid('Feuil1').rows[0]).toEqual([
      { value: '=1+1' },
      { value: '12' },
      { value: 'TRUE' },
      { value: '0042' },
    ]);
  });

  it('types input like Excel in a General cell: "=…" becomes a formula, "12" a number, "TRUE" a boolean', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context: FakeContext) => {
      // Values before the @ format: too late, the formula is already parsed (the order the back end must avoid).
      const range = context.workbook.worksheets.getItem('Feuil1').getRange('A1:D1');
      range.values = [['=1+1', '12', 'true', '0042']];
      range.numberFormat = [['@', '@', '@', '@']];
      await context.sync();
    });
    expect(fake.inspect.values('Feuil1', 'A1:D1')).toEqual([[2, 12, true, 42]]);
    expect(fake.inspect.formulas('Feuil1', 'A1')).toEqual([['=1+1']]);
  });

  it('reads formulas back with their leading "=", and constants as values; "" clears a cell and null leaves it', async () => {
    const fake = createFakeExcel();
    fake.seed.sheet('Feuil1', [[1, 'garde', 'efface']]);
    await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.getItem('Feuil1');
      sheet.getRange('A1:C1').formulas = [['=A2*2', null, '']];
      sheet.getRange('A2').values = [[21]];
      const range = sheet.getRange('A1:C1').load('values, formulas, valueTypes, text');
      await context.sync();
      expect(range.formulas).toEqual([['=A2*2', 'garde', '']]);
      expect(range.values).toEqual([[42, 'garde', '']]);
      expect(range.valueTypes).toEqual([['Double', 'String', 'Empty']]);
      expect(range.text).toEqual([['42', 'garde', '']]);
    });
  });

  it('refuses null for a whole property, and resets a number format given as ""', async () => {
    const fake = createFakeExcel();
    const attempt = (change: (context: FakeContext) => void) =>
      fake.Excel.run(async (context: FakeContext) => {
        change(context);
        await context.sync();
      });
    const cell = (context: FakeContext) => context.workbook.worksheets.getItem('Feuil1').getRange('A1:B1');
    await expect(attempt((c) => (cell(c).values = null as unknown as unknown[][]))).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    await expect(attempt((c) => (cell(c).format.fill.color = null as unknown as string))).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    await attempt((c) => {
      cell(c).numberFormat = [['@', '0.00']];
      cell(c).numberFormat = [['', null]];
      cell(c).format.fill.color = '#FFFF00';
      cell(c).format.fill.clear();
    });
    expect([
      fake.inspect.format('Feuil1', 'A1').numberFormat,
      fake.inspect.format('Feuil1', 'B1').numberFormat,
    ]).toEqual(['General', '0.00']);
    expect(fake.inspect.format('Feuil1', 'A1').fillColor).toBeNull();
  });

  it('applies a single number format to every cell of the range and reads it per cell', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context: FakeContext) => {
      const range = context.workbook.worksheets.getItem('Feuil1').getRange('B2:C3');
      range.numberFormat = 'dd/mm/yyyy' as unknown as unknown[][];
      range.values = [
        [46023, 46024],
        [46025, ''],
      ];
      range.load('numberFormat, text');
      await context.sync();
      expect(range.numberFormat).toEqual([
        ['dd/mm/yyyy', 'dd/mm/yyyy'],
        ['dd/mm/yyyy', 'dd/mm/yyyy'],
      ]);
      expect(range.text[0][0]).toBe('01/01/2026');
    });
    expect(fake.inspect.snapshotGrid('Feuil1').rows[1][1]).toEqual({ value: 46023, isDate: true });
  });

  it('derives ranges by offset, resize and cell, and gives their address with the sheet quoted when needed', async () => {
    const fake = createFakeExcel({ sheets: ['Annexe 4 – Suivi'] });
    await fake.Excel.run(async (context: FakeContext) => {
      const base = context.workbook.worksheets.getItem('Annexe 4 – Suivi').getRange('B2');
      const ranges = [
        base.getOffsetRange(1, 2),
        base.getResizedRange(2, 1),
        base.getResizedRange(0, 1).getCell(0, 1),
        base.getEntireColumn(),
        base.getEntireRow(),
      ];
      ranges.forEach((r) => r.load('address'));
      await context.sync();
      expect(ranges.map((r) => r.address)).toEqual([
        "'Annexe 4 – Suivi'!D3",
        "'Annexe 4 – Suivi'!B2:C4",
        "'Annexe 4 – Suivi'!C2",
        "'Annexe 4 – Suivi'!B:B",
        "'Annexe 4 – Suivi'!2:2",
      ]);
    });
  });

  it('records formats, widths and heights per cell, column and row', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.getItem('Feuil1');
      const header = sheet.getRange('A1:C1');
      header.format.font.bold = true;
      header.format.font.color = '#FFFFFF';
      header.format.fill.color = '#1F4E78';
      header.format.wrapText = true;
      header.format.horizontalAlignment = 'Center';
      header.format.rowHeight = 30;
      sheet.getRange('B:B').format.columnWidth = 120;
      sheet.getRange('C2:C9').format.protection.locked = false;
      const read = sheet.getRange('A1:B1').load('format/columnWidth, format/font/bold');
      await context.sync();
      // Mixed widths read as null, as Excel reports them.
      expect(read.format.columnWidth).toBeNull();
      expect(read.format.font.bold).toBe(true);
    });
    expect(fake.inspect.format('Feuil1', 'B1')).toMatchObject({
      bold: true,
      fontColor: '#FFFFFF',
      fillColor: '#1F4E78',
      wrapText: true,
      horizontalAlignment: 'Center',
    });
    expect(fake.inspect.format('Feuil1', 'C5').locked).toBe(false);
    expect(fake.inspect.format('Feuil1', 'C10').locked).toBe(true);
    expect(fake.inspect.columnWidths('Feuil1')).toEqual({ B: 120 });
    expect(fake.inspect.rowHeights('Feuil1')).toEqual({ 1: 30 });
  });

  it('keeps a whole-column @ format without expanding it, later cell formats winning', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.getItem('Feuil1');
      sheet.getRange('C:C').numberFormat = '@' as unknown as unknown[][];
      sheet.getRange('C3').numberFormat = [['0']];
      sheet.getRange('C2:C3').values = [['=1+1'], ['=1+1']];
      await context.sync();
    });
    expect(fake.inspect.values('Feuil1', 'C2:C3')).toEqual([['=1+1'], [2]]);
    expect(fake.inspect.format('Feuil1', 'C1000000').numberFormat).toBe('@');
  });
});
