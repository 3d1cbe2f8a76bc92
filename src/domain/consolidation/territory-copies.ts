import { nameKey } from '../name-key';
import type { TerritoryMeasure } from './territory';

/**
 * Which files of a consolidation are copies of one territory (docs/WORKBOOK.md, « Consolidation », on duplicates):
 * two files are when they share a valid SIREN, or a territory name — the one Paramètres shows or the one `_ctg`
 * records, the name the workbook was created for (case, accents, spacing ignored; an empty name matches no one) —
 * and so are copies of copies. Either alone is enough: a SIREN typed wrong (two digits swapped) or missing, a
 * territory renamed or its name typed over by hand must not count a territory twice; what the copies do not share is
 * said (copies-identity.ts), to check. The same groups whatever the order of the files.
 */

export type CopyIdentity = Pick<TerritoryMeasure, 'siren' | 'territory' | 'recordedTerritory'>;

/** A SIREN is nine digits (spaces ignored); anything else names no one. */
export function sirenOf(copy: Pick<TerritoryMeasure, 'siren'>): string | null {
  const digits = copy.siren?.replace(/\s/g, '') ?? '';
  return /^\d{9}$/.test(digits) ? digits : null;
}

/** The keys a copy is known by: its valid SIREN, its names. */
function keysOf(copy: CopyIdentity): string[] {
  const siren = sirenOf(copy);
  const names = [copy.territory, copy.recordedTerritory].map(nameKey).filter((key) => key !== '');
  return [...(siren === null ? [] : [`siren:${siren}`]), ...names.map((name) => `name:${name}`)];
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
  const groups = new Map<number, T[]>();
  copies.forEach((copy, index) => {
    const group = groups.get(root(index));
    if (group) group.push(copy);
    else groups.set(root(index), [copy]);
  });
  return [...groups.values()];
}
