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

/** The write side of a back end: writes the whole workbook described by the spec. */
export interface WorkbookWriter {
  write(spec: WorkbookSpec): Promise<void>;
}

/** A workbook a use case can read and write. A back end may provide each side separately. */
export interface WorkbookPort extends WorkbookReader, WorkbookWriter {}
