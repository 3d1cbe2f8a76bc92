import { isSkipped, type AnyWorkbookGrids } from '../domain/grid';
import type { Issue } from '../domain/issues';
import { axisNumberOfSheetName } from '../layout/sheets/axis/read-axis-sheet';
import { sheetNames } from '../layout/texts';
import type { SheetSelection } from './port';

/**
 * An axis sheet or `Compétences AO` a person renamed: a read of some sheets only (a consolidation's, a bilan's) skips
 * it under its new name, and validation can only say the sheet is missing. Read again with the sheets it skipped,
 * validation finds it by its keys (its table, for `Compétences AO`) and says to give it its name back, as `validate`
 * says.
 */

/** An axis sheet or `Compétences AO` missing: a figure sheet a person may have renamed. */
const isFigureSheetMissing = (issue: Issue) =>
  issue.code === 'missing-sheet' &&
  issue.sheet !== null &&
  (axisNumberOfSheetName(issue.sheet) !== null || issue.sheet === sheetNames.ao);

/**
 * The sheets to read again when an axis sheet or `Compétences AO` is missing (`issues`) and the read skipped sheets
 * that may be it renamed (any sheet not the tools'): those of the first read (`read`) and those. Null otherwise: a
 * workbook whose figure sheets are all there is read once, a person's own sheets skipped.
 */
export function renamedSheetSearch(
  issues: readonly Issue[],
  grids: AnyWorkbookGrids,
  read: SheetSelection,
): SheetSelection | null {
  if (!issues.some(isFigureSheetMissing)) return null;
  const toolSheets = new Set<string>(Object.values(sheetNames));
  const candidates = new Set(
    grids.sheets.filter((sheet) => isSkipped(sheet) && !toolSheets.has(sheet.name)).map((sheet) => sheet.name),
  );
  return candidates.size === 0 ? null : (name, listed) => read(name, listed) || candidates.has(name);
}
