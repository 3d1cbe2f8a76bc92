import fc from 'fast-check';
import { quarterLabel, quartersOfPeriod } from '../../src/domain/periods';
import {
  achievementRate,
  cumulativeFillCounts,
  fillRateCumulative,
  fillRatePeriod,
  meanAchievement,
  periodFillCounts,
  rateWindow,
  type RateCriterion,
} from '../../src/domain/rates';
import { expectsValue } from '../../src/domain/tracking';
import { frequencies, qualitativeScale } from '../../src/domain/vocabulary';

const period = { start: '2025-07-01', end: '2028-06-30' };
const quarters = quartersOfPeriod(period);
const labels = quarters.map(quarterLabel);

const cellValue = fc.oneof(
  fc.constant(null),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer({ min: -5, max: 50 }),
  fc.constantFrom(...qualitativeScale, 'TRÈS SATISFAISANT', 'bien', '12', ''),
  fc.boolean(),
);

const criterion: fc.Arbitrary<RateCriterion> = fc.record({
  kind: fc.constantFrom('quantitative' as const, 'qualitative' as const),
  frequency: fc.constantFrom(...frequencies, null),
  baseline: fc.option(fc.integer({ min: -20, max: 20 }), { nil: null }),
  target: fc.option(fc.integer({ min: -20, max: 40 }), { nil: null }),
  values: fc.dictionary(fc.constantFrom(...labels), cellValue),
});

const windowArb = fc.integer({ min: 0, max: quarters.length - 1 }).map((i) => rateWindow(period, quarters[i]));
const inUnitRangeOrNull = (rate: number | null) => rate === null || (rate >= 0 && rate <= 1);

describe('rate properties', () => {
  it('every rate is a fraction in [0, 1] or undefined', () => {
    fc.assert(
      fc.property(fc.array(criterion, { maxLength: 8 }), windowArb, (criteria, window) => {
        expect(inUnitRangeOrNull(fillRatePeriod(criteria, window))).toBe(true);
        expect(inUnitRangeOrNull(fillRateCumulative(criteria, window))).toBe(true);
        expect(inUnitRangeOrNull(meanAchievement(criteria, window))).toBe(true);
        for (const one of criteria) expect(inUnitRangeOrNull(achievementRate(one, window))).toBe(true);
      }),
    );
  });

  it('the rate of a union is (sum of filled) / (sum of expected) of its parts', () => {
    fc.assert(
      fc.property(fc.array(criterion), fc.array(criterion), windowArb, (a, b, window) => {
        for (const counts of [periodFillCounts, cumulativeFillCounts]) {
          const ca = counts(a, window);
          const cb = counts(b, window);
          const union = counts([...a, ...b], window);
          expect(union).toEqual({ filled: ca.filled + cb.filled, expected: ca.expected + cb.expected });
        }
        const ca = cumulativeFillCounts(a, window);
        const cb = cumulativeFillCounts(b, window);
        const pooled = ca.expected + cb.expected === 0 ? null : (ca.filled + cb.filled) / (ca.expected + cb.expected);
        expect(fillRateCumulative([...a, ...b], window)).toBe(pooled);
      }),
    );
  });

  it('the cumulative expected cells are the quarters up to Q that the frequency asks for', () => {
    fc.assert(
      fc.property(criterion, windowArb, (one, window) => {
        const asked = window.quartersToDate.filter((q) => expectsValue(one.frequency, q, window.last)).length;
        expect(cumulativeFillCounts([one], window).expected).toBe(asked);
      }),
    );
  });

  it('values after Q and values in quarters that expect none move no figure', () => {
    fc.assert(
      fc.property(criterion, windowArb, cellValue, (one, window, noise) => {
        const currentIndex = labels.indexOf(quarterLabel(window.current));
        const noisy = { ...one.values };
        quarters.forEach((q, i) => {
          if (i > currentIndex || !expectsValue(one.frequency, q, window.last)) noisy[quarterLabel(q)] = noise;
        });
        const changed = { ...one, values: noisy };
        expect(fillRatePeriod([changed], window)).toBe(fillRatePeriod([one], window));
        expect(fillRateCumulative([changed], window)).toBe(fillRateCumulative([one], window));
        expect(achievementRate(changed, window)).toBe(achievementRate(one, window));
      }),
    );
  });
});
