import * as fs from 'fs';
import * as path from 'path';
import { excelEnumValues, excelMemberType } from '../helpers/office-api-typings';
import type { FakeChart } from './charts';
import { DOCUMENTED_ENUMS, METHOD_RULES, PROPERTY_RULES, WHOLE_OBJECT_PROPERTIES } from './documented-settings';
import { createFakeExcel, FakeContext } from './index';

const ENUMS_FILE = path.join(__dirname, 'excel-enums.json');

describe('the settings the fake checks', () => {
  it('take their enums from @types/office-js (CTG_WRITE_API_SETS=1 rewrites the table)', () => {
    const fromTypings = excelEnumValues(DOCUMENTED_ENUMS);
    if (process.env.CTG_WRITE_API_SETS === '1')
      fs.writeFileSync(ENUMS_FILE, `${JSON.stringify(fromTypings, null, 2)}\n`);
    expect(JSON.parse(fs.readFileSync(ENUMS_FILE, 'utf8'))).toEqual(fromTypings);
    expect(Object.keys(fromTypings).sort()).toEqual([...DOCUMENTED_ENUMS].sort());
  });

  it('are members the typings declare', () => {
    const members = [...Object.keys(PROPERTY_RULES), ...Object.keys(METHOD_RULES), ...WHOLE_OBJECT_PROPERTIES];
    expect(members.filter((member) => excelMemberType(...(member.split('.') as [string, string])) === null)).toEqual(
      [],
    );
  });

  // Each member typed with an enum accepts every value of it and nothing else.
  it.each([
    ['PageLayout.orientation', 'PageOrientation'],
    ['PageLayout.paperSize', 'PaperType'],
    ['ChartLegend.position', 'ChartLegendPosition'],
    ['DataBarConditionalFormat.barDirection', 'ConditionalDataBarDirection'],
  ])('%s takes the values of Excel.%s', (member, enumName) => {
    expect(excelMemberType(...(member.split('.') as [string, string]))).toMatch(new RegExp(`^Excel\\.${enumName} \\|`));
    const values = excelEnumValues([enumName])[enumName];
    expect(values.filter((value) => PROPERTY_RULES[member](value) !== null)).toEqual([]);
    expect(PROPERTY_RULES[member]('Nonsense')).not.toBeNull();
  });

  it.each([
    ['ChartCollection.add', 'Excel.ChartType, Range, Excel.ChartSeriesBy'],
    ['ConditionalFormatCollection.add', 'Excel.ConditionalFormatType'],
    ['PageLayout.setPrintMargins', 'Excel.PrintMarginUnit, Excel.PageLayoutMarginOptions'],
  ])('%s takes the parameters (%s)', (member, parameters) => {
    expect(excelMemberType(...(member.split('.') as [string, string]))).toBe(`(${parameters})`);
  });
});

/** The outcome of one batch on a fresh fake: 'ok', or the error's code and location. */
async function attempt(batch: (context: FakeContext) => void): Promise<string> {
  const fake = createFakeExcel({ sheets: ['Feuil1'] });
  return fake.Excel.run<string>(async (context: FakeContext) => {
    batch(context);
    await context.sync();
    return 'ok';
  }).catch(
    (error: { code: string; debugInfo: { errorLocation: string } }) => `${error.code} ${error.debugInfo.errorLocation}`,
  );
}
const sheet = (context: FakeContext) => context.workbook.worksheets.getItem('Feuil1');
const layoutSet = (props: Record<string, unknown>) => (context: FakeContext) => {
  const layout = sheet(context).pageLayout;
  for (const [key, value] of Object.entries(props)) layout[key] = value;
};

describe('page layout, as documented', () => {
  it.each([
    ['n pages wide, the height left out', { horizontalFitToPages: 3 }, 'ok'],
    ['n pages wide and m tall', { horizontalFitToPages: 2, verticalFitToPages: 5 }, 'ok'],
    ['a fit with a null scale', { horizontalFitToPages: 1, scale: null }, 'ok'],
    ['a scale with null fits', { scale: 80, horizontalFitToPages: null, verticalFitToPages: null }, 'ok'],
    ['the smallest scale', { scale: 10 }, 'ok'],
    ['the largest scale', { scale: 400 }, 'ok'],
    ['0 pages tall (undocumented)', { horizontalFitToPages: 3, verticalFitToPages: 0 }, 'InvalidArgument'],
    ['0 pages wide', { horizontalFitToPages: 0 }, 'InvalidArgument'],
    ['a fraction of a page', { horizontalFitToPages: 1.5 }, 'InvalidArgument'],
    ['a scale below 10', { scale: 9 }, 'InvalidArgument'],
    ['a scale above 400', { scale: 401 }, 'InvalidArgument'],
    ['a scale and a fit together', { scale: 50, horizontalFitToPages: 1 }, 'InvalidArgument'],
    ['neither', {}, 'InvalidArgument'],
    ['a member the interface lacks', { horizontalFitToPages: 1, fitToPage: true }, 'InvalidArgument'],
  ])('zoom: %s', async (_, zoom, expected) => {
    const outcome = await attempt(layoutSet({ zoom }));
    expect(outcome).toBe(expected === 'ok' ? 'ok' : `${expected} PageLayout.zoom`);
  });

  it('zoom is set as a whole object: reaching into it before a load throws PropertyNotLoaded', async () => {
    const outcome = await attempt((context) => {
      sheet(context).pageLayout.zoom.scale = 50;
    });
    expect(outcome).toBe('PropertyNotLoaded PageLayout.zoom');
  });

  it.each([
    [{ orientation: 'Landscape', paperSize: 'A4' }, 'ok'],
    [{ orientation: 'landscape' }, 'InvalidArgument PageLayout.orientation'],
    [{ paperSize: 'A4Paper' }, 'InvalidArgument PageLayout.paperSize'],
    [{ leftMargin: 36, topMargin: 0 }, 'ok'],
    [{ leftMargin: -1 }, 'InvalidArgument PageLayout.leftMargin'],
  ])('%j → %s', async (props, expected) => {
    expect(await attempt(layoutSet(props))).toBe(expected);
  });

  it.each([
    ['rows $1:$3', (c: FakeContext) => sheet(c).pageLayout.setPrintTitleRows('$1:$3'), 'ok'],
    ['rows as a range', (c: FakeContext) => sheet(c).pageLayout.setPrintTitleRows(sheet(c).getRange('2:2')), 'ok'],
    [
      'rows A1:C3',
      (c: FakeContext) => sheet(c).pageLayout.setPrintTitleRows('A1:C3'),
      'InvalidArgument PageLayout.setPrintTitleRows',
    ],
    ['columns $A:$C', (c: FakeContext) => sheet(c).pageLayout.setPrintTitleColumns('$A:$C'), 'ok'],
    [
      'columns 1:2',
      (c: FakeContext) => sheet(c).pageLayout.setPrintTitleColumns('1:2'),
      'InvalidArgument PageLayout.setPrintTitleColumns',
    ],
    [
      'margins in centimetres',
      (c: FakeContext) => sheet(c).pageLayout.setPrintMargins('Centimeters', { top: 2 }),
      'ok',
    ],
    [
      'margins in millimetres',
      (c: FakeContext) => sheet(c).pageLayout.setPrintMargins('Millimeters', { top: 20 }),
      'InvalidArgument PageLayout.setPrintMargins',
    ],
    [
      'a margin the options lack',
      (c: FakeContext) => sheet(c).pageLayout.setPrintMargins('Points', { gutter: 20 }),
      'InvalidArgument PageLayout.setPrintMargins',
    ],
  ])('print titles and margins: %s', async (_, batch, expected) => {
    expect(await attempt(batch)).toBe(expected);
  });
});

describe('charts, as documented', () => {
  const withChart = (settle: (chart: FakeChart, c: FakeContext) => void) => (c: FakeContext) => {
    const chart = sheet(c).charts.add('BarClustered', sheet(c).getRange('B1:C4'), 'Columns');
    settle(chart, c);
  };

  it.each([
    ['a documented chart', withChart(() => undefined), 'ok'],
    [
      'an unknown type',
      (c: FakeContext) => void sheet(c).charts.add('Bars', sheet(c).getRange('B1:C4')),
      'InvalidArgument ChartCollection.add',
    ],
    [
      'an unknown series orientation',
      (c: FakeContext) => void sheet(c).charts.add('BarClustered', sheet(c).getRange('B1:C4'), 'ByColumns'),
      'InvalidArgument ChartCollection.add',
    ],
    [
      'axis bounds as numbers',
      withChart((chart) => ((chart.axes.valueAxis.minimum = 0), (chart.axes.valueAxis.maximum = 1))),
      'ok',
    ],
    ['an automatic bound ""', withChart((chart) => (chart.axes.valueAxis.maximum = '')), 'ok'],
    [
      'a bound as a percent text',
      withChart((chart) => (chart.axes.valueAxis.maximum = '100%')),
      'InvalidArgument Chart.axes.valueAxis.maximum',
    ],
    ['the legend at the bottom', withChart((chart) => (chart.legend.position = 'Bottom')), 'ok'],
    [
      'the legend below',
      withChart((chart) => (chart.legend.position = 'Below')),
      'InvalidArgument Chart.legend.position',
    ],
    [
      'category names from a range',
      withChart((chart, c) => chart.axes.categoryAxis.setCategoryNames(sheet(c).getRange('A2:A4'))),
      'ok',
    ],
    [
      'category names from an address',
      withChart((chart) => chart.axes.categoryAxis.setCategoryNames('A2:A4')),
      'InvalidArgument Chart.axes.categoryAxis.setCategoryNames',
    ],
  ])('%s', async (_, batch, expected) => {
    expect(await attempt(batch)).toBe(expected);
  });
});

describe('conditional formats, as documented', () => {
  const added = (type: string) => (c: FakeContext) => sheet(c).getRange('A1:A5').conditionalFormats.add(type);
  const dataBar = (set: (bar: Record<string, unknown>) => void) => (c: FakeContext) => set(added('DataBar')(c).dataBar);
  const colorScale = (criteria: unknown) => (c: FakeContext) =>
    void (added('ColorScale')(c).colorScale.criteria = criteria);
  const cellValue = (rule: unknown) => (c: FakeContext) => void (added('CellValue')(c).cellValue.rule = rule);
  const red = '#FF0000';

  it.each([
    [
      'an unknown type',
      (c: FakeContext) => void added('Gradient')(c),
      'InvalidArgument ConditionalFormatCollection.add',
    ],
    [
      'a bar from 0 to 1',
      dataBar(
        (bar) => (
          (bar.lowerBoundRule = { type: 'Number', formula: '0' }),
          (bar.upperBoundRule = { type: 'Number', formula: '1' })
        ),
      ),
      'ok',
    ],
    ['a bar bound lowest value', dataBar((bar) => (bar.lowerBoundRule = { type: 'LowestValue' })), 'ok'],
    [
      'a Number bound without its number',
      dataBar((bar) => (bar.lowerBoundRule = { type: 'Number' })),
      'InvalidArgument ConditionalFormat.dataBar.lowerBoundRule',
    ],
    [
      'an unknown bound type',
      dataBar((bar) => (bar.upperBoundRule = { type: 'Max', formula: '1' })),
      'InvalidArgument ConditionalFormat.dataBar.upperBoundRule',
    ],
    [
      'a bar colour #RRGGBB',
      dataBar((bar) => ((bar.positiveFormat as Record<string, unknown>).fillColor = '#5B9BD5')),
      'ok',
    ],
    [
      'a bar colour of 3 digits',
      dataBar((bar) => ((bar.positiveFormat as Record<string, unknown>).fillColor = '#5BD')),
      'InvalidArgument ConditionalFormat.dataBar.positiveFormat.fillColor',
    ],
    [
      'a bar direction',
      dataBar((bar) => (bar.barDirection = 'Upward')),
      'InvalidArgument ConditionalFormat.dataBar.barDirection',
    ],
    [
      'a 3-point scale',
      colorScale({
        minimum: { type: 'LowestValue', color: red },
        midpoint: { type: 'Percentile', formula: '50', color: '#FFFF00' },
        maximum: { type: 'HighestValue', color: '#00FF00' },
      }),
      'ok',
    ],
    [
      'a scale without maximum',
      colorScale({ minimum: { type: 'LowestValue', color: red } }),
      'InvalidArgument ConditionalFormat.colorScale.criteria',
    ],
    [
      'a Percentile point without its value',
      colorScale({ minimum: { type: 'Percentile', color: red }, maximum: { type: 'HighestValue', color: red } }),
      'InvalidArgument ConditionalFormat.colorScale.criteria',
    ],
    [
      'an Automatic colour point (a data bar type only)',
      colorScale({ minimum: { type: 'Automatic', color: red }, maximum: { type: 'HighestValue', color: red } }),
      'InvalidArgument ConditionalFormat.colorScale.criteria',
    ],
    ['a Between rule', cellValue({ operator: 'Between', formula1: '=1', formula2: '=5' }), 'ok'],
    [
      'a Between rule with one bound',
      cellValue({ operator: 'Between', formula1: '=1' }),
      'InvalidArgument ConditionalFormat.cellValue.rule',
    ],
    [
      'an operator in lower case',
      cellValue({ operator: 'equalTo', formula1: '=1' }),
      'InvalidArgument ConditionalFormat.cellValue.rule',
    ],
    [
      'a fill colour as a number',
      (c: FakeContext) => void (added('Custom')(c).custom.format.fill.color = 0xff0000),
      'InvalidArgument ConditionalFormat.custom.format.fill.color',
    ],
  ])('%s', async (_, batch, expected) => {
    expect(await attempt(batch)).toBe(expected);
  });

  it('bounds and criteria are set as whole objects: reaching into them before a load throws PropertyNotLoaded', async () => {
    const bound = await attempt((c) => {
      added('DataBar')(c).dataBar.lowerBoundRule.formula = '0';
    });
    expect(bound).toBe('PropertyNotLoaded DataBarConditionalFormat.lowerBoundRule');
    const criteria = await attempt((c) => {
      added('ColorScale')(c).colorScale.criteria.minimum = { type: 'LowestValue' };
    });
    expect(criteria).toBe('PropertyNotLoaded ColorScaleConditionalFormat.criteria');
  });
});
