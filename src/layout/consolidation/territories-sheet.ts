import type { Consolidation } from '../../domain/consolidation/consolidation';
import { ratesOf, sumCounts, type ConsolidationCounts } from '../../domain/consolidation/counts';
import { quarterNoteOf, type TerritoryMeasure } from '../../domain/consolidation/territory';
import { frenchDayAndTime } from '../../domain/messages/paris-time';
import { cellAddress, rangeAddress } from '../a1';
import { sumFormula } from '../formulas/count-formulas';
import { cell, emptySheet, setCell, setRow } from '../sheet-building';
import {
  colors,
  headerStyle,
  hintStyle,
  COUNT_FORMAT,
  rateColorScale,
  TEXT_FORMAT,
  titleStyle,
  tableCellStyle,
} from '../styles';
import type { CellContent, CellStyle, SheetSpec } from '../workbook-spec';
import { consolidationSheetNames, consolidationTexts } from './consolidation-texts';
import {
  planCountColumns,
  RATE_FORMAT,
  RATE_WIDTH,
  rateCell,
  rateCountColumns,
  rateIds,
  rowRefs,
  type CountColumn,
  type CountId,
  type RateId,
} from './count-columns';
import { countHeaders } from './consolidation-texts';
import { barCell, barFontSize } from './rate-bar';
import { finishTableSheet } from './table-sheet';

/**
 * `Territoires`: one row per territory kept, its identity and counts as values (no link to its file), its rates as
 * formulas over those counts; then the total row, whose counts sum the territories' and whose rates divide those
 * sums (pooled, never a mean of rates). A colour scale on the rates and a bar of characters print.
 */

const texts = consolidationTexts.territories;

export const TERRITORIES_TITLE_ROW = 1;
export const TERRITORIES_INFO_ROW = 2;
export const TERRITORIES_HEADER_ROW = 4;
export const TERRITORIES_FIRST_ROW = TERRITORIES_HEADER_ROW + 1;

type IdentityId = 'territory' | 'siren' | 'file' | 'quarter';
type IssueId = 'errors' | 'warnings';
export type TerritoryColumnId = IdentityId | CountId | IssueId | RateId | 'bar';

interface TerritoryColumn {
  id: TerritoryColumnId;
  header: string;
  width: number;
  numFmt: string;
}

const plain = (id: TerritoryColumnId, header: string, width: number, numFmt: string): TerritoryColumn => ({
  id,
  header,
  width,
  numFmt,
});
const ofCount = (column: CountColumn): TerritoryColumn => plain(column.id, column.header, column.width, column.numFmt);

const BAR_WIDTH = 30;

export const territoryColumns: readonly TerritoryColumn[] = [
  plain('territory', texts.territory, 36, TEXT_FORMAT),
  plain('siren', texts.siren, 12, TEXT_FORMAT),
  plain('file', texts.file, 30, TEXT_FORMAT),
  // Wide enough that a quarter outside the convention, told with its first or last quarter, takes a few lines.
  plain('quarter', texts.quarter, 20, TEXT_FORMAT),
  ...planCountColumns.map(ofCount),
  plain('errors', texts.errors, 11, COUNT_FORMAT),
  plain('warnings', texts.warnings, 15, COUNT_FORMAT),
  ...rateCountColumns.map(ofCount),
  ...rateIds.map((id) => plain(id, countHeaders[id], RATE_WIDTH, RATE_FORMAT)),
  plain('bar', texts.bar, BAR_WIDTH, TEXT_FORMAT),
];

export function territoryColumn(id: TerritoryColumnId): number {
  const index = territoryColumns.findIndex((column) => column.id === id);
  if (index < 0) throw new Error(`unknown territory column ${id}`);
  return index + 1;
}

const countColumns = [...planCountColumns, ...rateCountColumns];

const bodyStyle = tableCellStyle;
const totalStyle = (numFmt: string, extra: CellStyle = {}): CellStyle =>
  bodyStyle(numFmt, { bold: true, fill: colors.headerFill, ...extra });

/** The rates and the bar of a row whose counts are in its own cells. */
function setRates(
  sheet: SheetSpec,
  row: number,
  counts: ConsolidationCounts,
  style: (numFmt: string, extra?: CellStyle) => CellStyle,
) {
  const rates = ratesOf(counts);
  const refs = rowRefs(row, territoryColumn);
  for (const rate of rateIds)
    setCell(sheet, row, territoryColumn(rate), cell(rateCell(rate, refs, rates), style(RATE_FORMAT)));
  const bar = barCell('fillCumulative', refs, counts);
  setCell(sheet, row, territoryColumn('bar'), cell(bar, style(TEXT_FORMAT, { fontSize: barFontSize(BAR_WIDTH) })));
}

/** Its Trimestre, with the one note it needs: outside its convention or not begun, else behind today. */
function quarterCellText(territory: TerritoryMeasure, note: ReturnType<typeof quarterNoteOf>): string {
  if (note !== null) return consolidationTexts.quarterNoted(territory.quarter, note, territory.conventionQuarters);
  return territory.quarterLag
    ? consolidationTexts.quarterLagging(territory.quarter, territory.quarterLag)
    : territory.quarter;
}

/** A territory's Fichier, with the text its conversion cut and the columns it lacks that no figure reads. */
function fileCellText(territory: TerritoryMeasure): string {
  const file = territory.textCut
    ? consolidationTexts.fileWithTextCut(territory.file, territory.textCut)
    : territory.file;
  const missing = territory.missingColumns ?? [];
  return missing.length > 0 ? file + consolidationTexts.columnsMissing(missing) : file;
}

function setTerritoryRow(sheet: SheetSpec, row: number, territory: TerritoryMeasure): void {
  const note = quarterNoteOf(territory);
  const identity: Record<IdentityId, string | null> = {
    territory: territory.territory,
    siren: territory.siren,
    file: fileCellText(territory),
    quarter: quarterCellText(territory, note),
  };
  for (const [id, value] of Object.entries(identity) as [IdentityId, string | null][])
    setCell(sheet, row, territoryColumn(id), cell(value, bodyStyle(TEXT_FORMAT, { wrap: id !== 'siren' })));
  for (const column of countColumns)
    setCell(sheet, row, territoryColumn(column.id), cell(column.value(territory.counts), bodyStyle(column.numFmt)));
  setCell(sheet, row, territoryColumn('errors'), cell(territory.errors, bodyStyle(COUNT_FORMAT)));
  setCell(sheet, row, territoryColumn('warnings'), cell(territory.warnings, bodyStyle(COUNT_FORMAT)));
  setRates(sheet, row, territory.counts, bodyStyle);
}

/**
 * The total row: counts as sums over the territory rows (values when there is none), rates over those sums. Its
 * cached results are the sums of the rows' values, in row order, as a spreadsheet adds them.
 */
function setTotalRow(sheet: SheetSpec, row: number, territories: readonly TerritoryMeasure[]): void {
  const total = sumCounts(territories.map((territory) => territory.counts));
  const last = row - 1;
  const summed = (column: number, result: number): CellContent =>
    territories.length === 0
      ? result
      : { formula: sumFormula(rangeAddress(TERRITORIES_FIRST_ROW, column, last, column)), result };
  setCell(sheet, row, territoryColumn('territory'), cell(consolidationTexts.allTerritories, totalStyle(TEXT_FORMAT)));
  for (const id of ['siren', 'file', 'quarter'] as const)
    setCell(sheet, row, territoryColumn(id), cell(null, totalStyle(TEXT_FORMAT)));
  for (const column of countColumns) {
    const number = territoryColumn(column.id);
    setCell(sheet, row, number, cell(summed(number, column.value(total)), totalStyle(column.numFmt)));
  }
  const sumOf = (pick: (territory: TerritoryMeasure) => number) =>
    territories.reduce((sum, territory) => sum + pick(territory), 0);
  for (const id of ['errors', 'warnings'] as const) {
    const number = territoryColumn(id);
    setCell(
      sheet,
      row,
      number,
      cell(
        summed(
          number,
          sumOf((t) => t[id]),
        ),
        totalStyle(COUNT_FORMAT),
      ),
    );
  }
  setRates(sheet, row, total, totalStyle);
}

/**
 * Row 2: the quarter measured, the moment written, and how many territories are measured outside their conventions
 * or at a quarter not begun, as their rows' Trimestre says (`quarterNoteOf`), have a text the conversion of their
 * .ods or .xls cut, or lack a column no figure reads, as their rows' Fichier says, or fiches counted in no champ or
 * public (`Fichiers écartés`).
 */
function measuredAtText(consolidation: Consolidation, writtenOn: string): string {
  const notes = consolidation.territories.map(quarterNoteOf);
  const outside = notes.filter((note) => note === 'before' || note === 'after').length;
  const notBegun = notes.filter((note) => note === 'notBegun').length;
  const textsCut = consolidation.territories.filter((territory) => territory.textCut).length;
  const emptied = consolidation.territories.filter((territory) => (territory.planColumnsEmptied ?? []).length > 0);
  const missing = consolidation.territories.filter((territory) => (territory.missingColumns ?? []).length > 0).length;
  return (
    consolidationTexts.measuredAt(consolidation.quarter, writtenOn) +
    (outside === 0 ? '' : consolidationTexts.outsideConvention(outside)) +
    (notBegun === 0 ? '' : consolidationTexts.quarterNotBegun(notBegun)) +
    (textsCut === 0 ? '' : consolidationTexts.textCut(textsCut)) +
    (emptied.length === 0 ? '' : consolidationTexts.planColumnsEmptied(emptied.length)) +
    (missing === 0 ? '' : consolidationTexts.missingColumns(missing))
  );
}

export function buildTerritoriesSheet(consolidation: Consolidation, writtenAt: string): SheetSpec {
  const sheet = emptySheet(consolidationSheetNames.territories);
  sheet.columns = territoryColumns.map((column) => ({ width: column.width, numFmt: column.numFmt }));
  setCell(sheet, TERRITORIES_TITLE_ROW, 1, cell(texts.title, titleStyle));
  setCell(
    sheet,
    TERRITORIES_INFO_ROW,
    1,
    // In Paris time, said so, as the duplicates' reasons date the copies: one clock for every instant in it.
    cell(measuredAtText(consolidation, frenchDayAndTime(writtenAt, 'minute')), hintStyle),
  );
  setRow(sheet, TERRITORIES_HEADER_ROW, {
    cells: territoryColumns.map((column) => cell(column.header, headerStyle)),
    height: 45,
  });
  const { territories } = consolidation;
  territories.forEach((territory, index) => setTerritoryRow(sheet, TERRITORIES_FIRST_ROW + index, territory));
  const totalRow = TERRITORIES_FIRST_ROW + territories.length;
  setTotalRow(sheet, totalRow, territories);

  for (const rate of rateIds) {
    const column = territoryColumn(rate);
    sheet.conditionalFormats.push({
      kind: 'colorScale',
      range: rangeAddress(TERRITORIES_FIRST_ROW, column, totalRow, column),
      ...rateColorScale,
    });
  }
  if (territories.length > 0)
    sheet.autoFilter = `${cellAddress(TERRITORIES_HEADER_ROW, 1)}:${cellAddress(totalRow - 1, territoryColumns.length)}`;
  return finishTableSheet(sheet, {
    titleRows: { first: TERRITORIES_HEADER_ROW, last: TERRITORIES_HEADER_ROW },
    identityColumns: 1,
  });
}
