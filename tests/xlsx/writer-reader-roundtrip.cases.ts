import fc from 'fast-check';
import { validateGrids } from '../../src/app/validate';
import type { SheetGrid } from '../../src/domain/grid';
import type { Plan } from '../../src/domain/plan';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { readXlsx } from '../../src/xlsx/reader';
import { writeXlsx } from '../../src/xlsx/writer';
import { planArbitrary } from '../layout/helpers/plan-arbitrary';
import { samplePlan } from '../layout/helpers/sample-plan';
import { gridOfSpec } from '../layout/helpers/spec-grid';

/** Every non-empty value of the spec's sheets, as [sheet, A1-like row/column, value]. */
function valuesOf(grid: SheetGrid): [string, number, number, unknown][] {
  const values: [string, number, number, unknown][] = [];
  grid.rows.forEach((cells, row) =>
    cells.forEach((cell, column) => {
      if (cell && cell.value !== null) values.push([grid.name, row + 1, column + 1, cell.value]);
    }),
  );
  return values;
}

async function roundTrip(plan: Plan, today: Date) {
  const { spec } = await buildNewWorkbook(plan, { today });
  const read = readXlsx(await writeXlsx(spec));
  if (!read.ok) throw new Error(`unreadable: ${read.error.code}`);
  return { spec, grids: read.grids };
}

describe('generate → our own reader', () => {
  test('every value written is read back in its place, and sheet visibility is kept', async () => {
    const { spec, grids } = await roundTrip(samplePlan(), new Date('2026-11-28T10:00:00Z'));
    expect(grids.sheets.map((sheet) => [sheet.name, sheet.visibility])).toEqual(
      spec.sheets.map((sheet) => [sheet.name, sheet.visibility]),
    );
    spec.sheets.forEach((sheet, index) => {
      expect(valuesOf(grids.sheets[index])).toEqual(valuesOf(gridOfSpec(sheet)));
    });
  });

  test('a fresh workbook validates without errors, for arbitrary plans too', async () => {
    const today = new Date('2027-02-10T10:00:00Z');
    const sample = await roundTrip(samplePlan(), today);
    const report = await validateGrids(sample.grids, { today });
    expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    await fc.assert(
      fc.asyncProperty(planArbitrary, async (plan) => {
        const { grids } = await roundTrip(plan, today);
        const checked = await validateGrids(grids, { today });
        expect(checked.readable).toBe(true);
        expect(checked.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
      }),
      { numRuns: 6 },
    );
  });
});
