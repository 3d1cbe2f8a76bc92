import fc from 'fast-check';
import type { AoHolder } from '../../src/domain/plan';
import { readAoSheet } from '../../src/layout/sheets/ao/ao-sheet-read';
import { gridOfSpec } from '../layout/helpers/spec-grid';
import { derivedOfGrid, expectedDerived, seedPlan, type AoCase, type RowInput } from './ao-cases';
import { AO_SHEET } from './ao-grid';
import { filledWorkbook, recalcWithHyperFormula } from './ao-workbooks';
import { aoTableFromPlan } from '../../src/domain/ao-requirements';

/**
 * Any inputs (populations around the thresholds, empty or wrong; any holder; Oui, Non or empty; any declared
 * total; Q before or after 1 January 2026): HyperFormula over the generated formulas agrees with the domain.
 */

const plan = seedPlan();
const period = { start: '2025-01-01', end: '2029-12-31' };
const names = aoTableFromPlan({ ...plan, period }).rows.map((row) => row.name);

const population = fc.oneof(
  fc.constantFrom(null, 0, 3499, 3500, 3501, 9999, 10000, 10001, 15431),
  fc.integer({ min: 0, max: 20000 }),
  fc.constantFrom('3 500', -1, 2.5),
);
const holder = fc.constantFrom<AoHolder>('commune', 'transferredByAll', 'transferredBySome', 'unknown');
const yesNo = fc.constantFrom<'Oui' | 'Non' | null>('Oui', 'Non', null);
const rowInput: fc.Arbitrary<RowInput> = fc.record({
  population,
  holders: fc.record({ identify: holder, inform: holder, plan: holder, quality: holder }),
  rpe: yesNo,
  schema: yesNo,
});
const quarter = fc.record({
  year: fc.integer({ min: 2025, max: 2029 }),
  q: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>,
});

const aoCase: fc.Arbitrary<AoCase> = fc
  .record({
    rows: fc.dictionary(fc.integer({ min: 0, max: names.length - 1 }).map(String), rowInput, { maxKeys: 17 }),
    declared: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 40000 })),
    quarter,
  })
  .map(({ rows, declared, quarter: q }) => ({
    name: 'random',
    quarterText: `${q.year}-T${q.q}`,
    quarter: q,
    period,
    declared,
    rows: Object.fromEntries(Object.entries(rows).map(([index, input]) => [Number(index), input])),
  }));

describe('Compétences AO on random inputs', () => {
  it('HyperFormula over the formulas gives what the domain says of the table read back', () => {
    fc.assert(
      fc.property(aoCase, (testCase) => {
        const spec = filledWorkbook(plan, testCase);
        const grids = { sheets: spec.sheets.map(gridOfSpec) };
        const ao = grids.sheets.find((sheet) => sheet.name === AO_SHEET)!;
        const table = readAoSheet(ao).input!.table;
        const computed = recalcWithHyperFormula(grids, spec.definedNames);
        const recalculated = derivedOfGrid(
          computed.sheets.find((sheet) => sheet.name === AO_SHEET)!,
          names,
        );
        expect(recalculated).toEqual(expectedDerived(table, testCase.quarter));
      }),
      { numRuns: 40 },
    );
  });
});
