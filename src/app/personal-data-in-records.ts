import { isSkipped, type AnyWorkbookGrids, type ListedSheet, type SheetGrid } from '../domain/grid';
import { createIssue, type Issue } from '../domain/issues';
import { mayHoldPersonalData } from '../domain/personal-data';
import { erasePersonalData, personalDataTexts } from '../domain/personal-data-erasure';
import { recordSheetNames, recordValueTexts } from '../layout/record-values';
import { sheetNames } from '../layout/texts';
import type { WorkbookSpec } from '../layout/workbook-spec';

/**
 * What the tracking still holds of personal data, against which the record sheets' values are judged
 * (docs/WORKBOOK.md, « Personal data in the records »): every text of every sheet but the records and `_ctg` (the
 * axis sheets, Paramètres, Compétences AO, a person's own sheets, notes beside the tables).
 */

/** Whether a sheet is part of the tracking, as far as personal data goes. */
const isTrackingSheet = (name: string) => !recordSheetNames.has(name) && name !== sheetNames.meta;

function* textsOf(values: Iterable<unknown>): Generator<string> {
  for (const value of values) {
    if (typeof value === 'string') yield value;
    else if (value !== null && typeof value === 'object' && 'result' in value && typeof value.result === 'string')
      yield value.result;
  }
}

function* valuesOfGrids(sheets: readonly ListedSheet[]): Generator<unknown> {
  for (const sheet of sheets) {
    if (isSkipped(sheet) || !isTrackingSheet(sheet.name)) continue;
    for (const row of sheet.rows) for (const found of row ?? []) if (found) yield found.value;
  }
}

function* valuesOfSpec(spec: WorkbookSpec): Generator<unknown> {
  for (const sheet of spec.sheets) {
    if (!isTrackingSheet(sheet.name)) continue;
    for (const row of sheet.rows) for (const found of row?.cells ?? []) if (found) yield found.value;
  }
}

/** The personal data the tracking holds in grids read whole. */
export function personalDataOfGrids(grids: AnyWorkbookGrids): Set<string> {
  return personalDataTexts(textsOf(valuesOfGrids(grids.sheets)));
}

/** The personal data the tracking holds in a workbook about to be written (values, and formulas' text results). */
export function personalDataOfSpec(spec: WorkbookSpec): Set<string> {
  return personalDataTexts(textsOf(valuesOfSpec(spec)));
}

/**
 * Validation: a warning at each record value holding personal data that the tracking no longer holds, which the
 * next rewrite erases there (src/app/erase-personal-data.ts). Grids of some sheets only are not judged: what the
 * tracking holds would not be known.
 */
export function personalDataInRecords(grids: AnyWorkbookGrids): Issue[] {
  if (grids.sheets.some(isSkipped)) return [];
  const records = (grids.sheets as SheetGrid[])
    .filter((grid) => recordSheetNames.has(grid.name))
    .flatMap((grid) => recordValueTexts(grid).filter((value) => mayHoldPersonalData(value.text)));
  if (records.length === 0) return [];
  const tracking = personalDataOfGrids(grids);
  return records.flatMap((value) => {
    const erased = erasePersonalData(value.text, tracking);
    if (!erased) return [];
    const where = { sheet: value.sheet, cell: value.cell, rowKey: value.rowKey };
    return [createIssue('personal-data-in-records', where, { kinds: erased.kinds })];
  });
}
