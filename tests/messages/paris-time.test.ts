import { frenchDatesApart, frenchDayAndTime, parisDay } from '../../src/domain/messages/paris-time';

/**
 * Instants in messages: in French time, said so, summer time included, to the precision asked; a day as written. A
 * user trial read « 04/12/2026 à 16:05 (UTC), contre … à 16:05 (UTC) » for two writes 40 seconds apart.
 */

describe('instants in French time', () => {
  it.each([
    ['2026-12-04T16:05:50Z', 'minute', '04/12/2026 à 17:05 (heure de Paris)'],
    ['2026-07-04T16:05:50Z', 'minute', '04/07/2026 à 18:05 (heure de Paris)'],
    ['2026-12-04T16:05:50Z', 'second', '04/12/2026 à 17:05:50 (heure de Paris)'],
    ['2026-12-04T16:05:50.042Z', 'millisecond', '04/12/2026 à 17:05:50,042 (heure de Paris)'],
    ['2026-12-03T23:30:00Z', 'day', '04/12/2026'],
    ['2026-03-29T00:59:59Z', 'second', '29/03/2026 à 01:59:59 (heure de Paris)'],
    ['2026-03-29T01:00:00Z', 'second', '29/03/2026 à 03:00:00 (heure de Paris)'],
    ['2026-12-04', 'second', '04/12/2026'],
  ] as const)('%p to the %p is %p', (iso, precision, shown) => expect(frenchDayAndTime(iso, precision)).toBe(shown));

  it('gives an instant’s day in Paris, and a day as it is', () => {
    expect(parisDay('2026-12-03T23:30:00Z')).toBe('2026-12-04');
    expect(parisDay('2026-12-03')).toBe('2026-12-03');
  });

  it('shows two dates as precisely as tells them apart', () => {
    expect(frenchDatesApart('2026-12-04T16:05:50Z', '2026-12-04T16:05:12Z', 'day')).toEqual([
      '04/12/2026 à 17:05:50 (heure de Paris)',
      '04/12/2026 à 17:05:12 (heure de Paris)',
    ]);
    expect(frenchDatesApart('2026-12-04T16:05:00Z', '2026-12-04T09:00:00Z', 'day')).toEqual([
      '04/12/2026 à 17:05 (heure de Paris)',
      '04/12/2026 à 10:00 (heure de Paris)',
    ]);
    expect(frenchDatesApart('2026-12-05T10:00:00Z', '2026-12-04T10:00:00Z', 'day')).toEqual([
      '05/12/2026',
      '04/12/2026',
    ]);
    expect(frenchDatesApart('2026-12-03T23:30:00Z', '2026-12-04', 'day')).toEqual([
      '04/12/2026 à 00:30 (heure de Paris)',
      '04/12/2026',
    ]);
  });

  it('says UTC where the engine has no time zones', async () => {
    const { DateTimeFormat } = Intl;
    const spy = jest.spyOn(Intl, 'DateTimeFormat').mockImplementation((locale, options) => {
      if (options?.timeZone) throw new RangeError('Invalid time zone specified: Europe/Paris');
      return new DateTimeFormat(locale, options);
    });
    try {
      // A fresh copy of the module: its formatter is made at its first use.
      await jest.isolateModulesAsync(async () => {
        const { frenchDayAndTime: inUtc } = await import('../../src/domain/messages/paris-time');
        expect(inUtc('2026-12-04T16:05:50Z', 'second')).toBe('04/12/2026 à 16:05:50 (UTC)');
      });
    } finally {
      spy.mockRestore();
    }
  });
});
