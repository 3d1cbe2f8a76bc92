import { createFakeExcel, FakeContext } from './index';

/** What Excel refuses to name or store, refused by the fake as Excel does: nothing of the batch from there on. */
async function outcome(change: (context: FakeContext) => void, fake = createFakeExcel()): Promise<string> {
  return fake.Excel.run<string>(async (context: FakeContext) => {
    change(context);
    await context.sync();
    return 'ok';
  }).catch((error: { code: string }) => error.code);
}

const addName = (name: string) => (context: FakeContext) => void context.workbook.names.add(name, '=1');
const write = (property: 'values' | 'formulas', input: unknown) => (context: FakeContext) => {
  const range = context.workbook.worksheets.getItem('Feuil1').getRange('B2');
  range[property] = [[input]] as never;
};

describe("Excel's rules for defined names", () => {
  it.each([
    'A1',
    'ab12',
    'XFD1048576',
    'R1C1',
    'r2c',
    'RC',
    'R',
    'c',
    'C12',
    'R10',
    'RC3',
    'TRUE',
    'false',
    '1A',
    'nom avec espace',
    'a-b',
    '',
  ])('refuses %p, which a formula would read as something else', async (name) => {
    expect(await outcome(addName(name))).toBe('InvalidArgument');
  });

  it.each(['XFE1', 'A1048577', 'A0', 'ctg_statuts', 'Axe1_total', '_x', '\\n.b', 'Rc_ok', 'RCA', 'Échelle', 'L1C1'])(
    'accepts %p, a name Excel takes',
    async (name) => {
      expect(await outcome(addName(name))).toBe('ok');
    },
  );

  it('refuses a name longer than 255 characters', async () => {
    expect(await outcome(addName(`n${'a'.repeat(254)}`))).toBe('ok');
    expect(await outcome(addName(`n${'a'.repeat(255)}`))).toBe('InvalidArgument');
  });
});

describe("Excel's rules for sheet names", () => {
  it.each(['History', 'history', 'HISTORY'])('refuses the reserved name %p, added or given', async (name) => {
    expect(await outcome((c) => void c.workbook.worksheets.add(name))).toBe('InvalidArgument');
    expect(await outcome((c) => void (c.workbook.worksheets.getItem('Feuil1').name = name))).toBe('InvalidArgument');
  });

  it('accepts Historique, and 31 characters but not 32', async () => {
    expect(await outcome((c) => void c.workbook.worksheets.add('Historique'))).toBe('ok');
    expect(await outcome((c) => void c.workbook.worksheets.add('x'.repeat(31)))).toBe('ok');
    expect(await outcome((c) => void c.workbook.worksheets.add('y'.repeat(32)))).toBe('InvalidArgument');
  });
});

describe("Excel's limits on cell contents", () => {
  it('stores a text of 32 767 characters and refuses one more, leaving the cell as it was', async () => {
    const fake = createFakeExcel();
    expect(await outcome(write('values', 'a'.repeat(32_767)), fake)).toBe('ok');
    expect(fake.inspect.values('Feuil1', 'B2')[0][0]).toHaveLength(32_767);
    expect(await outcome(write('values', 'b'.repeat(32_768)), fake)).toBe('InvalidArgument');
    expect(fake.inspect.values('Feuil1', 'B2')[0][0]).toBe('a'.repeat(32_767));
  });

  it('takes a formula of 8 192 characters and refuses a longer one', async () => {
    const longest = `=${'1+'.repeat(4_095)}1`;
    expect(longest.length).toBe(8_192);
    expect(await outcome(write('formulas', longest))).toBe('ok');
    expect(await outcome(write('formulas', `${longest}+1`))).toBe('InvalidArgument');
  });

  it.each(['=SUM(A1:A3', '=1+', '=IF(A1,1,2))', '=1 2', '="texte'])(
    'refuses the formula %p, which Excel cannot parse, through values and formulas alike',
    async (formula) => {
      expect(await outcome(write('formulas', formula))).toBe('InvalidArgument');
      expect(await outcome(write('values', formula))).toBe('InvalidArgument');
    },
  );

  it('takes a formula that parses but fails, and the same text as text in a cell formatted @', async () => {
    const fake = createFakeExcel();
    expect(await outcome(write('formulas', '=NOSUCHFUNCTION(1)'), fake)).toBe('ok');
    expect(fake.inspect.values('Feuil1', 'B2')).toEqual([['#NAME?']]);
    const asText = (context: FakeContext) => {
      const range = context.workbook.worksheets.getItem('Feuil1').getRange('C2');
      range.numberFormat = [['@']];
      range.values = [['=SUM(A1:A3']];
    };
    expect(await outcome(asText, fake)).toBe('ok');
    expect(fake.inspect.values('Feuil1', 'C2')).toEqual([['=SUM(A1:A3']]);
  });
});
