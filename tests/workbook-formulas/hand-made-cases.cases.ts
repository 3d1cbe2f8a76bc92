import { gridValue, type SheetGrid, type WorkbookGrids } from '../../src/domain/grid';
import { parseQuarterLabel } from '../../src/domain/periods';
import type { RawValue } from '../../src/domain/tracking';
import { annexe4Layout, summaryColumn, type SummaryFigure } from '../../src/layout/sheets/annexe4/annexe4-layout';
import { axisColumns } from '../../src/layout/sheets/axis/axis-columns';
import type { EnteredCell } from '../../src/layout/entered-values';
import { sheetNames } from '../../src/layout/texts';
import { buildWorkbook, generationJournalEntry } from '../../src/layout/workbook-layout';
import { quartersOfPeriod } from '../../src/domain/periods';
import { steeringCalendar } from '../../src/domain/steering-calendar';
import { samplePlan } from '../layout/helpers/sample-plan';
import { readGrids, writtenBytes } from './helpers/build-filled';
import { recalcWithHyperFormula } from './helpers/recalc-hyperformula';

/**
 * Small cases computed by hand (not by the domain): zero, a negative, a number stored as text, a scale value in
 * odd case and spacing, Difficultés of spaces and no-break spaces only, a word outside the scale, a value after Q, a value in a quarter that expects none, an
 * annual and a semiannual criterion, Cible = Référence. Q = 2026-T4 on the sample plan. Both the cached results
 * written and HyperFormula's recalculation must give these figures.
 */

const plan = samplePlan();
const quarters = quartersOfPeriod(plan.period);
const row = (fields: Record<string, RawValue>) =>
  new Map<string, EnteredCell>(Object.entries(fields).map(([field, value]) => [field, { value, isDate: false }]));

const entered = new Map([
  ['G1', row({ status: 'en cours ', progress: 50, difficulties: ' \u00a0\u202f ' })],
  [
    'G1-QN1',
    row({ frequency: 'Trimestrielle', target: 10, '2026-T1': 0, '2026-T2': '5', '2026-T4': -2, '2027-T1': 9 }),
  ],
  ['G1-QN2', row({ frequency: 'Annuelle', baseline: 40, target: 60, '2026-T2': 50 })],
  ['G1-QL1', row({ frequency: 'semestrielle', '2026-T2': '  SATISFAISANT ', '2026-T4': 'Bien' })],
  ['G2', row({ status: 'RÉALISÉE', progress: '40', difficulties: 'Retard de recrutement' })],
  [
    'G2-QN1',
    row({ frequency: 'Trimestrielle', baseline: 4, target: 4, '2026-T1': 1, '2026-T2': 2, '2026-T3': 3, '2026-T4': 4 }),
  ],
  ['G2-QN2', row({ frequency: 'Semestrielle', baseline: 0, target: 16, '2026-T2': 5, '2026-T4': 8 })],
]);

/** Axe 1 rows: G1 4, G1-QN1 5, G1-QN2 6, G1-QL1 7, G2 8, G2-QN1 9, G2-QN2 10, G1-B 11, G1-B-QL1 12. */
const axisExpectations: [number, number | null, number | null][] = [
  [4, 3 / 7, 0],
  [5, 2 / 4, 0],
  [6, 0, null],
  [7, 1 / 2, null],
  [8, 1, 0.5],
  [9, 1, null],
  [10, 1, 0.5],
  [11, 0, null],
  [12, 0, null],
];

const axis1: Partial<Record<SummaryFigure, number | null>> = {
  fiches: 3,
  criteria: 6,
  fillPeriod: 3 / 6,
  fillCumulative: 9 / 17,
  achievement: 0.25,
  inProgress: 1,
  done: 1,
  notStarted: 0,
  meanProgress: 50,
  withDifficulties: 1,
};
const total: Partial<Record<SummaryFigure, number | null>> = {
  fiches: 5,
  criteria: 7,
  fillPeriod: 3 / 7,
  fillCumulative: 9 / 21,
  achievement: 0.25,
  inProgress: 1,
  meanProgress: 50,
  withDifficulties: 1,
};

function expectValue(grid: SheetGrid, rowNumber: number, column: number, expected: number | null) {
  const actual = gridValue(grid, rowNumber, column);
  if (expected === null) expect([null, '']).toContain(actual);
  else expect(actual).toBeCloseTo(expected, 12);
}

function checkFigures(grids: WorkbookGrids) {
  const columns = axisColumns(quarters);
  const fill = columns.findIndex((column) => column.id === 'fillCumulative') + 1;
  const achievement = columns.findIndex((column) => column.id === 'achievement') + 1;
  const sheet = grids.sheets.find((candidate) => candidate.name === 'Axe 1')!;
  for (const [rowNumber, expectedFill, expectedAchievement] of axisExpectations) {
    expectValue(sheet, rowNumber, fill, expectedFill);
    expectValue(sheet, rowNumber, achievement, expectedAchievement);
  }
  const annexe = grids.sheets.find((candidate) => candidate.name === sheetNames.annexe4)!;
  const layout = annexe4Layout(plan, steeringCalendar(plan.period).length);
  const rows: [number, Partial<Record<SummaryFigure, number | null>>][] = [
    [layout.axisRows[0], axis1],
    [layout.totalRow, total],
    ...layout.carriers.map(({ row: carrierRow }): [number, Partial<Record<SummaryFigure, number | null>>] => [
      carrierRow,
      total,
    ]),
  ];
  for (const [rowNumber, figures] of rows) {
    for (const [figure, expected] of Object.entries(figures)) {
      expectValue(annexe, rowNumber, summaryColumn(figure as SummaryFigure), expected);
    }
  }
}

describe('hand-computed rates', () => {
  it('are the cached results written and what HyperFormula recalculates', async () => {
    const now = new Date('2026-11-02T09:00:00Z');
    const { spec } = await buildWorkbook(plan, {
      currentQuarter: parseQuarterLabel('2026-T4')!,
      now,
      journal: [generationJournalEntry(now)],
      entered,
    });
    const grids = readGrids(await writtenBytes(spec));
    checkFigures(grids);
    checkFigures(recalcWithHyperFormula(grids));
  });
});
