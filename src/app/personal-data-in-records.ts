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
 * axis sheets, Paramètres, Compétences AO, a person's own sheets, notes beside the tables), and the text of every
 * formula there. A literal a person typed in a formula (`="Écrire à …"&A1`) is in the tracking as long as the
 * formula holds it, whatever its result shows: the Journal line that quotes that formula (`Formule saisie à
 * vérifier`, a text of the tools put back) keeps it as written until the person takes it out of the cell.
 */

/** Whether a sheet is part of the tracking, as far as personal data goes. */
const isTrackingSheet = (name: string) => !recordSheetNames.has(name) && name !== sheetNames.meta;

function* textsOfGrids(sheets: readonly ListedSheet[]): Generator<string> {
  for (const sheet of sheets) {
    if (isSkipped(sheet) || !isTrackingSheet(sheet.name)) continue;
    for (const row of sheet.rows)
      for (const found of row ?? []) {
        if (typeof found?.value === 'string') yield found.value;
        if (found?.formula !== undefined) yield found.formula;
      }
  }
}

function* textsOfSpec(spec: WorkbookSpec): Generator<string> {
  for (const sheet of spec.sheets) {
    if (!isTrackingSheet(sheet.name)) continue;
    for (const row of sheet.rows)
      for (const found of row?.cells ?? []) {
        const content = found?.value;
        if (typeof content === 'string') yield content;
        else if (content !== null && typeof content === 'object') {
          if (typeof content.result === 'string') yield content.result;
          yield content.formula;
        }
      }
  }
}

/** The personal data the tracking holds in grids read whole (values, and formulas' texts). */
export function personalDataOfGrids(grids: AnyWorkbookGrids): Set<string> {
  return personalDataTexts(textsOfGrids(grids.sheets));
}

/** The personal data the tracking holds in a workbook about to be written (values, formulas' results and texts). */
export function personalDataOfSpec(spec: WorkbookSpec): Set<string> {
  return personalDataTexts(textsOfSpec(spec));
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
