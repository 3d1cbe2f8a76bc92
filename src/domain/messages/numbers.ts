/** Numbers and dates as a French reader expects them in a message: decimal comma, no-break space between thousands. */

const NARROW_NO_BREAK_SPACE = /\u202f/g;

/** 0.85 → `0,85` ; 46096 → `46 096` (no-break space). */
// Made once: building a formatter costs far more than formatting (validation quotes every wrong number).
const frenchFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 10 });

export function frenchNumber(value: number): string {
  return frenchFormat.format(value).replace(NARROW_NO_BREAK_SPACE, '\u00a0');
}

/** One decimal, for a rate that is neither 0 nor 1: 12,5. */
const oneDecimalFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * A rate in [0, 1] as the tools show it (the command line, the task pane, and the workbooks' `RATE_FORMAT`,
 * src/layout/styles.ts, which shows it alike): `0 %` and `100 %` only when it is exactly so, any other rate with one
 * decimal, so that a rate barely started never reads « 0 % » nor one nearly complete « 100 % »: `0,3 %`, `12,5 %`,
 * `99,6 %`. `—` when undefined (nothing expected).
 */
export function frenchRate(rate: number | null): string {
  if (rate === null) return '—';
  if (rate === 0 || rate === 1) return `${rate * 100}\u00a0%`;
  return `${oneDecimalFormat.format(rate * 100)}\u00a0%`;
}

/** The most decimals `frenchRatesApart` shows: two rates closer than that are the same to a reader. */
const MAX_RATE_DECIMALS = 6;

/**
 * Two rates as `frenchRate` shows them, with more decimals when one shows them alike (`55,63 %` and `55,58 %` rather
 * than `55,6 %` twice), up to six.
 */
export function frenchRatesApart(a: number | null, b: number | null): [string, string] {
  let shown: [string, string] = [frenchRate(a), frenchRate(b)];
  for (let decimals = 2; decimals <= MAX_RATE_DECIMALS && shown[0] === shown[1] && a !== b; decimals += 1) {
    const format = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    shown = [a, b].map((rate) => (rate === null ? '—' : `${format.format(rate * 100)}\u00a0%`)) as [string, string];
  }
  return shown;
}

/** A fraction as the percentage a cell shows: 0.85 → `85 %` (no-break space before %). */
export function frenchPercent(fraction: number): string {
  return `${frenchNumber(Math.round(fraction * 100 * 1e9) / 1e9)}\u00a0%`;
}

/**
 * `2026-03-15` (or an ISO instant of that day) → `15/03/2026`, the day as a person types it in French Excel: the one
 * way every message shows a day. Anything else as it is (a date cell's text that is no day).
 */
export function frenchDay(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** The months' names, January first, as a date written in words names them (« le 31 février 2026 »). */
export const FRENCH_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;
