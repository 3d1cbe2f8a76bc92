import { FormatStore } from './format-store';
import type { WorkbookModel } from './model';

/** A workbook's state kept aside (`keepWorkbook`): opaque, only ever copied into a model by `putBackWorkbook`. */
export interface KeptWorkbook {
  readonly state: Readonly<Record<string, unknown>>;
}

/**
 * The workbook's state kept aside, to go back to: a test that tries many failures from one filled workbook
 * restores it before each try instead of building it again. Everything but the formula engine is copied (class
 * instances keep their prototype); the engine evaluates again from the restored cells.
 */
export function checkpoint(model: WorkbookModel): () => void {
  const kept = keepWorkbook(model);
  return () => putBackWorkbook(kept, model);
}

/** A copy of the workbook's state, to put back into it or into another fake's workbook. */
export function keepWorkbook(model: WorkbookModel): KeptWorkbook {
  return { state: copyState(model) };
}

/**
 * Makes `model` a copy of the state kept, whatever it held: its own earlier state, or another fake's (a workbook
 * that many tests start from, made once). The kept state stays whole for the next time.
 */
export function putBackWorkbook(kept: KeptWorkbook, model: WorkbookModel): void {
  const fresh = copyState(kept.state as unknown as WorkbookModel);
  for (const [key, value] of Object.entries(fresh)) (model as unknown as Record<string, unknown>)[key] = value;
  model.engine.invalidate();
}

function copyState(model: WorkbookModel): Record<string, unknown> {
  const seen = new Map<unknown, unknown>();
  const state: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(model)) if (key !== 'engine') state[key] = deepCopy(value, seen);
  return state;
}

/**
 * A copy of everything reachable, each object copied once (`seen`: what two places shared, the copies share).
 * Restoring copies a whole filled workbook for each try: no [key, value] pair is made per member or entry.
 */
function deepCopy<T>(value: T, seen: Map<unknown, unknown>): T {
  if (value === null || typeof value !== 'object') return value;
  const known = seen.get(value);
  if (known !== undefined) return known as T;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value as unknown[]) copy.push(deepCopy(item, seen));
    return copy as T;
  }
  if (value instanceof Map) {
    const copy = new Map();
    seen.set(value, copy);
    value.forEach((v: unknown, k: unknown) => copy.set(deepCopy(k, seen), deepCopy(v, seen)));
    return copy as T;
  }
  if (value instanceof Set) {
    const copy = new Set();
    seen.set(value, copy);
    value.forEach((v: unknown) => copy.add(deepCopy(v, seen)));
    return copy as T;
  }
  if (value instanceof FormatStore) {
    // Its per-cell entries, most of the workbook's objects, are its own: copied without being looked up.
    const copy = value.copy((shared) => deepCopy(shared, seen));
    seen.set(value, copy);
    return copy as T;
  }
  const copy = Object.create(Object.getPrototypeOf(value) as object) as Record<string, unknown>;
  seen.set(value, copy);
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(source)) copy[key] = deepCopy(source[key], seen);
  return copy as T;
}
