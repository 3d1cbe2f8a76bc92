import ExcelJS from 'exceljs';
import { isoDateToSerial } from '../../../src/domain/excel-dates';
import type { CellValue, GridCell, SheetGrid } from '../../../src/domain/grid';

/** Loads written bytes with ExcelJS (tests of the writer only; the product reads with its own reader). */
export async function loadWithExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

export function isLocked(cell: ExcelJS.Cell): boolean {
  return cell.protection?.locked !== false;
}

/** A worksheet as the grid a reader would return: formulas give their result, dates their serial number. */
export function gridOfWorksheet(worksheet: ExcelJS.Worksheet): SheetGrid {
  const rows: (GridCell | null)[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (GridCell | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      cells[columnNumber - 1] = gridCellOf(cell.value);
    });
    rows[rowNumber - 1] = cells;
  });
  for (let index = 0; index < rows.length; index += 1) rows[index] = rows[index] ?? [];
  const visibility = worksheet.state === 'visible' ? 'visible' : worksheet.state === 'hidden' ? 'hidden' : 'veryHidden';
  return { name: worksheet.name, visibility, rows };
}

function gridCellOf(value: ExcelJS.CellValue): GridCell {
  if (value instanceof Date) {
    return { value: isoDateToSerial(value.toISOString().slice(0, 10)), isDate: true };
  }
  if (value !== null && typeof value === 'object' && 'formula' in value) {
    return { value: (value.result ?? null) as CellValue, formula: value.formula };
  }
  if (value !== null && typeof value === 'object' && 'richText' in value) {
    return { value: value.richText.map((part) => part.text).join('') };
  }
  return { value: (value ?? null) as CellValue };
}

/** The solid fill colour (ARGB) of a cell, or null. */
export function fillColor(target: ExcelJS.Cell): string | null {
  const fill = target.style.fill as ExcelJS.FillPattern | undefined;
  return fill?.fgColor?.argb ?? null;
}

/** The sheet protection as ExcelJS reads it (true = allowed for the option flags); absent from its typings. */
export function sheetProtectionOf(worksheet: ExcelJS.Worksheet): Record<string, unknown> {
  return (worksheet as unknown as { sheetProtection?: Record<string, unknown> }).sheetProtection ?? {};
}
