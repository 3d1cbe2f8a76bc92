import type { WorkbookGrids } from '../app/port';
import { gridOfRange, type LoadedRange } from './grid-from-range';

/**
 * Reads every sheet of the open workbook in one batch: a first sync learns the sheets' names and visibility,
 * then the used ranges of all sheets are loaded together and come back in a second sync — two round trips
 * whatever the number of sheets or rows. Only when the answer would pass Excel on the web's 5 MB response limit
 * (ResponsePayloadSizeLimitExceeded) is the read split by size: the ranges' sizes are learnt, then row bands are
 * loaded in as many syncs as needed, each band halved again if still too large.
 */

const RESPONSE_TOO_LARGE = 'ResponsePayloadSizeLimitExceeded';
/** First guess of cells per sync after a refused answer (halved on each refusal). */
const FIRST_CELLS_PER_SYNC = 50_000;

function isResponseTooLarge(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === RESPONSE_TOO_LARGE;
}

function loaded(range: Excel.Range, rowIndex: number, columnIndex: number): LoadedRange {
  return {
    rowIndex,
    columnIndex,
    values: range.values,
    formulas: range.formulas,
    numberFormat: range.numberFormat,
    valueTypes: range.valueTypes,
  };
}

export async function readWorkbookGrids(excel: typeof Excel): Promise<WorkbookGrids> {
  return excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name,items/visibility');
    await context.sync();
    const sheets = worksheets.items;

    let parts: (LoadedRange | null)[][];
    try {
      const used = sheets.map((worksheet) => {
        // Values only: a cell with nothing but a format is not part of the grid.
        const range = worksheet.getUsedRangeOrNullObject(true);
        range.load(['rowIndex', 'columnIndex', 'values', 'formulas', 'numberFormat', 'valueTypes']);
        return range;
      });
      await context.sync();
      parts = used.map((range) => [range.isNullObject ? null : loaded(range, range.rowIndex, range.columnIndex)]);
    } catch (error) {
      if (!isResponseTooLarge(error)) throw error;
      parts = await readInBands(context, sheets);
    }
    return {
      sheets: sheets.map((worksheet, index) => {
        const ranges = parts[index].filter((part): part is LoadedRange => part !== null);
        return gridOfRange(worksheet.name, worksheet.visibility, ranges.length > 0 ? merge(ranges) : null);
      }),
    };
  });
}

interface Band {
  sheet: number;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** The size-split read: used ranges' extents first, then bands of rows, as many per sync as fit. */
async function readInBands(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
): Promise<(LoadedRange | null)[][]> {
  const extents = sheets.map((worksheet) => {
    const range = worksheet.getUsedRangeOrNullObject(true);
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    return range;
  });
  await context.sync();
  const parts: (LoadedRange | null)[][] = sheets.map(() => []);
  let pending: Band[] = extents.flatMap((range, sheet) =>
    range.isNullObject
      ? []
      : [
          {
            sheet,
            rowIndex: range.rowIndex,
            columnIndex: range.columnIndex,
            rowCount: range.rowCount,
            columnCount: range.columnCount,
          },
        ],
  );
  let cellsPerSync = FIRST_CELLS_PER_SYNC;
  while (pending.length > 0) {
    const batch = takeBatch(pending, cellsPerSync);
    const ranges = batch.taken.map((band) => {
      const range = sheets[band.sheet].getRangeByIndexes(
        band.rowIndex,
        band.columnIndex,
        band.rowCount,
        band.columnCount,
      );
      range.load(['values', 'formulas', 'numberFormat', 'valueTypes']);
      return range;
    });
    try {
      // Only reached when one answer would pass the response limit: the split by size is the point here.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      if (!isResponseTooLarge(error) || cellsPerSync <= 1) throw error;
      cellsPerSync = Math.floor(cellsPerSync / 2);
      continue;
    }
    batch.taken.forEach((band, index) =>
      parts[band.sheet].push(loaded(ranges[index], band.rowIndex, band.columnIndex)),
    );
    pending = batch.rest;
  }
  return parts;
}

/** Bands (whole rows) totalling at most `cells` cells, at least one row; a band too large is cut. */
function takeBatch(pending: Band[], cells: number): { taken: Band[]; rest: Band[] } {
  const taken: Band[] = [];
  const rest = [...pending];
  let room = cells;
  while (rest.length > 0) {
    const band = rest[0];
    const rows = Math.max(1, Math.floor(room / band.columnCount));
    if (taken.length > 0 && rows * band.columnCount > room) break;
    if (rows >= band.rowCount) {
      taken.push(rest.shift()!);
      room -= band.rowCount * band.columnCount;
    } else {
      taken.push({ ...band, rowCount: rows });
      rest[0] = { ...band, rowIndex: band.rowIndex + rows, rowCount: band.rowCount - rows };
      break;
    }
    if (room <= 0) break;
  }
  return { taken, rest };
}

/** Bands of one sheet (same columns, consecutive rows) joined back into one range. */
function merge(ranges: LoadedRange[]): LoadedRange {
  if (ranges.length === 1) return ranges[0];
  const sorted = [...ranges].sort((a, b) => a.rowIndex - b.rowIndex);
  return {
    rowIndex: sorted[0].rowIndex,
    columnIndex: sorted[0].columnIndex,
    values: sorted.flatMap((range) => range.values),
    formulas: sorted.flatMap((range) => range.formulas),
    numberFormat: sorted.flatMap((range) => range.numberFormat),
    valueTypes: sorted.flatMap((range) => range.valueTypes),
  };
}
