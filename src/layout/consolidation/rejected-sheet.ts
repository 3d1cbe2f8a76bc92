import type { CopiesApart, DuplicateChoice } from '../../domain/consolidation/consolidation';
import type { RejectedFile } from '../../domain/consolidation/territory';
import { cell, emptySheet, setCell, setRow, standardProtection, wrappedRowHeight } from '../sheet-building';
import { headerStyle, hintStyle, labelStyle, TEXT_FORMAT, titleStyle } from '../styles';
import type { CellStyle, SheetSpec } from '../workbook-spec';
import { consolidationSheetNames, consolidationTexts } from './consolidation-texts';

/**
 * `Fichiers écartés`: the files left out and why, then the duplicates (two files of one territory: which was kept,
 * which dropped, and why), then, when there are some, workbooks made from one kept apart. « Aucun… » under a heading
 * with nothing to list.
 */

const texts = consolidationTexts.rejected;
export const REJECTED_HEADER_ROW = 3;
/** Column widths: A file or territory, B reason or kept file, C dropped file, D the duplicate's reason. */
const WIDTHS = [40, 50, 40, 60];

const body: CellStyle = { numFmt: TEXT_FORMAT, border: true, wrap: true, vertical: 'top' };

function setTable(sheet: SheetSpec, top: number, headers: string[], rows: (string | null)[][], none: string): number {
  setRow(sheet, top, { cells: headers.map((header) => cell(header, headerStyle)) });
  if (rows.length === 0) {
    setCell(sheet, top + 1, 1, cell(none, hintStyle));
    return top + 2;
  }
  rows.forEach((values, index) => {
    const height = wrappedRowHeight(values.map((text, column) => ({ text: text ?? '', width: WIDTHS[column] })));
    setRow(sheet, top + 1 + index, { cells: values.map((value) => cell(value, body)), height });
  });
  return top + 1 + rows.length;
}

export function buildRejectedSheet(
  rejected: readonly RejectedFile[],
  duplicates: readonly DuplicateChoice[],
  copiesApart: readonly CopiesApart[] = [],
): SheetSpec {
  const sheet = emptySheet(consolidationSheetNames.rejected);
  sheet.columns = WIDTHS.map((width) => ({ width, numFmt: TEXT_FORMAT }));
  setCell(sheet, 1, 1, cell(texts.title, titleStyle));
  const afterRejected = setTable(
    sheet,
    REJECTED_HEADER_ROW,
    [texts.file, texts.reason],
    rejected.map((file) => [file.file, file.reason]),
    texts.none,
  );
  const duplicatesTitleRow = afterRejected + 1;
  setCell(sheet, duplicatesTitleRow, 1, cell(texts.duplicatesTitle, { ...labelStyle, fontSize: 12 }));
  const afterDuplicates = setTable(
    sheet,
    duplicatesTitleRow + 1,
    [texts.territory, texts.kept, texts.dropped, texts.reason],
    duplicates.map((duplicate) => [duplicate.territory, duplicate.kept, duplicate.dropped, duplicate.reason]),
    texts.noDuplicates,
  );
  if (copiesApart.length > 0) {
    const apartTitleRow = afterDuplicates + 1;
    setCell(sheet, apartTitleRow, 1, cell(texts.apartTitle, { ...labelStyle, fontSize: 12 }));
    setTable(
      sheet,
      apartTitleRow + 1,
      [texts.files, texts.reason],
      copiesApart.map((apart) => [apart.files.join('\n'), apart.reason]),
      '',
    );
  }
  sheet.protection = standardProtection;
  sheet.print = { orientation: 'landscape', paper: 'A4', fitToWidth: true };
  return sheet;
}
