import { cell, emptySheet, setCell, standardProtection, wrappedRowHeight } from '../../sheet-building';
import { TEXT_FORMAT, titleStyle } from '../../styles';
import { guideSections, guideTitle, sheetNames } from '../../texts';
import type { SheetSpec } from '../../workbook-spec';

/** Narrow enough to print on A4 portrait at 100 % whatever the application does with "fit to width". */
const GUIDE_WIDTH = 72;

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
      const height = wrappedRowHeight([{ text: paragraph, width: GUIDE_WIDTH }]);
      if (height) sheet.rows[row - 1].height = height;
      row += 1;
    }
    row += 1;
  }
  sheet.protection = standardProtection;
  sheet.print = { orientation: 'portrait', paper: 'A4', fitToWidth: true };
  return sheet;
}
