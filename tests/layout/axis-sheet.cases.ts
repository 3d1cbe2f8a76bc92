import { quartersOfPeriod } from '../../src/domain/periods';
import { axisColumns } from '../../src/layout/sheets/axis/axis-columns';
import { AXIS_HEADER_ROW, buildAxisSheet } from '../../src/layout/sheets/axis/axis-sheet';
import { samplePlan } from './helpers/sample-plan';

const plan = samplePlan();
const quarters = quartersOfPeriod(plan.period);
const columns = axisColumns(quarters);

describe('buildAxisSheet', () => {
  test('an axis without fiches keeps its header row with its filter', () => {
    const sheet = buildAxisSheet({ ...plan.axes[0], fiches: [] }, quarters);
    expect(sheet.rows).toHaveLength(AXIS_HEADER_ROW);
    expect(sheet.rows[AXIS_HEADER_ROW - 1].cells.map((cell) => cell?.value)).toEqual(
      columns.map((column) => column.header),
    );
    expect(sheet.autoFilter).toBe('A3:AS3');
    expect(sheet.validations).toEqual([]);
  });

  test('validations cover runs of rows: one range per run of criterion rows, quarters as one rectangle', () => {
    const sheet = buildAxisSheet(plan.axes[0], quarters);
    const frequency = sheet.validations.find(
      (validation) => validation.kind === 'list' && validation.source === 'ctg_frequences',
    );
    // Axe 1: G1 (row 4) + 3 criteria (5–7), G2 (8) + 2 criteria (9–10), G1-B (11) + 1 criterion (12).
    expect(frequency?.ranges).toEqual(['S5:S7', 'S9:S10', 'S12']);
    const scale = sheet.validations.find(
      (validation) => validation.kind === 'list' && validation.source === 'ctg_echelle',
    );
    expect(scale?.ranges).toEqual(['W7:AP7', 'W12:AP12']);
    const status = sheet.validations.find(
      (validation) => validation.kind === 'list' && validation.source === 'ctg_statuts',
    );
    expect(status?.ranges).toEqual(['K4', 'K8', 'K11']);
  });

  test('a sheet-level filter covers the header and every data row, no row is grouped; rates get a colour scale', () => {
    const sheet = buildAxisSheet(plan.axes[0], quarters);
    // Not a table, not an outline: on a protected sheet Excel lets people use a sheet filter's arrows only.
    expect(sheet).not.toHaveProperty('table');
    expect(sheet.autoFilter).toBe('A3:AS12');
    expect(sheet.rows.filter((row) => 'outlineLevel' in row)).toEqual([]);
    expect(sheet.protection).toMatchObject({ allowAutoFilter: true, allowFormatRows: true });
    expect(sheet.conditionalFormats.map((format) => [format.kind, format.range])).toEqual([
      ['colorScale', 'AQ4:AQ12'],
      ['colorScale', 'AR4:AR12'],
    ]);
  });

  test('« Abandonnée en » follows Statut: a text cell a person may type into on fiche rows, grey on criterion rows', () => {
    const sheet = buildAxisSheet(plan.axes[0], quarters);
    const column = columns.findIndex((candidate) => candidate.header === 'Abandonnée en');
    expect(columns[column - 1].header).toBe('Statut');
    const styleAt = (row: number) => sheet.rows[row - 1].cells[column]?.style;
    expect(styleAt(4)).toMatchObject({ numFmt: '@', locked: false });
    expect(styleAt(5)).toMatchObject({ locked: true });
    expect(styleAt(5)?.fill).toBeDefined();
    expect(sheet.rows[3].cells[column]?.value ?? null).toBeNull();
  });
});
