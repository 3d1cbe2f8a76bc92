import { cell, emptySheet, MAX_LINES, setCell, standardProtection, wrappedRowHeight } from '../../sheet-building';
import { TEXT_FORMAT, titleStyle } from '../../styles';
import { guideSections, guideTitle, sheetNames } from '../../texts';
import type { SheetSpec } from '../../workbook-spec';

/** Narrow enough to print on A4 portrait at 100 % whatever the application does with "fit to width". */
const GUIDE_WIDTH = 72;

/**
 * Characters of prose a line holds per unit of column width. The width counts digits, wider than most letters and
 * spaces: Calibri and its metric twin set 95 to 108 characters of French prose on a line of 72 (LibreOffice's PDF
 * of the Guide). 1.2 (86 a line) keeps a tenth of a line in hand, so that no last line is hidden; one digit a
 * character gave rows twice as high as their text, and a Guide split over a page more.
 */
const PROSE_CHARACTERS_PER_WIDTH = 1.2;

/**
 * `Guide`: how to fill the workbook in without the add-in, one paragraph per row. Another workbook (an extract, the
 * consolidation) gives its own sections and title.
 */
export function buildGuideSheet(sections: typeof guideSections = guideSections, title: string = guideTitle): SheetSpec {
  const sheet = emptySheet(sheetNames.guide);
  sheet.columns = [{ width: GUIDE_WIDTH, numFmt: TEXT_FORMAT }];
  setCell(sheet, 1, 1, cell(title, titleStyle));
  let row = 3;
  for (const section of sections) {
    setCell(sheet, row, 1, cell(section.heading, { bold: true, fontSize: 12, numFmt: TEXT_FORMAT }));
    row += 1;
    for (const paragraph of section.paragraphs) {
      setCell(sheet, row, 1, cell(paragraph, { wrap: true, vertical: 'top', numFmt: TEXT_FORMAT }));
      const height = wrappedRowHeight(
        [{ text: paragraph, width: GUIDE_WIDTH * PROSE_CHARACTERS_PER_WIDTH }],
        MAX_LINES,
      );
      if (height) sheet.rows[row - 1].height = height;
      row += 1;
    }
    row += 1;
  }
  sheet.protection = standardProtection;
  sheet.print = { orientation: 'portrait', paper: 'A4', fitToWidth: true };
  return sheet;
}
