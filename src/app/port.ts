import type { WorkbookSpec } from '../layout/workbook-spec';
import type { WorkbookGrids } from '../domain/grid';

/**
 * What a use case sees of a workbook, whoever holds it (an .xlsx file in src/xlsx, the open workbook through
 * Office.js in src/excel). Reading gives values only (grids); writing takes the whole shape from src/layout.
 * The grid types live in src/domain/grid.ts (src/layout reads grids too) and are re-exported here.
 */
export type { CellValue, GridCell, SheetVisibility, SheetGrid, WorkbookGrids } from '../domain/grid';

/** The read side of a back end. */
export interface WorkbookReader {
  read(): Promise<WorkbookGrids>;
}

/**
 * What a write may know beforehand: the grids a use case read from the same workbook just before (a rewrite).
 * A back end may reuse what it learnt in that read (the open workbook's sheets and names) instead of asking again.
 */
export interface WriteContext {
  after?: WorkbookGrids;
}

/** The write side of a back end: writes the whole workbook described by the spec. */
export interface WorkbookWriter {
  write(spec: WorkbookSpec, context?: WriteContext): Promise<void>;
}

/** A workbook a use case can read and write. A back end may provide each side separately. */
export interface WorkbookPort extends WorkbookReader, WorkbookWriter {}
