import { createFakeExcel, FakeContext } from './index';

describe('protection', () => {
  const protectedSheet = async () => {
    const fake = createFakeExcel({ sheets: ['Axe 1'] });
    await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.getItem('Axe 1');
      sheet.getRange('B2:B5').format.protection.locked = false;
      sheet.protection.protect({ allowAutoFilter: true });
      await context.sync();
    });
    return fake;
  };

  it('refuses a value in a locked cell of a protected sheet with AccessDenied, and accepts unlocked cells', async () => {
    const fake = await protectedSheet();
    const write = (address: string, values: unknown[][]) =>
      fake.Excel.run(async (context: FakeContext) => {
        context.workbook.worksheets.getItem('Axe 1').getRange(address).values = values;
        await context.sync();
      });
    await expect(write('A2', [['non']])).rejects.toMatchObject({ code: 'AccessDenied' });
    // One locked cell in the block refuses the whole write.
    await expect(write('B5:B6', [['oui'], ['non']])).rejects.toMatchObject({ code: 'AccessDenied' });
    await write('B2:B3', [['oui'], [12]]);
    expect(fake.inspect.values('Axe 1', 'A2:B6')).toEqual([
      ['', 'oui'],
      ['', 12],
      ['', ''],
      ['', ''],
      ['', ''],
    ]);
    expect(fake.inspect.protection('Axe 1')).toEqual({ protected: true, options: { allowAutoFilter: true } });
  });

  it('refuses formats, locks and validation changes on a protected sheet, and allows them after unprotect', async () => {
    const fake = await protectedSheet();
    const attempt = (change: (context: FakeContext) => void) =>
      fake.Excel.run(async (context: FakeContext) => {
        change(context);
        await context.sync();
      });
    const sheet = (context: FakeContext) => context.workbook.worksheets.getItem('Axe 1');
    await expect(attempt((c) => (sheet(c).getRange('B2').format.font.bold = true))).rejects.toMatchObject({
      code: 'AccessDenied',
    });
    await expect(attempt((c) => (sheet(c).getRange('B2').format.protection.locked = true))).rejects.toMatchObject({
      code: 'AccessDenied',
    });
    await expect(
      attempt((c) => (sheet(c).getRange('B2').dataValidation.rule = { list: { inCellDropDown: true, source: 'a,b' } })),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(attempt((c) => sheet(c).protection.protect())).rejects.toMatchObject({ code: 'InvalidOperation' });
    await attempt((c) => {
      sheet(c).protection.unprotect();
      sheet(c).getRange('A2').values = [['libre']];
    });
    expect(fake.inspect.values('Axe 1', 'A2')).toEqual([['libre']]);
    expect(fake.inspect.protection('Axe 1').protected).toBe(false);
  });

  it('refuses tables, groups, outline levels and filter changes on a protected sheet, whatever its options', async () => {
    const fake = createFakeExcel({ sheets: ['Axe 1'] });
    const attempt = (change: (sheet: ReturnType<FakeContext['workbook']['worksheets']['getItem']>) => void) =>
      fake.Excel.run(async (context: FakeContext) => {
        change(context.workbook.worksheets.getItem('Axe 1'));
        await context.sync();
      });
    await attempt((sheet) => {
      sheet.getRange('A1:B1').values = [['Clé', 'Type']];
      sheet.tables.add('A1:B3', true).name = 'Suivi';
      sheet.autoFilter.apply(sheet.getRange('D1:E3'));
      sheet.protection.protect({ allowAutoFilter: true, allowFormatRows: true, allowSort: true });
    });
    const refused = { code: 'AccessDenied' };
    await expect(attempt((sheet) => sheet.tables.add('G1:H3', true))).rejects.toMatchObject(refused);
    await expect(attempt((sheet) => (sheet.tables.getItem('Suivi').style = 'TableStyleLight1'))).rejects.toMatchObject(
      refused,
    );
    await expect(attempt((sheet) => (sheet.tables.getItem('Suivi').showFilterButton = false))).rejects.toMatchObject(
      refused,
    );
    await expect(attempt((sheet) => sheet.tables.getItem('Suivi').delete())).rejects.toMatchObject(refused);
    await expect(attempt((sheet) => sheet.getRange('2:3').group('ByRows'))).rejects.toMatchObject(refused);
    await expect(attempt((sheet) => sheet.showOutlineLevels(1, 0))).rejects.toMatchObject(refused);
    await expect(attempt((sheet) => sheet.autoFilter.apply(sheet.getRange('D1:E5')))).rejects.toMatchObject(refused);
    await expect(attempt((sheet) => sheet.autoFilter.remove())).rejects.toMatchObject(refused);
    // Hiding rows is row formatting: allowed by allowFormatRows, as a filter hides rows.
    await attempt((sheet) => (sheet.getRange('3:3').rowHidden = true));
    expect(fake.inspect.tables()).toEqual([expect.objectContaining({ name: 'Suivi', address: 'A1:B3' })]);
    expect(fake.inspect.rowOutlineLevels('Axe 1')).toEqual({});

    await attempt((sheet) => {
      sheet.protection.unprotect();
      sheet.protection.protect({ allowAutoFilter: true });
    });
    await expect(attempt((sheet) => (sheet.getRange('2:2').rowHidden = true))).rejects.toMatchObject(refused);
  });

  it('reads protection state through the proxy', async () => {
    const fake = await protectedSheet();
    await fake.Excel.run(async (context: FakeContext) => {
      const protection = context.workbook.worksheets.getItem('Axe 1').protection.load('protected');
      await context.sync();
      expect(protection.protected).toBe(true);
    });
  });
});

describe('workbook structure protection', () => {
  it('refuses adding, renaming and hiding sheets while the workbook is protected', async () => {
    const fake = createFakeExcel({ sheets: ['Guide', '_ctg'] });
    const attempt = (change: (context: FakeContext) => void) =>
      fake.Excel.run(async (context: FakeContext) => {
        change(context);
        await context.sync();
      });
    await attempt((c) => c.workbook.protection.protect());
    expect(fake.inspect.workbookProtected()).toBe(true);
    await expect(attempt((c) => c.workbook.worksheets.add('Axe 1'))).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(attempt((c) => (c.workbook.worksheets.getItem('Guide').name = 'Aide'))).rejects.toMatchObject({
      code: 'AccessDenied',
    });
    await expect(attempt((c) => (c.workbook.worksheets.getItem('_ctg').visibility = 'Hidden'))).rejects.toMatchObject({
      code: 'AccessDenied',
    });
    await attempt((c) => c.workbook.protection.unprotect());
    await attempt((c) => c.workbook.worksheets.add('Axe 1'));
    expect(fake.inspect.sheetNames()).toEqual(['Guide', '_ctg', 'Axe 1']);
  });
});

describe('host limits', () => {
  it('rejects a sync whose loaded data exceed the response limit, delivering nothing', async () => {
    const fake = createFakeExcel({ responsePayloadLimit: 1000 });
    fake.seed.sheet('Feuil1', [Array.from({ length: 20 }, () => 'y'.repeat(100))]);
    await fake.Excel.run(async (context: FakeContext) => {
      const range = context.workbook.worksheets.getItem('Feuil1').getRange('A1:T1').load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('rejects a sync whose queued operations exceed the request payload limit, applying none of them', async () => {
    const fake = createFakeExcel({ requestPayloadLimit: 2500 });
    const big = [Array.from({ length: 20 }, () => 'x'.repeat(100))];
    await expect(
      fake.Excel.run(async (context: FakeContext) => {
        const sheet = context.workbook.worksheets.getItem('Feuil1');
        sheet.getRange('A1').values = [['petit']];
        sheet.getRange('A2:T2').values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.inspect.values('Feuil1', 'A1')).toEqual([['']]);
    expect(fake.stats.history[0].requestBytes).toBeGreaterThan(2500);
    // The same data split in two syncs passes.
    await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.getItem('Feuil1');
      sheet.getRange('A2:J2').values = [big[0].slice(0, 10)];
      await context.sync();
      sheet.getRange('K2:T2').values = [big[0].slice(10)];
      await context.sync();
    });
    expect(fake.inspect.values('Feuil1', 'T2')).toEqual([['x'.repeat(100)]]);
  });

  it('uses 5 MB as the default request limit', async () => {
    const fake = createFakeExcel();
    const row = Array.from({ length: 60 }, () => 'é'.repeat(1000));
    const rows = Array.from({ length: 50 }, () => row); // 3 000 000 characters, 6 MB in UTF-8
    await expect(
      fake.Excel.run(async (context: FakeContext) => {
        context.workbook.worksheets.getItem('Feuil1').getRangeByIndexes(0, 0, 50, 60).values = rows;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  it('rejects every sync with InvalidOperationInCellEditMode while a cell is being edited', async () => {
    const fake = createFakeExcel();
    fake.setCellEditMode(true);
    const write = () =>
      fake.Excel.run(async (context: FakeContext) => {
        context.workbook.worksheets.getItem('Feuil1').getRange('A1').values = [[1]];
        await context.sync();
      });
    await expect(write()).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    fake.setCellEditMode(false);
    await write();
    expect(fake.inspect.values('Feuil1', 'A1')).toEqual([[1]]);
  });

  it('reports the configured ExcelApi version and fails newer members with ApiNotFound', async () => {
    const fake = createFakeExcel({ apiVersion: '1.8' });
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.10')).toBe(false);
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', 1.7)).toBe(true);
    await expect(
      fake.Excel.run(async (context: FakeContext) => {
        context.workbook.worksheets.getItem('Feuil1').getRange('2:4').group('ByRows');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(createFakeExcel().Office.context.requirements.isSetSupported('ExcelApi', '1.12')).toBe(true);
    expect(createFakeExcel().Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(false);
  });

  it('resolves Office.onReady with the Excel host', async () => {
    const fake = createFakeExcel();
    await expect(fake.Office.onReady()).resolves.toEqual({ host: 'Excel', platform: 'OfficeOnline' });
  });
});
