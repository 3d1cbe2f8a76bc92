import { createFakeExcel, FakeContext } from './index';

describe('formulas computed by HyperFormula', () => {
  const build = async () => {
    const fake = createFakeExcel({ sheets: ['Paramètres', 'Axe 1', 'Annexe 4 – Suivi'] });
    await fake.Excel.run(async (context: FakeContext) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem('Paramètres').getRange('A1:B1').values = [['Trimestre courant', '2026-T3']];
      sheets.getItem('Paramètres').getRange('B1').numberFormat = [['@']];
      const axis = sheets.getItem('Axe 1');
      axis.getRange('A1:D1').values = [['Clé', 'Type', 'Statut', 'Valeur']];
      axis.getRange('A2:D6').values = [
        ['G1', 'Fiche', 'En cours', ''],
        ['G1-QN1', 'Quantitatif', '', 10],
        ['G1-QN2', 'Quantitatif', '', 5],
        ['G2', 'Fiche', 'Réalisée', ''],
        ['G2-QN1', 'Quantitatif', '', 'abc'],
      ];
      sheets.getItem('Annexe 4 – Suivi').getRange('A1:D1').formulas = [
        [
          "=SUMPRODUCT(('Axe 1'!B2:B6=\"Quantitatif\")*ISNUMBER('Axe 1'!D2:D6))",
          '=COUNTIFS(\'Axe 1\'!B2:B6,"Fiche",\'Axe 1\'!C2:C6,"En cours")',
          '=IFERROR(SUM(\'Axe 1\'!D2:D6)/COUNTIFS(\'Axe 1\'!B2:B6,"Absent"),"n/a")',
          '=Paramètres!B1',
        ],
      ];
      await context.sync();
    });
    return fake;
  };

  it('gives one cell’s value to the inspector, evaluating the formulas only for a formula’s cell', async () => {
    const fake = await build();
    const evaluate = jest.spyOn(fake.workbook.engine, 'valueAt');
    expect(fake.inspect.cellValue('Axe 1', 2, 0)).toBe('G1-QN1');
    expect(fake.inspect.cellValue('Axe 1', 2, 3)).toBe(10);
    expect(fake.inspect.cellValue('Axe 1', 1, 3)).toBeNull();
    expect(fake.inspect.cellValue('Axe 1', 99, 99)).toBeNull();
    expect(evaluate).not.toHaveBeenCalled();
    expect(fake.inspect.cellValue('Annexe 4 – Suivi', 0, 1)).toBe(1);
    expect(fake.inspect.cellValue('Annexe 4 – Suivi', 0, 2)).toBe('n/a');
    expect(evaluate).toHaveBeenCalledTimes(2);
    expect(fake.inspect.values('Axe 1', 'A3:D3')).toEqual([['G1-QN1', 'Quantitatif', '', 10]]);
  });

  it('computes SUMPRODUCT, COUNTIFS and IFERROR across sheets whose names need quotes, read through values', async () => {
    const fake = await build();
    await fake.Excel.run(async (context: FakeContext) => {
      const range = context.workbook.worksheets.getItem('Annexe 4 – Suivi').getRange('A1:D1').load('values, formulas');
      await context.sync();
      expect(range.values).toEqual([[2, 1, 'n/a', '2026-T3']]);
      expect(range.formulas[0][1]).toBe('=COUNTIFS(\'Axe 1\'!B2:B6,"Fiche",\'Axe 1\'!C2:C6,"En cours")');
    });
  });

  it('recomputes after a write in a later batch', async () => {
    const fake = await build();
    await fake.Excel.run(async (context: FakeContext) => {
      context.workbook.worksheets.getItem('Axe 1').getRange('D6').values = [[7]];
      const result = context.workbook.worksheets.getItem('Annexe 4 – Suivi').getRange('A1').load('values');
      await context.sync();
      expect(result.values).toEqual([[3]]);
    });
  });

  it('follows a sheet rename in the formulas that refer to it, as Excel rewrites them', async () => {
    const fake = await build();
    await fake.Excel.run(async (context: FakeContext) => {
      context.workbook.worksheets.getItem('Axe 1').name = 'Axe 12';
      await context.sync();
    });
    expect(fake.inspect.formulas('Annexe 4 – Suivi', 'B1')).toEqual([
      ['=COUNTIFS(\'Axe 12\'!B2:B6,"Fiche",\'Axe 12\'!C2:C6,"En cours")'],
    ]);
    expect(fake.inspect.values('Annexe 4 – Suivi', 'A1:B1')).toEqual([[2, 1]]);
  });

  it('reports Excel errors as their text, and flags them in the grid snapshot', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context: FakeContext) => {
      context.workbook.worksheets.getItem('Feuil1').getRange('A1:B1').formulas = [['=1/0', "='Absente'!A1"]];
      await context.sync();
    });
    const row = fake.inspect.snapshotGrid('Feuil1').rows[0];
    expect(row[0]).toEqual({ value: '#DIV/0!', formula: '1/0', isError: true });
    expect(row[1]).toMatchObject({ isError: true });
  });

  it('takes a #REF! after a sheet’s name, as Excel writes a reference whose cells were deleted, and keeps it so', async () => {
    const fake = await build();
    // The second holds the same words in a string, which stay as they are.
    const formulas = [`='Axe 1'!#REF!*2`, `=IFERROR(SUM('Axe 1'!#REF!),"'Axe 1'!#REF!")`];
    await fake.Excel.run(async (context: FakeContext) => {
      context.workbook.worksheets.getItem('Annexe 4 – Suivi').getRange('E1:F1').formulas = [formulas];
      await context.sync();
    });
    expect(fake.inspect.formulas('Annexe 4 – Suivi', 'E1:F1')).toEqual([formulas]);
    expect(fake.inspect.values('Annexe 4 – Suivi', 'E1:F1')).toEqual([['#REF!', `'Axe 1'!#REF!`]]);
  });

  it('evaluates workbook names in formulas', async () => {
    const fake = createFakeExcel({ sheets: ['Paramètres', 'Axe 1'] });
    await fake.Excel.run(async (context: FakeContext) => {
      const params = context.workbook.worksheets.getItem('Paramètres');
      params.getRange('B2:B4').values = [['Somme'], ['Moyenne'], ['Médiane']];
      context.workbook.names.add('Regles', params.getRange('B2:B4'));
      context.workbook.worksheets.getItem('Axe 1').getRange('A1').formulas = [['=COUNTA(Regles)']];
      const value = context.workbook.worksheets.getItem('Axe 1').getRange('A1').load('values');
      await context.sync();
      expect(value.values).toEqual([[3]]);
    });
    expect(fake.inspect.names()).toEqual([{ name: 'Regles', formula: '=Paramètres!$B$2:$B$4', scope: 'Workbook' }]);
  });
});

describe('formulas evaluated again after changes', () => {
  const rows = (seed: number) => [
    ['Clé', 'Valeur', 'Double', 'Total'],
    ...Array.from({ length: 6 }, (_, index) => [`G${index}`, (index * seed) % 7, `=B${index + 2}*2`, '']),
  ];
  const totals = '=SUMPRODUCT(ISNUMBER(B2:B7)*B2:B7)';

  async function valuesOf(fake: ReturnType<typeof createFakeExcel>): Promise<unknown[][]> {
    return fake.Excel.run(async (context: FakeContext) => {
      const range = context.workbook.worksheets.getItem('Axe 1').getRange('A1:E7').load('values');
      await context.sync();
      return range.values;
    });
  }

  /** A cell's value or formula, or a range's column of values. */
  type Edit = [string, string | number | number[][]];

  async function write(fake: ReturnType<typeof createFakeExcel>, edits: Edit[]) {
    await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.getItem('Axe 1');
      for (const [address, value] of edits) {
        const range = sheet.getRange(address);
        if (typeof value === 'string' && value.startsWith('=')) range.formulas = [[value]];
        else range.values = Array.isArray(value) ? value : [[value]];
      }
      await context.sync();
    });
  }

  it('give what a fake built from the changed cells gives, change after change', async () => {
    const fake = createFakeExcel({ sheets: ['Axe 1'] });
    await write(fake, [
      ...rows(3).flatMap((row, r) => row.map((value, c): [string, string | number] => [`${'ABCD'[c]}${r + 1}`, value])),
      ['E1', totals],
    ]);
    await valuesOf(fake);
    const steps: Edit[][] = [
      [['B3', 40]],
      [
        ['B4', 'texte'],
        ['C9', '=E1+1'],
      ],
      [
        ['B2', ''],
        ['B4', 4],
        ['E1', '=SUM(C2:C7)'],
      ],
      // Cells written again with what they hold: alone, and after a cell of the same write that changes.
      [['B3:B5', [[40], [4], [2]]]],
      [['B3:B5', [[41], [4], [2]]]],
      [['B3', 40]],
    ];
    const applied: Edit[] = [];
    for (const step of steps) {
      await write(fake, step);
      applied.push(...step);
      const fresh = createFakeExcel({ sheets: ['Axe 1'] });
      await write(fresh, [
        ...rows(3).flatMap((row, r) =>
          row.map((value, c): [string, string | number] => [`${'ABCD'[c]}${r + 1}`, value]),
        ),
        ['E1', totals],
        ...applied,
      ]);
      expect(await valuesOf(fake)).toEqual(await valuesOf(fresh));
    }
    // B2:B7 is now empty, 40, 4, 2, 5, 1: C2:C7 doubles them (empty as 0).
    expect((await valuesOf(fake))[0][4]).toBe(2 * (40 + 4 + 2 + 5 + 1));
  });
});

describe('the whole grid of a worksheet (« Excel specifications and limits »: 1 048 576 rows by 16 384 columns)', () => {
  it('takes and computes cells past HyperFormula’s default 40 000 rows and 18 278 columns', async () => {
    const fake = createFakeExcel({ sheets: ['Lignes', 'Colonnes'] });
    await fake.Excel.run(async (context: FakeContext) => {
      const rows = context.workbook.worksheets.getItem('Lignes');
      rows.getRange('A1048576').values = [[7]];
      rows.getRange('A1').formulas = [['=A1048576*2']];
      const columns = context.workbook.worksheets.getItem('Colonnes');
      columns.getRange('XFD1').values = [[5]];
      columns.getRange('A1').formulas = [['=XFD1+Lignes!A1048576']];
      await context.sync();
    });
    await fake.Excel.run(async (context: FakeContext) => {
      const sheets = context.workbook.worksheets;
      const rows = sheets.getItem('Lignes').getRange('A1').load('values');
      const columns = sheets.getItem('Colonnes').getRange('A1').load('values');
      await context.sync();
      expect(rows.values).toEqual([[14]]);
      expect(columns.values).toEqual([[12]]);
    });
  });
});
