import { daysInMonth } from '../date-text';
import { FRENCH_MONTHS } from './numbers';
import type { MessageParams } from './types';

/**
 * Why a date typed as text is no day (params `day`, `month`, `year`: src/domain/date-text.ts), as validation and the
 * merge say it: « le 31 février 2026 n’existe pas (février 2026 n’a que 28 jours) », « il n’y a pas de mois 13 ».
 */
export function whyNoDate(p: MessageParams): string {
  const [day, month, year] = [Number(p.day), Number(p.month), Number(p.year)];
  // Month first (« 02/31/2026 »): said with the order a French spreadsheet reads.
  if (!(month >= 1 && month <= 12)) return `il n’y a pas de mois ${month} (une date s’écrit jour/mois/année)`;
  if (day < 1) return `il n’y a pas de jour ${day}`;
  const name = FRENCH_MONTHS[month - 1];
  // February's length depends on the year: named with it.
  const length = `${month === 2 ? `${name} ${year}` : name} n’a que ${daysInMonth(year, month)} jours`;
  return `le ${day} ${name} ${year} n’existe pas (${length})`;
}
