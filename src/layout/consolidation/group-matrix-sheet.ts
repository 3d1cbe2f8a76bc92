import type { GroupConsolidation } from '../../domain/consolidation/consolidation';
import { ratesOf, type ConsolidationCounts } from '../../domain/consolidation/counts';
import type { TerritoryMeasure } from '../../domain/consolidation/territory';
import { cellAddress, rangeAddress } from '../a1';
import { groupedColumnBreaks, MIN_PRINT_SCALE } from '../print-width';
import { sheetPrefix } from '../formulas/references';
import { cell, emptySheet, LINE_HEIGHT, setCell } from '../sheet-building';
import { colors, headerStyle, hintStyle, rateColorScale, TEXT_FORMAT, titleStyle } from '../styles';
import type { CellStyle, SheetSpec } from '../workbook-spec';
import { consolidationTexts, countHeaders } from './consolidation-texts';
import { RATE_FORMAT, RATE_WIDTH, rateCell, type RateId } from './count-columns';
import { groupColumn, type GroupKind, type GroupRows } from './group-sheet';
import { finishTableSheet } from './table-sheet';

/**
 * `Champs par territoire` and `Publics par territoire`: the territories side by side, one row each (in the order of
 * `Territoires`) and two columns per name (renseignement cumulé, réalisation), then the row of all territories.
 * Each cell divides the counts of its row of the sheet by champ or by public (a formula within the workbook, with
 * its cached result); a territory without the name has an empty grey cell.
 */

const texts = consolidationTexts.matrix;

export const MATRIX_TITLE_ROW = 1;
export const MATRIX_HINT_ROW = 2;
/** The names, each over its two columns. */
export const MATRIX_NAME_ROW = 4;
/** « Hors vocabulaire » under an unmatched name. */
export const MATRIX_UNMATCHED_ROW = 5;
export const MATRIX_HEADER_ROW = 6;
export const MATRIX_FIRST_ROW = MATRIX_HEADER_ROW + 1;

/** The two figures shown for each name, in column order. */
export const matrixRates: readonly RateId[] = ['fillCumulative', 'achievement'];

/**
 * The most names shown side by side: a thousand names (2 001 columns) are more than anyone reads across, and the own
 * spellings pooled over hundreds of territories (or one hostile file) would pass Excel's 16 384 columns. The others
 * are only in the sheet by champ or by public, and the hint says which.
 */
export const MATRIX_MAX_NAMES = 1000;

/** The column of a name's figure (names counted from 0). */
export function matrixColumn(groupIndex: number, rate: RateId): number {
  return 2 + groupIndex * matrixRates.length + matrixRates.indexOf(rate);
}

const bodyStyle: CellStyle = { numFmt: RATE_FORMAT, border: true, vertical: 'top' };
const totalStyle: CellStyle = { ...bodyStyle, bold: true, fill: colors.headerFill };
/** A territory without the name: grey, as the tracking workbook greys the cells that do not concern a row. */
const absentStyle: CellStyle = { ...bodyStyle, fill: colors.unusedFill };
/** A territory's name wraps, its row as high as it needs (`finishTableSheet`), as in `Territoires`. */
const territoryStyle: CellStyle = { ...bodyStyle, numFmt: TEXT_FORMAT, wrap: true };

export function buildGroupMatrixSheet(
  name: string,
  kind: GroupKind,
  source: { sheet: string; groups: readonly GroupConsolidation[]; rows: readonly GroupRows[] },
  territories: readonly TerritoryMeasure[],
): SheetSpec {
  const groups = source.groups.slice(0, MATRIX_MAX_NAMES);
  const { rows } = source;
  const left = source.groups.slice(MATRIX_MAX_NAMES).map((group) => group.name);
  const sheet = emptySheet(name);
  const lastColumn = 1 + groups.length * matrixRates.length;
  sheet.columns = [
    { width: 36, numFmt: TEXT_FORMAT },
    ...Array.from({ length: lastColumn - 1 }, () => ({ width: RATE_WIDTH, numFmt: RATE_FORMAT })),
  ];
  setCell(sheet, MATRIX_TITLE_ROW, 1, cell(kind === 'field' ? texts.fieldsTitle : texts.publicsTitle, titleStyle));
  setCell(
    sheet,
    MATRIX_HINT_ROW,
    1,
    cell(texts.hint(source.sheet, kind) + (left.length > 0 ? texts.namesLeft(left, source.sheet) : ''), hintStyle),
  );
  for (const row of [MATRIX_NAME_ROW, MATRIX_UNMATCHED_ROW, MATRIX_HEADER_ROW])
    setCell(sheet, row, 1, cell(row === MATRIX_HEADER_ROW ? texts.territory : null, headerStyle));

  const prefix = sheetPrefix(source.sheet);
  const figure = (rowInSource: number, counts: ConsolidationCounts, rate: RateId) =>
    rateCell(rate, (id) => `${prefix}${cellAddress(rowInSource, groupColumn(id))}`, ratesOf(counts));

  groups.forEach((group, index) => {
    const first = matrixColumn(index, matrixRates[0]);
    const last = matrixColumn(index, matrixRates[matrixRates.length - 1]);
    setCell(sheet, MATRIX_NAME_ROW, first, cell(group.name, headerStyle));
    setCell(sheet, MATRIX_UNMATCHED_ROW, first, cell(group.matched ? null : texts.unmatchedMark, headerStyle));
    for (let column = first + 1; column <= last; column += 1) {
      setCell(sheet, MATRIX_NAME_ROW, column, cell(null, headerStyle));
      setCell(sheet, MATRIX_UNMATCHED_ROW, column, cell(null, headerStyle));
    }
    sheet.merges.push(rangeAddress(MATRIX_NAME_ROW, first, MATRIX_NAME_ROW, last));
    sheet.merges.push(rangeAddress(MATRIX_UNMATCHED_ROW, first, MATRIX_UNMATCHED_ROW, last));
    for (const rate of matrixRates)
      setCell(sheet, MATRIX_HEADER_ROW, matrixColumn(index, rate), cell(countHeaders[rate], headerStyle));

    const byFile = new Map(group.territories.map((territory) => [territory.file, territory.counts]));
    territories.forEach((territory, row) => {
      const counts = byFile.get(territory.file);
      const sourceRow = rows[index].byFile.get(territory.file);
      for (const rate of matrixRates) {
        const present = counts !== undefined && sourceRow !== undefined;
        setCell(
          sheet,
          MATRIX_FIRST_ROW + row,
          matrixColumn(index, rate),
          present ? cell(figure(sourceRow, counts, rate), bodyStyle) : cell(null, absentStyle),
        );
      }
    });
    for (const rate of matrixRates) {
      const content = figure(rows[index].totalRow, group.counts, rate);
      setCell(sheet, MATRIX_FIRST_ROW + territories.length, matrixColumn(index, rate), cell(content, totalStyle));
    }
  });
  sheet.rows[MATRIX_NAME_ROW - 1].height = 45;
  // « Hors vocabulaire » fits the two columns it is merged over: one line, though each column alone would wrap it.
  sheet.rows[MATRIX_UNMATCHED_ROW - 1].height = LINE_HEIGHT;
  sheet.rows[MATRIX_HEADER_ROW - 1].height = 30;

  const totalRow = MATRIX_FIRST_ROW + territories.length;
  territories.forEach((territory, row) =>
    setCell(sheet, MATRIX_FIRST_ROW + row, 1, cell(territory.territory, territoryStyle)),
  );
  setCell(sheet, totalRow, 1, cell(consolidationTexts.allTerritories, { ...totalStyle, numFmt: TEXT_FORMAT }));
  if (groups.length > 0)
    sheet.conditionalFormats.push({
      kind: 'colorScale',
      range: rangeAddress(MATRIX_FIRST_ROW, 2, totalRow, lastColumn),
      ...rateColorScale,
    });
  const finished = finishTableSheet(sheet, {
    titleRows: { first: MATRIX_NAME_ROW, last: MATRIX_HEADER_ROW },
    identityColumns: 1,
  });
  return printNamesWhole(finished);
}

/**
 * Pages across that each begin with a name, at the smallest scale the other sheets allow: left to fit to width, an
 * application breaks pages wherever a page ends, between a name's two figures (its merged name cut in two).
 */
function printNamesWhole(sheet: SheetSpec): SheetSpec {
  const print = sheet.print!;
  const scale = Math.round(MIN_PRINT_SCALE * 100);
  const isNameStart = (column: number) => column >= 2 && (column - 2) % matrixRates.length === 0;
  const breaks = groupedColumnBreaks(sheet.columns, print, scale, isNameStart);
  if (breaks.length === 0) return sheet;
  return { ...sheet, columnBreaks: breaks, print: { ...print, scale } };
}
