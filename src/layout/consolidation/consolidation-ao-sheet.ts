import type { AoRequirementsRow, TerritoryMeasure } from '../../domain/consolidation/territory';
import { rangeAddress } from '../a1';
import { aoColumnNumber, aoColumns, aoObligationOrder, aoRequirementOrder } from '../sheets/ao/ao-layout';
import { metText, requirementText } from '../sheets/ao/ao-sheet';
import { cell, emptySheet, setCell, setRow, textEqualsFormat } from '../sheet-building';
import { colors, headerStyle, hintStyle, COUNT_FORMAT, TEXT_FORMAT, titleStyle, tableCellStyle } from '../styles';
import { aoTexts } from '../texts';
import type { CellSpec, SheetSpec } from '../workbook-spec';
import { consolidationSheetNames, consolidationTexts } from './consolidation-texts';
import { finishTableSheet } from './table-sheet';

/**
 * `Compétences AO` of the consolidation: every territory's AO rows one under the other, with what the law requires
 * of each row and whether the schéma and RPE obligations are met, as each workbook assessed them at its quarter
 * (values: the populations and holders behind them stay in the territories' files). Headers and words are those of
 * the tracking workbook's sheet; « Non » is red and « À renseigner » yellow there as here.
 */

const texts = consolidationTexts.ao;
export const CONSOLIDATION_AO_HEADER_ROW = 4;
export const CONSOLIDATION_AO_FIRST_ROW = CONSOLIDATION_AO_HEADER_ROW + 1;

const header = (id: Parameters<typeof aoColumnNumber>[0]) => aoColumns[aoColumnNumber(id) - 1];

/** The tracking sheet's name, type, population and derived columns. */
const aoTableColumns: readonly { header: string; width: number }[] = [
  ...(['name', 'type', 'basis'] as const).map((id) => header(id)),
  ...aoRequirementOrder.map((requirement) => header(`required:${requirement}`)),
  ...aoObligationOrder.map((obligation) => header(`met:${obligation}`)),
];

/** The columns in order: the territory, then the tracking sheet's columns. */
export const consolidationAoColumns: readonly { header: string; width: number }[] = [
  { header: texts.territory, width: 36 },
  ...aoTableColumns,
];

const style = tableCellStyle;

/** An AO table: its sheet name, title and hint, and its rows, each led by a territory when `lead` is given. */
export interface AoTable {
  name: string;
  title: string;
  hint: string;
  /** A first column naming each row's territory (the consolidation's); absent for one territory's table. */
  lead?: { header: string; width: number };
  rows: readonly AoTableLine[];
}

/** A row of the table, or, for a territory whose own table was not read, why (`unread`, its only text). */
export type AoTableLine = { lead?: string; ao: AoRequirementsRow } | { lead?: string; unread: string };

/** The AO rows as values, « Non » red and « À renseigner » yellow, printed on A4 landscape. */
export function buildAoTableSheet(table: AoTable): SheetSpec {
  const columns = table.lead ? [table.lead, ...aoTableColumns] : aoTableColumns;
  const sheet = emptySheet(table.name);
  sheet.columns = columns.map((column) => ({ width: column.width }));
  setCell(sheet, 1, 1, cell(table.title, titleStyle));
  setCell(sheet, 2, 1, cell(table.hint, hintStyle));
  setRow(sheet, CONSOLIDATION_AO_HEADER_ROW, {
    cells: columns.map((column) => cell(column.header, headerStyle)),
    height: 60,
  });
  let row = CONSOLIDATION_AO_FIRST_ROW;
  for (const line of table.rows) {
    const leadCells = table.lead ? [cell(line.lead ?? '', style(TEXT_FORMAT, { wrap: true }))] : [];
    if ('unread' in line) {
      setRow(sheet, row, {
        cells: [...leadCells, cell(texts.unread(line.unread), style(TEXT_FORMAT, { wrap: true }))],
      });
      row += 1;
      continue;
    }
    const { ao } = line;
    const cells: CellSpec[] = [
      ...leadCells,
      cell(ao.name, style(TEXT_FORMAT, { wrap: true, bold: ao.isEpci })),
      cell(ao.isEpci ? aoTexts.epciType : aoTexts.communeType, style(TEXT_FORMAT)),
      cell(ao.population ?? aoTexts.unknown, style(COUNT_FORMAT)),
      ...aoRequirementOrder.map((requirement) => cell(requirementText(ao.required[requirement]), style(TEXT_FORMAT))),
      ...aoObligationOrder.map((obligation) =>
        cell(metText(ao.required[obligation], ao.met[obligation]), style(TEXT_FORMAT)),
      ),
    ];
    setRow(sheet, row, { cells });
    row += 1;
  }
  const lastRow = row - 1;
  if (lastRow >= CONSOLIDATION_AO_FIRST_ROW) {
    const lastColumn = columns.length;
    const firstDerived = lastColumn - aoTableColumns.length + 4;
    const firstMet = lastColumn - aoObligationOrder.length + 1;
    sheet.conditionalFormats.push(
      textEqualsFormat(
        rangeAddress(CONSOLIDATION_AO_FIRST_ROW, firstMet, lastRow, lastColumn),
        aoTexts.no,
        colors.rateLow,
      ),
    );
    sheet.conditionalFormats.push(
      textEqualsFormat(
        rangeAddress(CONSOLIDATION_AO_FIRST_ROW, firstDerived, lastRow, lastColumn),
        aoTexts.unknown,
        colors.rateMid,
      ),
    );
    sheet.autoFilter = rangeAddress(CONSOLIDATION_AO_HEADER_ROW, 1, lastRow, lastColumn);
  }
  return finishTableSheet(sheet, {
    titleRows: { first: CONSOLIDATION_AO_HEADER_ROW, last: CONSOLIDATION_AO_HEADER_ROW },
    identityColumns: table.lead ? 2 : 1,
  });
}

export function buildConsolidationAoSheet(territories: readonly TerritoryMeasure[]): SheetSpec {
  return buildAoTableSheet({
    name: consolidationSheetNames.ao,
    title: texts.title,
    hint: texts.hint,
    lead: consolidationAoColumns[0],
    rows: territories.flatMap((territory): AoTableLine[] =>
      territory.aoUnread
        ? [{ lead: territory.territory, unread: territory.aoUnread.reason }]
        : territory.ao.map((ao) => ({ lead: territory.territory, ao })),
    ),
  });
}
