import { createFakeExcel, FakeContext } from '../fake-excel';

/**
 * `range.values` input is typed as Excel types it in a General cell (docs: "If the returned value starts with a plus
 * ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula"; "Locale-shaped strings […]
 * are stored as text"), so that a back end writing a person's text without `@` first is caught.
 */

async function typed(inputs: unknown[], numberFormat?: string) {
  const fake = createFakeExcel();
  const address = `A1:A${inputs.length}`;
  await fake.Excel.run(async (context: FakeContext) => {
    const range = context.workbook.worksheets.getItem('Feuil1').getRange(address);
    if (numberFormat) range.numberFormat = inputs.map(() => [numberFormat]);
    range.values = inputs.map((input) => [input]);
    await context.sync();
  });
  const cells = fake.inspect.snapshotGrid('Feuil1').rows.map((row) => row[0]);
  const formats = inputs.map((_, i) => fake.inspect.format('Feuil1', `A${i + 1}`).numberFormat);
  return { fake, cells, formats };
}

async function refused(input: string) {
  const fake = createFakeExcel();
  return fake.Excel.run(async (context: FakeContext) => {
    context.workbook.worksheets.getItem('Feuil1').getRange('A1').values = [[input]];
    await context.sync();
  });
}

describe('range.values on a General cell', () => {
  it('reads a signed number as the number', async () => {
    const { cells } = await typed(['+5', '-5', '7', '1,000']);
    expect(cells.map((cell) => cell?.value)).toEqual([5, -5, 7, 1000]);
  });

  it('reads « 5% » as 0.05 shown as a percentage', async () => {
    const { cells, formats } = await typed(['5%', '12.5%', '-3 %']);
    expect(cells).toEqual([
      { value: 0.05, isPercent: true },
      { value: 0.125, isPercent: true },
      { value: -0.03, isPercent: true },
    ]);
    expect(formats).toEqual(['0%', '0.00%', '0%']);
  });

  it('reads a text starting with + or - that parses as a formula as that formula', async () => {
    const { cells, fake } = await typed(['+5+1', '-A3', 3]);
    expect(cells[0]).toEqual({ value: 6, formula: '+5+1' });
    expect(cells[1]).toEqual({ value: -3, formula: '-A3' });
    expect(fake.inspect.formulas('Feuil1', 'A1:A2')).toEqual([['=+5+1'], ['=-A3']]);
  });

  it('reads « @équipe » as a formula naming an unknown name: #NAME?', async () => {
    const { cells } = await typed(['@équipe']);
    expect(cells[0]).toMatchObject({ value: '#NAME?', isError: true });
  });

  it.each(['+ de 10 ateliers', '-5 familles', '=pas une formule', '@ la maison'])(
    'refuses « %s »: a formula Excel cannot parse',
    async (input) => {
      await expect(refused(input)).rejects.toMatchObject({ code: 'InvalidArgument' });
    },
  );

  it('reads an en-US date (month first, or ISO) as a date serial in a date format', async () => {
    const { cells, formats } = await typed(['3/15/2026', '2026-03-15']);
    // 15 March 2026 is serial 46096 (days since 30 December 1899).
    expect(cells).toEqual([
      { value: 46096, isDate: true },
      { value: 46096, isDate: true },
    ]);
    expect(formats).toEqual(['m/d/yyyy', 'm/d/yyyy']);
  });

  it('keeps a day-first date as text (not an en-US date), and other texts as they are', async () => {
    const { cells, formats } = await typed(['15/03/2026', '2/30/2026', 'mars 2026', '5 familles', "'=1+1"]);
    expect(cells.map((cell) => cell?.value)).toEqual(['15/03/2026', '2/30/2026', 'mars 2026', '5 familles', '=1+1']);
    expect(formats).toEqual(['General', 'General', 'General', 'General', 'General']);
  });

  it('leaves a cell’s own number format when a percentage or a date is typed into it', async () => {
    const { cells, formats } = await typed(['5%', '3/15/2026'], '0.0');
    expect(cells.map((cell) => cell?.value)).toEqual([0.05, 46096]);
    expect(formats).toEqual(['0.0', '0.0']);
  });
});

describe('range.values on a cell formatted @', () => {
  it('keeps every string as text', async () => {
    const texts = ['+ de 10 ateliers', '-5 familles', '=pas une formule', '@équipe', '7', '5%', '3/15/2026', '+5+1'];
    const { cells, formats } = await typed(texts, '@');
    expect(cells).toEqual(texts.map((value) => ({ value })));
    expect(formats).toEqual(texts.map(() => '@'));
  });

  it('keeps the text when the format changes afterwards (Excel does not type a cell again)', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context: FakeContext) => {
      const range = context.workbook.worksheets.getItem('Feuil1').getRange('A1:B1');
      range.numberFormat = [['@', '@']];
      range.values = [['7', '-5 familles']];
      range.numberFormat = [['0', 'General']];
      await context.sync();
    });
    expect(fake.inspect.snapshotGrid('Feuil1').rows[0]).toEqual([{ value: '7' }, { value: '-5 familles' }]);
  });
});

it('shows a typed en-US date as Excel shows it', async () => {
  const fake = createFakeExcel();
  const text = await fake.Excel.run(async (context: FakeContext) => {
    const range = context.workbook.worksheets.getItem('Feuil1').getRange('A1');
    range.values = [['3/5/2026']];
    range.load('text');
    await context.sync();
    return range.text;
  });
  expect(text).toEqual([['3/5/2026']]);
});
