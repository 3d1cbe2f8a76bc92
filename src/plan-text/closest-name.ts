import { boundedEditDistance, foldAccents } from './text-keys';

/** `dsfc` for `dcsf`: two neighbouring letters swapped, a typing slip that counts as one. */
function isOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((letter, i) => (letter === b[i] ? [] : [i]));
  return (
    differ.length === 2 && differ[1] === differ[0] + 1 && a[differ[0]] === b[differ[1]] && a[differ[1]] === b[differ[0]]
  );
}

const bare = (name: string) => foldAccents(name.replace(/^-+/, '')).toLowerCase();

export interface ClosestNameOptions {
  /** What two names are compared by (default: accents and case aside, leading dashes of an option dropped). */
  key?: (name: string) => string;
  /** Typed words shorter than this get no guess (a short word is near too many names). */
  minLength?: number;
}

/**
 * The one name a mistyped word most likely meant (`extrat` → `extract`, `--quater` → `--quarter`, « Familes » →
 * « Familles »): one letter off for a short word, two for a longer one, a swap of two neighbours counting as one.
 * Null when none is that close or two are equally close: a guess is offered only when it is one.
 */
export function closestName(
  typed: string,
  names: readonly string[],
  { key = bare, minLength = 0 }: ClosestNameOptions = {},
): string | null {
  const word = key(typed);
  if (word.length < minLength) return null;
  const max = word.length <= 4 ? 1 : 2;
  const distances = names.map((name) => {
    const other = key(name);
    return isOneSwap(word, other) ? 1 : boundedEditDistance(word, other, max);
  });
  const best = Math.min(...distances);
  if (best === 0 || best > max) return null;
  const closest = names.filter((_, i) => distances[i] === best);
  return closest.length === 1 ? closest[0] : null;
}
