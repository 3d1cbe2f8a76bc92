import fc from 'fast-check';
import { validateGrids } from '../../src/app/validate';
import { embeddedPlan } from '../../src/app/plan-source';
import { parseQuarterLabel, quartersOfPeriod } from '../../src/domain/periods';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { planArbitrary } from '../layout/helpers/plan-arbitrary';
import { samplePlan } from '../layout/helpers/sample-plan';
import { filledWorkbookSpec, readGrids, writtenBytes } from './helpers/build-filled';
import { compareRates } from './helpers/compare-rates';

/**
 * What a viewer that does not recalculate shows (mail previews, phones, our own reader): the cached results
 * written with each formula equal the domain's figures on the values of the same file.
 */

describe('cached results of the rate formulas', () => {
  it('equal the domain on a freshly generated seed workbook, which validates without error', async () => {
    const plan = embeddedPlan().plan;
    const today = new Date('2027-05-10T10:00:00Z');
    const { spec } = await buildNewWorkbook(plan, { today });
    const grids = readGrids(await writtenBytes(spec));
    const comparison = await compareRates(grids, plan);
    expect(comparison.mismatches).toEqual([]);
    expect(comparison.compared).toBeGreaterThan(500);
    const report = await validateGrids(grids, { today });
    expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it.each([
    [21, '2026-T1'],
    [22, '2028-T3'],
    [23, '2030-T4'],
  ])('equal the domain once values are entered (sample plan, seed %i, Q %s)', async (seed, current) => {
    const comparison = await compareRates(
      readGrids(await writtenBytes(await filledWorkbookSpec(samplePlan(), parseQuarterLabel(current)!, { seed }))),
      samplePlan(),
    );
    expect(comparison.mismatches).toEqual([]);
  });

  it('equal the domain on the seed convention with values entered', async () => {
    const plan = embeddedPlan().plan;
    const spec = await filledWorkbookSpec(plan, parseQuarterLabel('2028-T2')!, { seed: 5, density: 0.8 });
    const comparison = await compareRates(readGrids(await writtenBytes(spec)), plan);
    expect(comparison.mismatches).toEqual([]);
    expect(comparison.overall.fillCumulative).toBeGreaterThan(0);
    expect(comparison.overall.achievement).not.toBeNull();
  });

  it('equal the domain on arbitrary plans and values', async () => {
    await fc.assert(
      fc.asyncProperty(planArbitrary, fc.integer({ min: 1, max: 1e6 }), fc.nat(), async (plan, seed, pickQ) => {
        const quarters = quartersOfPeriod(plan.period);
        const current = quarters[pickQ % quarters.length];
        const spec = await filledWorkbookSpec(plan, current, { seed });
        const comparison = await compareRates(readGrids(await writtenBytes(spec)), plan);
        expect(comparison.mismatches).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});
