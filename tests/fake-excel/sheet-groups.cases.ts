import { HyperFormula } from 'hyperformula';
import { EVALUATION_STORE_GLOBAL } from './evaluation-store';
import { createFakeExcel, type FakeContext, type FakeExcel } from './index';
import { sheetGroups } from './sheet-groups';

/** Fills sheets with `formulas` (by sheet, A1 onwards on row 1) and adds the workbook's `names`. */
async function workbookOf(formulas: Record<string, unknown[]>, names: Record<string, string> = {}): Promise<FakeExcel> {
  const fake = createFakeExcel({ sheets: Object.keys(formulas) });
  await fake.Excel.run(async (context: FakeContext) => {
    for (const [sheet, row] of Object.entries(formulas))
      context.workbook.worksheets.getItem(sheet).getRange(`A1:${String.fromCharCode(64 + row.length)}1`).formulas = [
        row,
      ];
    for (const [name, formula] of Object.entries(names)) context.workbook.names.add(name, formula);
    await context.sync();
  });
  return fake;
}

const groupsOf = (fake: FakeExcel) =>
  [...new Set(sheetGroups(fake.workbook).values())].map((group) => ({
    sheets: group.sheets.map((sheet) => sheet.name),
    names: group.names.map((n) => n.name),
  }));

describe('sheets evaluated by groups that refer to each other', () => {
  it('groups the sheets by their references, direct or through a name, and gives each value as the whole would', async () => {
    const fake = await workbookOf(
      {
        Axe: ["='Paramètres'!A1*2", '=Paramètres!B1+1'],
        Paramètres: [21, '=1'],
        Seul: ['=B1+1', 4],
        Bilan: ['=TAUX*10'],
        Taux: [0.5],
        Guide: ['texte'],
      },
      { taux: '=Taux!$A$1', inutile: '=Guide!$A$1' },
    );
    expect(groupsOf(fake)).toEqual([
      { sheets: ['Axe', 'Paramètres'], names: [] },
      { sheets: ['Seul'], names: [] },
      { sheets: ['Bilan', 'Taux'], names: ['taux'] },
      { sheets: ['Guide'], names: ['inutile'] },
    ]);
    expect(fake.inspect.values('Axe', 'A1:B1')).toEqual([[42, 2]]);
    expect(fake.inspect.values('Seul', 'A1')).toEqual([[5]]);
    expect(fake.inspect.values('Bilan', 'A1')).toEqual([[5]]);
  });

  it('makes the whole workbook one group where a formula may reach sheets it does not name', async () => {
    for (const formula of ['=INDIRECT("Cible!A1")', '=SHEETS()', "='Absente'!A1"]) {
      const fake = await workbookOf({ Source: [formula], Cible: [7], Autre: ['=1'] });
      expect([formula, groupsOf(fake)]).toEqual([formula, [{ sheets: ['Source', 'Cible', 'Autre'], names: [] }]]);
    }
  });

  it('reads the old sheets again without evaluating them anew while sheets that name only each other stand beside', async () => {
    const store = Object.getOwnPropertyDescriptor(globalThis, EVALUATION_STORE_GLOBAL);
    // What is kept on disk would answer both ways: only the live instances and the latest evaluations count here.
    delete (globalThis as Record<string, unknown>)[EVALUATION_STORE_GLOBAL];
    const build = jest.spyOn(HyperFormula, 'buildFromSheets');
    try {
      const unique = Date.now() + Math.random();
      const fake = await workbookOf({ Axe: ["='Paramètres'!A1+1"], Paramètres: [unique] });
      expect(fake.inspect.values('Axe', 'A1')).toEqual([[unique + 1]]);
      await fake.Excel.run(async (context: FakeContext) => {
        const added = context.workbook.worksheets.add('ctg-nouvelle-1');
        context.workbook.worksheets.add('ctg-nouvelle-2').getRange('A1').values = [[2]];
        added.getRange('A1').formulas = [["='ctg-nouvelle-2'!A1*3"]];
        await context.sync();
      });
      build.mockClear();
      expect(fake.inspect.values('Axe', 'A1')).toEqual([[unique + 1]]);
      expect(build).not.toHaveBeenCalled();
      expect(fake.inspect.values('ctg-nouvelle-1', 'A1')).toEqual([[6]]);
    } finally {
      build.mockRestore();
      if (store) Object.defineProperty(globalThis, EVALUATION_STORE_GLOBAL, store);
    }
  });
});

describe('groups of sheets made again whenever a change may join or split them', () => {
  /** Runs `change` in a batch of the fake's own. */
  const edit = (fake: FakeExcel, change: (context: FakeContext) => void) =>
    fake.Excel.run(async (context: FakeContext) => {
      change(context);
      await context.sync();
    });
  const sheet = (context: FakeContext, name: string) => context.workbook.worksheets.getItem(name);

  it('gives a formula written later that joins two groups, and every write after, the values the whole would', async () => {
    const fake = await workbookOf({
      Axe: ["='Paramètres'!A1*2"],
      Paramètres: [21],
      Bilan: ['=Taux!A1*10'],
      Taux: [0.5],
    });
    expect([fake.inspect.values('Axe', 'A1'), fake.inspect.values('Bilan', 'A1')]).toEqual([[[42]], [[5]]]);
    await edit(fake, (context) => (sheet(context, 'Axe').getRange('B1').formulas = [['=Bilan!A1+A1']]));
    expect(fake.inspect.values('Axe', 'A1:B1')).toEqual([[42, 47]]);
    await edit(fake, (context) => (sheet(context, 'Taux').getRange('A1').values = [[2]]));
    expect([fake.inspect.values('Axe', 'A1:B1'), fake.inspect.values('Bilan', 'A1')]).toEqual([[[42, 62]], [[20]]]);
    await edit(fake, (context) => (sheet(context, 'Paramètres').getRange('A1').values = [[1]]));
    expect([fake.inspect.values('Axe', 'A1:B1'), fake.inspect.values('Bilan', 'A1')]).toEqual([[[2, 22]], [[20]]]);
  });

  it('follows a name added or changed after the groups were made', async () => {
    const fake = await workbookOf({ Bilan: ['=TAUX*10'], Taux: [0.5], Autre: [3] });
    expect(fake.inspect.values('Bilan', 'A1')).toEqual([['#NAME?']]);
    await edit(fake, (context) => context.workbook.names.add('taux', '=Taux!$A$1'));
    expect(fake.inspect.values('Bilan', 'A1')).toEqual([[5]]);
    await edit(fake, (context) => (context.workbook.names.getItem('taux').formula = '=Autre!$A$1'));
    expect(fake.inspect.values('Bilan', 'A1')).toEqual([[30]]);
    await edit(fake, (context) => (sheet(context, 'Autre').getRange('A1').values = [[4]]));
    expect(fake.inspect.values('Bilan', 'A1')).toEqual([[40]]);
  });

  it('reaches a sheet through names that use each other', async () => {
    const fake = await workbookOf(
      { Bilan: ['=DOUBLE+1'], Taux: [0.5], Seule: [1] },
      { double: '=BASE*2', base: '=Taux!$A$1' },
    );
    expect(groupsOf(fake)).toEqual([
      { sheets: ['Bilan', 'Taux'], names: ['double', 'base'] },
      { sheets: ['Seule'], names: [] },
    ]);
    expect(fake.inspect.values('Bilan', 'A1')).toEqual([[2]]);
  });

  it('follows a sheet renamed, quoted with an apostrophe, or added after the groups were made', async () => {
    const fake = await workbookOf({ Axe: ["='Paramètres'!A1+1"], Paramètres: [1], Seule: [7] });
    expect(fake.inspect.values('Axe', 'A1')).toEqual([[2]]);
    await edit(fake, (context) => (sheet(context, 'Paramètres').name = "L'été"));
    expect(fake.inspect.values('Axe', 'A1')).toEqual([[2]]);
    await edit(fake, (context) => (sheet(context, "L'été").getRange('A1').values = [[5]]));
    expect(fake.inspect.values('Axe', 'A1')).toEqual([[6]]);
    await edit(fake, (context) => {
      context.workbook.worksheets.add('Nouvelle').getRange('A1:B1').formulas = [['=Axe!A1*2', "='L''été'!A1+Seule!A1"]];
    });
    expect(fake.inspect.values('Nouvelle', 'A1:B1')).toEqual([[12, 12]]);
  });

  it('reads whole columns and rows, and a sheet whose name begins or ends another’s', async () => {
    const fake = await workbookOf({
      Axe: [1, 2],
      'Axe 1': [10],
      Axe1: [100],
      "L'axe": [1000],
      'Axe 10': [10000],
      Calcul: ['=SUM(Axe!A:A)', "='Axe 1'!A1+Axe1!A1", "='L''axe'!A1", '=SUM(Axe!1:1)'],
    });
    expect(groupsOf(fake)).toEqual([
      { sheets: ['Axe', 'Axe 1', 'Axe1', "L'axe", 'Calcul'], names: [] },
      { sheets: ['Axe 10'], names: [] },
    ]);
    expect(fake.inspect.values('Calcul', 'A1:D1')).toEqual([[1, 110, 1000, 3]]);
  });

  it('makes the whole workbook one group for INDIRECT in a name', async () => {
    const fake = await workbookOf({ Bilan: ['=CIBLE'], Cible: [7], Autre: [1] }, { cible: '=INDIRECT("Cible!A1")' });
    expect(groupsOf(fake)).toEqual([{ sheets: ['Bilan', 'Cible', 'Autre'], names: ['cible'] }]);
  });

  it('reads a bare sheet name as HyperFormula does, signs × and ÷ included', async () => {
    // HyperFormula, whose grammar stands for Excel's in the fake, reads `×` and `÷` as letters of a bare name.
    const fake = await workbookOf({ B: [1], 'A×B': [2], C: [3], 'A÷C': [4], Calcul: ['=A×B!A1', '=A÷C!A1'] });
    expect(fake.inspect.values('Calcul', 'A1:B1')).toEqual([[2, 4]]);
  });
});
