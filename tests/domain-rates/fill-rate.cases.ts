import { parseQuarterLabel } from '../../src/domain/periods';
import {
  cumulativeFillCounts,
  fillRateCumulative,
  fillRatePeriod,
  isMissing,
  periodFillCounts,
  rateWindow,
} from '../../src/domain/rates';
import { period2026to2027T2, qualitative, quantitative } from './rates-cases';

const at = (label: string) => rateWindow(period2026to2027T2, parseQuarterLabel(label)!);

// Quarters of the period: 2026-T1 … 2026-T4, 2027-T1, 2027-T2 (the last one, which expects every criterion).
const quarterly = quantitative('Trimestrielle', {
  '2026-T1': 5,
  '2026-T2': '7', // a number stored as text: not filled
  '2026-T3': 0, // zero counts
  '2026-T4': -2, // negatives count
  '2027-T2': 4,
});
const annual = quantitative('Annuelle', {
  '2026-T2': 10, // not expected in T2: ignored
  '2027-T1': 99, // not expected (T1, not the last quarter)
});
const halfYearly = qualitative('Semestrielle', {
  '2026-T2': 'SATISFAISANT', // case ignored
  '2026-T3': 'Très satisfaisant', // not expected in T3: ignored
  '2026-T4': 'bien', // not a value of the scale
  '2027-T2': 'pas satisfaisant',
});
const all = [quarterly, annual, halfYearly];

describe('taux de renseignement (période)', () => {
  it('counts the filled cells of Q among the criteria expecting a value in Q', () => {
    // 2026-T4: all three expect; only the quarterly one holds a value (-2); "bien" is not on the scale.
    expect(periodFillCounts(all, at('2026-T4'))).toEqual({ filled: 1, expected: 3 });
    expect(fillRatePeriod(all, at('2026-T4'))).toBeCloseTo(1 / 3, 12);
    // 2026-T2: the annual one does not expect; the text "7" does not count, "SATISFAISANT" does.
    expect(periodFillCounts(all, at('2026-T2'))).toEqual({ filled: 1, expected: 2 });
  });

  it('expects every criterion in the last quarter of the convention, whatever its frequency', () => {
    // 2027-T1: only the quarterly one expects, and it is empty.
    expect(periodFillCounts(all, at('2027-T1'))).toEqual({ filled: 0, expected: 1 });
    // 2027-T2 (last): all three expect; 4 and "pas satisfaisant" are filled.
    expect(periodFillCounts(all, at('2027-T2'))).toEqual({ filled: 2, expected: 3 });
  });

  it('is undefined when no criterion expects a value in Q, and for an empty set', () => {
    expect(fillRatePeriod([annual], at('2026-T2'))).toBeNull();
    expect(fillRatePeriod([], at('2026-T4'))).toBeNull();
  });

  it('is undefined when Q is not a quarter of the convention', () => {
    expect(fillRatePeriod(all, rateWindow(period2026to2027T2, { year: 2025, q: 4 }))).toBeNull();
    expect(fillRatePeriod(all, rateWindow(period2026to2027T2, { year: 2027, q: 3 }))).toBeNull();
  });
});

describe('taux de renseignement cumulé', () => {
  it('pools the expected cells of the quarters from the first to Q', () => {
    // quarterly: 4 expected (T1–T4), filled T1, T3, T4 → 3; annual: T4 expected, empty → 0 of 1;
    // half-yearly: T2 and T4 expected, T2 filled → 1 of 2. Values after Q (2027) are not read.
    expect(cumulativeFillCounts(all, at('2026-T4'))).toEqual({ filled: 4, expected: 7 });
    expect(fillRateCumulative(all, at('2026-T4'))).toBeCloseTo(4 / 7, 12);
  });

  it('of one criterion row', () => {
    expect(fillRateCumulative([quarterly], at('2026-T4'))).toBeCloseTo(3 / 4, 12);
    expect(fillRateCumulative([annual], at('2026-T3'))).toBeNull();
    expect(fillRateCumulative([annual], at('2026-T4'))).toBe(0);
  });

  it('through the last quarter', () => {
    // quarterly: 6 expected, filled T1, T3, T4, 2027-T2 → 4; annual: 2026-T4 and 2027-T2 → 0 of 2;
    // half-yearly: 2026-T2, 2026-T4, 2027-T2 → 2 of 3.
    expect(cumulativeFillCounts(all, at('2027-T2'))).toEqual({ filled: 6, expected: 11 });
  });

  it('is pooled over cells, not the mean of the fiches rates', () => {
    const ficheA = [quarterly]; // 3 / 4
    const ficheB = [annual, halfYearly]; // 1 / 3
    const pooled = fillRateCumulative([...ficheA, ...ficheB], at('2026-T4'))!;
    const meanOfMeans = (fillRateCumulative(ficheA, at('2026-T4'))! + fillRateCumulative(ficheB, at('2026-T4'))!) / 2;
    expect(pooled).toBeCloseTo(4 / 7, 12);
    expect(meanOfMeans).toBeCloseTo((3 / 4 + 1 / 3) / 2, 12);
    expect(Math.abs(pooled - meanOfMeans)).toBeGreaterThan(0.02);
  });

  it('treats a missing frequency as Trimestrielle', () => {
    const noFrequency = quantitative(null, { '2026-T1': 1 });
    expect(cumulativeFillCounts([noFrequency], at('2026-T3'))).toEqual({ filled: 1, expected: 3 });
  });

  it('counts neither booleans nor numbers as qualitative values, nor scale words as numbers', () => {
    const odd = [
      quantitative('Trimestrielle', { '2026-T1': true, '2026-T2': 'Satisfaisant' }),
      qualitative('Trimestrielle', { '2026-T1': 3, '2026-T2': 'Satisfaisant, à revoir' }),
    ];
    expect(cumulativeFillCounts(odd, at('2026-T2'))).toEqual({ filled: 0, expected: 4 });
  });
});

describe('missing mark', () => {
  it('marks expected empty cells only', () => {
    const q = parseQuarterLabel('2026-T4')!;
    expect(isMissing(annual, q, at('2026-T4'))).toBe(true);
    expect(isMissing(quarterly, q, at('2026-T4'))).toBe(false);
    expect(isMissing(annual, parseQuarterLabel('2026-T3')!, at('2026-T4'))).toBe(false);
  });
});
