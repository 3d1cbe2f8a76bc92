import type { Plan } from '../../../domain/plan';
import { earlierSteeringCalendar, steeringCalendar } from '../../../domain/steering-calendar';
import { cellAddress } from '../../a1';
import { annexe4Layout } from './annexe4-layout';

/**
 * The texts of Annexe 4's steering calendar as the tools wrote them before the mid-term of a period over whole months
 * was counted in months (`earlierSteeringCalendar`), by A1 address, where the calendar now differs (2024–2027: A of
 * the bilan intermédiaire's row, 2025-T4 then, 2026-T1 now). Both calendars have as many rows.
 */
export function annexe4EarlierCalendarTexts(plan: Plan): Map<string, string> {
  const current = steeringCalendar(plan.period);
  const rows = annexe4Layout(plan, current.length).calendarRows;
  const texts = new Map<string, string>();
  earlierSteeringCalendar(plan.period).forEach((entry, index) => {
    const now = current[index];
    if (entry.quarterLabel !== now.quarterLabel) texts.set(cellAddress(rows[index], 1), entry.quarterLabel);
    if (entry.label !== now.label) texts.set(cellAddress(rows[index], 2), entry.label);
  });
  return texts;
}
