import { endedQuartersAfter, quarterLabel, type Quarter } from '../../src/domain/periods';

/**
 * The quarters an extract would leave out: those of the convention after the master's current quarter that have
 * already ended. The quarter just ended, collected before it is closed, is the usual round: none is left out then.
 */
const period = { start: '2026-01-01', end: '2030-12-31' };
const ended = (current: Quarter, today: string) =>
  endedQuartersAfter(current, period, new Date(today)).map(quarterLabel);

describe('the quarters ended after the current one', () => {
  it('are none while the current quarter is today’s or the one just ended', () => {
    expect(ended({ year: 2026, q: 3 }, '2026-08-20T10:00:00Z')).toEqual([]);
    expect(ended({ year: 2026, q: 2 }, '2026-08-20T10:00:00Z')).toEqual([]);
    expect(ended({ year: 2026, q: 2 }, '2026-07-01T00:00:00Z')).toEqual([]);
  });

  it('are every quarter ended after it when it lags more', () => {
    expect(ended({ year: 2026, q: 1 }, '2026-08-20T10:00:00Z')).toEqual(['2026-T2']);
    expect(ended({ year: 2026, q: 1 }, '2026-11-20T10:00:00Z')).toEqual(['2026-T2', '2026-T3']);
  });

  it('stop at the convention’s last quarter once it is over, and are none before it starts', () => {
    expect(ended({ year: 2030, q: 4 }, '2031-05-01T10:00:00Z')).toEqual([]);
    expect(ended({ year: 2030, q: 3 }, '2031-05-01T10:00:00Z')).toEqual(['2030-T4']);
    expect(ended({ year: 2026, q: 1 }, '2025-11-20T10:00:00Z')).toEqual([]);
  });
});
