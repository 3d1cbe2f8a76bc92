import { Rect, cellCount } from './a1';
import { FakeErrorCodes, officeError } from './errors';
import { SheetModel, WorkbookModel } from './model';

/** What a protected sheet refuses, as Excel does (AccessDenied). */

const denied = (what: string) =>
  officeError(
    FakeErrorCodes.accessDenied,
    `The cell or chart you're trying to change is protected and therefore read-only. (${what})`,
  );

/** Values and formulas: refused in a locked cell of a protected sheet. */
export function assertCellsWritable(sheet: SheetModel, rect: Rect, cells?: Iterable<[number, number]>): void {
  if (!sheet.protection.protected) return;
  if (cells) {
    for (const [r, c] of cells) if (sheet.isLocked(r, c)) throw denied(`${sheet.name} row ${r + 1} column ${c + 1}`);
    return;
  }
  if (cellCount(rect) > 1_000_000) throw denied(sheet.name);
  for (let r = rect.row; r < rect.row + rect.rowCount; r++)
    for (let c = rect.column; c < rect.column + rect.columnCount; c++)
      if (sheet.isLocked(r, c)) throw denied(`${sheet.name} row ${r + 1} column ${c + 1}`);
}

export type FormatKind = 'cells' | 'columns' | 'rows';

const OPTION: Record<FormatKind, string> = {
  cells: 'allowFormatCells',
  columns: 'allowFormatColumns',
  rows: 'allowFormatRows',
};

/** Formats: refused on a protected sheet unless its protection options allow that kind of formatting. */
export function assertFormatAllowed(sheet: SheetModel, kind: FormatKind): void {
  if (sheet.protection.protected && sheet.protection.options[OPTION[kind]] !== true)
    throw denied(`${sheet.name} format`);
}

/**
 * Locks, validations, conditional formats, merges, groups and the outline levels shown, tables (adding, changing,
 * deleting): refused on a protected sheet.
 */
export function assertSheetUnprotected(sheet: SheetModel, what: string): void {
  if (sheet.protection.protected) throw denied(`${sheet.name} ${what}`);
}

/** Adding, deleting, renaming, moving or hiding sheets: refused when the workbook structure is protected. */
export function assertStructureUnprotected(workbook: WorkbookModel): void {
  if (workbook.protection.protected) throw denied('workbook structure');
}
