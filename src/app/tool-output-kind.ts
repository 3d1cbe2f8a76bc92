import { sheetNamesOf, type AnyWorkbookGrids } from '../domain/grid';
import { bilanSheetNames } from '../layout/bilan/bilan-texts';
import { consolidationSheetNames } from '../layout/consolidation/consolidation-texts';

/** A workbook the tool writes that is not a tracking workbook: its consolidation or a bilan. */
export type ToolOutputKind = 'consolidation' | 'bilan';

/**
 * What a workbook without `_ctg` is when the tool wrote it, told by its sheets: given where a tracking workbook is
 * expected (`compute consolidation.xlsx`), the refusal says what it is rather than only that `_ctg` is missing.
 */
export function toolOutputKind(grids: AnyWorkbookGrids): ToolOutputKind | null {
  const names = new Set(sheetNamesOf(grids));
  if (names.has(consolidationSheetNames.territories) && names.has(consolidationSheetNames.rejected)) {
    return 'consolidation';
  }
  if (names.has(bilanSheetNames.synthesis) && names.has(bilanSheetNames.fiches)) return 'bilan';
  return null;
}
