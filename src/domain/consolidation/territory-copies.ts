import { nameKey } from '../name-key';
import type { TerritoryMeasure } from './territory';

/**
 * Which files of a consolidation are copies of one territory (docs/WORKBOOK.md, « Consolidation », on duplicates):
 * two files are when they share a valid SIREN or the territory name Paramètres shows (case, accents, spacing ignored;
 * an empty name matches no one), and so are copies of copies. Either alone is enough: a SIREN typed wrong (two digits
 * swapped) or missing must not count a territory twice. The name `_ctg` records (the one the workbook was created
 * for) joins a copy without a valid SIREN to the copy whose Paramètres shows that name: its name typed over by hand.
 * It joins nothing else: territories whose workbooks were made from one, each given its own name and SIREN, share
 * that recorded name and are not copies. Nor does it join when the copies that record it show two names or more
 * typed over it: those are workbooks made from one for other territories (a clone each), not one territory renamed
 * twice; they are kept apart, never one dropped from the totals, and said (`clonesOfOneWorkbook`). What the copies
 * do not share is said (copies-identity.ts), to check. The same groups whatever the order of the files.
 */

export type CopyIdentity = Pick<TerritoryMeasure, 'siren' | 'territory' | 'recordedTerritory'>;

/** A SIREN is nine digits (spaces ignored); anything else names no one. */
export function sirenOf(copy: Pick<TerritoryMeasure, 'siren'>): string | null {
  const digits = copy.siren?.replace(/\s/g, '') ?? '';
  return /^\d{9}$/.test(digits) ? digits : null;
}

/** The keys a copy is known by: its valid SIREN, its name in Paramètres. */
function keysOf(copy: CopyIdentity): string[] {
  const siren = sirenOf(copy);
  const name = nameKey(copy.territory);
  return [...(siren === null ? [] : [`siren:${siren}`]), ...(name === '' ? [] : [`name:${name}`])];
}

/** The name a copy's workbook was created for, when Paramètres shows another one (typed over it); else empty. */
function typedOverOf(copy: CopyIdentity): string {
  const recorded = nameKey(copy.recordedTerritory);
  return recorded === nameKey(copy.territory) ? '' : recorded;
}

/** The recorded names that copies show two names or more over: workbooks made from one for other territories. */
function clonedNames(copies: readonly CopyIdentity[]): Set<string> {
  const shown = new Map<string, Set<string>>();
  for (const copy of copies) {
    const recorded = typedOverOf(copy);
    if (recorded !== '') shown.set(recorded, (shown.get(recorded) ?? new Set()).add(nameKey(copy.territory)));
  }
  return new Set([...shown].filter(([, names]) => names.size > 1).map(([recorded]) => recorded));
}

/** The key of the Paramètres name a copy without a valid SIREN was created for, when it shows another one. */
function recordedKeyOf(copy: CopyIdentity, cloned: ReadonlySet<string>): string | null {
  const recorded = typedOverOf(copy);
  if (sirenOf(copy) !== null || recorded === '' || cloned.has(recorded)) return null;
  return `name:${recorded}`;
}

/**
 * The workbooks made from one that the name they record does not join (`clonedNames`) though one of them, without a
 * valid SIREN, would have been: each such family in the order given (those showing the recorded name and those
 * typed over it), so that the Caf is told to give each its SIREN.
 */
export function clonesOfOneWorkbook<T extends CopyIdentity>(copies: readonly T[]): T[][] {
  const cloned = clonedNames(copies);
  return [...cloned]
    .filter((recorded) => copies.some((copy) => typedOverOf(copy) === recorded && sirenOf(copy) === null))
    .filter((recorded) => copies.some((copy) => nameKey(copy.territory) === recorded))
    .map((recorded) => copies.filter((copy) => typedOverOf(copy) === recorded || nameKey(copy.territory) === recorded));
}

/**
 * The copies of each territory: the groups in the order of their first file given, each group's files in the order
 * given (on a tie the file given first is kept).
 */
export function copiesOfTerritories<T extends CopyIdentity>(copies: readonly T[]): T[][] {
  // Union-find over the copies: each key joins the copies that bear it.
  const parent = copies.map((_, index) => index);
  const root = (index: number): number => {
    let at = index;
    while (parent[at] !== at) {
      parent[at] = parent[parent[at]];
      at = parent[at];
    }
    return at;
  };
  const bearer = new Map<string, number>();
  copies.forEach((copy, index) => {
    for (const key of keysOf(copy)) {
      const other = bearer.get(key);
      if (other === undefined) bearer.set(key, index);
      else parent[root(index)] = root(other);
    }
  });
  const cloned = clonedNames(copies);
  copies.forEach((copy, index) => {
    const recorded = recordedKeyOf(copy, cloned);
    const other = recorded === null ? undefined : bearer.get(recorded);
    if (other !== undefined) parent[root(index)] = root(other);
  });
  const groups = new Map<number, T[]>();
  copies.forEach((copy, index) => {
    const group = groups.get(root(index));
    if (group) group.push(copy);
    else groups.set(root(index), [copy]);
  });
  return [...groups.values()];
}

/**
 * How a copy is joined to the one before it in a chain: one SIREN, one name, created for the next one's name, or
 * showing the name the next one was created for.
 */
export type CopyLink = 'siren' | 'name' | 'createdFor' | 'nameOfCreation';

/** The copies bearing each key, in the order given. */
function byKey<T>(copies: readonly T[], keyOf: (copy: T) => string | null): Map<string, T[]> {
  const bearers = new Map<string, T[]>();
  for (const copy of copies) {
    const key = keyOf(copy);
    const bearing = key === null ? undefined : bearers.get(key);
    if (bearing) bearing.push(copy);
    else if (key !== null) bearers.set(key, [copy]);
  }
  return bearers;
}

/**
 * The shortest chains of copies, by the links `copiesOfTerritories` joins `everyCopy` by, that lead from `from` to
 * each copy of its territory (`copies`, one of its groups): each copy after `from` with how it is joined to the one
 * before (the copy asked for last); empty when none does. What a reason names when two files share neither SIREN nor
 * name: which file links which. One search for the territory, each copy reached once through the copies bearing its
 * keys: a folder of a thousand saves of one workbook is never compared file by file.
 */
export function chainsFrom<T extends CopyIdentity>(
  everyCopy: readonly T[],
  copies: readonly T[],
  from: T,
): (to: T) => { copy: T; by: CopyLink }[] {
  // Of every copy: the names it does not join are those of all the files (`copiesOfTerritories`).
  const cloned = clonedNames(everyCopy);
  const siren = (copy: T) => (sirenOf(copy) === null ? null : `siren:${sirenOf(copy)}`);
  const name = (copy: T) => (nameKey(copy.territory) === '' ? null : `name:${nameKey(copy.territory)}`);
  const recorded = (copy: T) => recordedKeyOf(copy, cloned);
  // How a copy reaches others, in the order a link is told (one SIREN first): the key it bears, the copies by key.
  const links: [CopyLink, (copy: T) => string | null, Map<string, T[]>][] = [
    ['siren', siren, byKey(copies, siren)],
    ['name', name, byKey(copies, name)],
    ['createdFor', recorded, byKey(copies, name)],
    ['nameOfCreation', name, byKey(copies, recorded)],
  ];
  const order = new Map(copies.map((copy, index) => [copy, index]));
  const before = new Map<T, { copy: T; by: CopyLink } | null>([[from, null]]);
  const queue: T[] = [from];
  for (let head = 0; head < queue.length; head += 1) {
    const at = queue[head];
    const reached: T[] = [];
    for (const [by, keyOf, bearers] of links) {
      const key = keyOf(at);
      for (const next of key === null ? [] : (bearers.get(key) ?? [])) {
        if (before.has(next)) continue;
        before.set(next, { copy: at, by });
        reached.push(next);
      }
      // A key's copies are all reached once: no later copy needs them again.
      if (key !== null) bearers.delete(key);
    }
    queue.push(...reached.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)));
  }
  return (to) => {
    const chain: { copy: T; by: CopyLink }[] = [];
    for (let at = to, step = before.get(to); step; at = step.copy, step = before.get(at))
      chain.unshift({ copy: at, by: step.by });
    return chain;
  };
}
