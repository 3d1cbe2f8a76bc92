import type { Consolidation } from '../../domain/consolidation/consolidation';
import { leftOutFile } from '../../domain/messages/consolidation';
import { cell, emptySheet, setCell, setRow, standardProtection, wrappedRowHeight } from '../sheet-building';
import { headerStyle, hintStyle, labelStyle, TEXT_FORMAT, titleStyle } from '../styles';
import type { CellStyle, SheetSpec } from '../workbook-spec';
import { consolidationSheetNames, consolidationTexts } from './consolidation-texts';

/**
 * `Fichiers écartés`: the files left out and why (with their territory when it could be read), then the duplicates
 * (two files of one territory: which was kept, which dropped, and why), then, when there are some, workbooks made
 * from one kept apart, and territories counted with an axis sheet's column to put back: emptied (their figures by
 * champ or public miss that sheet's fiches) or deleted (one no figure reads). « Aucun… » under a heading with nothing
 * to list.
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

/** A table of its own, under its title, when it has rows: the row after it. */
function setTitledTable(sheet: SheetSpec, top: number, title: string, headers: string[], rows: string[][]): number {
  if (rows.length === 0) return top;
  const titleRow = top + 1;
  setCell(sheet, titleRow, 1, cell(title, { ...labelStyle, fontSize: 12 }));
  return setTable(sheet, titleRow + 1, headers, rows, '');
}

export function buildRejectedSheet(
  consolidation: Pick<Consolidation, 'rejected' | 'duplicates' | 'copiesApart' | 'territories'>,
): SheetSpec {
  const { rejected, duplicates, copiesApart, territories } = consolidation;
  const sheet = emptySheet(consolidationSheetNames.rejected);
  sheet.columns = WIDTHS.map((width) => ({ width, numFmt: TEXT_FORMAT }));
  setCell(sheet, 1, 1, cell(texts.title, titleStyle));
  const afterRejected = setTable(
    sheet,
    REJECTED_HEADER_ROW,
    [texts.file, texts.reason],
    rejected.map((file) => [leftOutFile(file.file, file.territory), file.reason]),
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
  const afterApart = setTitledTable(
    sheet,
    afterDuplicates,
    texts.apartTitle,
    [texts.files, texts.reason],
    copiesApart.map((apart) => [apart.files.join('\n'), apart.reason]),
  );
  setTitledTable(
    sheet,
    afterApart,
    texts.columnsToRestoreTitle,
    [texts.territory, texts.file, texts.reason],
    territories.flatMap((territory) =>
      [...(territory.planColumnsEmptied ?? []), ...(territory.missingColumns ?? [])].map(({ reason }) => [
        territory.territory,
        territory.file,
        reason,
      ]),
    ),
  );
  sheet.protection = standardProtection;
  sheet.print = { orientation: 'landscape', paper: 'A4', fitToWidth: true };
  return sheet;
}
