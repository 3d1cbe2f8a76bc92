import type { Style } from 'exceljs';
import type { CellStyle } from '../../layout/workbook-spec';

/** ExcelJS's default font (Excel's too), which every width and height of the layout is estimated for. */
export const DEFAULT_FONT = { name: 'Calibri', family: 2, size: 11 } as const;

/** A layout style (RRGGBB colours, plain flags) in ExcelJS's terms (ARGB colours, font/fill/alignment objects). */
export function toExcelStyle(style: CellStyle): Partial<Style> {
  const result: Partial<Style> = {};
  if (style.numFmt) result.numFmt = style.numFmt;
  if (style.bold || style.italic || style.fontSize || style.fontColor) {
    // Named and sized as the workbook's default font: a font record without them is shown by LibreOffice in its
    // own default font, far wider than Calibri, which breaks words in columns measured for Calibri.
    result.font = {
      name: DEFAULT_FONT.name,
      family: DEFAULT_FONT.family,
      size: style.fontSize ?? DEFAULT_FONT.size,
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
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
