import type { SheetGrid } from '../domain/grid';
import { createIssue, type Issue } from '../domain/issues';
import type { Quarter } from '../domain/periods';
import { AXIS_HEADER_ROW } from '../layout/axis-sheet';
import {
  keptCellsOfFixedSheet,
  keptCellsOfTableSheet,
  placeKeptCells,
  type KeptCell,
  type SpecTable,
} from '../layout/kept-cells';
import { aoRowPlaces } from '../layout/ao-sheet-read';
import { JOURNAL_READABLE_COLUMNS } from '../layout/journal-columns';
import { journalColumnsOfGrid } from '../layout/journal-read';
import { RECORD_HEADER_ROW } from '../layout/record-sheet';
import { axisNumberOfSheetName, axisTableOfGrid } from '../layout/read-axis-sheet';
import { sheetNames } from '../layout/texts';
import type { SheetSpec, WorkbookSpec } from '../layout/workbook-spec';

/**
 * A person's cells in the sheets the tools rebuild (kept-cells.ts says which they are), found when a workbook is
 * read and written back when it is rewritten, on both back ends (they are part of the spec). Which sheets are
 * tables is decided here: axis sheets (rows by key), Journal, Historique and Archives (rows by record); the
 * other rebuilt sheets have a fixed shape. `_ctg` is the tools' alone.
 */

const recordSheets: readonly string[] = [sheetNames.journal, sheetNames.history, sheetNames.archives];

const columnsUpTo = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

/** The table of a built sheet, for sheets that have one. */
function specTableOf(sheet: SheetSpec): SpecTable | undefined {
  if (axisNumberOfSheetName(sheet.name) !== null)
    return { headerRow: AXIS_HEADER_ROW, width: sheet.columns.length, identityColumns: [1] };
  if (recordSheets.includes(sheet.name)) {
    const width = sheet.columns.length;
    // A Journal line is told apart by its readable columns, which a format 1 Journal has too.
    const identity = sheet.name === sheetNames.journal ? JOURNAL_READABLE_COLUMNS : width;
    return { headerRow: RECORD_HEADER_ROW, width, identityColumns: columnsUpTo(identity) };
  }
  return undefined;
}

function keptCellsOfSheet(grid: SheetGrid, baseline: SheetSpec, quarters: readonly Quarter[]): KeptCell[] {
  const table = specTableOf(baseline);
  if (!table) return keptCellsOfFixedSheet(grid, baseline, grid.name === sheetNames.ao ? aoRowPlaces(grid) : undefined);
  if (recordSheets.includes(grid.name)) {
    const journal = grid.name === sheetNames.journal;
    const ours = journal ? journalColumnsOfGrid(grid) : columnsUpTo(table.width);
    const identityColumns = journal ? columnsUpTo(JOURNAL_READABLE_COLUMNS) : ours;
    const gridTable = { headerRow: RECORD_HEADER_ROW, ours: new Set(ours), identityColumns };
    return keptCellsOfTableSheet(grid, gridTable, { sheet: baseline, headerRow: table.headerRow });
  }
  const found = axisTableOfGrid(grid, quarters);
  // Without its header row the sheet is refused by validation: nothing to keep apart.
  if (!found) return [];
  const gridTable = { headerRow: found.headerRow, ours: found.ours, identityColumns: [found.keyColumn] };
  return keptCellsOfTableSheet(grid, gridTable, { sheet: baseline, headerRow: table.headerRow });
}

/**
 * The kept cells of the grids' sheets that `baseline` (the layout of the workbook as read) rebuilds; sheets it
 * does not build are copied whole elsewhere, and `_ctg` is left out.
 */
export function keptCellsOfWorkbook(
  grids: readonly SheetGrid[],
  baseline: WorkbookSpec,
  quarters: readonly Quarter[],
): KeptCell[] {
  const built = new Map(baseline.sheets.map((sheet) => [sheet.name, sheet]));
  return grids.flatMap((grid) => {
    const sheet = built.get(grid.name);
    return sheet && grid.name !== sheetNames.meta ? keptCellsOfSheet(grid, sheet, quarters) : [];
  });
}

/**
 * Writes the kept cells into the rebuilt workbook (changed in place). A kept cell that cannot go back is an
 * error at its cell, and the rewrite is refused: never overwritten.
 */
export function placeKeptCellsInWorkbook(spec: WorkbookSpec, kept: readonly KeptCell[]): Issue[] {
  const issues: Issue[] = [];
  const bySheet = new Map<string, KeptCell[]>();
  for (const one of kept) bySheet.set(one.sheet, [...(bySheet.get(one.sheet) ?? []), one]);
  for (const [name, cells] of bySheet) {
    const sheet = spec.sheets.find((candidate) => candidate.name === name);
    const blocked = sheet ? placeKeptCells(sheet, cells, specTableOf(sheet)) : cells;
    for (const one of blocked) {
      const code = one.place.kind === 'address' ? 'kept-cell-in-the-way' : 'kept-cell-row-gone';
      const value = one.cell.formula ? `=${one.cell.formula}` : String(one.cell.value ?? '');
      issues.push(createIssue(code, { sheet: one.sheet, cell: one.address }, { value }));
    }
  }
  return issues;
}

/** The values of an axis row's added columns (a row the tools remove), each with its column's header. */
export function addedColumnValuesOfRow(
  kept: readonly KeptCell[],
  key: string,
): { header: string; cell: KeptCell['cell'] }[] {
  const headerOf = (sheet: string, added: number) =>
    kept.find(
      (one) =>
        one.sheet === sheet &&
        one.place.kind === 'tableRow' &&
        one.place.identity === null &&
        one.place.added === added,
    )?.cell.value;
  return kept
    .filter((one) => axisNumberOfSheetName(one.sheet) !== null)
    .flatMap((one) =>
      one.place.kind === 'tableRow' && one.place.identity === key
        ? [{ header: String(headerOf(one.sheet, one.place.added) ?? ''), cell: one.cell }]
        : [],
    );
}

/** The kept cells without those of the axis rows of `keys` (archived instead). */
export function withoutRows(kept: readonly KeptCell[], keys: ReadonlySet<string>): KeptCell[] {
  return kept.filter(
    (one) =>
      !(
        axisNumberOfSheetName(one.sheet) !== null &&
        one.place.kind === 'tableRow' &&
        one.place.identity !== null &&
        keys.has(one.place.identity)
      ),
  );
}
