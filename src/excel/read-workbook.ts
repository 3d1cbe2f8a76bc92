import type { WorkbookGrids } from '../app/port';
import { gridOfRange, type LoadedRange } from './grid-from-range';

/**
 * Reads every sheet of the open workbook in one batch: a first sync learns the sheets' names and visibility,
 * then the used ranges of all sheets are loaded together and come back in a second sync. Two round trips
 * whatever the number of sheets or rows.
 */
export async function readWorkbookGrids(excel: typeof Excel): Promise<WorkbookGrids> {
  return excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name,items/visibility');
    await context.sync();

    const used = worksheets.items.map((worksheet) => {
      // Values only: a cell with nothing but a format is not part of the grid.
      const range = worksheet.getUsedRangeOrNullObject(true);
      range.load('rowIndex,columnIndex,values,formulas,numberFormat,valueTypes');
      return range;
    });
    await context.sync();

    return {
      sheets: worksheets.items.map((worksheet, index) => {
        const range = used[index];
        const loaded: LoadedRange | null = range.isNullObject
          ? null
          : {
              rowIndex: range.rowIndex,
              columnIndex: range.columnIndex,
              values: range.values,
              formulas: range.formulas,
              numberFormat: range.numberFormat,
              valueTypes: range.valueTypes,
            };
        return gridOfRange(worksheet.name, worksheet.visibility, loaded);
      }),
    };
  });
}
