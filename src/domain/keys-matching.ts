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
 * ref, or `<ref>-B` … for a repeated ref), else by their ref as written (`matchEarlierKeys`). Within a fiche, and
 * for each kind, a criterion takes the key of the stored criterion with the same normalised text (criteria worded
 * alike are paired in their order: `pairAlike`, on places of an order-keeping alignment of the stored and new
 * criteria, `alignPlaces`), else of the free stored criterion whose wording is clearly the closest (a reworded
 * criterion: most words shared, at least `SIMILAR_WORDS` of them; of equally close ones, the nearest on those
 * places), else of the stored criterion at the same position among those of its kind, if still free; any other
 * criterion gets the next index never used for that fiche and kind — indices of removed criteria included (the
 * retired keys), so that a key never names two different things.
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
  /** Wordings a fiche lists a different number of times than before: their pairing is a guess, to be checked. */
  alikeCountChanged: AlikeCountChange[];
}

/**
 * A wording that a fiche's criteria of one kind used `before` times and the new plan `after` times (both at least
 * once): which old row goes with which new one cannot be known, so the pairing (in order) is said. `keys`: the new
 * plan's rows to check, in plan order — those worded so, and any that took the key of one left unpaired.
 */
export interface AlikeCountChange {
  fiche: string;
  /** The wording as the new plan writes it (its first criterion worded so). */
  text: string;
  before: number;
  after: number;
  keys: string[];
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

/**
 * Places of the old and new criteria of a kind (texts in plan order) on an alignment of the two lists that keeps their
 * order: aligned pairs share a place, any other criterion has its own. Pairs are first as many of the same
 * normalised text as can be (a longest common subsequence), then as many of close wordings (`SIMILAR_WORDS`, a
 * reworded criterion) as can be besides; of equal alignments, the one aligning old criteria earliest. Measured so, the
 * distance between an old criterion and the new one aligned with it stays 0 whatever is inserted or removed elsewhere
 * in the fiche, where indices among the kind would shift by as many.
 */
export function alignPlaces(olds: readonly string[], news: readonly string[]): { olds: number[]; news: number[] } {
  const [oldTexts, newTexts] = [olds.map(normaliseCriterionText), news.map(normaliseCriterionText)];
  const same = olds.length + news.length + 1; // outweighs any number of close wordings
  const weight = (i: number, j: number) =>
    oldTexts[i] === newTexts[j] ? same : wordingSimilarity(olds[i], news[j]) >= SIMILAR_WORDS ? 1 : 0;
  // best[i][j]: the greatest weight aligning olds from i with news from j.
  const best = [...olds, null].map(() => [...news, null].map(() => 0));
  for (let i = olds.length - 1; i >= 0; i -= 1)
    for (let j = news.length - 1; j >= 0; j -= 1) {
      const w = weight(i, j);
      best[i][j] = Math.max(best[i + 1][j], best[i][j + 1], w > 0 ? w + best[i + 1][j + 1] : 0);
    }
  // From the start: align when the best allows it, else give a new criterion its place before an old one.
  const places = { olds: [] as number[], news: [] as number[] };
  for (let [i, j, place] = [0, 0, 0]; i < olds.length || j < news.length; place += 1) {
    const w = i < olds.length && j < news.length ? weight(i, j) : 0;
    if (w > 0 && w + best[i + 1][j + 1] === best[i][j]) {
      places.olds[i++] = place;
      places.news[j++] = place;
    } else if (j < news.length && best[i][j + 1] === best[i][j]) places.news[j++] = place;
    else places.olds[i++] = place;
  }
  return places;
}

/**
 * Pairs the places (`alignPlaces`) of criteria worded alike, old and new (each list in plan order), never crossing:
 * the k-th old with the k-th new when there are as many, so that a criterion inserted or removed elsewhere in the
 * fiche never swaps two of them. When their number changed, the fewer are each paired, still in order, with one of
 * the more numerous, chosen so that the places differ least in all (the others are left unpaired): of two, the one
 * reworded is aligned with its old wording, so the one kept is paired with the other.
 */
export function pairAlike(olds: readonly number[], news: readonly number[]): [old: number, next: number][] {
  if (olds.length === news.length) return olds.map((old, k) => [old, news[k]]);
  const [few, many] = olds.length < news.length ? [olds, news] : [news, olds];
  // cost[i][j]: the least total distance pairing the first i of `few` within the first j of `many`.
  const cost = few.map(() => many.map(() => 0));
  const at = (i: number, j: number) => (i === 0 ? 0 : j < i ? Infinity : cost[i - 1][j - 1]);
  for (let i = 1; i <= few.length; i += 1)
    for (let j = 1; j <= many.length; j += 1)
      cost[i - 1][j - 1] = Math.min(at(i, j - 1), at(i - 1, j - 1) + Math.abs(few[i - 1] - many[j - 1]));
  // Back from the end: the last of `few` goes with the last place of `many` that gives the least cost.
  const pairs: [number, number][] = [];
  let j = many.length;
  for (let i = few.length; i >= 1; i -= 1) {
    while (j > i && at(i, j - 1) <= at(i, j)) j -= 1;
    pairs.unshift([few[i - 1], many[j - 1]]);
    j -= 1;
  }
  return olds.length < news.length ? pairs : pairs.map(([next, old]) => [old, next]);
}

function matchCriteria(
  ficheKey: string,
  next: readonly Criterion[],
  stored: readonly Criterion[],
  retired: readonly string[],
): { criteria: Criterion[]; alikeCountChanged: AlikeCountChange[] } {
  const result: (Criterion | null)[] = next.map(() => null);
  const taken = new Set<string>();
  const alikeCountChanged: AlikeCountChange[] = [];
  for (const kind of ['quantitative', 'qualitative'] as const) {
    const newOfKind = next.map((criterion, index) => ({ criterion, index })).filter((c) => c.criterion.kind === kind);
    const oldOfKind = stored.filter((criterion) => criterion.kind === kind);
    const assign = (index: number, key: string) => {
      result[index] = { ...next[index], key };
      taken.add(key);
    };
    const newCriteria = newOfKind.map(({ criterion }) => criterion);
    const places = alignPlaces(
      oldOfKind.map((o) => o.text),
      newCriteria.map((criterion) => criterion.text),
    );
    const distance = (position: number, o: Criterion) =>
      Math.abs(places.olds[oldOfKind.indexOf(o)] - places.news[position]);
    // 1. Same normalised text; criteria worded alike (a fiche may list the same wording twice) paired in order.
    const indicesOf = (criteria: readonly Criterion[], wording: string) =>
      criteria.flatMap((criterion, index) => (normaliseCriterionText(criterion.text) === wording ? [index] : []));
    const countChanged: { wording: string; change: Omit<AlikeCountChange, 'keys'>; left: string[] }[] = [];
    for (const wording of new Set(newCriteria.map((criterion) => normaliseCriterionText(criterion.text)))) {
      const [olds, news] = [indicesOf(oldOfKind, wording), indicesOf(newCriteria, wording)];
      const pairs = pairAlike(
        olds.map((old) => places.olds[old]),
        news.map((position) => places.news[position]),
      ).map(([old, next]) => [places.olds.indexOf(old), places.news.indexOf(next)]);
      for (const [old, position] of pairs) assign(newOfKind[position].index, oldOfKind[old].key);
      if (olds.length === 0 || olds.length === news.length) continue;
      const change = { fiche: ficheKey, text: newCriteria[news[0]].text, before: olds.length, after: news.length };
      const left = olds.filter((old) => !pairs.some(([paired]) => paired === old)).map((old) => oldOfKind[old].key);
      countChanged.push({ wording, change, left });
    }
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
    // The rows to check of each wording whose count changed: those worded so, and those given a key left unpaired.
    for (const { wording, change, left } of countChanged) {
      const toCheck = newOfKind
        .map(({ index }) => result[index]!)
        .filter((c) => normaliseCriterionText(c.text) === wording || left.includes(c.key));
      alikeCountChanged.push({ ...change, keys: toCheck.map((c) => c.key) });
    }
  }
  return { criteria: result as Criterion[], alikeCountChanged };
}

function samePlanFields(a: Fiche, b: Fiche): boolean {
  const fields = (f: Fiche) =>
    JSON.stringify([f.title, f.interest, f.carriers, f.territories, f.fields, f.publics, f.budget]);
  return fields(a) === fields(b);
}

/** A ref with only its letters and digits, in capitals and without accents: `I.2`, `i 2` and `I2` are alike. */
const refLetters = (ref: string): string =>
  ref
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');

/**
 * A new fiche whose key the stored plan does not have takes the key of the stored fiche whose ref reads as the one it
 * writes, letters and digits alone (`refLetters`), when that stored fiche is left unmatched: the key an earlier
 * reading of the same written ref gave (`I.2` was keyed `I2`, it is now `F1-2`). Only when that ref names one fiche
 * on each side: two fiches that an earlier reading keyed alike (`I.1` and `I1`, `I1` and `I1-B`) are told apart by
 * nothing stored.
 */
function matchEarlierKeys(storedFiches: readonly Fiche[], fiches: readonly Fiche[], keys: (string | null)[]): void {
  const named = (list: readonly Fiche[], refOf: (fiche: Fiche) => string) => {
    const byRef = new Map<string, Fiche[]>();
    for (const fiche of list.filter((f) => !isGeneratedRef(f.key))) {
      const letters = refLetters(refOf(fiche));
      byRef.set(letters, [...(byRef.get(letters) ?? []), fiche]);
    }
    return byRef;
  };
  const storedByRef = named(storedFiches, (fiche) => fiche.ref);
  const newByRef = named(fiches, (fiche) => fiche.writtenRef ?? fiche.ref);
  const taken = new Set(keys);
  fiches.forEach((fiche, index) => {
    if (keys[index] !== null || isGeneratedRef(fiche.key)) return;
    const letters = refLetters(fiche.writtenRef ?? fiche.ref);
    const [storedFiche, ...others] = storedByRef.get(letters) ?? [];
    if (!storedFiche || others.length > 0 || newByRef.get(letters)?.length !== 1 || taken.has(storedFiche.key)) return;
    keys[index] = storedFiche.key;
    taken.add(storedFiche.key);
  });
}

/**
 * The stored key of each fiche of the new plan (by its place in `next`'s fiches). A fiche is found by its key, else
 * by its ref as written when an earlier reading keyed it otherwise (`matchEarlierKeys`). A generated key (a fiche
 * without a ref, src/domain/plan.ts, `isGeneratedRef`) says only the fiche's place in the plan, which a fiche added
 * before it changes: such a stored fiche is found by its title instead, for a fiche of the new plan without a ref or
 * whose key the stored plan does not have (a ref written since); a fiche without a ref found nowhere gets a
 * generated key never used.
 */
function matchFicheKeys(stored: Plan, next: Plan, retired: readonly string[]): string[] {
  const storedFiches = stored.axes.flatMap((axis) => axis.fiches);
  const referenced = new Set(storedFiches.filter((f) => !isGeneratedRef(f.key)).map((f) => f.key));
  const fiches = next.axes.flatMap((axis) => axis.fiches);
  const keys = fiches.map((fiche) => (referenced.has(fiche.key) ? fiche.key : null));
  matchEarlierKeys(storedFiches, fiches, keys);
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
  const alikeCountChanged: AlikeCountChange[] = [];
  const plan: Plan = {
    ...next,
    axes: next.axes.map((axis) => ({
      ...axis,
      fiches: axis.fiches.map((nextFiche) => {
        const fiche = { ...nextFiche, key: ficheKeys[ficheIndex++] };
        const old = storedFiches.get(fiche.key);
        const { criteria, alikeCountChanged: alike } = matchCriteria(
          fiche.key,
          fiche.criteria,
          old?.criteria ?? [],
          retired,
        );
        alikeCountChanged.push(...alike);
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
    alikeCountChanged,
  };
}
