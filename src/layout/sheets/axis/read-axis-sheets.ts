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
  for (const grid of grids) {
    const read = readAxisSheet(grid, axisNumberOfSheetName(grid.name)!, quarters, storedMeta.formatVersion);
    sheets.push(read.reading);
    issues.push(...read.issues.filter((issue) => !saidByDates(issue)));
  }
  return { sheets, issues };
}
