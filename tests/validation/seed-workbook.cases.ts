import { readFileSync } from 'fs';
import { join } from 'path';
import { validateGrids } from '../../src/app/validate';
import { quarterLabel } from '../../src/domain/periods';
import { allFiches, type Plan } from '../../src/domain/plan';
import { expectsValue } from '../../src/domain/tracking';
import { inferFrequency } from '../../src/domain/criterion-defaults';
import { parseConvention } from '../../src/plan-text';
import { cleanGrids, GENERATION_DAY } from './clean-workbook';

/** The seed convention's fresh workbook: no error, and one completeness warning per fiche that expects a value. */

function seedPlan(): Plan {
  const text = readFileSync(join(__dirname, '../fixtures/ctg-monts-du-pilat-2026-2030.txt'), 'utf8');
  const result = parseConvention(text);
  if (!result.ok) throw new Error(`seed not parsed: ${result.error.code}`);
  return result.plan;
}

describe('the workbook of the seed convention', () => {
  it('has no error, and a completeness warning for each fiche with a criterion expected in Q', async () => {
    const plan = seedPlan();
    const report = await validateGrids(await cleanGrids(plan), { today: GENERATION_DAY });
    expect(report.errors).toBe(0);
    expect(report.issues.every((issue) => issue.code === 'incomplete-current-quarter')).toBe(true);
    const q = { year: 2026, q: 3 as const };
    const last = { year: 2030, q: 4 as const };
    const expecting = allFiches(plan).filter((fiche) =>
      fiche.criteria.some((criterion) => expectsValue(inferFrequency(criterion.text), q, last)),
    );
    expect(expecting.length).toBeGreaterThan(10);
    expect(report.issues.map((issue) => issue.rowKey)).toEqual(expecting.map((fiche) => fiche.key));
    expect(report.issues.every((issue) => issue.params.quarter === quarterLabel(q))).toBe(true);
  });
});
