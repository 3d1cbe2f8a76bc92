import type { GroupConsolidation } from '../../domain/consolidation/consolidation';
import { ratesOf, type ConsolidationCounts } from '../../domain/consolidation/counts';
import { cellAddress, rangeAddress } from '../a1';
import { sumFormula } from '../formulas/count-formulas';
import { cell, emptySheet, setCell, setRow } from '../sheet-building';
import { colors, headerStyle, hintStyle, rateColorScale, TEXT_FORMAT, titleStyle, tableCellStyle } from '../styles';
import type { CellContent, CellStyle, SheetSpec } from '../workbook-spec';
import { consolidationTexts, countHeaders } from './consolidation-texts';
import {
  planCountColumns,
  RATE_FORMAT,
  RATE_WIDTH,
  rateCell,
  rateCountColumns,
  rateIds,
  rowRefs,
  type CountId,
  type RateId,
} from './count-columns';
import { finishTableSheet } from './table-sheet';

/**
 * `Champs d’intervention` and `Publics`: for each name (the convention vocabulary's first, then the others), a row
 * « Ensemble des territoires » whose counts sum the rows under it, then one row per territory that has it, its
 * counts as values. Every rate is a formula over the counts of its row. Where each row is, is handed to the sheet
 * that puts the territories side by side (group-matrix-sheet.ts).
 */

const texts = consolidationTexts.groups;

export const GROUP_TITLE_ROW = 1;
export const GROUP_HINT_ROW = 2;
export const GROUP_HEADER_ROW = 4;
export const GROUP_FIRST_ROW = GROUP_HEADER_ROW + 1;

type IdentityId = 'name' | 'unmatched' | 'territory' | 'file';
export type GroupColumnId = IdentityId | CountId | RateId;

interface GroupColumn {
  id: GroupColumnId;
  header: string;
  width: number;
  numFmt: string;
}

export type GroupKind = 'field' | 'public';

export function groupColumns(kind: GroupKind): readonly GroupColumn[] {
  return [
    { id: 'name', header: kind === 'field' ? texts.field : texts.public, width: 30, numFmt: TEXT_FORMAT },
    { id: 'unmatched', header: texts.unmatched, width: 11, numFmt: TEXT_FORMAT },
    { id: 'territory', header: texts.territory, width: 26, numFmt: TEXT_FORMAT },
    { id: 'file', header: texts.file, width: 26, numFmt: TEXT_FORMAT },
    ...[...planCountColumns, ...rateCountColumns].map(({ id, header, width, numFmt }) => ({
      id,
      header,
      width,
      numFmt,
    })),
    ...rateIds.map((id) => ({ id, header: countHeaders[id], width: RATE_WIDTH, numFmt: RATE_FORMAT })),
  ];
}

const countColumns = [...planCountColumns, ...rateCountColumns];

/** Column numbers are the same for both kinds: only the first header differs. */
const groupColumnNumbers = new Map(groupColumns('field').map((column, index) => [column.id, index + 1]));

export function groupColumn(id: GroupColumnId): number {
  const number = groupColumnNumbers.get(id);
  if (number === undefined) throw new Error(`unknown group column ${id}`);
  return number;
}

/** Where each name's rows are: its total row, and each territory's row by file. */
export interface GroupRows {
  totalRow: number;
  byFile: Map<string, number>;
}

/**
 * One style object per format (and wrap), shared by every cell that has it: a thousand territories' blocks are
 * hundreds of thousands of cells, and the writer recognises a style it has seen by the object.
 */
function stylesByFormat(style: (numFmt: string) => CellStyle): (numFmt: string, wrap?: boolean) => CellStyle {
  const made = new Map<string, CellStyle>();
  return (numFmt, wrap) => {
    const key = wrap === undefined ? numFmt : `${numFmt}|${wrap}`;
    let shared = made.get(key);
    if (!shared) made.set(key, (shared = wrap === undefined ? style(numFmt) : { ...style(numFmt), wrap }));
    return shared;
  };
}

type StyleByFormat = ReturnType<typeof stylesByFormat>;
const bodyStyle = stylesByFormat((numFmt) => tableCellStyle(numFmt));
const totalStyle = stylesByFormat((numFmt) => tableCellStyle(numFmt, { bold: true, fill: colors.headerFill }));

function setRates(sheet: SheetSpec, row: number, counts: ConsolidationCounts, style: StyleByFormat) {
  const rates = ratesOf(counts);
  for (const rate of rateIds)
    setCell(sheet, row, groupColumn(rate), cell(rateCell(rate, rowRefs(row, groupColumn), rates), style(RATE_FORMAT)));
}

function setIdentity(
  sheet: SheetSpec,
  row: number,
  group: GroupConsolidation,
  territory: string,
  file: string | null,
  style: StyleByFormat,
) {
  const values: Record<IdentityId, string | null> = {
    name: group.name,
    unmatched: group.matched ? consolidationTexts.no : consolidationTexts.yes,
    territory,
    file,
  };
  for (const [id, value] of Object.entries(values) as [IdentityId, string | null][])
    setCell(sheet, row, groupColumn(id), cell(value, style(TEXT_FORMAT, id !== 'unmatched')));
}

/** One name's block from `top`: its total row then its territories' rows; returns where they are. */
function setGroupBlock(sheet: SheetSpec, top: number, group: GroupConsolidation): GroupRows {
  const first = top + 1;
  const last = top + group.territories.length;
  setIdentity(sheet, top, group, consolidationTexts.allTerritories, null, totalStyle);
  for (const column of countColumns) {
    const number = groupColumn(column.id);
    const value = column.value(group.counts);
    const content: CellContent =
      group.territories.length === 0
        ? value
        : { formula: sumFormula(rangeAddress(first, number, last, number)), result: value };
    setCell(sheet, top, number, cell(content, totalStyle(column.numFmt)));
  }
  setRates(sheet, top, group.counts, totalStyle);
  const byFile = new Map<string, number>();
  group.territories.forEach((territory, index) => {
    const row = first + index;
    byFile.set(territory.file, row);
    setIdentity(sheet, row, group, territory.territory, territory.file, bodyStyle);
    for (const column of countColumns)
      setCell(sheet, row, groupColumn(column.id), cell(column.value(territory.counts), bodyStyle(column.numFmt)));
    setRates(sheet, row, territory.counts, bodyStyle);
  });
  return { totalRow: top, byFile };
}

export function buildGroupSheet(
  name: string,
  kind: GroupKind,
  groups: readonly GroupConsolidation[],
): { sheet: SheetSpec; rows: GroupRows[] } {
  const columns = groupColumns(kind);
  const sheet = emptySheet(name);
  sheet.columns = columns.map((column) => ({ width: column.width, numFmt: column.numFmt }));
  setCell(sheet, GROUP_TITLE_ROW, 1, cell(kind === 'field' ? texts.fieldsTitle : texts.publicsTitle, titleStyle));
  setCell(sheet, GROUP_HINT_ROW, 1, cell(texts.hint, hintStyle));
  setRow(sheet, GROUP_HEADER_ROW, { cells: columns.map((column) => cell(column.header, headerStyle)), height: 45 });

  const rows: GroupRows[] = [];
  let top = GROUP_FIRST_ROW;
  for (const group of groups) {
    rows.push(setGroupBlock(sheet, top, group));
    top += 1 + group.territories.length;
  }
  const lastRow = top - 1;

  if (lastRow >= GROUP_FIRST_ROW) {
    for (const rate of rateIds) {
      const column = groupColumn(rate);
      sheet.conditionalFormats.push({
        kind: 'colorScale',
        range: rangeAddress(GROUP_FIRST_ROW, column, lastRow, column),
        ...rateColorScale,
      });
    }
    const unmatched = groupColumn('unmatched');
    sheet.conditionalFormats.push({
      kind: 'cellValue',
      range: rangeAddress(GROUP_FIRST_ROW, unmatched, lastRow, unmatched),
      operator: 'equal',
      formulas: [`"${consolidationTexts.yes}"`],
      style: { fill: colors.missingFill },
    });
    sheet.autoFilter = `${cellAddress(GROUP_HEADER_ROW, 1)}:${cellAddress(lastRow, columns.length)}`;
  }
  // Champ, Hors vocabulaire and Territoire say what a row is: repeated on the pages across.
  finishTableSheet(sheet, {
    titleRows: { first: GROUP_HEADER_ROW, last: GROUP_HEADER_ROW },
    identityColumns: groupColumn('territory'),
  });
  return { sheet, rows };
}
