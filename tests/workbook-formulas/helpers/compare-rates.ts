import { readTrackingWorkbook } from '../../../src/app/read-tracking-workbook';
import { gridValue, type CellValue, type SheetGrid, type WorkbookGrids } from '../../../src/domain/grid';
import type { Plan } from '../../../src/domain/plan';
import {
  completionSummary,
  criterionRowRates,
  ficheRowRates,
  rateAxisOf,
  rateFichesOf,
  rateWindow,
  type CompletionFigures,
  type RateWindow,
} from '../../../src/domain/rates';
import { steeringCalendarAt } from '../../../src/domain/steering-calendar';
import { parentKeyOf, type CriterionRow, type FicheRow } from '../../../src/domain/tracking';
import {
  annexe4Layout,
  summaryColumn,
  summaryFigures,
  type SummaryFigure,
} from '../../../src/layout/sheets/annexe4/annexe4-layout';
import { axisColumns } from '../../../src/layout/sheets/axis/axis-columns';
import { annexe4Texts, sheetNames } from '../../../src/layout/texts';
import { cellAddress } from '../../../src/layout/a1';

/**
 * The reference: src/domain/rates computed from what our reader reads in the same grids (the inputs the formulas
 * saw). Every rate cell of the axis sheets and every figure of `Annexe 4 – Suivi` is compared with it.
 */

export interface Comparison {
  /** Cells compared. */
  compared: number;
  /** `Sheet!A1: expected …, got …`. */
  mismatches: string[];
  window: RateWindow;
  /** The domain's figures, for tests that check they move. */
  overall: CompletionFigures;
}

const TOLERANCE = 1e-9;

function same(expected: number | string | null, actual: CellValue): boolean {
  if (expected === null || expected === '') return actual === null || actual === '';
  if (typeof expected === 'string') return actual === expected;
  return typeof actual === 'number' && Math.abs(actual - expected) <= TOLERANCE;
}

function figureOf(figures: CompletionFigures, figure: SummaryFigure): number | null {
  switch (figure) {
    case 'fiches':
    case 'criteria':
    case 'fillPeriod':
    case 'fillCumulative':
    case 'achievement':
    case 'meanProgress':
      return figures[figure];
    case 'withDifficulties':
      return figures.fichesWithDifficulties;
    default:
      return figures.statusCounts[figure];
  }
}

export async function compareRates(grids: WorkbookGrids, plan: Plan): Promise<Comparison> {
  const reading = await readTrackingWorkbook(grids);
  if (!reading.ok) throw new Error(`unreadable: ${JSON.stringify(reading.issues)}`);
  const current = reading.settings?.currentQuarter;
  if (!current) throw new Error('no current quarter');
  const window = rateWindow(reading.period, current);
  const mismatches: string[] = [];
  let compared = 0;
  const check = (grid: SheetGrid, row: number, column: number, expected: number | string | null, what: string) => {
    compared += 1;
    const actual = gridValue(grid, row, column);
    if (!same(expected, actual)) {
      mismatches.push(
        `${grid.name}!${cellAddress(row, column)} ${what}: expected ${expected}, got ${JSON.stringify(actual)}`,
      );
    }
  };
  const byName = new Map(grids.sheets.map((sheet) => [sheet.name, sheet]));
  const columns = axisColumns(reading.quarters);
  const fillColumn = columns.findIndex((column) => column.id === 'fillCumulative') + 1;
  const achievementColumn = columns.findIndex((column) => column.id === 'achievement') + 1;

  for (const axisSheet of reading.axisSheets) {
    const grid = byName.get(axisSheet.sheet)!;
    const ficheRows = axisSheet.rows.filter((row): row is FicheRow => row.type === 'fiche');
    const fiches = rateFichesOf(axisSheet.rows);
    fiches.forEach((fiche, index) => {
      const row = ficheRows[index].row;
      const rates =
        fiche.criteria.length > 0 ? ficheRowRates(fiche, window) : { fillCumulative: null, achievement: null };
      check(grid, row, fillColumn, rates.fillCumulative, 'fiche renseignement cumulé');
      check(grid, row, achievementColumn, rates.achievement, 'fiche réalisation');
    });
    // A criterion row with its fiche's quarter of abandonment, as rateFichesOf gives it.
    const abandonedIn = new Map(ficheRows.map((row) => [row.key, row.abandonedIn]));
    for (const row of axisSheet.rows.filter((candidate): candidate is CriterionRow => candidate.type === 'criterion')) {
      const rates = criterionRowRates({ ...row, abandonedIn: abandonedIn.get(parentKeyOf(row.key) ?? '') }, window);
      check(grid, row.row, fillColumn, rates.fillCumulative, `${row.key} renseignement cumulé`);
      check(grid, row.row, achievementColumn, rates.achievement, `${row.key} réalisation`);
    }
  }

  const titles = new Map(plan.axes.map((axis) => [axis.number, axis.title]));
  const axes = reading.axisSheets.map((sheet) => rateAxisOf(sheet.axis, titles.get(sheet.axis) ?? '', sheet.rows));
  const summary = completionSummary(axes, window);
  const calendar = steeringCalendarAt(reading.period, current);
  const layout = annexe4Layout(plan, calendar.length);
  const annexe = byName.get(sheetNames.annexe4);
  if (!annexe) throw new Error('no Annexe 4 sheet');
  const checkFigures = (row: number, figures: CompletionFigures, what: string) => {
    for (const figure of summaryFigures)
      check(annexe, row, summaryColumn(figure), figureOf(figures, figure), `${what} ${figure}`);
  };
  summary.axes.forEach((figures, index) => checkFigures(layout.axisRows[index], figures, `Axe ${figures.number}`));
  checkFigures(layout.totalRow, summary.overall, 'total');
  if (
    summary.carriers.map((carrier) => carrier.name).join('|') !==
    layout.carriers.map((carrier) => carrier.name).join('|')
  ) {
    mismatches.push('porteurs: the sheet lists other porteurs than the domain');
  }
  summary.carriers.forEach((figures, index) => checkFigures(layout.carriers[index].row, figures, figures.name));
  calendar.forEach((entry, index) => {
    const situations = annexe4Texts.situations;
    const expected = entry.isCurrent ? situations.current : entry.isPast ? situations.past : situations.upcoming;
    check(annexe, layout.calendarRows[index], 3, expected, `calendar ${entry.quarterLabel}`);
  });
  return { compared, mismatches, window, overall: summary.overall };
}
