import type { WorkbookModel } from './model';

/**
 * The workbook's state kept aside, to go back to: a test that tries many failures from one filled workbook
 * restores it before each try instead of building it again. Everything but the formula engine is copied (class
 * instances keep their prototype); the engine evaluates again from the restored cells.
 */
export function checkpoint(model: WorkbookModel): () => void {
  const kept = copyState(model);
  return () => {
    const fresh = copyState(kept as unknown as WorkbookModel);
    for (const [key, value] of Object.entries(fresh)) (model as unknown as Record<string, unknown>)[key] = value;
    model.engine.invalidate();
  };
}

function copyState(model: WorkbookModel): Record<string, unknown> {
  const seen = new Map<unknown, unknown>();
  const state: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(model)) if (key !== 'engine') state[key] = deepCopy(value, seen);
  return state;
}

function deepCopy<T>(value: T, seen: Map<unknown, unknown>): T {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value) as T;
  if (value instanceof Map) {
    const copy = new Map();
    seen.set(value, copy);
    for (const [k, v] of value) copy.set(deepCopy(k, seen), deepCopy(v, seen));
    return copy as T;
  }
  if (value instanceof Set) {
    const copy = new Set();
    seen.set(value, copy);
    for (const v of value) copy.add(deepCopy(v, seen));
    return copy as T;
  }
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const v of value) copy.push(deepCopy(v, seen));
    return copy as T;
  }
  const copy = Object.create(Object.getPrototypeOf(value) as object) as Record<string, unknown>;
  seen.set(value, copy);
  for (const [k, v] of Object.entries(value)) copy[k] = deepCopy(v, seen);
  return copy as T;
}
