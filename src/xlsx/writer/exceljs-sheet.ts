import type {
  CellValue as ExcelCellValue,
  ConditionalFormattingRule,
  DataValidation,
  Row,
  Style,
  Workbook,
  Worksheet,
} from 'exceljs';
import type {
  CellContent,
  CellStyle,
  ConditionalFormatSpec,
  SheetSpec,
  ValidationSpec,
} from '../../layout/workbook-spec';
import { cellNoteText } from '../../domain/grid';
import { columnLetters, parseA1Range } from '../../layout/a1';
import { pagesWideOf } from '../../layout/print-width';
import { encodeOoxmlEscapes } from '../reader/text-escapes';
import { argb, toExcelStyle } from './exceljs-styles';

/**
 * One sheet of a WorkbookSpec written into an ExcelJS workbook, held whole in memory (`Workbook`, write-with-exceljs.ts)
 * or streamed (`stream.xlsx.WorkbookWriter`, stream-xlsx.ts): the same calls, in the order a streamed sheet
 * needs them. Its `sheetPr` and views are written when the sheet is added, so the page setup goes in with them; its
 * rows go out one by one, each with its page break, and everything after the cells is set before the sheet is done.
 */

/** ExcelJS writes a text as it is given: a text that reads like an escape is escaped here. */
function toExcelValue(content: CellContent): ExcelCellValue {
  if (content !== null && typeof content === 'object') {
    const result = typeof content.result === 'string' ? encodeOoxmlEscapes(content.result) : content.result;
    return { formula: content.formula, result: result ?? undefined } as ExcelCellValue;
  }
  return typeof content === 'string' ? encodeOoxmlEscapes(content) : content;
}

/** A cell's ExcelJS style, from its layout style and its column's number format. */
export type StyleOf = (style: CellStyle | undefined, columnFormat: string | undefined) => Partial<Style>;

/**
 * One ExcelJS style object per distinct style of the workbook: ExcelJS recognises an object it has already seen
 * and skips turning it into XML again (its font, fill, border and style records), which was most of its time on
 * a generated workbook. Safe because nothing sets a cell's, row's or column's numFmt, font, fill… after the cell
 * loop (ExcelJS's setters change the style object in place, so every cell sharing it). ExcelJS also keeps the
 * first style id it gave an object, whose default format depends on that cell's type: were date cells ever
 * written, their style would need its own numFmt.
 */
export function sharedStyles(): StyleOf {
  const byKey = new Map<string, Partial<Style>>();
  return (style, columnFormat) => {
    const key = styleKey(style, columnFormat);
    let shared = byKey.get(key);
    if (!shared) {
      shared = toExcelStyle(style ?? {});
      if (!shared.numFmt && columnFormat) shared.numFmt = columnFormat;
      byKey.set(key, shared);
    }
    return shared;
  };
}

/**
 * What tells two cells' styles apart: the column format, then each member set, in its order. Made for every cell: a
 * generated workbook's ≈ 20 000 cells each have a style object of their own, of some fifty kinds, so its JSON (and
 * keeping it by object) cost a tenth of a write. The members are flags, numbers and texts, none of which holds the
 * control characters between them.
 */
function styleKey(style: CellStyle | undefined, columnFormat: string | undefined): string {
  let key = columnFormat ?? '';
  if (style)
    for (const member in style) {
      const value = style[member as keyof CellStyle];
      if (value !== undefined) key += `\u0001${member}\u0002${String(value)}`;
    }
  return key;
}

/** The page setup of a printed sheet. */
function pageSetupOf(sheet: SheetSpec): Worksheet['pageSetup'] | undefined {
  const print = sheet.print;
  if (!print) return undefined;
  const { titleRows, titleColumns } = print;
  return {
    paperSize: 9, // A4
    orientation: print.orientation,
    // n pages wide, as many tall as needed: fitToHeight 0, what Excel writes for a height « Automatique »
    // (ECMA-376 §18.3.1.63 types it unsignedInt, « Number of vertical pages to fit on », default 1).
    // An explicit scale, when the layout computed one, else fit to the width.
    ...(print.scale !== undefined
      ? { fitToPage: false, scale: print.scale }
      : { fitToPage: true, fitToWidth: pagesWideOf(print), fitToHeight: 0 }),
    ...(titleRows ? { printTitlesRow: `${titleRows.first}:${titleRows.last}` } : {}),
    ...(titleColumns
      ? { printTitlesColumn: `${columnLetters(titleColumns.first)}:${columnLetters(titleColumns.last)}` }
      : {}),
  } as Worksheet['pageSetup'];
}

/**
 * Writes `sheet` into `workbook`. `streamed`: rows are committed as they are written (as soon as no range still to
 * merge covers them: a committed row cannot be touched), and the sheet at its end.
 */
export async function writeSheet(
  workbook: Workbook,
  sheet: SheetSpec,
  styleOf: StyleOf,
  { streamed }: { streamed: boolean },
): Promise<void> {
  const pageSetup = pageSetupOf(sheet);
  const headerFooter = sheet.print?.headerFooter;
  const worksheet = workbook.addWorksheet(sheet.name, {
    state: sheet.visibility,
    properties: {
      ...(sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {}),
    } as Worksheet['properties'],
    views: sheet.freeze
      ? [{ state: 'frozen', xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }]
      : [{ state: 'normal' }],
    ...(pageSetup ? { pageSetup } : {}),
    ...(headerFooter
      ? { headerFooter: { oddHeader: `&C${headerFooter.header}`, oddFooter: `&C${headerFooter.footer}` } }
      : {}),
  });

  // Column formats first, so that every cell of a text column is text before any value is written.
  sheet.columns.forEach((column, index) => {
    const target = worksheet.getColumn(index + 1);
    target.width = column.width;
    if (column.numFmt) target.numFmt = column.numFmt;
    if (column.hidden) target.hidden = true;
  });

  // Everything after the cells, set before they go out: a streamed sheet writes it when it is committed.
  for (const validation of sheet.validations) addValidation(worksheet, validation);
  // Each rule gets its own priority, in the order of the spec (the first one wins where they overlap).
  sheet.conditionalFormats.forEach((format, index) => addConditionalFormat(worksheet, format, index + 1));
  if (sheet.autoFilter) worksheet.autoFilter = sheet.autoFilter;
  if (sheet.protection) {
    await worksheet.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      autoFilter: sheet.protection.allowAutoFilter,
      formatColumns: sheet.protection.allowFormatColumns,
      formatRows: sheet.protection.allowFormatRows,
      sort: false,
      insertRows: false,
      insertColumns: false,
      deleteRows: false,
      deleteColumns: false,
    });
  }

  // ExcelJS's break on a row is after it (`<brk id>` is the last row of a page): before row r, on row r − 1. Across
  // every column, up to XFD (`max="16383"`, what Excel writes; ExcelJS's default is not a column).
  const breaksAfter = new Set((sheet.rowBreaks ?? []).filter((row) => row > 1).map((row) => row - 1));
  // A range is merged once its cells are written (a merged cell written later sets its first cell's value, empty), and
  // a streamed row is committed once no range still to merge covers it.
  const merges = sheet.merges.map((range) => ({ range, ...rowsOfRange(range) })).sort((a, b) => a.bottom - b.bottom);
  // The first row still covered by a range from the i-th on: rows above it may go out.
  const pendingTops = merges.map((merge) => merge.top);
  for (let i = pendingTops.length - 2; i >= 0; i--) pendingTops[i] = Math.min(pendingTops[i], pendingTops[i + 1]);
  let nextMerge = 0;
  const notesByRow = notesOfRows(sheet);
  const lastRow = Math.max(
    sheet.rows.length,
    ...breaksAfter,
    ...merges.map((merge) => merge.bottom),
    ...notesByRow.keys(),
  );
  for (let rowNumber = 1; rowNumber <= lastRow; rowNumber++) {
    for (; nextMerge < merges.length && merges[nextMerge].bottom < rowNumber; nextMerge++) {
      worksheet.mergeCells(merges[nextMerge].range);
    }
    // Committing a row sends every row before it; a row never written is sent by the next one that is.
    if (streamed) worksheet.findRow(Math.min(rowNumber, pendingTops[nextMerge] ?? rowNumber) - 1)?.commit();
    const rowSpec = sheet.rows[rowNumber - 1];
    const written = rowSpec !== undefined && (rowSpec.cells.length > 0 || rowSpec.height !== undefined);
    const notes = notesByRow.get(rowNumber) ?? [];
    if (!written && !breaksAfter.has(rowNumber) && notes.length === 0) continue;
    const row = worksheet.getRow(rowNumber);
    if (rowSpec?.height) row.height = rowSpec.height;
    rowSpec?.cells.forEach((cellSpec, columnIndex) => {
      if (cellSpec) {
        const cell = row.getCell(columnIndex + 1);
        // The style (with its number format) goes on before the value: a text starting with "=" stays text.
        cell.style = styleOf(cellSpec.style, sheet.columns[columnIndex]?.numFmt);
        cell.value = toExcelValue(cellSpec.value);
      }
    });
    // A note is a plain text, as a spreadsheet shows one: its author, if any, is the start of its text; escaped as a
    // cell's text, so that one reading like `_xHHHH_` comes back as typed.
    for (const note of notes) row.getCell(note.column).note = encodeOoxmlEscapes(note.text);
    if (breaksAfter.has(rowNumber)) row.addPageBreak(1, 16384);
    if (streamed && (written || notes.length > 0)) keepStyledEmptyRow(row);
  }
  for (; nextMerge < merges.length; nextMerge++) worksheet.mergeCells(merges[nextMerge].range);
  if (streamed) {
    // Its columns are written with its first row: a sheet of columns only gets an empty row that is not written.
    worksheet.getRow(lastRow + 1);
    worksheet.commit();
  }
}

/** The sheet's notes by row (1-based), each with its column. */
function notesOfRows(sheet: SheetSpec): Map<number, { column: number; text: string }[]> {
  const byRow = new Map<number, { column: number; text: string }[]>();
  for (const note of sheet.notes ?? []) {
    const cell = parseA1Range(note.address);
    // A thread read in Excel is one note in a file, its replies after its first message.
    if (cell) byRow.set(cell.top, [...(byRow.get(cell.top) ?? []), { column: cell.left, text: cellNoteText(note) }]);
  }
  return byRow;
}

/**
 * The streamed writer leaves out a row without a value or a height, where the in-memory one writes its styled empty
 * cells (a fill, a border, a lock): such a row is marked as holding values, so that those cells are written.
 */
function keepStyledEmptyRow(row: Row): void {
  if (!row.hasValues && !row.height && row.cellCount > 0) Object.defineProperty(row, 'hasValues', { value: true });
}

/** The first and last rows of an A1 range (`B4:C5` → 4 and 5). */
function rowsOfRange(range: string): { top: number; bottom: number } {
  const rows = [...range.matchAll(/\d+/g)].map(Number);
  return { top: Math.min(...rows), bottom: Math.max(...rows) };
}

function utcDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** ExcelJS 4.4 has `dataValidations.add(address, rule)` at run time but not in its typings. */
interface ValidationsHolder {
  dataValidations: { add(address: string, rule: DataValidation): void };
}

function addValidation(worksheet: Worksheet, validation: ValidationSpec): void {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: validation.errorTitle,
    error: validation.error,
  };
  const rule: DataValidation =
    validation.kind === 'list'
      ? { type: 'list', formulae: [validation.source], ...common }
      : validation.kind === 'date'
        ? // ExcelJS turns Date bounds into serial numbers; UTC midnight gives whole days.
          { type: 'date', operator: 'between', formulae: [utcDate(validation.min), utcDate(validation.max)], ...common }
        : { type: validation.kind, operator: 'between', formulae: [validation.min, validation.max], ...common };
  // ExcelJS keeps validations by address; a range address is written as one sqref.
  const validations = (worksheet as unknown as ValidationsHolder).dataValidations;
  for (const range of validation.ranges) validations.add(range, rule);
}

function addConditionalFormat(worksheet: Worksheet, format: ConditionalFormatSpec, priority: number): void {
  const style = (look: { fill?: string; fontColor?: string; bold?: boolean }) => ({
    ...(look.fill
      ? { fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: argb(look.fill) } } }
      : {}),
    ...(look.fontColor || look.bold
      ? {
          font: {
            ...(look.bold ? { bold: true } : {}),
            ...(look.fontColor ? { color: { argb: argb(look.fontColor) } } : {}),
          },
        }
      : {}),
  });
  let rule: ConditionalFormattingRule;
  switch (format.kind) {
    case 'cellValue':
      rule = {
        type: 'cellIs',
        operator: format.operator,
        formulae: format.formulas,
        style: style(format.style),
        priority,
      };
      break;
    case 'expression':
      rule = { type: 'expression', formulae: [format.formula], style: style(format.style), priority };
      break;
    case 'colorScale':
      rule = {
        type: 'colorScale',
        priority,
        cfvo: format.thresholds
          ? format.thresholds.map((value) => ({ type: 'num', value }))
          : format.colors.length === 3
            ? [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }]
            : [{ type: 'min' }, { type: 'max' }],
        color: format.colors.map((color) => ({ argb: argb(color) })),
      } as ConditionalFormattingRule;
      break;
  }
  worksheet.addConditionalFormatting({ ref: format.range, rules: [rule] });
}
