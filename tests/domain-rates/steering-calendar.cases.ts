import { periodMidpoint, steeringCalendar, steeringCalendarAt } from '../../src/domain/steering-calendar';

const brief = (period: { start: string; end: string }) =>
  steeringCalendar(period).map((item) => [item.quarterLabel, item.kind, item.label]);

describe('steering calendar', () => {
  it('for 2026–2030: annual checkpoints in T4 of 2026–2029, bilan intermédiaire 2028-T3, bilan final 2030-T4', () => {
    const period = { start: '2026-01-01', end: '2030-12-31' };
    expect(periodMidpoint(period)).toBe('2028-07-02');
    expect(brief(period)).toEqual([
      ['2026-T4', 'annual', 'Point d’étape annuel 2026'],
      ['2027-T4', 'annual', 'Point d’étape annuel 2027'],
      ['2028-T3', 'midterm', 'Bilan intermédiaire'],
      ['2028-T4', 'annual', 'Point d’étape annuel 2028'],
      ['2029-T4', 'annual', 'Point d’étape annuel 2029'],
      ['2030-T4', 'final', 'Bilan final'],
    ]);
  });

  it('for 2025-07-01 … 2028-06-30: the midpoint falls in 2026-T4, with that year’s checkpoint', () => {
    const period = { start: '2025-07-01', end: '2028-06-30' };
    // 1 096 days; half is 548 days after 2025-07-01.
    expect(periodMidpoint(period)).toBe('2026-12-31');
    expect(brief(period)).toEqual([
      ['2025-T4', 'annual', 'Point d’étape annuel 2025'],
      ['2026-T4', 'annual', 'Point d’étape annuel 2026'],
      ['2026-T4', 'midterm', 'Bilan intermédiaire'],
      ['2027-T4', 'annual', 'Point d’étape annuel 2027'],
      ['2028-T2', 'final', 'Bilan final'],
    ]);
  });

  it('takes the quarter of the exact midpoint, even one day after a quarter starts', () => {
    // 2026-01-01 … 2026-06-30: 181 days, midpoint 2026-04-01 at noon → T2; no annual checkpoint in a one-year CTG.
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
