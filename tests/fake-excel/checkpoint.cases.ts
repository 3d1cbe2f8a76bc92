import { createFakeExcel, type FakeContext } from './index';

/** A checkpoint puts back the cells, their formats (cell by cell and whole columns) and the rules, every time. */
describe('checkpoint', () => {
  const write = (fake: ReturnType<typeof createFakeExcel>, value: string, fill: string, columnFormat: string) =>
    fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.getItem('Axe 1');
      sheet.getRange('A1:B2').values = [
        [value, 1],
        [2, '=A2+1'],
      ];
      sheet.getRange('A1:B1').format.fill.color = fill;
      sheet.getRange('B2').numberFormat = [['0.00']];
      // A whole column: kept as a layer, not cell by cell.
      sheet.getRange('D:D').numberFormat = columnFormat as unknown as string[][];
      await context.sync();
    });
  const state = (fake: ReturnType<typeof createFakeExcel>) => ({
    values: fake.inspect.formulas('Axe 1', 'A1:B2'),
    fills: ['A1', 'B1', 'A2'].map((cell) => fake.inspect.format('Axe 1', cell).fillColor),
    numberFormats: ['B2', 'D7', 'D900'].map((cell) => fake.inspect.format('Axe 1', cell).numberFormat),
  });

  it('restores the state it kept after changes, and again after further changes', async () => {
    const fake = createFakeExcel({ sheets: ['Axe 1'] });
    await write(fake, 'avant', '#FF0000', '@');
    const kept = state(fake);
    expect(kept).toEqual({
      values: [
        ['avant', 1],
        [2, '=A2+1'],
      ],
      fills: ['#FF0000', '#FF0000', null],
      numberFormats: ['0.00', '@', '@'],
    });
    const restore = fake.checkpoint();
    const changeAndRestore = async (round: number) => {
      await write(fake, `après ${round}`, '#00FF00', '0%');
      await fake.Excel.run(async (context: FakeContext) => {
        context.workbook.worksheets.getItem('Axe 1').getRange('A2').format.fill.color = '#0000FF';
        await context.sync();
      });
      expect(state(fake)).not.toEqual(kept);
      restore();
      expect(state(fake)).toEqual(kept);
    };
    await changeAndRestore(1);
    // The state restored is a copy: changing it leaves the kept one whole for the next restore.
    await changeAndRestore(2);
  });

  const addSheet = (fake: ReturnType<typeof createFakeExcel>, name: string) =>
    fake.Excel.run(async (context: FakeContext) => {
      context.workbook.worksheets.add(name);
      await context.sync();
    });

  it('puts a workbook kept from one fake into another, whose changes leave the kept one whole', async () => {
    const source = createFakeExcel({ sheets: ['Axe 1'] });
    await write(source, 'gardé', '#FF0000', '@');
    await source.Excel.run(async (context: FakeContext) => {
      context.workbook.worksheets.add('Notes');
      context.workbook.worksheets.getItem('Axe 1').getRange('B2').select();
      await context.sync();
    });
    const kept = source.keep();
    const expected = state(source);

    for (const round of [1, 2]) {
      const fake = createFakeExcel({ sheets: ['Feuil1'] });
      fake.putBack(kept);
      expect(fake.inspect.sheetNames()).toEqual(['Axe 1', 'Notes']);
      expect(state(fake)).toEqual(expected);
      // The formula is computed from the copied cells, and the selection came along.
      expect(fake.inspect.values('Axe 1', 'B2')).toEqual([[3]]);
      expect(fake.inspect.selection()).toEqual({ sheet: 'Axe 1', address: 'B2' });
      // A sheet added later gets an id of its own, not one of the copied sheets'.
      await addSheet(fake, `Ajout ${round}`);
      await write(fake, `changé ${round}`, '#00FF00', '0%');
      expect(fake.inspect.sheetNames()).toEqual(['Axe 1', 'Notes', `Ajout ${round}`]);
      expect(new Set(fake.workbook.sheets.map((sheet) => sheet.id)).size).toBe(3);
    }
    expect(state(source)).toEqual(expected);
    expect(source.inspect.sheetNames()).toEqual(['Axe 1', 'Notes']);
  });
});
