/**
 * What an object `deepCopy` does not copy as a plain object becomes: its copy, registered in `seen` (before copying
 * what it holds, when that may lead back to it); `undefined` to copy it as a plain object.
 */
export type SpecialCopy = (value: object, copy: <U>(inner: U) => U, seen: Map<unknown, unknown>) => unknown;

/**
 * A copy of everything reachable from `value`, made in the caller's realm: each object copied once (`seen`: what two
 * places shared, the copies share), keeping its prototype; arrays as arrays, what `special` knows its own way,
 * anything else member by member (own enumerable keys). No [key, value] pair is made per member or entry: the fake
 * Excel copies a whole filled workbook with it for each try of a test.
 */
export function deepCopy<T>(value: T, special: SpecialCopy, seen = new Map<unknown, unknown>()): T {
  const copy = <U>(inner: U): U => copyOf(inner, special, seen, copy);
  return copy(value);
}

function copyOf<T>(value: T, special: SpecialCopy, seen: Map<unknown, unknown>, copy: <U>(inner: U) => U): T {
  if (value === null || typeof value !== 'object') return value;
  const known = seen.get(value);
  if (known !== undefined) return known as T;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    seen.set(value, items);
    for (const item of value as unknown[]) items.push(copy(item));
    return items as T;
  }
  const own = special(value, copy, seen);
  if (own !== undefined) return own as T;
  const members = Object.create(Object.getPrototypeOf(value) as object) as Record<string, unknown>;
  seen.set(value, members);
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(source)) members[key] = copy(source[key]);
  return members as T;
}
