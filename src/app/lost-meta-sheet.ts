import { isSkipped, sheetNamesOf, type AnyWorkbookGrids } from '../domain/grid';
import { axisNumberOfSheetName, headerTexts } from '../layout/sheets/axis/read-axis-sheet';
import { sheetNames } from '../layout/texts';

/**
 * Whether a workbook without `_ctg` still has a tracking workbook's sheets: Paramètres and an axis sheet with its
 * header row. Such a file is a tracking workbook whose sheets were copied into a new workbook, which leaves the hidden
 * `_ctg` behind: the person who has it is told to ask for the original file, not to open one the tools made.
 */
export function lostItsMetaSheet(grids: AnyWorkbookGrids): boolean {
  if (!sheetNamesOf(grids).includes(sheetNames.settings)) return false;
  return grids.sheets.some(
    (grid) => axisNumberOfSheetName(grid.name) !== null && !isSkipped(grid) && headerTexts(grid).length > 0,
  );
}
