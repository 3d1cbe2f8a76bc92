import { PORTABLE_WIDTH_SLACK, printScalePercent } from '../print-width';
import type { PrintSpec, SheetSpec } from '../workbook-spec';
import { bilanTexts } from './bilan-texts';

/**
 * The bilan's print setup: A4, one page wide at an explicit scale computed from the column widths rather than left
 * to the application's fit to width, so that the page breaks are laid out for the scale the pages print at (both
 * LibreOffice and Excel shrink a fitted sheet a little more than the widths say); the bilan's title above every
 * page and its number below.
 */

/** A text shown as it is in a header or footer: `&` starts a code there (ECMA-376 §18.3.1.46). */
const literal = (text: string) => text.replace(/&/g, '&&');

export function bilanPrint(sheet: SheetSpec, base: PrintSpec, title: string): PrintSpec {
  return {
    ...base,
    scale: printScalePercent(sheet.columns, base, PORTABLE_WIDTH_SLACK),
    headerFooter: { header: literal(title), footer: bilanTexts.pageFooter },
  };
}
