import { quartersOfPeriod } from '../../src/domain/periods';
import { planKeyList } from '../../src/domain/plan-keys';
import type { StoredKey } from '../../src/domain/tracking';
import { validateTracking } from '../../src/domain/validation';
import { axisNumberOfSheetName, readAxisSheet } from '../../src/layout/sheets/axis/read-axis-sheet';
import { cleanGrids, GENERATION_DAY, smallPlan } from './clean-workbook';

/**
 * When the key list records each key's axis, a missing `Axe N` is one `missing-sheet` error (its rows are not
 * also reported one by one); without axes, the rows of a lost sheet are reported as missing rows.
 */
async function run(withAxes: boolean) {
  const plan = smallPlan();
  const grids = await cleanGrids(plan);
  const sheets = grids.sheets.filter((grid) => grid.name !== 'Axe 3');
  const axisOf = new Map(
    plan.axes.flatMap((axis) =>
      axis.fiches.flatMap((f) => [f.key, ...f.criteria.map((c) => c.key)].map((key) => [key, axis.number] as const)),
    ),
  );
  // Without axes: a key list as format 1 stored it.
  const storedKeys: StoredKey[] = planKeyList(plan).map(({ key, type, parentKey }) =>
    withAxes ? { key, type, parentKey, axis: axisOf.get(key)! } : { key, type, parentKey },
  );
  const quarters = quartersOfPeriod(plan.period);
  const axisSheets = sheets.flatMap((grid) => {
    const axis = axisNumberOfSheetName(grid.name);
    return axis === null ? [] : [readAxisSheet(grid, axis, quarters).reading];
  });
  return validateTracking({
    sheetNames: sheets.map((grid) => grid.name),
    expectedSheets: [
      'Paramètres',
      '_ctg',
      ...new Set(storedKeys.flatMap((entry) => (entry.axis ? [`Axe ${entry.axis}`] : []))),
    ],
    axisSheets,
    storedKeys,
    period: plan.period,
    currentQuarter: null,
    today: GENERATION_DAY,
  }).map((issue) => `${issue.code} ${issue.sheet} ${issue.rowKey ?? ''}`.trim());
}

describe('a lost axis sheet', () => {
  it('is one missing-sheet error when the key list records axes', async () => {
    expect(await run(true)).toEqual(['missing-sheet Axe 3']);
  });

  it('is a missing row per key otherwise, placed on the nearest sheet', async () => {
    expect(await run(false)).toEqual(['PE1', 'PE1-QN1', 'PE1-QL1'].map((key) => `missing-row Axe 1 ${key}`));
  });
});
