import { readFileSync } from 'fs';
import { join } from 'path';
import { aoTableFromPlan, assessAoTable } from '../../src/domain/ao-requirements';
import { parseConvention } from '../../src/plan-text';

describe('the AO table of the Monts du Pilat convention', () => {
  const text = readFileSync(join(__dirname, '../fixtures/ctg-monts-du-pilat-2026-2030.txt'), 'utf8');
  const result = parseConvention(text);
  if (!result.ok) throw new Error('the seed convention should parse');
  const table = aoTableFromPlan(result.plan);
  const assessment = assessAoTable(table, { year: 2026, q: 1 });

  it('has the EPCI and its 16 communes, every competence transferred by all, 15 431 inhabitants declared', () => {
    expect(table.rows).toHaveLength(17);
    expect(table.rows[0].isEpci).toBe(true);
    expect(table.rows.filter((row) => !row.isEpci)).toHaveLength(16);
    expect(table.rows.every((row) => Object.values(row.competences).every((h) => h === 'transferredByAll'))).toBe(true);
    expect(table.declaredTransferredPopulation).toBe(15431);
  });

  it('asks the EPCI for all four competences, a schéma and an RPE, both there (the CTG, the RPE of Annexe 2)', () => {
    const epci = assessment.rows[0];
    expect(epci.population).toBe(15431);
    expect(epci.required).toEqual({ identify: true, inform: true, plan: true, quality: true, schema: true, rpe: true });
    expect(epci.met).toEqual({ schema: true, rpe: true });
    expect(assessment.rows.flatMap((row) => row.unmet)).toEqual([]);
    expect(assessment.populationsMatchDeclared).toBeNull();
  });
});
