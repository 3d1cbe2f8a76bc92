import { deepCopy, type SpecialCopy } from '../helpers/deep-copy';
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
  for (const [key, value] of Object.entries(model))
    if (key !== 'engine') state[key] = deepCopy(value, fakeModelCopy, seen);
  return state;
}

/**
 * Maps, sets and the format store copied their own way (the store's per-cell entries, most of the workbook's objects,
 * are its own: copied without being looked up). Restoring copies a whole filled workbook for each try.
 */
const fakeModelCopy: SpecialCopy = (value, copy, seen) => {
  if (value instanceof Map) {
    const map = new Map();
    seen.set(value, map);
    value.forEach((v: unknown, k: unknown) => map.set(copy(k), copy(v)));
    return map;
  }
  if (value instanceof Set) {
    const set = new Set();
    seen.set(value, set);
    value.forEach((v: unknown) => set.add(copy(v)));
    return set;
  }
  if (value instanceof FormatStore) {
    const store = value.copy((shared) => copy(shared));
    seen.set(value, store);
    return store;
  }
  return undefined;
};
