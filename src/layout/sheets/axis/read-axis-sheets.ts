import type { SheetGrid } from '../../../domain/grid';
import type { Issue } from '../../../domain/issues';
import type { AxisSheetReading } from '../../../domain/tracking';
import { checkConventionDates, followsFromChangedDates } from '../../convention-dates';
import type { TrackingHeader } from '../../tracking-build';
import { axisNumberOfSheetName, headerTexts, readAxisSheet } from './read-axis-sheet';

/** Every `Axe N` of a workbook as read, in workbook order, and the issues of reading them. */
export interface AxisSheetsReading {
  sheets: AxisSheetReading[];
  /** The convention dates' checks first (`_ctg`, Paramètres and the quarter columns), then each sheet's. */
  issues: Issue[];
}

/**
 * Reads the axis sheets against the header: the convention's quarters and the format they were written in. When
 * the convention's dates were changed by hand, the quarter columns that no longer fit are that one error's, not one
 * issue each (`followsFromChangedDates`).
 */
export function readAxisSheets(grids: readonly SheetGrid[], header: TrackingHeader): AxisSheetsReading {
  const { storedMeta, settings, quarters } = header;
  const axisHeaders = grids.flatMap(headerTexts);
  const dateIssues = checkConventionDates({
    ctgSheet: header.ctgSheet,
    meta: storedMeta,
    settingsSheet: header.settingsSheet,
    settings,
    axisHeaders,
  });
  const saidByDates = followsFromChangedDates(dateIssues, axisHeaders);
  const issues = [...dateIssues];
  const sheets: AxisSheetReading[] = [];
  const planAxes = new Set(storedMeta.keys.flatMap((entry) => (entry.axis === undefined ? [] : [entry.axis])));
  for (const grid of grids) {
    const axis = axisNumberOfSheetName(grid.name)!;
    const read = readAxisSheet(grid, axis, quarters, storedMeta.formatVersion);
    sheets.push(read.reading);
    const notInPlan = planAxes.size > 0 && !planAxes.has(axis) ? axis : null;
    issues.push(...read.issues.filter((issue) => !saidByDates(issue)).map((issue) => named(issue, notInPlan)));
  }
  return { sheets, issues };
}

/**
 * A sheet without a table under the name of an axis the plan does not have (`Axe 14` of a 13-axis plan) is a person's
 * own sheet so named, not one of the tools' that lost its header row: its error says to rename it.
 */
function named(issue: Issue, axisNotInPlan: number | null): Issue {
  if (axisNotInPlan === null || issue.code !== 'missing-header-row') return issue;
  return { ...issue, params: { ...issue.params, axisNotInPlan } };
}
