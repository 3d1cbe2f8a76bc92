import fc from 'fast-check';
import { aggregate } from '../../src/domain/aggregation';
import { aggregationRules, qualitativeScale, type QualitativeLevel } from '../../src/domain/vocabulary';

/**
 * A quarter cell fed by several partners holds the aggregate of their values by the row's « Règle d'agrégation »
 * (issue 7, « Merge »): each rule does what its name says, and the order the partners came in does not matter.
 */

const integers = fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 30 });
const doubles = fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 30 });
const levels = fc.array(fc.constantFrom(...qualitativeScale), { minLength: 1, maxLength: 30 });
const rule = fc.constantFrom(...aggregationRules);
const rank = (level: QualitativeLevel) => qualitativeScale.indexOf(level);

describe('aggregate over numbers', () => {
  it('Somme is the sum', () => {
    fc.assert(fc.property(integers, (values) => aggregate('Somme', values) === values.reduce((a, b) => a + b, 0)));
  });

  it('Moyenne is the mean', () => {
    fc.assert(
      fc.property(integers, (values) => {
        expect(aggregate('Moyenne', values)).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
      }),
    );
  });

  it('Médiane lies between the least and the greatest value, and is the middle one of an odd count', () => {
    fc.assert(
      fc.property(doubles, (values) => {
        const median = aggregate('Médiane', values)!;
        expect(median).toBeGreaterThanOrEqual(Math.min(...values));
        expect(median).toBeLessThanOrEqual(Math.max(...values));
        if (values.length % 2 === 1) expect(values).toContain(median);
      }),
    );
    expect(aggregate('Médiane', [10, 1, 4])).toBe(4);
    expect(aggregate('Médiane', [10, 1, 4, 2])).toBe(3);
  });

  it('gives the same result whatever the order of the values', () => {
    fc.assert(
      fc.property(rule, integers, fc.integer(), (chosen, values, seed) => {
        const shuffled = [...values].sort((a, b) => ((a * 31 + seed) % 7) - ((b * 31 + seed) % 7));
        expect(aggregate(chosen, shuffled)).toBe(aggregate(chosen, values));
      }),
    );
  });
});

describe('aggregate over the qualitative scale', () => {
  it('is one of the levels given, the median rank, the worse one on a tie, whatever the rule', () => {
    fc.assert(
      fc.property(rule, levels, (chosen, values) => {
        const result = aggregate(chosen, values)!;
        expect(values).toContain(result);
        // The median rank: fewer than half the values worse, at most half better (so on a tie the worse one).
        const r = rank(result);
        expect(values.filter((value) => rank(value) > r).length).toBeLessThan(values.length / 2);
        expect(values.filter((value) => rank(value) < r).length).toBeLessThanOrEqual(values.length / 2);
        expect(aggregate('Médiane', values)).toBe(result);
      }),
    );
  });

  it('takes the worse of two middle levels', () => {
    expect(aggregate('Moyenne', ['Très satisfaisant', 'Pas satisfaisant'])).toBe('Pas satisfaisant');
    expect(aggregate('Somme', ['Peu satisfaisant', 'Satisfaisant'])).toBe('Peu satisfaisant');
    expect(aggregate('Médiane', ['Satisfaisant', 'Très satisfaisant', 'Satisfaisant'])).toBe('Satisfaisant');
    expect(aggregate('Médiane', ['Très satisfaisant', 'Très satisfaisant', 'Satisfaisant', 'Pas satisfaisant'])).toBe(
      'Satisfaisant',
    );
  });

  it('gives the same level whatever the order of the values', () => {
    fc.assert(
      fc.property(rule, levels, (chosen, values) => {
        expect(aggregate(chosen, [...values].reverse())).toBe(aggregate(chosen, values));
        expect(aggregate(chosen, [...values].sort())).toBe(aggregate(chosen, values));
      }),
    );
  });
});

it('aggregates nothing to null', () => {
  for (const chosen of aggregationRules) {
    expect(aggregate(chosen, [] as number[])).toBeNull();
    expect(aggregate(chosen, [] as QualitativeLevel[])).toBeNull();
  }
});
