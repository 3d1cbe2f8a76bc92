import { boundedEditDistance, foldAccents } from '../plan-text/text-keys';

/** `dsfc` for `dcsf`: two neighbouring letters swapped, a typing slip that counts as one. */
function isOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((letter, i) => (letter === b[i] ? [] : [i]));
  return (
    differ.length === 2 && differ[1] === differ[0] + 1 && a[differ[0]] === b[differ[1]] && a[differ[1]] === b[differ[0]]
  );
}

const bare = (name: string) => foldAccents(name.replace(/^-+/, '')).toLowerCase();

/**
 * The one name a mistyped word most likely meant (`extrat` → `extract`, `--quater` → `--quarter`): one letter off
 * for a short word, two for a longer one, a swap of two neighbours counting as one, accents and case aside. Null
 * when none is that close or two are equally close: a guess is offered only when it is one.
 */
export function closestName(typed: string, names: readonly string[]): string | null {
  const word = bare(typed);
  const max = word.length <= 4 ? 1 : 2;
  const distances = names.map((name) => {
    const other = bare(name);
    return isOneSwap(word, other) ? 1 : boundedEditDistance(word, other, max);
  });
  const best = Math.min(...distances);
  if (best === 0 || best > max) return null;
  const closest = names.filter((_, i) => distances[i] === best);
  return closest.length === 1 ? closest[0] : null;
}
