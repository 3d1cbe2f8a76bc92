import fc from 'fast-check';
import { embeddedPlan } from '../../src/app/plan-source';
import { parseQuarterLabel, quartersOfPeriod, type Quarter } from '../../src/domain/periods';
import type { Plan } from '../../src/domain/plan';
import { planArbitrary } from '../layout/helpers/plan-arbitrary';
import { samplePlan } from '../layout/helpers/sample-plan';
import {
  filledWorkbookSpec,
  readGrids,
  withAbandonedFiche,
  withCurrentQuarterText,
  writtenBytes,
} from './helpers/build-filled';
import { compareRates } from './helpers/compare-rates';
import { recalcWithHyperFormula } from './helpers/recalc-hyperformula';

/**
 * The written formulas, recalculated by HyperFormula from the file our reader reads back, give the figures of
 * src/domain/rates on the same values — on every rate cell of the axis sheets and every figure of the Annexe 4.
 */

const q = (label: string): Quarter => parseQuarterLabel(label)!;

async function recalculatedComparison(plan: Plan, current: Quarter, seed: number, quarterText?: string) {
  let spec = await filledWorkbookSpec(plan, current, { seed });
  if (quarterText !== undefined) spec = withCurrentQuarterText(spec, quarterText);
  const grids = readGrids(await writtenBytes(spec));
  return compareRates(recalcWithHyperFormula(grids), plan);
}

describe('rate formulas recalculated by HyperFormula', () => {
  it.each([
    [1, '2026-T1'],
    [2, '2027-T2'],
    [3, '2028-T4'],
    [4, '2030-T4'],
  ])('equal the domain on the sample plan (seed %i, Q %s)', async (seed, current) => {
    const comparison = await recalculatedComparison(samplePlan(), q(current), seed);
    expect(comparison.mismatches).toEqual([]);
    expect(comparison.compared).toBeGreaterThan(80);
  });

  it('equal the domain on the seed convention, and move when Q is changed in Paramètres', async () => {
    const plan = embeddedPlan().plan;
    const first = await recalculatedComparison(plan, q('2027-T2'), 11);
    expect(first.mismatches).toEqual([]);
    const moved = await recalculatedComparison(plan, q('2027-T2'), 11, '2029-T1');
    expect(moved.mismatches).toEqual([]);
    expect(moved.window.quartersToDate.length).toBe(quartersOfPeriod(plan.period).length - 7);
    expect(moved.overall.fillCumulative).not.toBeCloseTo(first.overall.fillCumulative!, 6);
  });
});

describe('rate formulas of an abandoned fiche, recalculated by HyperFormula', () => {
  it('leave its criteria out of the counts from its quarter of abandonment on, as the domain does', async () => {
    const plan = samplePlan();
    const spec = await filledWorkbookSpec(plan, q('2028-T2'), { seed: 3, density: 0.9 });
    const recalculated = async (edited: typeof spec) =>
      compareRates(recalcWithHyperFormula(readGrids(await writtenBytes(edited))), plan);
    const before = await recalculated(withAbandonedFiche(spec, 'Axe 1', 'G1', ''));
    const abandoned = await recalculated(withAbandonedFiche(spec, 'Axe 1', 'G1', '2027-T3'));
    const later = await recalculated(withAbandonedFiche(spec, 'Axe 1', 'G1', ' 2028-t3 '));
    for (const comparison of [before, abandoned, later]) expect(comparison.mismatches).toEqual([]);
    expect(abandoned.overall.fillCumulative).not.toBeCloseTo(before.overall.fillCumulative!, 6);
    expect(abandoned.overall.achievement).not.toBeCloseTo(before.overall.achievement!, 6);
    // Abandoned after Q: nothing changes yet.
    expect(later.overall).toEqual(before.overall);
  });
});

describe('rate formulas on arbitrary plans, recalculated by HyperFormula', () => {
  it('equal the domain whatever the plan, the values and Q', async () => {
    await fc.assert(
      fc.asyncProperty(planArbitrary, fc.integer({ min: 1, max: 1e6 }), fc.nat(), async (plan, seed, pickQ) => {
        const quarters = quartersOfPeriod(plan.period);
        const comparison = await recalculatedComparison(plan, quarters[pickQ % quarters.length], seed);
        expect(comparison.mismatches).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });
});
