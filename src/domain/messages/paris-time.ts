import { frenchDay } from './numbers';

/**
 * Instants as a French reader reads them: in French time (Europe/Paris, summer time included, said so), to the
 * precision asked. The tools record instants in UTC (`toISOString`); a day without a time (`AAAA-MM-JJ`, a fiche's
 * « Dernière mise à jour ») is the same day everywhere and is shown as written. Intl's time zones are in every
 * engine the tools run on (Node's builds carry ICU's zone data; the pane needs an ES2022 browser engine); where they
 * are not, the time is shown in UTC, and says so.
 */

export type TimePrecision = 'day' | 'minute' | 'second' | 'millisecond';

const PRECISIONS: readonly TimePrecision[] = ['day', 'minute', 'second', 'millisecond'];

/** An instant's day and time on a wall clock: `2026-12-04`, `17:05:50`, with the clock's name. */
interface WallClock {
  day: string;
  time: string;
  zone: string;
}

let parisFormat: Intl.DateTimeFormat | null | undefined;

/** Made once (making a formatter costs far more than formatting); null where Intl has no time zones. */
function parisFormatter(): Intl.DateTimeFormat | null {
  if (parisFormat === undefined) {
    try {
      parisFormat = new Intl.DateTimeFormat('fr-FR', {
        timeZone: 'Europe/Paris',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      parisFormat = null;
    }
  }
  return parisFormat;
}

function wallClock(date: Date): WallClock {
  const format = parisFormatter();
  if (format === null) {
    const iso = date.toISOString();
    return { day: iso.slice(0, 10), time: iso.slice(11, 19), zone: 'UTC' };
  }
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of format.formatToParts(date)) parts[part.type] = part.value;
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
    zone: 'heure de Paris',
  };
}

/** A day without a time (`AAAA-MM-JJ`), not an instant. */
export const isDay = (iso: string) => iso.length <= 10;

/** A date's day, `AAAA-MM-JJ`: a day's own, an instant's in French time. */
export function parisDay(iso: string): string {
  return isDay(iso) ? iso : wallClock(new Date(iso)).day;
}

/**
 * A day or an ISO instant → `15/03/2026`, `15/03/2026 à 10:05 (heure de Paris)`, `… à 10:05:12 (heure de Paris)`
 * or `… à 10:05:12,345 (heure de Paris)`, as `precision` asks; a day is shown alone whatever is asked.
 */
export function frenchDayAndTime(iso: string, precision: TimePrecision = 'minute'): string {
  if (isDay(iso)) return frenchDay(iso);
  const date = new Date(iso);
  const clock = wallClock(date);
  if (precision === 'day') return frenchDay(clock.day);
  const seconds =
    precision === 'minute'
      ? ''
      : `${clock.time.slice(5)}${precision === 'millisecond' ? `,${String(date.getUTCMilliseconds()).padStart(3, '0')}` : ''}`;
  return `${frenchDay(clock.day)} à ${clock.time.slice(0, 5)}${seconds} (${clock.zone})`;
}

/**
 * Two dates shown to the least precision from `least` on that does not show them alike (`16:05:12` and `16:05:50`
 * rather than `16:05` twice): what a reader needs to see which is the later.
 */
export function frenchDatesApart(a: string, b: string, least: TimePrecision): [string, string] {
  let shown: [string, string] = [frenchDayAndTime(a, least), frenchDayAndTime(b, least)];
  for (const precision of PRECISIONS.slice(PRECISIONS.indexOf(least) + 1)) {
    if (shown[0] !== shown[1]) break;
    shown = [frenchDayAndTime(a, precision), frenchDayAndTime(b, precision)];
  }
  return shown;
}
