import fc from 'fast-check';
import {
  alignPlaces,
  matchPlanKeys,
  normaliseCriterionText,
  pairAlike,
  wordingSimilarity,
} from '../../src/domain/keys-matching';
import type { Plan } from '../../src/domain/plan';
import { planKeyList } from '../../src/domain/plan-keys';
import { planArbitrary, plansOver } from '../layout/helpers/plan-arbitrary';
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

  it('keeps each of two criteria worded alike with its own key when one of them is reworded', () => {
    // Two « Nombre de jeunes »: the second keeps QN2, the first, reworded, keeps QN1 (not swapped by the first free one).
    const before = withG1Criteria(stored, ['Nombre de jeunes', 'Nombre de jeunes']);
    const next = withG1Criteria(stored, ['Nombre de jeunes inscrits', 'Nombre de jeunes']);
    const matching = matchPlanKeys(before, next, []);
    expect(g1Keys(matching.plan)).toEqual([
      ['G1-QN1', 'Nombre de jeunes inscrits'],
      ['G1-QN2', 'Nombre de jeunes'],
      ['G1-QL1', 'Qualité des échanges'],
    ]);
    expect(matching.changed).toEqual(['G1-QN1']);
    // The other one reworded: the same, each key with its place.
    const other = withG1Criteria(stored, ['Nombre de jeunes', 'Nombre de jeunes accueillis']);
    expect(g1Keys(matchPlanKeys(before, other, []).plan).map(([key]) => key)).toEqual(['G1-QN1', 'G1-QN2', 'G1-QL1']);
  });

  it('keeps the reworded one of two criteria worded alike with its key when a criterion is inserted before them', () => {
    // Places counted among the kind would put the kept « Nombre de jeunes » nearer the second's place (the inserted
    // criterion shifts it), swapping the two rows' values.
    const before = withG1Criteria(stored, ['Nombre de jeunes', 'Nombre de jeunes']);
    const next = ['Nombre de familles accueillies', 'Nombre de jeunes', 'Nombre de jeunes inscrits'];
    const matching = matchPlanKeys(before, withG1Criteria(stored, next), []);
    expect(g1Keys(matching.plan)).toEqual([
      ['G1-QN3', 'Nombre de familles accueillies'],
      ['G1-QN1', 'Nombre de jeunes'],
      ['G1-QN2', 'Nombre de jeunes inscrits'],
      ['G1-QL1', 'Qualité des échanges'],
    ]);
    expect(matching.alikeCountChanged).toEqual([
      { fiche: 'G1', text: 'Nombre de jeunes', before: 2, after: 1, keys: ['G1-QN1', 'G1-QN2'] },
    ]);
    // The same after the two, and without the insertion.
    for (const other of [
      ['Nombre de jeunes', 'Nombre de jeunes inscrits', 'Nombre de familles accueillies'],
      ['Nombre de jeunes', 'Nombre de jeunes inscrits'],
    ])
      expect(g1Keys(matchPlanKeys(before, withG1Criteria(stored, other), []).plan).slice(0, 2)).toEqual([
        ['G1-QN1', 'Nombre de jeunes'],
        ['G1-QN2', 'Nombre de jeunes inscrits'],
      ]);
  });

  it('never crosses criteria worded alike, and keeps an unchanged one with a key of its wording (property)', () => {
    // Wordings sharing no word, so that a reworded one (a word added) is close to its own wording only.
    const wordings = ['Nombre de jeunes', 'Taux de satisfaction', "Heures d'ouverture"];
    const change = fc.constantFrom('kept', 'reworded', 'removed');
    fc.assert(
      fc.property(
        fc.array(fc.record({ text: fc.constantFrom(...wordings), change }), { minLength: 1, maxLength: 7 }),
        fc.array(fc.nat(8), { maxLength: 3 }),
        (olds, insertions) => {
          const before = withG1Criteria(
            stored,
            olds.map((old) => old.text),
          );
          const oldKeys = before.axes[0].fiches[0].criteria.slice(0, olds.length).map((c) => c.key);
          // Each new criterion with the old one it comes from (none for an inserted one).
          const next = olds.flatMap((old, from) =>
            old.change === 'removed' ? [] : [{ from, text: old.change === 'kept' ? old.text : `${old.text} inscrits` }],
          );
          insertions.forEach((at, i) =>
            next.splice(at % (next.length + 1), 0, { from: -1, text: `Critère ajouté ${i}` }),
          );
          const matching = matchPlanKeys(
            before,
            withG1Criteria(
              stored,
              next.map((c) => c.text),
            ),
            [],
          );
          const keys = matching.plan.axes[0].fiches[0].criteria.map((c) => c.key);
          for (const wording of wordings) {
            const ofWording = oldKeys.filter((_, from) => olds[from].text === wording);
            const derived = next.flatMap((c, place) => (c.from >= 0 && olds[c.from].text === wording ? [place] : []));
            // Kept ones take a key of their wording; those of the wording's keys stay in the stored order.
            for (const place of derived.filter((p) => next[p].text === wording))
              expect(ofWording).toContain(keys[place]);
            const taken = derived.map((place) => ofWording.indexOf(keys[place])).filter((at) => at >= 0);
            expect(taken).toEqual([...taken].sort((a, b) => a - b));
            // None of the wording removed: each, kept or reworded, keeps its own key.
            if (olds.every((old) => old.text !== wording || old.change !== 'removed'))
              expect(derived.map((place) => keys[place])).toEqual(derived.map((place) => oldKeys[next[place].from]));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('pairs criteria worded alike in their order, whatever is inserted or removed around them, and says nothing', () => {
    const before = withG1Criteria(stored, ['Nombre de réunions par an', 'Nombre de jeunes', 'Nombre de jeunes']);
    const keysFor = (quantitative: string[]) => {
      const matching = matchPlanKeys(before, withG1Criteria(stored, quantitative), []);
      expect(matching.alikeCountChanged).toEqual([]);
      return g1Keys(matching.plan).map(([key]) => key);
    };
    // Inserted before the two: nearest in place would give the first the second's key.
    expect(
      keysFor(['Nombre de réunions par an', 'Nombre de ludothèques', 'Nombre de jeunes', 'Nombre de jeunes']),
    ).toEqual(['G1-QN1', 'G1-QN4', 'G1-QN2', 'G1-QN3', 'G1-QL1']);
    expect(keysFor(['Nombre de jeunes', 'Nombre de ludothèques', 'Nombre de jeunes'])).toEqual([
      'G1-QN2',
      'G1-QN4',
      'G1-QN3',
      'G1-QL1',
    ]);
    expect(keysFor(['Nombre de jeunes', 'Nombre de jeunes', 'Nombre de réunions par an'])).toEqual([
      'G1-QN2',
      'G1-QN3',
      'G1-QN1',
      'G1-QL1',
    ]);
  });

  it('pairs criteria worded alike in their order after any insertion or removal of other wordings (property)', () => {
    const wordings = ['Nombre de jeunes', 'Nombre de familles', 'Taux de satisfaction'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...wordings), { minLength: 1, maxLength: 7 }),
        fc.array(fc.nat(8), { maxLength: 3 }),
        fc.option(fc.constantFrom(...wordings)),
        (texts, insertions, removedWording) => {
          const before = withG1Criteria(stored, texts);
          const next = texts.filter((text) => text !== removedWording);
          insertions.forEach((at, i) => next.splice(at % (next.length + 1), 0, `Critère ajouté numéro ${i}`));
          const matching = matchPlanKeys(before, withG1Criteria(stored, next), []);
          const keysOf = (plan: Plan, text: string) =>
            plan.axes[0].fiches[0].criteria.filter((c) => c.text === text).map((c) => c.key);
          for (const text of wordings.filter((one) => one !== removedWording))
            expect(keysOf(matching.plan, text)).toEqual(keysOf(before, text));
          expect(matching.alikeCountChanged).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('places old and new criteria on an alignment: same texts first, then close wordings, old ones aligned earliest', () => {
    const [jeunes, inscrits, familles] = ['Nombre de jeunes', 'Nombre de jeunes inscrits', 'Nombre de familles'];
    // The inserted criterion takes a place of its own; each old one shares its place with its new wording.
    expect(alignPlaces([jeunes, jeunes], [familles, jeunes, inscrits])).toEqual({ olds: [1, 2], news: [0, 1, 2] });
    expect(alignPlaces([jeunes, jeunes], [inscrits, jeunes])).toEqual({ olds: [0, 1], news: [0, 1] });
    // One removed, nothing telling which: the first is aligned, the second has a place of its own.
    expect(alignPlaces([jeunes, jeunes], [familles, jeunes])).toEqual({ olds: [1, 2], news: [0, 1] });
    expect(alignPlaces([], [jeunes])).toEqual({ olds: [], news: [0] });
  });

  it('pairs places of criteria worded alike in order, never crossing, the nearest when their number changed', () => {
    expect(pairAlike([1, 2], [2, 3])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(pairAlike([0, 1], [1])).toEqual([[1, 1]]);
    expect(pairAlike([0, 3], [0])).toEqual([[0, 0]]);
    expect(pairAlike([2], [0, 1, 3])).toEqual([[2, 1]]);
    expect(pairAlike([0, 1, 5], [4, 5])).toEqual([
      [1, 4],
      [5, 5],
    ]);
    expect(pairAlike([], [0])).toEqual([]);
  });

  it('says, by fiche and wording, when the number of criteria worded alike changes: the pairing is a guess', () => {
    const before = withG1Criteria(stored, ['Nombre de jeunes', 'Nombre de jeunes']);
    // The first reworded: the one left « Nombre de jeunes » is paired with the nearest in place, the order kept.
    const reworded = matchPlanKeys(
      before,
      withG1Criteria(stored, ['Nombre de jeunes inscrits', 'Nombre de jeunes']),
      [],
    );
    expect(reworded.alikeCountChanged).toEqual([
      { fiche: 'G1', text: 'Nombre de jeunes', before: 2, after: 1, keys: ['G1-QN1', 'G1-QN2'] },
    ]);
    // One removed: the other keeps its key, the removed one leaves (its values go to Archives).
    const removed = matchPlanKeys(before, withG1Criteria(stored, ['Nombre de jeunes']), []);
    expect(g1Keys(removed.plan).map(([key]) => key)).toEqual(['G1-QN1', 'G1-QL1']);
    expect(removed.removed.map((entry) => entry.key)).toEqual(['G1-QN2']);
    expect(removed.alikeCountChanged).toEqual([
      { fiche: 'G1', text: 'Nombre de jeunes', before: 2, after: 1, keys: ['G1-QN1'] },
    ]);
    // A third one added after them: the two keep their keys in order, the third is new.
    const added = matchPlanKeys(
      before,
      withG1Criteria(stored, ['Nombre de jeunes', 'NOMBRE de jeunes', 'Nombre de jeunes']),
      [],
    );
    expect(g1Keys(added.plan).map(([key]) => key)).toEqual(['G1-QN1', 'G1-QN2', 'G1-QN3', 'G1-QL1']);
    expect(added.added).toEqual(['G1-QN3']);
    expect(added.alikeCountChanged).toEqual([
      { fiche: 'G1', text: 'Nombre de jeunes', before: 2, after: 3, keys: ['G1-QN1', 'G1-QN2', 'G1-QN3'] },
    ]);
    // Added once where there was none, or gone altogether: no guess, nothing said.
    expect(matchPlanKeys(before, withG1Criteria(stored, ['Nombre de familles']), []).alikeCountChanged).toEqual([]);
  });

  it('finds a fiche without a ref by its title, never by its generated key, which says only its place', () => {
    /** The sample plan with fiches without refs at the head of axis 1, keyed as the reader keys them: by place. */
    const unreferenced = (titles: string[]): Plan => {
      const copy: Plan = structuredClone(stored);
      const model = copy.axes[0].fiches[0];
      const added = titles.map((title, i) => {
        const key = `SANSREF${i + 1}`;
        const criteria = [{ key: `${key}-QN1`, kind: 'quantitative' as const, text: `Nombre pour ${title}`, line: 0 }];
        return { ...model, ref: key, key, title, criteria };
      });
      copy.axes[0].fiches.unshift(...added);
      return copy;
    };
    const keysOf = (plan: Plan) => plan.axes[0].fiches.map((f) => [f.key, f.title, f.criteria[0]?.key]);
    const before = unreferenced(['Permanences', 'Fiche bis']);
    // A new fiche without ref comes first: the reader keys it SANSREF1, and the others SANSREF2, SANSREF3.
    const matching = matchPlanKeys(before, unreferenced(['Nouvelle fiche', 'Permanences', 'Fiche bis']), []);
    expect(keysOf(matching.plan).slice(0, 3)).toEqual([
      ['SANSREF3', 'Nouvelle fiche', 'SANSREF3-QN1'],
      ['SANSREF1', 'Permanences', 'SANSREF1-QN1'],
      ['SANSREF2', 'Fiche bis', 'SANSREF2-QN1'],
    ]);
    expect(matching.added).toEqual(['SANSREF3', 'SANSREF3-QN1']);
    expect(matching.removed).toEqual([]);

    // One whose title changed is not taken for another by its place: it leaves, the new one is added.
    const retitled = matchPlanKeys(before, unreferenced(['Permanences d’accès', 'Fiche bis']), []);
    expect(
      keysOf(retitled.plan)
        .slice(0, 2)
        .map(([key]) => key),
    ).toEqual(['SANSREF3', 'SANSREF2']);
    expect(retitled.removed.map((entry) => entry.key)).toEqual(['SANSREF1', 'SANSREF1-QN1']);

    // A workbook keyed so before its plan gave the fiche a ref keeps its key, found by the title.
    const referenced: Plan = structuredClone(before);
    Object.assign(referenced.axes[0].fiches[0], { ref: 'AD1', key: 'AD1' });
    referenced.axes[0].fiches[0].criteria[0].key = 'AD1-QN1';
    const withRef = matchPlanKeys(before, referenced, []);
    expect(keysOf(withRef.plan)[0]).toEqual(['SANSREF1', 'Permanences', 'SANSREF1-QN1']);
    expect(withRef).toMatchObject({ added: [], removed: [] });
  });

  it('finds a fiche an earlier reading keyed otherwise by its ref as written, when that ref names one fiche', () => {
    /** The sample plan with its first fiche (and that fiche's criteria) keyed `key`, written `writtenRef`. */
    const keyed = (plan: Plan, index: number, key: string, writtenRef?: string): Plan => {
      const copy: Plan = structuredClone(plan);
      const fiche = copy.axes[0].fiches[index];
      for (const criterion of fiche.criteria) criterion.key = criterion.key.replace(fiche.key, key);
      Object.assign(fiche, { ref: key, key, ...(writtenRef ? { writtenRef } : {}) });
      return copy;
    };
    const keysOf = (plan: Plan) => plan.axes[0].fiches.map((f) => [f.key, ...f.criteria.map((c) => c.key)]);
    // Read before as I1, now as F1-1 from the same « I.1 »: the stored key is kept, with its criteria's.
    const before = keyed(stored, 0, 'I1');
    const matching = matchPlanKeys(before, keyed(stored, 0, 'F1-1', 'I.1'), []);
    expect(keysOf(matching.plan)).toEqual(keysOf(before));
    expect(matching).toMatchObject({ added: [], removed: [], changed: [] });
    // Spacing and case aside: « i 1 » reads as I1 too.
    expect(keysOf(matchPlanKeys(before, keyed(stored, 0, 'F1-1', 'i 1'), []).plan)).toEqual(keysOf(before));

    // A plan writing « I.1 » and « I1 » was read I1 and I1-B: nothing stored says which was which, no key is moved.
    const twice: Plan = structuredClone(before);
    const second = { ...structuredClone(twice.axes[0].fiches[0]), key: 'I1-B', title: 'Une autre fiche' };
    second.criteria = second.criteria.map((c) => ({ ...c, key: c.key.replace('I1', 'I1-B') }));
    twice.axes[0].fiches.splice(1, 0, second);
    const now: Plan = structuredClone(twice);
    Object.assign(now.axes[0].fiches[0], keyed(twice, 0, 'F1-1', 'I.1').axes[0].fiches[0]);
    Object.assign(now.axes[0].fiches[1], { ...keyed(twice, 1, 'I1').axes[0].fiches[1], ref: 'I1' });
    const ambiguous = matchPlanKeys(twice, now, []);
    expect(ambiguous.plan.axes[0].fiches[0].key).toBe('F1-1');
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

  it('reports a fiche kept in another axis, with its key', () => {
    const next: Plan = structuredClone(stored);
    const [g2] = next.axes[0].fiches.splice(1, 1);
    next.axes[1].fiches.push(g2);
    const matching = matchPlanKeys(stored, next, []);
    expect(matching.moved).toEqual([{ key: g2.key, from: 1, to: next.axes[1].number }]);
    expect(matching).toMatchObject({ added: [], removed: [] });
    expect(matchPlanKeys(stored, stored, []).moved).toEqual([]);
  });

  it('normalises only case, accents, punctuation and spacing', () => {
    expect(normaliseCriterionText('  Évolution du  TAUX, en % ')).toBe(
      normaliseCriterionText('evolution du taux en %'),
    );
    expect(normaliseCriterionText('Nombre de familles')).not.toBe(normaliseCriterionText('Nombre de famille'));
  });

  it('keeps every key of any plan matched with itself, and keys stay unique after any amendment (property)', () => {
    // Two plans worded from a few texts sharing words, some fiches without a ref: the same and reworded criteria,
    // fiches found by their title, which two plans of arbitrary texts never share.
    const wording = fc.constantFrom(
      'Nombre de jeunes',
      'Nombre de jeunes inscrits',
      'Taux de satisfaction',
      'Taux de satisfaction des familles',
      'Heures d’ouverture',
    );
    const alike = plansOver(wording, { unreferenced: true });
    const plans = fc.oneof(fc.tuple(planArbitrary, planArbitrary), fc.tuple(alike, alike));
    fc.assert(
      fc.property(plans, ([a, b]) => {
        expect(planKeyList(matchPlanKeys(a, a, []).plan)).toEqual(planKeyList(a));
        const matched = planKeyList(matchPlanKeys(a, b, []).plan);
        const keys = matched.map((entry) => entry.key);
        expect(new Set(keys).size).toBe(keys.length);
        // A key the stored plan had names a row of the same type, under the same fiche.
        const stored = new Map(planKeyList(a).map((entry) => [entry.key, entry]));
        for (const entry of matched.filter((one) => stored.has(one.key)))
          expect([entry.type, entry.parentKey]).toEqual([
            stored.get(entry.key)!.type,
            stored.get(entry.key)!.parentKey,
          ]);
      }),
      { numRuns: 100 },
    );
  });
});
