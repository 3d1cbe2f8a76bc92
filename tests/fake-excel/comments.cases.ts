import { createFakeExcel, FakeContext } from './index';

/** Comments and notes belong to one cell of their sheet, and go with it; their sets gate them. */
describe('comments and notes on cells', () => {
  const run = (fake: ReturnType<typeof createFakeExcel>, batch: (context: FakeContext) => Promise<void>) =>
    fake.Excel.run(batch);

  it('are added on a cell, read back with their cell, and deleted with their sheet', async () => {
    const fake = createFakeExcel({ sheets: ['Axe 1', 'Autre'], apiVersion: '1.18' });
    await run(fake, async (context) => {
      const sheet = context.workbook.worksheets.getItem('Axe 1');
      sheet.notes.add(sheet.getRange('O10'), 'Une note');
      const thread = sheet.comments.add("'Axe 1'!C4", 'Un commentaire');
      thread.replies.add('Une réponse');
      await context.sync();
    });
    expect(fake.inspect.notes('Axe 1')).toEqual([{ address: 'O10', content: 'Une note' }]);
    expect(fake.inspect.comments('Axe 1')).toEqual([
      { address: 'C4', content: 'Un commentaire', replies: ['Une réponse'] },
    ]);

    const read = await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.getItem('Axe 1');
      const comments = sheet.comments.load('items/content,items/replies/items/content');
      const notes = sheet.notes.load('items/content');
      await context.sync();
      const cells = [...comments.items, ...notes.items].map((item) => item.getLocation().load('address'));
      await context.sync();
      return {
        texts: [comments.items[0].content, comments.items[0].replies.items[0].content, notes.items[0].content],
        cells: cells.map((cell) => cell.address),
      };
    });
    expect(read).toEqual({
      texts: ['Un commentaire', 'Une réponse', 'Une note'],
      cells: ["'Axe 1'!C4", "'Axe 1'!O10"],
    });

    await run(fake, async (context) => {
      context.workbook.worksheets.getItem('Axe 1').delete();
      await context.sync();
    });
    fake.seed.sheet('Axe 1');
    expect(fake.inspect.notes('Axe 1')).toEqual([]);
    expect(fake.inspect.comments('Axe 1')).toEqual([]);
  });

  it('refuses a second one on a cell, a range of many cells, and a protected sheet', async () => {
    const fake = createFakeExcel({ sheets: ['Axe 1'], apiVersion: '1.18' });
    fake.seed.note('Axe 1', 'B2', 'Déjà là');
    type Sheet = ReturnType<FakeContext['workbook']['worksheets']['getItem']>;
    const attempt = (batch: (sheet: Sheet) => void) =>
      run(fake, async (context) => {
        batch(context.workbook.worksheets.getItem('Axe 1'));
        await context.sync();
      });
    await expect(attempt((sheet) => sheet.comments.add("'Axe 1'!B2", 'Encore'))).rejects.toMatchObject({
      code: 'InvalidOperation',
    });
    await expect(attempt((sheet) => sheet.notes.add('B2:C3', 'Trop large'))).rejects.toMatchObject({
      code: 'InvalidCellAddress',
    });
    await expect(attempt((sheet) => sheet.comments.add('B5', 'Sans feuille'))).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem('Axe 1').protection.protect();
      await context.sync();
    });
    await expect(attempt((sheet) => sheet.notes.add('D4', 'Protégée'))).rejects.toMatchObject({
      code: 'AccessDenied',
    });
    expect(fake.inspect.notes('Axe 1')).toEqual([{ address: 'B2', content: 'Déjà là' }]);
  });

  it.each([
    ['1.9', 'comments'],
    ['1.17', 'notes'],
  ] as const)('are refused below their set (ExcelApi %s, %s)', async (apiVersion, member) => {
    const fake = createFakeExcel({ sheets: ['Axe 1'], apiVersion });
    const failure = run(fake, async (context) => {
      context.workbook.worksheets.getItem('Axe 1')[member].load('items');
      await context.sync();
    });
    await expect(failure).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
