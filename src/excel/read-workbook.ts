import type { ListedSheet, PartialWorkbookGrids, SheetGrid, SheetSelection } from '../app/port';
import { runExcel } from './excel-run';
import { skippedSheet, type CellNote } from '../domain/grid';
import { locateCellNotes, NO_NOTES, queueCellNotes, type NotesHost, type QueuedNotes } from './cell-notes';
import { gridOfRange, sheetVisibility, type LoadedRange } from './grid-from-range';
import { mergedRangesOf, NO_MERGES, queueMergedAreas, type MergesHost } from './merged-areas';
import type { ExcelCapabilities } from './requirements';
import { queueWorkbookFacts, excelNameKey, type WorkbookFacts } from './workbook-facts';

/**
 * Reads every sheet of the open workbook in one batch, with the facts a later write needs (workbook-facts.ts).
 * Given a selection, the used ranges of the other sheets are not loaded (they are listed as skipped); the round
 * trips are the same.
 *
 * - When the caller knows the sheets (the port remembers them from its last read or write), one round trip: the
 *   sheet list and the used ranges of the expected sheets are loaded together, and the list that comes back
 *   checks the guess. A sheet added since costs one more round trip for its cells; a sheet gone since fails the
 *   request (ItemNotFound, nothing changed) and the read starts again as below.
 * - Otherwise two round trips: the sheets' names first, then the used ranges of all sheets together.
 *
 * Either way the count does not grow with the number of sheets or rows. Only when the answer would pass Excel on
 * the web's 5 MB response limit (ResponsePayloadSizeLimitExceeded), or a used range passes the five million cells
 * Excel reads at once (its cells then come back null, on every platform), is the read split by size: the ranges'
 * sizes are learnt, then row bands are loaded in as many syncs as needed, each band halved again if still too large.
 */

export interface WorkbookReading {
  /** Every sheet read when the selection takes every sheet (a `WorkbookGrids` then). */
  grids: PartialWorkbookGrids;
  facts: WorkbookFacts;
}

const everySheet: SheetSelection = () => true;

const RESPONSE_TOO_LARGE = 'ResponsePayloadSizeLimitExceeded';
const ITEM_NOT_FOUND = 'ItemNotFound';
/** First guess of cells per sync after a refused answer (halved on each refusal). */
const FIRST_CELLS_PER_SYNC = 50_000;

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;
const isResponseTooLarge = (error: unknown): boolean => codeOf(error) === RESPONSE_TOO_LARGE;

/**
 * Whether Excel gave a loaded range's cells. « A range is limited to five million cells for get operations », and
 * past it `values` may come back null instead of an error (learn.microsoft.com, « Excel JavaScript API performance
 * optimization »; OfficeDev/office-js#4783, #6781): a person's sheet with one value typed far down gets there.
 */
const cellsGiven = (range: Excel.Range): boolean =>
  range.isNullObject ||
  (range.values !== null && range.formulas !== null && range.numberFormat !== null && range.valueTypes !== null);

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

/** Whether Excel has the sheets' filters (`ExcelCapabilities.sheetAutoFilter`). */
type FilterHost = Pick<ExcelCapabilities, 'sheetAutoFilter'>;

/**
 * What a read may load besides the cells: the filters, the axis sheets' merged areas (merged-areas.ts), and on a
 * whole read the notes (cell-notes.ts).
 */
type ReadHost = FilterHost & NotesHost & MergesHost;

/**
 * What a read loads of one sheet: its used range, its autofilter's range when Excel has them (ExcelApi 1.9), an axis
 * sheet's merged areas where Excel has them (ExcelApi 1.13), and the notes and comments on its cells on a whole read.
 */
interface SheetLoads {
  used: Excel.Range;
  filter?: Excel.Range;
  notes: QueuedNotes;
  merged?: Excel.RangeAreas;
}

/**
 * Queues the load of a sheet's used range (values only: a cell with nothing but a format is not in the grid), and
 * whether its cells are locked (one answer for the range: true, false, or null when mixed), for a later change; and,
 * when `sheetAutoFilter`, its autofilter's range, so that a change applies a filter only where it differs.
 */
function queueSheet(worksheet: Excel.Worksheet, name: string, host: ReadHost): SheetLoads {
  const notes = queueCellNotes(worksheet, host);
  const merged = queueMergedAreas(worksheet, name, host);
  if (!host.sheetAutoFilter) return { used: queueUsedRange(worksheet), notes, merged };
  const filter = worksheet.autoFilter.getRangeOrNullObject();
  filter.load('address');
  return { used: queueUsedRange(worksheet), filter, notes, merged };
}

function queueUsedRange(worksheet: Excel.Worksheet): Excel.Range {
  const range = worksheet.getUsedRangeOrNullObject(true);
  range.load([
    'rowIndex',
    'columnIndex',
    'values',
    'formulas',
    'numberFormat',
    'valueTypes',
    'format/protection/locked',
  ]);
  return range;
}

/**
 * The used ranges' lock states (null: mixed, empty or unknown) and number formats (null: empty or unknown), and
 * the autofilters' ranges (undefined: not loaded), in the facts' sheet order.
 */
function withLocks(facts: WorkbookFacts, loads: (SheetLoads | undefined)[]): WorkbookFacts {
  const read = (range: Excel.Range | undefined) => (!range || range.isNullObject ? null : range);
  const usedRangeLocked = loads.map((one) => read(one?.used)?.format.protection.locked ?? null);
  const usedRangeFormats = loads.map((one) => {
    const used = read(one?.used);
    return used && { rowIndex: used.rowIndex, columnIndex: used.columnIndex, numberFormat: used.numberFormat };
  });
  const autoFilters = loads.map((one) =>
    one?.filter ? sheetlessAddress(read(one.filter)?.address ?? null) : undefined,
  );
  return { ...facts, usedRangeLocked, usedRangeFormats, autoFilters };
}

/** `'Axe 1'!$A$3:$AS$12` as the spec writes it: `A3:AS12`. */
export function sheetlessAddress(address: string | null): string | null {
  return address === null ? null : address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
}

const partOf = (range: Excel.Range): LoadedRange | null =>
  range.isNullObject ? null : loaded(range, range.rowIndex, range.columnIndex);

/**
 * `parts[i]`: the loaded parts of the i-th sheet of the facts; null for a sheet not selected (skipped). `notes[i]`:
 * the notes on its cells, when read; `merged[i]`: its merged ranges, when loaded (merged-areas.ts).
 */
function gridsOf(
  facts: WorkbookFacts,
  parts: ((LoadedRange | null)[] | null)[],
  notes: readonly (CellNote[] | null | undefined)[] = [],
  merged: readonly (string[] | null | undefined)[] = [],
): PartialWorkbookGrids {
  return {
    sheets: facts.sheets.map((name, index): ListedSheet => {
      const sheetParts = parts[index];
      if (sheetParts === null) return skippedSheet(name, sheetVisibility(facts.visibility[index]));
      const ranges = sheetParts.filter((part): part is LoadedRange => part !== null);
      const grid = gridOfRange(name, facts.visibility[index], ranges.length > 0 ? merge(ranges) : null);
      const sheetNotes = notes[index];
      const mergedRanges = merged[index];
      return {
        ...grid,
        ...(sheetNotes?.length ? { notes: sheetNotes } : {}),
        ...(mergedRanges ? { mergedRanges } : {}),
      };
    }),
  };
}

/**
 * `host.sheetAutoFilter`: Excel has `Worksheet.autoFilter` (ExcelApi 1.9), whose ranges the read then loads too.
 * A whole read (no `selected`) loads the notes and comments on the cells too, those this Excel has (`host`).
 */
export async function readWorkbook(
  excel: typeof Excel,
  expectedSheets: readonly string[] = [],
  selected?: SheetSelection,
  host: ReadHost = { sheetAutoFilter: false, ...NO_NOTES, ...NO_MERGES },
): Promise<WorkbookReading> {
  const loads: ReadHost = selected ? { ...host, ...NO_NOTES } : host;
  const chosen = selected ?? everySheet;
  return runExcel(excel, async (context) => {
    const readWith = async (reading: ReadHost) => {
      if (expectedSheets.length > 0) {
        const known = await readExpected(context, expectedSheets, chosen, reading);
        if (known !== 'wrong guess' && known !== 'too large') return known;
        return readDiscovering(context, known === 'too large', chosen, reading);
      }
      return readDiscovering(context, false, chosen, reading);
    };
    if (!loads.mergedAreas) return readWith(loads);
    try {
      return await readWith(loads);
    } catch {
      // Excel fails the request of a sheet past 512 merged areas (merged-areas.ts): read again without them, and a
      // failure of another kind fails this read as it failed that one.
      return readWith({ ...loads, ...NO_MERGES });
    }
  });
}

/** One round trip when the workbook still has the expected sheets (two when sheets were added since). */
async function readExpected(
  context: Excel.RequestContext,
  expectedSheets: readonly string[],
  selected: SheetSelection,
  host: ReadHost,
): Promise<WorkbookReading | 'wrong guess' | 'too large'> {
  const worksheets = context.workbook.worksheets;
  const factsOf = queueWorkbookFacts(context, host);
  const ranges = new Map(
    expectedSheets
      .filter((name) => selected(name, expectedSheets))
      .map((name) => [excelNameKey(name), queueSheet(worksheets.getItem(name), name, host)] as const),
  );
  try {
    await context.sync();
  } catch (error) {
    if (codeOf(error) === ITEM_NOT_FOUND) return 'wrong guess';
    if (isResponseTooLarge(error)) return 'too large';
    throw error;
  }
  if (![...ranges.values()].every((one) => cellsGiven(one.used))) return 'too large';
  const facts = factsOf();
  // Selected by the sheets the workbook has, not the guess's (a sheet may be read for another's absence).
  const chosen = (name: string) => selected(name, facts.sheets);
  // Sheets added since the guess (or whose name's case changed), or chosen for a sheet gone, when selected: a second
  // round trip.
  const added = facts.sheets.filter((name) => chosen(name) && !ranges.has(excelNameKey(name)));
  if (added.length > 0) {
    for (const name of added) ranges.set(excelNameKey(name), queueSheet(worksheets.getItem(name), name, host));
    try {
      await context.sync();
    } catch (error) {
      if (isResponseTooLarge(error)) return 'too large';
      throw error;
    }
    if (![...ranges.values()].every((one) => cellsGiven(one.used))) return 'too large';
  }
  const loads = facts.sheets.map((name) => (chosen(name) ? ranges.get(excelNameKey(name)) : undefined));
  const located = await locateCellNotes(
    context,
    loads.map((one) => one?.notes),
    host,
  );
  return {
    facts: withLocks(facts, loads),
    grids: gridsOf(
      facts,
      facts.sheets.map((name) => (chosen(name) ? [partOf(ranges.get(excelNameKey(name))!.used)] : null)),
      located.notes,
      loads.map((one) => mergedRangesOf(one?.merged, host)),
    ),
  };
}

/** Two round trips: the sheets, then all their used ranges (or row bands when the answer is too large). */
async function readDiscovering(
  context: Excel.RequestContext,
  knownTooLarge: boolean,
  selected: SheetSelection,
  host: ReadHost,
): Promise<WorkbookReading> {
  const factsOf = queueWorkbookFacts(context, host);
  await context.sync();
  const facts = factsOf();
  const chosen = facts.sheets.flatMap((name, index) => (selected(name, facts.sheets) ? [index] : []));
  const worksheets = chosen.map((index) => context.workbook.worksheets.getItem(facts.sheets[index]));
  // The parts of the chosen sheets, laid out by the facts' order (null: skipped).
  const byFacts = <T>(chosenParts: T[]): (T | null)[] => {
    const parts: (T | null)[] = facts.sheets.map(() => null);
    chosen.forEach((index, at) => (parts[index] = chosenParts[at]));
    return parts;
  };
  // In bands, the notes and merged areas are loaded with the used ranges' extents (readInBands' first round trip).
  const inBands = async (): Promise<WorkbookReading> => {
    const notes = worksheets.map((worksheet) => queueCellNotes(worksheet, host));
    const merged = worksheets.map((worksheet, at) => queueMergedAreas(worksheet, facts.sheets[chosen[at]], host));
    const parts = await readInBands(context, worksheets);
    const located = await locateCellNotes(context, notes, host);
    const ranges = merged.map((areas) => mergedRangesOf(areas, host));
    return { facts, grids: gridsOf(facts, byFacts(parts), byFacts(located.notes), byFacts(ranges)) };
  };
  if (knownTooLarge) return inBands();
  try {
    const loads = worksheets.map((worksheet, at) => queueSheet(worksheet, facts.sheets[chosen[at]], host));
    await context.sync();
    if (!loads.every((one) => cellsGiven(one.used))) return inBands();
    const located = await locateCellNotes(
      context,
      loads.map((one) => one.notes),
      host,
    );
    return {
      facts: withLocks(
        facts,
        byFacts(loads).map((one) => one ?? undefined),
      ),
      grids: gridsOf(
        facts,
        byFacts(loads.map((one) => [partOf(one.used)])),
        byFacts(located.notes),
        byFacts(loads.map((one) => mergedRangesOf(one.merged, host))),
      ),
    };
  } catch (error) {
    if (!isResponseTooLarge(error)) throw error;
    return inBands();
  }
}

/**
 * Sheets' cells read in bands of rows (as a read whose answer is too large), as the port's grids: what a whole
 * rewrite looks at again before deleting the old sheets of such a workbook (old-sheets-check.ts).
 */
export async function readSheetsInBands(
  context: Excel.RequestContext,
  names: readonly string[],
): Promise<{ grids: SheetGrid[]; syncs: number }> {
  const counted = { syncs: 0 };
  const parts = await readInBands(
    context,
    names.map((name) => context.workbook.worksheets.getItem(name)),
    counted,
  );
  const grids = names.map((name, index) => {
    const ranges = parts[index].filter((part): part is LoadedRange => part !== null);
    return gridOfRange(name, 'Visible', ranges.length > 0 ? merge(ranges) : null);
  });
  return { grids, syncs: counted.syncs };
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
  counted: { syncs: number } = { syncs: 0 },
): Promise<(LoadedRange | null)[][]> {
  const extents = sheets.map((worksheet) => {
    const range = worksheet.getUsedRangeOrNullObject(true);
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    return range;
  });
  counted.syncs += 1;
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
      counted.syncs += 1;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      if (!isResponseTooLarge(error) || cellsPerSync <= 1) throw error;
      cellsPerSync = Math.floor(cellsPerSync / 2);
      continue;
    }
    if (!ranges.every(cellsGiven)) {
      // Cells withheld as past Excel's read limit (never for one row: 16 384 cells at most).
      if (cellsPerSync <= 1) throw new Error('Excel gave no cells for one row');
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
