import { rangeAddress } from '../layout/a1';
import { axisNumberOfSheetName } from '../layout/sheets/axis/read-axis-sheet';
import type { ExcelCapabilities } from './requirements';

/**
 * The cells a person merged in the axis sheets of the open workbook (`SheetGrid.mergedRanges`), which validation
 * names as it does a file's (docs/WORKBOOK.md, « Issues »): loaded with the used ranges by every read of an axis
 * sheet (a whole read, a bilan's), where Excel has `Range.getMergedAreasOrNullObject` (ExcelApi 1.13). Only the axis
 * sheets' are asked: nothing else reads them, and Excel gives none past 512 in a range (« this method will fail to
 * return the result »): a sheet of a person's own holding more does not cost the read. Should an axis sheet pass it,
 * the read is made again without them (read-workbook.ts). Excel gives the areas whose first cell is in the range
 * asked (OfficeDev/office-js#3611): the whole sheet is asked, and each area is read from `areas`
 * (OfficeDev/office-js#1590: `address` alone may give their first cells only), by its corners: its address would
 * give a row merged whole as whole rows (`'Axe 1'!5:5`), which a file writes as cells (`A5:XFD5`).
 */

/** Whether this Excel lists merged areas. */
export type MergesHost = Pick<ExcelCapabilities, 'mergedAreas'>;

/** A read that loads no merged areas (Excel failed to give them: read-workbook.ts). */
export const NO_MERGES: MergesHost = { mergedAreas: false };

/** Queues the load of the merged areas of an axis sheet, where Excel has them; undefined for any other sheet. */
export function queueMergedAreas(
  worksheet: Excel.Worksheet,
  name: string,
  host: MergesHost,
): Excel.RangeAreas | undefined {
  if (!host.mergedAreas || axisNumberOfSheetName(name) === null) return undefined;
  const areas = worksheet.getRange().getMergedAreasOrNullObject();
  // One string: Office.js reads `items/` in a string's paths only (OfficeDev/office-js#190), not in an array's.
  areas.load('areas/items/rowIndex, areas/items/columnIndex, areas/items/rowCount, areas/items/columnCount');
  return areas;
}

/** The merged ranges loaded (`W5:X5`, as the .xlsx reader gives them), undefined when none or not loaded. */
export function mergedRangesOf(areas: Excel.RangeAreas | undefined, host: MergesHost): string[] | undefined {
  if (!host.mergedAreas || !areas || areas.isNullObject) return undefined;
  const ranges = areas.areas.items.flatMap(({ rowIndex, columnIndex, rowCount, columnCount }) =>
    rowCount * columnCount > 1
      ? [rangeAddress(rowIndex + 1, columnIndex + 1, rowIndex + rowCount, columnIndex + columnCount)]
      : [],
  );
  return ranges.length > 0 ? ranges : undefined;
}
