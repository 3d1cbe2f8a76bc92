import type { Style } from 'exceljs';
import type { CellStyle } from '../../layout/workbook-spec';

/** A layout style (RRGGBB colours, plain flags) in ExcelJS's terms (ARGB colours, font/fill/alignment objects). */
export function toExcelStyle(style: CellStyle): Partial<Style> {
  const result: Partial<Style> = {};
  if (style.numFmt) result.numFmt = style.numFmt;
  if (style.bold || style.italic || style.fontSize || style.fontColor) {
    result.font = {
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(style.fontSize ? { size: style.fontSize } : {}),
      ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
    };
  }
  if (style.fill) result.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style.wrap || style.horizontal || style.vertical) {
    result.alignment = {
      ...(style.wrap ? { wrapText: true } : {}),
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical } : {}),
    };
  }
  if (style.locked !== undefined) result.protection = { locked: style.locked };
  if (style.border) {
    const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
    result.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  return result;
}

export function argb(rgb: string): string {
  return `FF${rgb.toUpperCase()}`;
}
