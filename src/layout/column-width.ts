/**
 * Column widths in points (Office.js's `format.columnWidth`, printed widths). The layout speaks Excel's file unit
 * (characters of the default font, as `<col width>` stores it and ExcelJS writes it). ECMA-376 Part 1 §18.3.1.13
 * gives the pixel width of a stored width w for a maximum digit width of 7 px (Calibri 11, Excel's default font):
 * trunc(((256·w + trunc(128/7)) / 256) · 7) px; a pixel is 0.75 pt at 96 dpi.
 */
const MAX_DIGIT_WIDTH_PX = 7;

export function columnWidthInPoints(characters: number): number {
  const pixels = Math.trunc(((256 * characters + Math.trunc(128 / MAX_DIGIT_WIDTH_PX)) / 256) * MAX_DIGIT_WIDTH_PX);
  return pixels * 0.75;
}
