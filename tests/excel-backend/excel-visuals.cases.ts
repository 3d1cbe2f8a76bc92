import { strFromU8, unzipSync } from 'fflate';
import { rangeAddress } from '../../src/layout/a1';
import { annexe4Layout, summaryColumn } from '../../src/layout/sheets/annexe4/annexe4-layout';
import { PERCENT_FORMAT } from '../../src/layout/styles';
import { sheetNames } from '../../src/layout/texts';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import type { FakeExcel } from '../fake-excel';
import { samplePlan } from '../layout/helpers/sample-plan';
import { generateOnFake } from './helpers/run-on-fake';
import { generateXlsx } from './helpers/xlsx-side';

/**
 * What Excel shows through Office.js beyond the file: a native chart of completion by axis on Annexe 4 and data bars
 * on the rate ranges. The .xlsx writer, given the same plan, writes neither and keeps the colour scales.
 */
const today = new Date('2026-11-28T10:00:00Z');
const plan = samplePlan();
let fake: FakeExcel;
let spec: WorkbookSpec;
let roundTrips: number;

beforeAll(async () => {
  spec = (await buildNewWorkbook(plan, { today })).spec;
  ({ fake, roundTrips } = await generateOnFake(plan, today));
}, 120_000);

const annexe4 = sheetNames.annexe4;
const quoted = (address: string) => `'${annexe4}'!${address}`;

test('Annexe 4 gets one clustered bar chart of renseignement période and cumulé per axis, from 0 to 100 %', () => {
  const layout = annexe4Layout(plan, 0);
  const lastAxisRow = layout.axisRows[layout.axisRows.length - 1];
  expect(plan.axes.length).toBeGreaterThan(1);
  const charts = fake.inspect.charts(annexe4);
  expect(charts).toHaveLength(1);
  const [chart] = charts;
  expect(chart.type).toBe('BarClustered');
  expect(chart.seriesBy).toBe('Columns');
  // Header row (series names) and axis rows, without the total row.
  expect(chart.source).toBe(
    quoted(
      rangeAddress(layout.axisHeaderRow, summaryColumn('fillPeriod'), lastAxisRow, summaryColumn('fillCumulative')),
    ),
  );
  expect(fake.inspect.values(annexe4, rangeAddress(layout.axisRows[0], 1, lastAxisRow, 1))).toEqual(
    plan.axes.map((axis) => [`Axe ${axis.number}`]),
  );
  expect(chart.settings).toMatchObject({
    title: { text: 'Taux de renseignement par axe' },
    axes: {
      valueAxis: { minimum: 0, maximum: 1, numberFormat: PERCENT_FORMAT },
      categoryAxis: { setCategoryNames: [[`'${annexe4}'!$A$${layout.axisRows[0]}:$A$${lastAxisRow}`]] },
    },
  });
  // Beside the table, not over it.
  const position = chart.settings.position as { start: string; end: string };
  expect(position.start).toMatch(/^[P-Z]\d+$/);
});

test('no chart on any other sheet', () => {
  for (const sheet of spec.sheets.filter((candidate) => candidate.name !== annexe4))
    expect(fake.inspect.charts(sheet.name)).toEqual([]);
});

test('data bars from 0 to 1 on the rate columns of Annexe 4 and of the axis sheets, colour scales kept', () => {
  const layout = annexe4Layout(plan, 0);
  const dataBars = (sheet: string) =>
    fake.inspect.conditionalFormats(sheet).filter((format) => format.type === 'DataBar');
  for (const figure of ['fillPeriod', 'fillCumulative', 'achievement'] as const) {
    const column = summaryColumn(figure);
    expect(dataBars(annexe4).map((bar) => bar.address)).toContain(
      rangeAddress(layout.axisRows[0], column, layout.totalRow, column),
    );
  }
  const axisSheet = `Axe ${plan.axes[0].number}`;
  const header = fake.inspect.values(axisSheet, 'A1:AZ10').findIndex((row) => row.includes('Renseignement cumulé'));
  expect(header).toBeGreaterThanOrEqual(0);
  expect(dataBars(axisSheet).length).toBe(2);
  for (const sheet of spec.sheets) {
    const found = fake.inspect.conditionalFormats(sheet.name);
    const scales = found.filter((format) => format.type === 'ColorScale').map((format) => format.address);
    expect(
      dataBars(sheet.name)
        .map((bar) => bar.address)
        .sort(),
    ).toEqual([...scales].sort());
    for (const bar of dataBars(sheet.name))
      expect(bar.settings).toMatchObject({
        dataBar: {
          lowerBoundRule: { type: 'Number', formula: '0' },
          upperBoundRule: { type: 'Number', formula: '1' },
          showDataBarOnly: false,
        },
      });
  }
});

test('the chart and data bars ride in the same request: generate stays at 3 round trips', () => {
  expect(roundTrips).toBe(3);
});

test('the .xlsx writer writes no chart nor data bar and keeps the colour scales with their fixed points', async () => {
  const files = unzipSync(await generateXlsx(plan, today));
  const names = Object.keys(files);
  expect(names.filter((name) => /chart|drawing/i.test(name))).toEqual([]);
  const sheetsXml = names
    .filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
    .map((n) => strFromU8(files[n]));
  const all = sheetsXml.join('\n');
  expect(all).not.toMatch(/dataBar/);
  const scaleCount = spec.sheets.reduce(
    (count, sheet) => count + sheet.conditionalFormats.filter((format) => format.kind === 'colorScale').length,
    0,
  );
  expect(scaleCount).toBeGreaterThan(0);
  expect(all.match(/<colorScale>/g)?.length).toBe(scaleCount);
  expect(all).toMatch(/<cfvo type="num" val="0\.5"\/>/);
});
