/**
 * ExcelJS's reader, as the suites load it (tests/exceljs-without-streams.ts): the same bytes parsed once per suite.
 * Tests edit copies of a few files as a person would (the generated workbook, an extract), each loading the same
 * bytes again: two loads in three of the command line's long suites were of bytes already loaded, a few tenths of
 * a second each. What `load` makes of the bytes (the model it hands the workbook last, once reconciled) is kept
 * by a hash of the bytes, and a later load of the same bytes hands the workbook a copy of it: the same workbook,
 * with objects of its own (tests/exceljs-without-streams.test.ts checks both). A load with options, or of a file
 * with images (bytes, which are not copied), is ExcelJS's own every time.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { createHash } from 'crypto';
import { deepCopy, type SpecialCopy } from './helpers/deep-copy';

interface Model {
  media?: unknown[];
}
interface XlsxReader {
  workbook: { model: Model };
  reconcile(model: Model, options: unknown): void;
  load(data: unknown, options?: unknown): Promise<unknown>;
}

const XLSX = require('exceljs/lib/xlsx/xlsx') as { prototype: XlsxReader };

/** The package's own, which tests/exceljs-without-streams.test.ts compares this one with. */
export const packageLoad = XLSX.prototype.load;
const reconcile = XLSX.prototype.reconcile;

/** A few files at most: a large workbook's model weighs tens of megabytes. */
const KEPT = 6;
const kept = new Map<string, Model>();

/** A copy of the model to keep, or none when it holds images, or anything but objects, arrays and Dates. */
function keepable(model: Model): Model | undefined {
  if ((model.media ?? []).length > 0) return undefined;
  try {
    return deepCopy(model, modelCopy);
  } catch {
    return undefined;
  }
}

/**
 * Dates made in the realm of the one copied: jest runs a suite in a realm of its own, where `structuredClone`
 * (Node's) would make Dates that ExcelJS's `instanceof Date` no longer knows (a date moved by `spliceRows` was then
 * written as a text). Bytes (an image's Buffer), collections, anything else but plain objects: the model is not kept.
 */
const modelCopy: SpecialCopy = (value, _copy, seen) => {
  const kind = Object.prototype.toString.call(value);
  if (kind === '[object Date]') {
    const date = new (value.constructor as DateConstructor)(Date.prototype.getTime.call(value));
    seen.set(value, date);
    return date;
  }
  if (kind !== '[object Object]') throw new Error(`${kind} is not kept`);
  return undefined;
};

XLSX.prototype.load = async function loadKept(this: XlsxReader, data: unknown, options?: unknown): Promise<unknown> {
  if (options !== undefined || !ArrayBuffer.isView(data)) return packageLoad.call(this, data, options);
  const key = createHash('sha256')
    .update(data as Uint8Array)
    .digest('hex');
  const known = kept.get(key);
  if (known) {
    // Most recently used last, so that it is dropped last.
    kept.delete(key);
    kept.set(key, known);
    this.workbook.model = deepCopy(known, modelCopy);
    return this.workbook;
  }
  let made: Model | undefined;
  this.reconcile = function keepingModel(this: XlsxReader, model, reconcileOptions) {
    reconcile.call(this, model, reconcileOptions);
    made = keepable(model);
  };
  let workbook: unknown;
  try {
    workbook = await packageLoad.call(this, data, options);
  } finally {
    delete (this as Partial<XlsxReader>).reconcile;
  }
  if (made) {
    kept.set(key, made);
    if (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
  }
  return workbook;
};
