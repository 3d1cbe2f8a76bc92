/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load, office-addins/no-navigational-load --
   these tests read before load and sync on purpose, to prove the fake throws as Excel does; the rules also miss load({select}) and ClientResult. */
import { createFakeExcel, FakeContext, FakeOfficeError } from './index';

/** Awaits a promise expected to reject and returns its error. */
async function rejection(promise: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await promise;
  } catch (error) {
    return error as FakeOfficeError;
  }
  throw new Error('expected a rejection');
}

describe('proxy semantics', () => {
  it('throws PropertyNotLoaded when a property is read before load and sync', async () => {
    const fake = createFakeExcel();
    fake.seed.sheet('Feuil1', [[1, 2]]);
    await fake.Excel.run(async (context: FakeContext) => {
      const range = context.workbook.worksheets.getItem('Feuil1').getRange('A1:B1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      // Queued but not yet synced: still not readable.
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([[1, 2]]);
      // Only what was loaded is readable.
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('accepts the load forms of Office.js: string list, array, nested path, {select}, and collection items', async () => {
    const fake = createFakeExcel({ sheets: ['Guide', 'Axe 1'] });
    await fake.Excel.run(async (context: FakeContext) => {
      const range = context.workbook.worksheets.getItem('Axe 1').getRange('B2:C3');
      range.load('address, rowCount');
      range.load(['columnCount']);
      range.load('format/font/bold');
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const names = context.workbook.worksheets.getItem('Guide');
      names.load({ select: 'name,visibility' });
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.address).toBe("'Axe 1'!B2:C3");
      expect([range.rowCount, range.columnCount]).toEqual([2, 2]);
      expect(range.format.font.bold).toBe(false);
      expect(sheets.items.map((s) => s.name)).toEqual(['Guide', 'Axe 1']);
      expect(() => sheets.items[0].visibility).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(names.visibility).toBe('Visible');
    });
  });

  it('queues writes and applies them only at sync, in order', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.getItem('Feuil1');
      sheet.getRange('A1').values = [['first']];
      sheet.getRange('A1').values = [['second']];
      const seen = sheet.getRange('A1').load('values');
      sheet.getRange('A1').values = [['third']];
      expect(fake.inspect.values('Feuil1', 'A1')).toEqual([['']]);
      await context.sync();
      // The read saw the state between the second and third write.
      expect(seen.values).toEqual([['second']]);
      expect(fake.inspect.values('Feuil1', 'A1')).toEqual([['third']]);
    });
  });

  it('counts syncs, round trips and queued reads and writes; reset clears them', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.getItem('Feuil1');
      sheet.getRange('A1:B1').values = [[1, 2]];
      sheet.getRange('A1:B1').numberFormat = [['0', '0']];
      sheet.getRange('A1:B1').load('values');
      await context.sync();
      await context.sync(); // nothing queued: a sync call, not a round trip
    });
    // Excel.run's own final sync is the third call; with nothing left queued it is no round trip.
    expect(fake.stats).toMatchObject({ syncs: 3, roundTrips: 1, reads: 1, writes: 2, operations: 3 });
    expect(fake.stats.history).toEqual([expect.objectContaining({ reads: 1, writes: 2, ok: true })]);
    fake.stats.reset();
    expect(fake.stats).toMatchObject({ syncs: 0, roundTrips: 0, operations: 0 });
    expect(fake.stats.history).toEqual([]);
  });

  it('makes no round trip for a batch that queues nothing', async () => {
    const fake = createFakeExcel();
    await expect(fake.Excel.run(async () => 42)).resolves.toBe(42);
    expect([fake.stats.syncs, fake.stats.roundTrips]).toEqual([1, 0]);
  });

  it('flushes what is still queued when Excel.run ends, with one more sync', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context: FakeContext) => {
      context.workbook.worksheets.getItem('Feuil1').getRange('C3').values = [['fin']];
    });
    expect(fake.inspect.values('Feuil1', 'C3')).toEqual([['fin']]);
    expect(fake.stats.syncs).toBe(1);
  });

  it('rejects the sync at a failing operation: earlier ones stay applied, later ones are not, loads are not delivered', async () => {
    const fake = createFakeExcel();
    const error = await rejection(
      fake.Excel.run(async (context: FakeContext) => {
        const sheet = context.workbook.worksheets.getItem('Feuil1');
        sheet.getRange('A1').values = [['avant']];
        const loaded = sheet.getRange('A1').load('values');
        context.workbook.worksheets.getItem('Absente').getRange('A1').values = [['x']];
        sheet.getRange('A2').values = [['après']];
        try {
          await context.sync();
        } finally {
          expect(() => loaded.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
        }
      }),
    );
    expect(error).toBeInstanceOf(fake.OfficeExtension.Error);
    expect(error.code).toBe('ItemNotFound');
    // The absent sheet fails where Office.js resolves it: at the Instantiate action of getItem.
    expect(error.debugInfo).toMatchObject({ code: 'ItemNotFound', errorLocation: 'Worksheet.instantiate' });
    expect(fake.inspect.values('Feuil1', 'A1:A2')).toEqual([['avant'], ['']]);
  });

  it('tells a missing sheet through getItemOrNullObject().isNullObject after sync, without load', async () => {
    const fake = createFakeExcel({ sheets: ['Guide'] });
    await fake.Excel.run(async (context: FakeContext) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('_ctg');
      const present = context.workbook.worksheets.getItemOrNullObject('guide');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      // Writing through a null object fails the batch instead of silently doing nothing.
      missing.getRange('A1').values = [['x']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  it('gives a blank sheet a null used range with getUsedRangeOrNullObject, and A1 with getUsedRange', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.getItem('Feuil1');
      expect(() => sheet.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const orNull = sheet.getUsedRangeOrNullObject(true);
      const used = sheet.getUsedRange().load('address');
      await context.sync();
      expect(orNull.isNullObject).toBe(true);
      expect(used.address).toBe('Feuil1!A1');
      sheet.getRange('C2:D5').values = Array(4).fill([1, '']);
      const after = sheet.getUsedRange(true).load('address');
      const inColumns = sheet.getRange('A:C').getUsedRange(true).load('address');
      const outside = sheet.getRange('F:G').getUsedRangeOrNullObject(true);
      await context.sync();
      expect(after.address).toBe('Feuil1!C2:C5');
      expect(inColumns.address).toBe('Feuil1!C2:C5');
      expect(outside.isNullObject).toBe(true);
    });
  });

  it('keeps a worksheet proxy bound to its sheet across a rename in the same batch', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.getItem('Feuil1');
      sheet.name = 'Paramètres';
      sheet.getRange('A1').values = [['ok']];
      sheet.load('name');
      await context.sync();
      expect(sheet.name).toBe('Paramètres');
    });
    expect(fake.inspect.values('Paramètres', 'A1')).toEqual([['ok']]);
  });

  it('splits a 2-D write of more than 1500 cells into a size check and ~1500-cell operations, as Office.js does', async () => {
    const fake = createFakeExcel();
    const rows = Array.from({ length: 100 }, (_, r) => Array.from({ length: 20 }, (_, c) => r * 20 + c));
    await fake.Excel.run(async (context: FakeContext) => {
      context.workbook.worksheets.getItem('Feuil1').getRange('A1:T100').values = rows;
      await context.sync();
    });
    // 2000 cells, 20 columns: blocks of 75 rows, so one size check and two blocks.
    expect(fake.stats.writes).toBe(3);
    expect(fake.inspect.values('Feuil1', 'T100')).toEqual([[1999]]);
    // A wrong shape is still refused before any block is written.
    await expect(
      fake.Excel.run(async (context: FakeContext) => {
        context.workbook.worksheets.getItem('Feuil1').getRange('A101:T199').values = rows;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(fake.inspect.values('Feuil1', 'A101')).toEqual([['']]);
  });

  it('returns undefined, not an error, for a loaded property of a null object', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context: FakeContext) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('_ctg').load('name');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(missing.name).toBeUndefined();
    });
  });

  it('fails the sync for getItem of an absent sheet even when the object is not used, as Office.js instantiates it', async () => {
    const fake = createFakeExcel();
    await expect(
      fake.Excel.run(async (context: FakeContext) => {
        context.workbook.worksheets.getItem('_ctg');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('resolves objects in batch order: getItem before the add of that sheet fails, after it succeeds', async () => {
    const fake = createFakeExcel();
    await expect(
      fake.Excel.run(async (context: FakeContext) => {
        const early = context.workbook.worksheets.getItem('Journal');
        context.workbook.worksheets.add('Journal');
        early.getRange('A1').values = [['trop tôt']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    await fake.Excel.run(async (context: FakeContext) => {
      context.workbook.worksheets.add('Guide');
      context.workbook.worksheets.getItem('Guide').getRange('A1').values = [['à temps']];
      await context.sync();
    });
    expect(fake.inspect.values('Guide', 'A1')).toEqual([['à temps']]);
  });

  it('counts the objects created apart from reads and writes', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context: FakeContext) => {
      const range = context.workbook.worksheets.getItem('Feuil1').getRange('A1');
      range.format.font.bold = true;
      range.format.font.italic = true;
      await context.sync();
    });
    // workbook, worksheets, the sheet, the range, its format, its font: six objects, each made once.
    expect(fake.stats).toMatchObject({ instantiations: 6, writes: 2, reads: 0, operations: 2 });
  });

  it('returns method results through ClientResult after sync', async () => {
    const fake = createFakeExcel({ sheets: ['A', 'B', 'C'] });
    await fake.Excel.run(async (context: FakeContext) => {
      const count = context.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(count.value).toBe(3);
    });
  });
});
