import { embeddedPlan } from '../../src/app';
import { quarterLabel, quartersOfPeriod } from '../../src/domain/periods';
import type { Criterion } from '../../src/domain/plan';
import { criterionRowRates, rateWindow } from '../../src/domain/rates';
import type { RawValue } from '../../src/domain/tracking';
import { axisColumns, KEY_HEADER } from '../../src/layout/sheets/axis/axis-columns';
import { AXIS_HEADER_ROW } from '../../src/layout/sheets/axis/axis-sheet';
import { rateCriterionOf } from '../../src/layout/rate-inputs';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { generateOnFake } from './helpers/run-on-fake';

/**
 * The live rate formulas (SUMPRODUCT over array arithmetic) as Excel computes them after a person types quarter
 * values: on the fake (HyperFormula with array arithmetic), a criterion row's `Renseignement cumulé` equals what the
 * domain computes from the same cells.
 */
const today = new Date('2026-11-28T10:00:00Z');

test('Renseignement cumulé of criterion rows follows the quarter values typed in Excel, as the domain computes it', async () => {
  const plan = embeddedPlan().plan;
  const { fake } = await generateOnFake(plan, today);
  const { currentQuarter } = await buildNewWorkbook(plan, { today });
  const quarters = quartersOfPeriod(plan.period);
  const window = rateWindow(plan.period, currentQuarter);
  const toDate = window.quartersToDate.map(quarterLabel);
  expect(toDate.length).toBeGreaterThan(1);

  const axis = plan.axes[0];
  const sheet = `Axe ${axis.number}`;
  const columns = axisColumns(quarters);
  const header = fake.inspect.values(sheet, `A${AXIS_HEADER_ROW}:ZZ${AXIS_HEADER_ROW}`)[0];
  const columnOf = (text: string) => {
    const index = header.indexOf(text);
    expect(index).toBeGreaterThanOrEqual(0);
    return index;
  };
  const headerOf = (id: string) => columns.find((column) => column.id === id)!.header;
  const keyColumn = columnOf(KEY_HEADER);
  const keys = fake.inspect.values(sheet, `A1:ZZ400`).map((row) => row[keyColumn]);
  const criteria: Criterion[] = axis.fiches.flatMap((fiche) => fiche.criteria).filter((c) => c.kind === 'quantitative');
  expect(criteria.length).toBeGreaterThan(2);
  const chosen = criteria.slice(0, 4);
  const cell = (criterion: Criterion, text: string) => {
    const row = keys.indexOf(criterion.key) + 1;
    expect(row).toBeGreaterThan(AXIS_HEADER_ROW);
    return { row, column: columnOf(text) };
  };

  // A person types a value in the first quarter and in Q (the quarters between stay empty).
  const typed = new Map<string, number>([
    [toDate[0], 12],
    [toDate[toDate.length - 1], 30],
  ]);
  await fake.officeJs.Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    for (const criterion of chosen)
      for (const [label, value] of typed) {
        const { row, column } = cell(criterion, label);
        worksheet.getCell(row - 1, column).values = [[value]];
      }
    await context.sync();
  });

  const rates = chosen.map((criterion) => {
    const read = (text: string): RawValue => {
      const { row, column } = cell(criterion, text);
      return fake.inspect.values(sheet, `A${row}:ZZ${row}`)[0][column] as RawValue;
    };
    const entered = new Map<string, { value: RawValue }>([
      ['frequency', { value: read(headerOf('frequency')) }],
      ['baseline', { value: read(headerOf('baseline')) }],
      ['target', { value: read(headerOf('target')) }],
      ...quarters.map((quarter): [string, { value: RawValue }] => [
        quarterLabel(quarter),
        { value: read(quarterLabel(quarter)) },
      ]),
    ]);
    const domain = criterionRowRates(rateCriterionOf(criterion, quarters, new Map([[criterion.key, entered]])), window);
    const computed = read(headerOf('fillCumulative'));
    expect(domain.fillCumulative).not.toBeNull();
    expect(computed).toBeCloseTo(domain.fillCumulative!, 10);
    return domain.fillCumulative!;
  });
  // Not every row is trivially full or empty: some quarter expected up to Q is missing.
  expect(rates.some((rate) => rate > 0 && rate < 1)).toBe(true);
});
