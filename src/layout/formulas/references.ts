import { absoluteAddress, absoluteRangeRef, columnLetters, quotedSheetName } from '../a1';
import { SETTINGS_VALUE_COLUMN, settingsRows } from '../sheets/settings/settings-layout';
import { sheetNames } from '../texts';

/**
 * References the rate formulas are made of, built from positions (never typed). A reference may carry its sheet
 * (`'Axe 1'!$B$4:$B$9`) so that the same builders serve the axis sheets and the Annexe 4 summary.
 */

/** `'Paramètres'!$B$9`: the current quarter Q, text `AAAA-Tn`. */
export function currentQuarterRef(): string {
  const row = settingsRows.currentQuarter;
  return absoluteRangeRef(sheetNames.settings, row, SETTINGS_VALUE_COLUMN, row, SETTINGS_VALUE_COLUMN);
}

/** The sheet prefix of a reference: `'Axe 1'!`, or nothing for a reference within the formula's own sheet. */
export function sheetPrefix(sheet: string | null): string {
  return sheet === null ? '' : `${quotedSheetName(sheet)}!`;
}

/** `$B$4:$B$9` (absolute rows and columns), or `$B$4` for one cell. */
export function absoluteRange(top: number, left: number, bottom: number, right: number): string {
  const first = absoluteAddress(top, left);
  const last = absoluteAddress(bottom, right);
  return first === last ? first : `${first}:${last}`;
}

/** `$V5:$AO5`: columns fixed, row relative (a row's own cells). */
export function rowRange(row: number, left: number, right: number): string {
  const first = `$${columnLetters(left)}${row}`;
  const last = `$${columnLetters(right)}${row}`;
  return first === last ? first : `${first}:${last}`;
}

/** `V$3`: row fixed, column relative (a header above each cell of a conditional format's range). */
export function rowAbsoluteAddress(row: number, column: number): string {
  return `${columnLetters(column)}$${row}`;
}
