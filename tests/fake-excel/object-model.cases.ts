import { createFakeExcel, FakeContext } from './index';

describe('object model for a tracking workbook', () => {
  it('adds, finds, orders and hides worksheets, refusing duplicates and bad names', async () => {
    const fake = createFakeExcel({ sheets: ['Feuil1'] });
    await fake.Excel.run(async (context: FakeContext) => {
      const sheets = context.workbook.worksheets;
      sheets.add('Guide');
      sheets.add('_ctg').visibility = 'Hidden';
      sheets.add('Secret').visibility = 'VeryHidden';
      sheets.getItem('Guide').position = 0;
      sheets.getItem('Guide').tabColor = '#00B050';
      sheets.getItem('Feuil1').delete();
      await context.sync();
    });
    expect(fake.inspect.sheets()).toEqual([
      { name: 'Guide', visibility: 'Visible', position: 0, tabColor: '#00B050' },
      { name: '_ctg', visibility: 'Hidden', position: 1, tabColor: '' },
      { name: 'Secret', visibility: 'VeryHidden', position: 2, tabColor: '' },
    ]);
    expect(fake.inspect.snapshotGrid('Secret').visibility).toBe('veryHidden');
    const attempt = (change: (context: FakeContext) => void) =>
      fake.Excel.run(async (context: FakeContext) => {
        change(context);
        await context.sync();
      });
    await expect(attempt((c) => c.workbook.worksheets.add('guide'))).rejects.toMatchObject({
      code: 'ItemAlreadyExists',
    });
    await expect(attempt((c) => c.workbook.worksheets.add('Axe: 1'))).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    await expect(attempt((c) => (c.workbook.worksheets.getItem('Guide').visibility = 'Hidden'))).rejects.toMatchObject({
      code: 'InvalidOperation',
    });
    await expect(attempt((c) => c.workbook.worksheets.getItem('Guide').delete())).rejects.toMatchObject({
      code: 'InvalidOperation',
    });
  });

  it('freezes panes, groups rows with outline levels and selects a cell', async () => {
    const fake = createFakeExcel({ sheets: ['Axe 1'] });
    await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.getItem('Axe 1');
      sheet.freezePanes.freezeRows(3);
      sheet.getRange('4:6').group('ByRows');
      sheet.getRange('5:5').group('ByRows');
      sheet.getRange('6:6').ungroup('ByRows');
      sheet.getRange('K12').select();
      await context.sync();
    });
    expect(fake.inspect.freezePanes('Axe 1')).toEqual({ rows: 3, columns: 0 });
    expect(fake.inspect.rowOutlineLevels('Axe 1')).toEqual({ 4: 1, 5: 2 });
    expect(fake.inspect.selection()).toEqual({ sheet: 'Axe 1', address: 'K12' });
    await fake.Excel.run(async (context: FakeContext) => {
      context.workbook.worksheets.getItem('Axe 1').freezePanes.freezeAt('A1:B3');
      const selected = context.workbook.getSelectedRange().load('address');
      await context.sync();
      expect(selected.address).toBe("'Axe 1'!K12");
    });
    expect(fake.inspect.freezePanes('Axe 1')).toEqual({ rows: 3, columns: 2 });
  });

  it('gives a range’s merged areas starting inside it, a null object for none, and fails past 512', async () => {
    const fake = createFakeExcel({ sheets: ['Axe 1'], apiVersion: '1.13' });
    fake.seed.merge('Axe 1', 'W5:X5').merge('Axe 1', 'A6:A7').merge('Axe 1', 'B1:D2');
    const areasOf = (address?: string) =>
      fake.Excel.run(async (context: FakeContext) => {
        const sheet = context.workbook.worksheets.getItem('Axe 1');
        const areas = (address ? sheet.getRange(address) : sheet.getRange()).getMergedAreasOrNullObject();
        areas.load('areas/items/address, areaCount');
        await context.sync();
        return areas.isNullObject ? null : { count: areas.areaCount, each: areas.areas.items.map((a) => a.address) };
      });
    expect(await areasOf()).toEqual({ count: 3, each: ["'Axe 1'!W5:X5", "'Axe 1'!A6:A7", "'Axe 1'!B1:D2"] });
    // As Excel (OfficeDev/office-js#3611): an area whose first cell is outside the range is not given.
    expect(await areasOf('A7:X9')).toBeNull();
    expect(await areasOf('V4:Y6')).toEqual({ count: 1, each: ["'Axe 1'!W5:X5"] });
    for (let row = 10; row < 523; row++) fake.seed.merge('Axe 1', `A${row}:B${row}`);
    await expect(areasOf()).rejects.toMatchObject({ code: 'GeneralException' });
    fake.setApiVersion('1.12');
    await expect(areasOf('V4:Y6')).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('records list validations with a range or text source, and clears them', async () => {
    const fake = createFakeExcel({ sheets: ['Paramètres', 'Axe 1'] });
    await fake.Excel.run(async (context: FakeContext) => {
      const params = context.workbook.worksheets.getItem('Paramètres');
      const axis = context.workbook.worksheets.getItem('Axe 1');
      axis.getRange('K3:K50').dataValidation.rule = {
        list: { inCellDropDown: true, source: params.getRange('A2:A6') },
      };
      axis.getRange('R3:R50').dataValidation.rule = {
        list: { inCellDropDown: true, source: 'Trimestrielle,Semestrielle,Annuelle' },
      };
      axis.getRange('L3:L50').dataValidation.rule = {
        wholeNumber: { operator: 'Between', formula1: 0, formula2: 100 },
      };
      axis.getRange('K10').dataValidation.clear();
      const read = axis.getRange('K3').dataValidation.load('type, rule');
      await context.sync();
      expect(read.type).toBe('List');
      expect(read.rule).toEqual({ list: { inCellDropDown: true, source: '=Paramètres!$A$2:$A$6' } });
    });
    expect(fake.inspect.validationAt('Axe 1', 'K9')).toEqual({
      list: { inCellDropDown: true, source: '=Paramètres!$A$2:$A$6' },
    });
    expect(fake.inspect.validationAt('Axe 1', 'K10')).toBeNull();
    expect(fake.inspect.validationAt('Axe 1', 'R50')).toEqual({
      list: { inCellDropDown: true, source: 'Trimestrielle,Semestrielle,Annuelle' },
    });
    expect(fake.inspect.validationAt('Axe 1', 'L3')).toEqual({
      wholeNumber: { operator: 'Between', formula1: 0, formula2: 100 },
    });
    await expect(
      fake.Excel.run(async (context: FakeContext) => {
        context.workbook.worksheets.getItem('Axe 1').getRange('A1').dataValidation.rule = {
          list: { inCellDropDown: true, source: '' },
        };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('records conditional formats by kind with their settings', async () => {
    const fake = createFakeExcel({ sheets: ['Axe 1'] });
    await fake.Excel.run(async (context: FakeContext) => {
      const range = context.workbook.worksheets.getItem('Axe 1').getRange('W3:W40');
      const cell = range.conditionalFormats.add('CellValue');
      cell.cellValue.format.fill.color = '#FFC7CE';
      cell.cellValue.rule = { formula1: '=0.5', operator: 'LessThan' };
      const scale = range.conditionalFormats.add('ColorScale');
      scale.colorScale.criteria = {
        minimum: { type: 'LowestValue', color: '#F8696B' },
        maximum: { type: 'HighestValue', color: '#63BE7B' },
      };
      range.conditionalFormats.add('DataBar').dataBar.barDirection = 'LeftToRight';
      range.conditionalFormats.add('Custom').custom.rule.formula = '=$K3="Réalisée"';
      const all = range.conditionalFormats.load('items/type');
      await context.sync();
      expect(all.items.map((f) => f.type)).toEqual(['Custom', 'DataBar', 'ColorScale', 'CellValue']);
    });
    const formats = fake.inspect.conditionalFormats('Axe 1');
    expect(formats.find((f) => f.type === 'CellValue')).toEqual({
      type: 'CellValue',
      address: 'W3:W40',
      settings: {
        cellValue: { format: { fill: { color: '#FFC7CE' } }, rule: { formula1: '=0.5', operator: 'LessThan' } },
      },
    });
    expect(formats.find((f) => f.type === 'Custom')?.settings).toEqual({
      custom: { rule: { formula: '=$K3="Réalisée"' } },
    });
    expect(formats.find((f) => f.type === 'DataBar')?.settings).toEqual({ dataBar: { barDirection: 'LeftToRight' } });
  });

  it('creates tables with filter buttons, appends rows and finds them by name', async () => {
    const fake = createFakeExcel({ sheets: ['Axe 1'] });
    fake.seed.sheet(
      'Axe 1',
      [
        ['Clé', 'Intitulé'],
        ['G1', 'Fiche 1'],
      ],
      'A3',
    );
    await fake.Excel.run(async (context: FakeContext) => {
      const table = context.workbook.worksheets.getItem('Axe 1').tables.add('A3:C4', true);
      table.name = 'SuiviAxe1';
      table.rows.add(null, [['G2', 'Fiche 2', '']]);
      await context.sync();
      const found = context.workbook.tables.getItem('SuiviAxe1').load('name, showFilterButton');
      const missing = context.workbook.tables.getItemOrNullObject('Autre');
      const rows = found.rows.load('count');
      const body = found.getDataBodyRange().load('address');
      await context.sync();
      expect([found.name, found.showFilterButton, rows.count, body.address, missing.isNullObject]).toEqual([
        'SuiviAxe1',
        true,
        2,
        "'Axe 1'!A4:C5",
        true,
      ]);
    });
    expect(fake.inspect.tables()).toEqual([
      {
        name: 'SuiviAxe1',
        sheet: 'Axe 1',
        address: 'A3:C5',
        hasHeaders: true,
        showFilterButton: true,
        dataRowCount: 2,
      },
    ]);
    // Excel names an empty header cell.
    expect(fake.inspect.values('Axe 1', 'C3')).toEqual([['Column3']]);
    await expect(
      fake.Excel.run(async (context: FakeContext) => {
        context.workbook.worksheets.getItem('Axe 1').tables.add('B1:B4', true);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('adds names, refuses a duplicate or a name that looks like a cell, and finds them with getItemOrNullObject', async () => {
    const fake = createFakeExcel({ sheets: ['Paramètres'] });
    await fake.Excel.run(async (context: FakeContext) => {
      context.workbook.names.add('Statuts', "='Paramètres'!$A$2:$A$6");
      const found = context.workbook.names.getItemOrNullObject('statuts').load('name, type, formula');
      const missing = context.workbook.names.getItemOrNullObject('Echelle');
      await context.sync();
      expect([found.isNullObject, found.name, found.type, found.formula, missing.isNullObject]).toEqual([
        false,
        'Statuts',
        'Range',
        "='Paramètres'!$A$2:$A$6",
        true,
      ]);
    });
    const addName = (name: string) =>
      fake.Excel.run(async (context: FakeContext) => {
        context.workbook.names.add(name, '=1');
        await context.sync();
      });
    await expect(addName('Statuts')).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(addName('AB12')).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('records charts with their type and source range, and page layout settings', async () => {
    const fake = createFakeExcel({ sheets: ['Annexe 4 – Suivi'] });
    await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.getItem('Annexe 4 – Suivi');
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:B5'), 'Columns');
      chart.title.text = 'Réalisation par axe';
      sheet.pageLayout.orientation = 'Landscape';
      sheet.pageLayout.zoom = { horizontalFitToPages: 3 };
      sheet.pageLayout.setPrintTitleRows('$1:$2');
      sheet.pageLayout.setPrintTitleColumns('$A:$C');
      // Queued, not applied, until the sync.
      expect(fake.inspect.pageLayout('Annexe 4 – Suivi')).toEqual({});
      await context.sync();
    });
    expect(fake.inspect.charts('Annexe 4 – Suivi')).toEqual([
      {
        name: 'Chart 1',
        type: 'ColumnClustered',
        source: "'Annexe 4 – Suivi'!A1:B5",
        seriesBy: 'Columns',
        settings: { title: { text: 'Réalisation par axe' } },
      },
    ]);
    expect(fake.inspect.pageLayout('Annexe 4 – Suivi')).toEqual({
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 3 },
      setPrintTitleRows: [['$1:$2']],
      setPrintTitleColumns: [['$A:$C']],
    });
  });

  it('snapshots a sheet in the port grid shape: dense rows from A1, formulas without "=", nulls for gaps', async () => {
    const fake = createFakeExcel({ sheets: ['Axe 1'] });
    await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.getItem('Axe 1');
      sheet.getRange('A1').values = [['Axe 1 – Titre']];
      sheet.getRange('A3:C3').formulas = [['G1', null, '=1+2']];
      await context.sync();
    });
    expect(fake.snapshotGrid('Axe 1')).toEqual(fake.inspect.snapshotWorkbook().sheets[0]);
    expect(fake.inspect.snapshotWorkbook()).toEqual({
      sheets: [
        {
          name: 'Axe 1',
          visibility: 'visible',
          rows: [[{ value: 'Axe 1 – Titre' }], [], [{ value: 'G1' }, null, { value: 3, formula: '1+2' }]],
        },
      ],
    });
  });

  it('hides columns and rows, sets borders, a sheet autofilter and document properties', async () => {
    const fake = createFakeExcel({ sheets: ['Journal'] });
    await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.getItem('Journal');
      sheet.getRange('C:D').columnHidden = true;
      sheet.getRange('5:6').rowHidden = true;
      sheet.getRange('A1:F1').format.borders.getItem('EdgeBottom').style = 'Continuous';
      sheet.getRange('A1:F1').format.borders.getItem('EdgeBottom').color = '#808080';
      sheet.autoFilter.apply('A1:F1');
      context.workbook.properties.title = 'Suivi CTG';
      context.workbook.properties.author = 'Caf';
      const read = sheet.getRange('B:D').load('columnHidden');
      const c = sheet.getRange('C1').load('columnHidden');
      const filter = sheet.autoFilter.load('enabled');
      await context.sync();
      expect([read.columnHidden, c.columnHidden, filter.enabled]).toEqual([null, true, true]);
    });
    expect(fake.inspect.hidden('Journal')).toEqual({ columns: ['C', 'D'], rows: [5, 6] });
    expect(fake.inspect.borders('Journal')).toEqual([
      { address: 'A1:F1', side: 'EdgeBottom', style: 'Continuous', color: '#808080' },
    ]);
    expect(fake.inspect.autoFilter('Journal')).toBe('A1:F1');
    expect(fake.inspect.documentProperties()).toEqual({ title: 'Suivi CTG', author: 'Caf' });
  });

  it('keeps a validation error alert set before or after its rule', async () => {
    const fake = createFakeExcel({ sheets: ['Axe 1'] });
    const alert = { showAlert: true, style: 'Stop', title: 'Statut', message: 'Choisissez un statut dans la liste.' };
    await fake.Excel.run(async (context: FakeContext) => {
      const sheet = context.workbook.worksheets.getItem('Axe 1');
      sheet.getRange('K4:K9').dataValidation.errorAlert = alert;
      sheet.getRange('K4:K9').dataValidation.rule = { list: { inCellDropDown: true, source: '=ctg_statuts' } };
      sheet.getRange('L4:L9').dataValidation.rule = {
        wholeNumber: { operator: 'Between', formula1: 0, formula2: 100 },
      };
      sheet.getRange('L4:L9').dataValidation.errorAlert = alert;
      await context.sync();
    });
    for (const cell of ['K5', 'L9']) expect(fake.inspect.validationDetailsAt('Axe 1', cell)?.errorAlert).toEqual(alert);
    expect(fake.inspect.validationDetailsAt('Axe 1', 'M5')).toBeNull();
  });

  it('refuses hiding columns on a protected sheet unless column formatting is allowed', async () => {
    const fake = createFakeExcel({ sheets: ['Axe 1', 'Axe 2'] });
    await fake.Excel.run(async (context: FakeContext) => {
      context.workbook.worksheets.getItem('Axe 1').protection.protect({ allowAutoFilter: true });
      context.workbook.worksheets.getItem('Axe 2').protection.protect({ allowFormatColumns: true });
      context.workbook.worksheets.getItem('Axe 2').getRange('B:B').columnHidden = true;
      await context.sync();
    });
    await expect(
      fake.Excel.run(async (context: FakeContext) => {
        context.workbook.worksheets.getItem('Axe 1').getRange('B:B').columnHidden = true;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(fake.inspect.hidden('Axe 2').columns).toEqual(['B']);
  });

  it('installs Excel, Office and OfficeExtension on a global object and restores it', async () => {
    const fake = createFakeExcel();
    const target: Record<string, unknown> = { Excel: 'before' };
    const restore = fake.install(target);
    expect(target.Excel).toBe(fake.Excel);
    expect(target.Office).toBe(fake.Office);
    restore();
    expect(target.Excel).toBe('before');
  });
});
