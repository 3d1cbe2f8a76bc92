import type { Issue } from '../issues';
import { quartersOfPeriod } from '../periods';
import type { Period } from '../plan';
import type { AxisSheetReading, StoredKey } from '../tracking';
import { checkAbandonmentAgreement } from './abandonment';
import { checkAoRequirements, type AoSheetInput } from './ao-table';
import { checkCellTypes } from './cell-types';
import { checkComputedCells } from './computed-cells';
import { checkCurrentQuarter, type CurrentQuarterCell } from './current-quarter';
import { checkKeys, rowsOfAnotherType } from './keys';
import { checkPersonalData } from './personal-data';
import { checkPlanColumnsEmptied } from './plan-columns';
import { checkUpdatesAfterToday } from './update-dates';
import {
  checkCurrentQuarterCompleteness,
  checkDoneWithoutValues,
  checkValuesAfterCurrentQuarter,
} from './quarter-values';
import { checkCriterionPlacement, checkRowTypes } from './row-structure';
import { missingSheetIssues, type SheetKeys } from './sheets';

export type { CurrentQuarterCell } from './current-quarter';
export type { SheetKeys } from './sheets';
export { checkAoRequirements, type AoRowCells, type AoSheetInput } from './ao-table';
export { cellKey, ficheGroups, type FicheGroup } from './quarter-values';

/** What the validation rules look at, already read from the grids by src/layout. */
export interface TrackingWorkbookInput {
  /** Names of the sheets present, in workbook order. */
  sheetNames: readonly string[];
  /** The sheets that must be there: Paramètres, _ctg and the `Axe N` of every axis in the key list. */
  expectedSheets: readonly string[];
  /** The stored keys of each expected axis sheet, to recognise a lost one renamed. */
  expectedKeys?: readonly SheetKeys[];
  /** Sheets present that are neither expected nor the tools' own, with the row keys they hold. */
  unexpectedSheets?: readonly SheetKeys[];
  axisSheets: readonly AxisSheetReading[];
  /** The key list of `_ctg`, in stored order. */
  storedKeys: readonly StoredKey[];
  /** The convention's period (from `_ctg`). */
  period: Period;
  /** The current quarter as read in Paramètres; null when Paramètres could not be read (reported elsewhere). */
  currentQuarter: CurrentQuarterCell | null;
  /** Today, given by the caller: the domain never reads the clock. */
  today: Date;
  /**
   * Cells whose values do not count as filled in the current quarter's completeness (`cellKey`): in a partner's
   * extract, those the merge refuses. None in a tracking workbook.
   */
  notCounted?: ReadonlySet<string>;
  /** `Compétences AO` as read; null or absent when the sheet is missing or unreadable (reported elsewhere). */
  ao?: AoSheetInput | null;
}

/** Every rule of docs/WORKBOOK.md, « Issues », over a workbook read back. Unsorted: see `sortIssues`. */
export function validateTracking(input: TrackingWorkbookInput): Issue[] {
  const rows = input.axisSheets.flatMap((sheet) => sheet.rows);
  const keys = checkKeys(input.axisSheets, input.storedKeys);
  const placement = checkCriterionPlacement(input.axisSheets, keys.storedKeyOf);
  const anotherType = rowsOfAnotherType(keys.storedKeyOf);
  // A sheet out of order groups its rows under the wrong fiches: the checks of a fiche's criteria would name other
  // fiches' cells, until the rewrite that puts the rows back.
  const inOrder = input.axisSheets.filter((sheet) => !placement.outOfOrder.has(sheet.sheet));
  const issues: Issue[] = [
    ...missingSheetIssues(input.expectedSheets, input.sheetNames, input),
    ...keys.issues,
    ...checkRowTypes(input.axisSheets, keys.storedKeyOf),
    ...placement.issues,
    ...checkCellTypes(rows, quartersOfPeriod(input.period), anotherType),
    ...checkComputedCells(rows),
    ...checkDoneWithoutValues(inOrder, anotherType),
    ...checkPersonalData(rows),
    ...checkUpdatesAfterToday(rows, input.today),
    ...checkPlanColumnsEmptied(input.axisSheets),
  ];
  const current = input.currentQuarter ? checkCurrentQuarter(input.currentQuarter, input.period, input.today) : null;
  // The quarter after Q is told only when Q is readable; the Statut's disagreement always.
  issues.push(...checkAbandonmentAgreement(rows, current?.quarter ?? null));
  if (current) {
    issues.push(...current.issues);
    if (current.quarter) {
      const quarters = quartersOfPeriod(input.period);
      issues.push(...checkValuesAfterCurrentQuarter(input.axisSheets, current.quarter, anotherType));
      issues.push(
        ...checkCurrentQuarterCompleteness(inOrder, current.quarter, quarters[quarters.length - 1], {
          today: input.today,
          anotherType,
          ...(input.notCounted ? { notCounted: input.notCounted } : {}),
        }),
      );
      // The RPE obligation depends on Q: the AO rules need a readable Q.
      if (input.ao) issues.push(...checkAoRequirements(input.ao, current.quarter));
    }
  }
  return issues;
}
