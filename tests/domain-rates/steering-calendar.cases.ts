import { quarterIndex, quartersOfPeriod } from '../../src/domain/periods';
import { periodMidpoint, steeringCalendar, steeringCalendarAt } from '../../src/domain/steering-calendar';

const brief = (period: { start: string; end: string }) =>
  steeringCalendar(period).map((item) => [item.quarterLabel, item.kind, item.label]);

const midterm = (period: { start: string; end: string }) =>
  steeringCalendar(period).find((item) => item.kind === 'midterm')!.quarterLabel;

/** The bilan intermédiaire's quarter as the rank among the convention's quarters, over their number: `9 / 16`. */
function midtermRank(period: { start: string; end: string }): string {
  const quarters = quartersOfPeriod(period);
  const quarter = steeringCalendar(period).find((item) => item.kind === 'midterm')!.quarter;
  return `${quarterIndex(quarter) - quarterIndex(quarters[0]) + 1} / ${quarters.length}`;
}

describe('steering calendar', () => {
  it('for 2026–2030: annual checkpoints in T4 of 2026–2029, bilan intermédiaire 2028-T3, bilan final 2030-T4', () => {
    const period = { start: '2026-01-01', end: '2030-12-31' };
    // 60 months: the midpoint is the start of the 31st, July 2028.
    expect(periodMidpoint(period)).toBe('2028-07-01');
    expect(brief(period)).toEqual([
      ['2026-T4', 'annual', 'Point d’étape annuel 2026'],
      ['2027-T4', 'annual', 'Point d’étape annuel 2027'],
      ['2028-T3', 'midterm', 'Bilan intermédiaire'],
      ['2028-T4', 'annual', 'Point d’étape annuel 2028'],
      ['2029-T4', 'annual', 'Point d’étape annuel 2029'],
      ['2030-T4', 'final', 'Bilan final'],
    ]);
  });

  it('gives conventions of the same length the same mid-term, whatever their leap days', () => {
    // Whole years from 1 January: the first quarter of the second half, 9th of 16 for four years, 11th of 20 for five.
    for (let start = 2020; start <= 2040; start += 1)
      for (let years = 1; years <= 6; years += 1) {
        const period = { start: `${start}-01-01`, end: `${start + years - 1}-12-31` };
        expect([period, midtermRank(period)]).toEqual([period, `${2 * years + 1} / ${4 * years}`]);
      }
    expect(midterm({ start: '2024-01-01', end: '2027-12-31' })).toBe('2026-T1');
    expect(midterm({ start: '2025-01-01', end: '2028-12-31' })).toBe('2027-T1');
    expect(midterm({ start: '2026-01-01', end: '2029-12-31' })).toBe('2028-T1');
    expect(midterm({ start: '2028-01-01', end: '2031-12-31' })).toBe('2030-T1');
  });

  it('for 2024–2027, whose first half holds a leap day: the bilan intermédiaire in 2026-T1, the 9th of 16 quarters', () => {
    const period = { start: '2024-01-01', end: '2027-12-31' };
    expect(periodMidpoint(period)).toBe('2026-01-01');
    expect(brief(period)).toEqual([
      ['2024-T4', 'annual', 'Point d’étape annuel 2024'],
      ['2025-T4', 'annual', 'Point d’étape annuel 2025'],
      ['2026-T1', 'midterm', 'Bilan intermédiaire'],
      ['2026-T4', 'annual', 'Point d’étape annuel 2026'],
      ['2027-T4', 'final', 'Bilan final'],
    ]);
  });

  it('for an odd number of months, takes the month the midpoint falls in: 15 quarters, the 8th', () => {
    // 2025-01-01 … 2028-09-30: 45 months, the midpoint halfway through the 23rd, November 2026.
    const period = { start: '2025-01-01', end: '2028-09-30' };
    expect(periodMidpoint(period)).toBe('2026-11-01');
    expect(midterm(period)).toBe('2026-T4');
    expect(midtermRank(period)).toBe('8 / 15');
  });

  it('counts the months of a period that does not start in January, or starts within a quarter', () => {
    // 2025-07-01 … 2029-06-30: 48 months, the midpoint July 2027.
    expect(periodMidpoint({ start: '2025-07-01', end: '2029-06-30' })).toBe('2027-07-01');
    expect(midtermRank({ start: '2025-07-01', end: '2029-06-30' })).toBe('9 / 16');
    expect(midterm({ start: '2025-07-01', end: '2029-06-30' })).toBe('2027-T3');
    // 2025-02-01 … 2029-01-31: 48 months over 17 quarters, the midpoint February 2027, in the middle quarter.
    expect(periodMidpoint({ start: '2025-02-01', end: '2029-01-31' })).toBe('2027-02-01');
    expect(midtermRank({ start: '2025-02-01', end: '2029-01-31' })).toBe('9 / 17');
  });

  it('for 2025-07-01 … 2028-06-30: the midpoint is 2027-01-01, the bilan intermédiaire in 2027-T1', () => {
    const period = { start: '2025-07-01', end: '2028-06-30' };
    // 36 months; counted in days (July–December are longer), the midpoint would be 2026-12-31.
    expect(periodMidpoint(period)).toBe('2027-01-01');
    expect(brief(period)).toEqual([
      ['2025-T4', 'annual', 'Point d’étape annuel 2025'],
      ['2026-T4', 'annual', 'Point d’étape annuel 2026'],
      ['2027-T1', 'midterm', 'Bilan intermédiaire'],
      ['2027-T4', 'annual', 'Point d’étape annuel 2027'],
      ['2028-T2', 'final', 'Bilan final'],
    ]);
  });

  it('takes the quarter of the exact midpoint day when the period does not run over whole months', () => {
    // 2026-01-01 … 2026-06-30 runs over whole months: 6, the midpoint April → T2; no annual checkpoint in a
    // one-year CTG.
    expect(periodMidpoint({ start: '2026-01-01', end: '2026-06-30' })).toBe('2026-04-01');
    expect(brief({ start: '2026-01-01', end: '2026-06-30' })).toEqual([
      ['2026-T2', 'midterm', 'Bilan intermédiaire'],
      ['2026-T2', 'final', 'Bilan final'],
    ]);
    // 2026-01-01 … 2026-06-28: 179 days, midpoint 2026-03-31 at noon → T1.
    expect(periodMidpoint({ start: '2026-01-01', end: '2026-06-28' })).toBe('2026-03-31');
    expect(steeringCalendar({ start: '2026-01-01', end: '2026-06-28' })[0].quarterLabel).toBe('2026-T1');
    // 2026-01-01 … 2026-06-29: 180 days, midpoint 2026-04-01 at 00:00, the first instant of T2.
    expect(steeringCalendar({ start: '2026-01-01', end: '2026-06-29' })[0].quarterLabel).toBe('2026-T2');
    // 2026-01-15 … 2030-01-14: 1 461 days, midpoint 2028-01-15 at noon → T1.
    expect(periodMidpoint({ start: '2026-01-15', end: '2030-01-14' })).toBe('2028-01-15');
    expect(midterm({ start: '2026-01-15', end: '2030-01-14' })).toBe('2028-T1');
    // 2024-01-01 … 2024-02-28 stops a day before February's end in a leap year: 59 days, midpoint 2024-01-30 at
    // noon. 2025-01-01 … 2025-02-28 runs over whole months: 2, the midpoint February.
    expect(periodMidpoint({ start: '2024-01-01', end: '2024-02-28' })).toBe('2024-01-30');
    expect(periodMidpoint({ start: '2025-01-01', end: '2025-02-28' })).toBe('2025-02-01');
  });

  it('places each entry against the current quarter', () => {
    const marks = steeringCalendarAt({ start: '2026-01-01', end: '2030-12-31' }, { year: 2028, q: 3 }).map((item) => [
      item.quarterLabel,
      item.isCurrent,
      item.isPast,
    ]);
    expect(marks).toEqual([
      ['2026-T4', false, true],
      ['2027-T4', false, true],
      ['2028-T3', true, false],
      ['2028-T4', false, false],
      ['2029-T4', false, false],
      ['2030-T4', false, false],
    ]);
  });
});
