/**
 * A function of a text remembered by its argument: the keys of list values, headers and names are asked for the same
 * few texts over and over (every cell of a column, every fiche of a territory), and each costs a Unicode
 * normalisation. Bounded, so that a hostile file of distinct texts cannot grow it without end.
 */
export function memoizeText<T = string>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  let known = new Map<string, T>();
  return (text: string) => {
    const found = known.get(text);
    if (found !== undefined) return found;
    const result = compute(text);
    if (known.size >= limit) known = new Map();
    known.set(text, result);
    return result;
  };
}
