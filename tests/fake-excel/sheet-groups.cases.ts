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
