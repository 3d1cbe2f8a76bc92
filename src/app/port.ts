import type { CellContent, CellStyle, WorkbookSpec } from '../layout/workbook-spec';
import type { PartialWorkbookGrids, WorkbookGrids } from '../domain/grid';

/**
 * What a use case sees of a workbook, whoever holds it (an .xlsx file in src/xlsx, the open workbook through
 * Office.js in src/excel). Reading gives values only (grids); writing takes the whole shape from src/layout.
 * The grid types live in src/domain/grid.ts (src/layout reads grids too) and are re-exported here.
 */
export type {
  AnyWorkbookGrids,
  CellValue,
  GridCell,
  ListedSheet,
  PartialWorkbookGrids,
  SheetVisibility,
  SheetGrid,
  SkippedSheet,
  WorkbookGrids,
} from '../domain/grid';

export { WholeWriteRefused } from '../domain/whole-write-refused';

/**
 * Which sheets a read takes, by name, given the names of every sheet the workbook lists: a sheet may be read for
 * another's absence (src/app/sheet-selections.ts names the selections of the use cases).
 */
export type SheetSelection = (name: string, listed: readonly string[]) => boolean;

export interface ReadOptions {
  /** Cells are read only of the sheets selected; every sheet is still listed (name, visibility, order). */
  sheets: SheetSelection;
}

/**
 * The read side of a back end. Without options every sheet is read; with `sheets`, the others are listed as
 * skipped (`SkippedSheet`) and a back end does not read their cells at all.
 */
export interface WorkbookReader {
  read(): Promise<WorkbookGrids>;
  read(options: ReadOptions): Promise<PartialWorkbookGrids>;
}

/**
 * One cell to set in a workbook that already exists. `content` is what the layout writes there (a value, or a
 * formula with its cached result); null empties the cell (its format stays). `style` is the layout's style for the
 * cell, for a cell that did not exist before (a new Journal line): a back end may apply it, or give the new cell the
 * format of the cell above as a spreadsheet would; an existing cell keeps its format (a person's formats stay).
 */
export interface CellChange {
  sheet: string;
  /** 1-based. */
  row: number;
  /** 1-based. */
  column: number;
  content: CellContent;
  style?: CellStyle;
}

/**
 * A number format the layout owns on a cell a rewrite keeps in place, one it wrote otherwise before (`former`: the
 * rates' `0%`). A back end sets `numFmt` only where the cell still has a former format, so that a person's own
 * format stays and a cell already up to date is not touched.
 */
export interface FormatChange {
  sheet: string;
  /** 1-based. */
  row: number;
  /** 1-based. */
  column: number;
  numFmt: string;
  former: readonly string[];
}

/**
 * A sheet's autofilter as the spec writes it (A1), where it may differ from the workbook's: a record sheet's grows
 * with its records (Journal, Historique, Archives…), an axis sheet's covers the columns a person added after the
 * table. A back end sets it only where the workbook's filter is not already that range, its criteria kept.
 */
export interface RangeChange {
  sheet: string;
  autoFilter: string;
}

/**
 * What changes between the workbook as read (`WriteContext.after`) and the spec, when the spec keeps the workbook's
 * shape: the same sheets, every row key, header and person's cell where it was (src/app decides). A back end given
 * it may write only these cells, ranges and formats instead of the whole workbook; the result must be the spec's
 * values.
 */
export interface WorkbookChanges {
  cells: CellChange[];
  ranges: RangeChange[];
  /** Formats brought up to date where a cell still has a former one; none when absent. */
  formats?: FormatChange[];
}

/**
 * What a write may know beforehand: the grids a use case read from the same workbook just before (a rewrite).
 * A back end may reuse what it learnt in that read (the open workbook's sheets and names) instead of asking again.
 */
export interface WriteContext {
  after?: WorkbookGrids;
  /** Given only with `after`, when the spec keeps the shape of the workbook read: see WorkbookChanges. */
  changes?: WorkbookChanges;
  /**
   * Given only with `changes`: the workbook must not be written whole (a sheet's notes could not be read, and a
   * whole write would drop them: unread-notes.ts). A back end that cannot write only the changes throws
   * `WholeWriteRefused`, having written nothing.
   */
  patchOnly?: true;
}

/** The write side of a back end: writes the whole workbook described by the spec. */
export interface WorkbookWriter {
  write(spec: WorkbookSpec, context?: WriteContext): Promise<void>;
}

/** A workbook a use case can read and write. A back end may provide each side separately. */
export interface WorkbookPort extends WorkbookReader, WorkbookWriter {}

/**
 * Applies cell changes to a workbook as it is, nothing else touched: in a file, a patch of its package; in Excel,
 * those cells only. A rewrite that keeps the shape goes through it (`WriteContext.changes`), and so will a merge.
 */
export interface WorkbookChanger {
  change(changes: WorkbookChanges): Promise<void>;
}
