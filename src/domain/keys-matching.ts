import {
  GENERATED_REF_PREFIX,
  isGeneratedRef,
  type Criterion,
  type CriterionKind,
  type Fiche,
  type Plan,
} from './plan';
import { planKeyList, type KeyEntry } from './plan-keys';

/**
 * Keys of an amended plan (docs/WORKBOOK.md, « Keys »): keys are assigned once and stored, so regenerating a workbook
 * from a new version of the plan must give each row the key it already has. Fiches are matched by their key (the
 * ref, or `<ref>-B` … for a repeated ref). Within a fiche, and for each kind, a criterion takes the key of the
 * stored criterion with the same normalised text (of several worded alike, the nearest in place), else of the free stored criterion whose wording is clearly the
 * closest (a reworded criterion: most words shared, at least `SIMILAR_WORDS` of them), else of the stored criterion
 * at the same position among those of its kind, if still free; any other criterion gets the next index never used
 * for that fiche and kind —
 * indices of removed criteria included (the retired keys), so that a key never names two different things.
 */

export interface KeyMatching {
  /** The new plan with the keys of the stored one where rows match, new indices elsewhere. */
  plan: Plan;
  /** Keys of the new plan that the stored plan did not have, in plan order. */
  added: string[];
  /** Stored rows that the new plan no longer has (fiches with all their criteria, and criteria), in stored order. */
  removed: KeyEntry[];
  /** Keys kept whose plan text changed (a fiche's title or another of its plan fields, a criterion's text). */
  changed: string[];
  /** Fiches kept that the new plan puts in another axis (by axis number), in plan order. */
  moved: { key: string; from: number; to: number }[];
}

/** Text compared without case, accents, punctuation or spacing differences. */
export function normaliseCriterionText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('fr')
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();
}

/** Share of words two wordings must have in common (of the larger set) to be taken for the same criterion. */
export const SIMILAR_WORDS = 0.6;

function words(text: string): Set<string> {
  return new Set(
    normaliseCriterionText(text)
      .split(' ')
      .filter((word) => word.length > 2),
  );
}

/** Shared words over the larger word set: 1 for the same words, 0 for none in common. */
export function wordingSimilarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  const size = Math.max(left.size, right.size);
  if (size === 0) return 0;
  return [...left].filter((word) => right.has(word)).length / size;
}

const SUFFIX = { quantitative: 'QN', qualitative: 'QL' } as const;
const INDEX = /-Q([NL])(\d+)$/;

/** The indices already given to criteria of `ficheKey` of a kind, among the keys. */
function usedIndices(keys: readonly string[], ficheKey: string, kind: CriterionKind): number[] {
  const prefix = `${ficheKey}-${SUFFIX[kind]}`;
  return keys
    .filter((key) => key.startsWith(prefix) && key.slice(0, key.search(INDEX)) === ficheKey)
    .map((key) => Number(INDEX.exec(key)?.[2] ?? 0));
}

function matchCriteria(
  ficheKey: string,
  next: readonly Criterion[],
  stored: readonly Criterion[],
  retired: readonly string[],
): Criterion[] {
  const result: (Criterion | null)[] = next.map(() => null);
  const taken = new Set<string>();
  for (const kind of ['quantitative', 'qualitative'] as const) {
    const newOfKind = next.map((criterion, index) => ({ criterion, index })).filter((c) => c.criterion.kind === kind);
    const oldOfKind = stored.filter((criterion) => criterion.kind === kind);
    const assign = (index: number, key: string) => {
      result[index] = { ...next[index], key };
      taken.add(key);
    };
    // Among stored criteria worded alike (a fiche may list the same wording twice), the one nearest in place.
    const distance = (position: number, o: Criterion) => Math.abs(oldOfKind.indexOf(o) - position);
    // 1. Same normalised text.
    newOfKind.forEach(({ criterion, index }, position) => {
      const wanted = normaliseCriterionText(criterion.text);
      const old = oldOfKind
        .filter((o) => !taken.has(o.key) && normaliseCriterionText(o.text) === wanted)
        .sort((x, y) => distance(position, x) - distance(position, y))[0];
      if (old) assign(index, old.key);
    });
    // 2. A clearly reworded criterion: the closest free wording, when it is close enough.
    newOfKind.forEach(({ criterion, index }, position) => {
      if (result[index] !== null) return;
      const scored = oldOfKind
        .filter((o) => !taken.has(o.key))
        .map((o) => ({ o, score: wordingSimilarity(o.text, criterion.text) }))
        .sort((x, y) => y.score - x.score || distance(position, x.o) - distance(position, y.o));
      if (scored[0] && scored[0].score >= SIMILAR_WORDS) assign(index, scored[0].o.key);
    });
    // 3. Same position among the criteria of its kind.
    newOfKind.forEach(({ index }, position) => {
      const old = oldOfKind[position];
      if (result[index] === null && old && !taken.has(old.key)) assign(index, old.key);
    });
    // 4. The next index never used for this fiche and kind.
    let last = Math.max(0, ...usedIndices([...stored.map((c) => c.key), ...retired], ficheKey, kind));
    for (const { index } of newOfKind) {
      if (result[index] !== null) continue;
      last += 1;
      assign(index, `${ficheKey}-${SUFFIX[kind]}${last}`);
    }
  }
  return result as Criterion[];
}

function samePlanFields(a: Fiche, b: Fiche): boolean {
  const fields = (f: Fiche) =>
    JSON.stringify([f.title, f.interest, f.carriers, f.territories, f.fields, f.publics, f.budget]);
  return fields(a) === fields(b);
}

/**
 * The stored key of each fiche of the new plan (by its place in `next`'s fiches). A fiche is found by its key, but a
 * generated key (a fiche without a ref, src/domain/plan.ts, `isGeneratedRef`) says only the fiche's place in the
 * plan, which a fiche added before it changes: such a stored fiche is found by its title instead, for a fiche of the
 * new plan without a ref or whose key the stored plan does not have (a ref written since); a fiche without a ref
 * found nowhere gets a generated key never used.
 */
function matchFicheKeys(stored: Plan, next: Plan, retired: readonly string[]): string[] {
  const storedFiches = stored.axes.flatMap((axis) => axis.fiches);
  const referenced = new Set(storedFiches.filter((f) => !isGeneratedRef(f.key)).map((f) => f.key));
  const fiches = next.axes.flatMap((axis) => axis.fiches);
  const keys = fiches.map((fiche) => (referenced.has(fiche.key) ? fiche.key : null));
  const free = storedFiches.filter((f) => isGeneratedRef(f.key));
  const titleOf = (fiche: Fiche) => normaliseCriterionText(fiche.title);
  fiches.forEach((fiche, index) => {
    if (keys[index] !== null || titleOf(fiche) === '') return;
    const found = free.findIndex((f) => titleOf(f) === titleOf(fiche));
    if (found >= 0) keys[index] = free.splice(found, 1)[0].key;
  });
  const generatedIndex = (key: string) => (isGeneratedRef(key) ? Number(key.slice(GENERATED_REF_PREFIX.length)) : 0);
  const used = [...storedFiches.map((f) => f.key), ...retired, ...keys.filter((key) => key !== null)];
  let last = Math.max(0, ...used.map(generatedIndex));
  return fiches.map((fiche, index) => {
    const key = keys[index];
    if (key !== null) return key;
    if (!isGeneratedRef(fiche.key)) return fiche.key;
    last += 1;
    return `${GENERATED_REF_PREFIX}${last}`;
  });
}

export function matchPlanKeys(stored: Plan, next: Plan, retiredKeys: readonly KeyEntry[]): KeyMatching {
  const storedFiches = new Map(stored.axes.flatMap((axis) => axis.fiches).map((fiche) => [fiche.key, fiche]));
  const retired = retiredKeys.map((entry) => entry.key);
  const ficheKeys = matchFicheKeys(stored, next, retired);
  let ficheIndex = 0;
  const changed: string[] = [];
  const plan: Plan = {
    ...next,
    axes: next.axes.map((axis) => ({
      ...axis,
      fiches: axis.fiches.map((nextFiche) => {
        const fiche = { ...nextFiche, key: ficheKeys[ficheIndex++] };
        const old = storedFiches.get(fiche.key);
        const criteria = matchCriteria(fiche.key, fiche.criteria, old?.criteria ?? [], retired);
        if (old && !samePlanFields(old, fiche)) changed.push(fiche.key);
        for (const criterion of criteria) {
          const before = old?.criteria.find((c) => c.key === criterion.key);
          if (before && before.text !== criterion.text) changed.push(criterion.key);
        }
        return { ...fiche, criteria };
      }),
    })),
  };
  const storedAxis = new Map(stored.axes.flatMap((axis) => axis.fiches.map((fiche) => [fiche.key, axis.number])));
  const moved = plan.axes.flatMap((axis) =>
    axis.fiches
      .filter((fiche) => (storedAxis.get(fiche.key) ?? axis.number) !== axis.number)
      .map((fiche) => ({ key: fiche.key, from: storedAxis.get(fiche.key)!, to: axis.number })),
  );
  const storedKeys = planKeyList(stored);
  const newKeys = planKeyList(plan);
  const newSet = new Set(newKeys.map((entry) => entry.key));
  const oldSet = new Set(storedKeys.map((entry) => entry.key));
  return {
    plan,
    added: newKeys.filter((entry) => !oldSet.has(entry.key)).map((entry) => entry.key),
    removed: storedKeys.filter((entry) => !newSet.has(entry.key)),
    changed,
    moved,
  };
}
