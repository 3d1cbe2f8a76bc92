import type { Issue, IssueLocation } from '../issues';
import {
  initialCurrentQuarter,
  parseTypedQuarter,
  quarterIndex,
  quarterLabel,
  quartersOfPeriod,
  type Quarter,
} from '../periods';
import type { Period } from '../plan';
import type { RawValue } from '../tracking';
import { createIssue } from '../issues';

/** The current-quarter cell of Paramètres as read. */
export interface CurrentQuarterCell {
  raw: RawValue;
  sheet: string;
  /** A1 address, null when the reader could not locate the cell. */
  cell: string | null;
  /** The cell's formula when the file stores no result for it (then `raw` is null); absent otherwise. */
  uncalculatedFormula?: string;
  /** The quarter a text that is none most likely means (« T3 2027 », a date), to suggest; null or absent when none. */
  meant?: Quarter | null;
}

export interface CurrentQuarterCheck {
  issues: Issue[];
  /** Q when it is a valid quarter of the convention, else null (the rules that need Q then stay silent). */
  quarter: Quarter | null;
}

/**
 * Q must be a text `AAAA-Tn` naming a quarter of the convention (docs/WORKBOOK.md, « Filled, expected, current quarter »); it should not
 * lag behind today's quarter, clamped to the convention (after the end, the last quarter is as far as Q goes).
 */
export function checkCurrentQuarter(source: CurrentQuarterCell, period: Period, today: Date): CurrentQuarterCheck {
  const location: IssueLocation = { sheet: source.sheet, cell: source.cell, rowKey: null };
  const quarters = quartersOfPeriod(period);
  const first = quarterLabel(quarters[0]);
  const last = quarterLabel(quarters[quarters.length - 1]);
  const text = typeof source.raw === 'string' ? source.raw.trim() : source.raw === null ? '' : String(source.raw);
  const parsed = typeof source.raw === 'string' ? parseTypedQuarter(source.raw) : null;
  const inPeriod = parsed !== null && quarters.some((q) => quarterIndex(q) === quarterIndex(parsed));
  if (source.uncalculatedFormula !== undefined) {
    // Not empty, only not calculated: said as in any other cell (the rules that need Q stay silent).
    return {
      issues: [createIssue('formula-without-value', location, { formula: source.uncalculatedFormula })],
      quarter: null,
    };
  }
  if (!parsed || !inPeriod) {
    // The quarter meant is suggested only when the convention has it: else the period alone says what to type.
    const meant = source.meant && quarters.some((q) => quarterIndex(q) === quarterIndex(source.meant!));
    const params = { value: text, first, last, meant: meant ? quarterLabel(source.meant!) : '' };
    return { issues: [createIssue('current-quarter-invalid', location, params)], quarter: null };
  }
  const lagging = laggingQuarterIssue(parsed, period, today, location);
  return { issues: lagging ? [lagging] : [], quarter: parsed };
}

/**
 * The warning of a current quarter behind today's, clamped to the convention (`current-quarter-lagging`), or null.
 * (The extracts say instead which ended quarters they would leave out: `extract-quarter-behind`.)
 */
function laggingQuarterIssue(quarter: Quarter, period: Period, today: Date, location: IssueLocation): Issue | null {
  const todays = initialCurrentQuarter(period, today);
  if (quarterIndex(quarter) >= quarterIndex(todays)) return null;
  return createIssue('current-quarter-lagging', location, {
    current: quarterLabel(quarter),
    today: quarterLabel(todays),
  });
}
