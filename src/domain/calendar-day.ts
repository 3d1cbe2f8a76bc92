/**
 * Today's date, the one every command and the task pane go by (docs/WORKBOOK.md, « Filled, expected, current
 * quarter »): the day an instant falls on by the machine's own clock and time zone, as the person at it reads it
 * on their screen. A Caf in La Réunion or Guadeloupe closes its quarter at its own midnight, not at Paris's.
 * Instants recorded in the files (the Journal, `_ctg`) stay UTC and are shown in French time, said so
 * (src/domain/messages/paris-time.ts): a date without a time is today's, a date with a time says its clock.
 */

/** `AAAA-MM-JJ`: the day `instant` falls on in the machine's time zone. */
export function calendarDayOf(instant: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(instant.getFullYear()).padStart(4, '0')}-${two(instant.getMonth() + 1)}-${two(instant.getDate())}`;
}

/** `AAAA-MM-JJ` → the day after it (calendar arithmetic, no time zone involved). */
export function dayAfter(isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}
