import fc from 'fast-check';
import { matchPlanKeys, normaliseCriterionText, wordingSimilarity } from '../../src/domain/keys-matching';
import type { Plan } from '../../src/domain/plan';
import { planKeyList } from '../../src/domain/plan-keys';
import { planArbitrary } from '../layout/helpers/plan-arbitrary';
import { samplePlan } from '../layout/helpers/sample-plan';

/** The sample plan with G1's criteria replaced (keys as a parser would give them: 1, 2 … in document order). */
function withG1Criteria(plan: Plan, quantitative: string[], qualitative: string[] = ['Qualité des échanges']): Plan {
  const copy: Plan = structuredClone(plan);
  const g1 = copy.axes[0].fiches[0];
  g1.criteria = [
    ...quantitative.map((text, i) => ({ key: `G1-QN${i + 1}`, kind: 'quantitative' as const, text, line: 0 })),
    ...qualitative.map((text, i) => ({ key: `G1-QL${i + 1}`, kind: 'qualitative' as const, text, line: 0 })),
  ];
  return copy;
}

const g1Keys = (plan: Plan) => plan.axes[0].fiches[0].criteria.map((c) => [c.key, c.text]);

describe('keys of an amended plan', () => {
  const stored = samplePlan();

  it('gives the same plan the same keys, and reports nothing', () => {
    const matching = matchPlanKeys(stored, stored, []);
    expect(planKeyList(matching.plan)).toEqual(planKeyList(stored));
    expect(matching).toMatchObject({ added: [], removed: [], changed: [] });
  });

  it('matches a criterion by its text whatever its place, case, accents or spacing', () => {
    const next = withG1Criteria(stored, ['TAUX de participation  des élus', 'Nombre de réunions par an']);
    const matching = matchPlanKeys(stored, next, []);
    expect(g1Keys(matching.plan)).toEqual([
      ['G1-QN2', 'TAUX de participation  des élus'],
      ['G1-QN1', 'Nombre de réunions par an'],
      ['G1-QL1', 'Qualité des échanges'],
    ]);
    expect(matching.added).toEqual([]);
    expect(matching.changed).toEqual(['G1-QN2']);
  });

  it('keeps the key of an amended criterion at the same place', () => {
    const next = withG1Criteria(stored, ['Nombre de réunions du COPIL par an', 'Taux de participation des élus']);
    const matching = matchPlanKeys(stored, next, []);
    expect(g1Keys(matching.plan).map(([key]) => key)).toEqual(['G1-QN1', 'G1-QN2', 'G1-QL1']);
    expect(matching.changed).toEqual(['G1-QN1']);
  });

  it('follows a reworded criterion by its closest wording before falling back on its place', () => {
    // The first criterion is removed and the second reworded: position alone would give the reworded one QN1.
    const next = withG1Criteria(stored, ['Taux de participation des élus aux COPIL', 'Nombre de comités techniques']);
    const matching = matchPlanKeys(stored, next, []);
    expect(g1Keys(matching.plan).map(([key]) => key)).toEqual(['G1-QN2', 'G1-QN3', 'G1-QL1']);
    expect(matching.removed.map((entry) => entry.key)).toEqual(['G1-QN1']);
    expect(
      wordingSimilarity('Taux de participation des élus', 'Taux de participation des élus aux COPIL'),
    ).toBeGreaterThanOrEqual(0.6);
    expect(wordingSimilarity('Nombre de réunions par an', 'Nombre de comités techniques')).toBeLessThan(0.6);
  });

  it('never gives again the index of a removed criterion, nor of a retired one', () => {
    const next = withG1Criteria(stored, ['Taux de participation des élus', 'Nombre de partenaires présents', 'Budget']);
    // Text match first: QN2 keeps its key; the new criteria take 3 and 4, not the removed 1.
    const matching = matchPlanKeys(stored, next, []);
    expect(g1Keys(matching.plan).map(([key]) => key)).toEqual(['G1-QN2', 'G1-QN3', 'G1-QN4', 'G1-QL1']);
    expect(matching.removed).toEqual([{ key: 'G1-QN1', type: 'Quantitatif', parentKey: 'G1', axis: 1 }]);
    expect(matching.added).toEqual(['G1-QN3', 'G1-QN4']);

    const retired = [{ key: 'G1-QN7', type: 'Quantitatif' as const, parentKey: 'G1' }];
    const later = matchPlanKeys(stored, next, retired);
    expect(g1Keys(later.plan).map(([key]) => key)).toEqual(['G1-QN2', 'G1-QN8', 'G1-QN9', 'G1-QL1']);
  });

  it('keeps quantitative and qualitative indices apart', () => {
    const next = withG1Criteria(
      stored,
      ['Nombre de réunions par an', 'Taux de participation des élus'],
      ['Qualité des échanges', 'Climat'],
    );
    expect(g1Keys(matchPlanKeys(stored, next, []).plan).map(([key]) => key)).toEqual([
      'G1-QN1',
      'G1-QN2',
      'G1-QL1',
      'G1-QL2',
    ]);
  });

  it('reports a removed fiche with all its criteria, and keys a new fiche after its retired indices', () => {
    const next: Plan = structuredClone(stored);
    const removed = next.axes[0].fiches.splice(0, 1)[0];
    next.axes[1].fiches.push({ ...removed, key: 'G9', ref: 'G9', title: 'Nouvelle fiche' });
    next.axes[1].fiches[next.axes[1].fiches.length - 1].criteria = removed.criteria.map((c) => ({
      ...c,
      key: c.key.replace('G1', 'G9'),
    }));
    const retired = [{ key: 'G9-QN1', type: 'Quantitatif' as const, parentKey: 'G9' }];
    const matching = matchPlanKeys(stored, next, retired);
    expect(matching.removed.map((entry) => entry.key)).toEqual(['G1', 'G1-QN1', 'G1-QN2', 'G1-QL1']);
    expect(matching.added).toEqual(['G9', 'G9-QN2', 'G9-QN3', 'G9-QL1']);
  });

  it('normalises only case, accents, punctuation and spacing', () => {
    expect(normaliseCriterionText('  Évolution du  TAUX, en % ')).toBe(
      normaliseCriterionText('evolution du taux en %'),
    );
    expect(normaliseCriterionText('Nombre de familles')).not.toBe(normaliseCriterionText('Nombre de famille'));
  });

  it('keeps every key of any plan matched with itself, and keys stay unique after any amendment (property)', () => {
    fc.assert(
      fc.property(planArbitrary, planArbitrary, (a, b) => {
        expect(planKeyList(matchPlanKeys(a, a, []).plan)).toEqual(planKeyList(a));
        const keys = planKeyList(matchPlanKeys(a, b, []).plan).map((entry) => entry.key);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 100 },
    );
  });
});
