/**
 * What an Office.js operation weighs in the request Excel receives. The runtime (excel-web-16.00.js,
 * `ClientRequestBase.buildRequestMessageBodyAndRequestFlags`) sends `JSON.stringify({AutoKeepReference, Actions,
 * ObjectPaths})`: every object the code makes is an object path (`{"Id","ObjectPathType","Name",
 * "ParentObjectPathId","ArgumentInfo"}`) and an Instantiate action; under `Excel.run` a Range is also kept alive
 * (a `_KeepReference` action and a second Instantiate); every property set, method call or load is an action with
 * its arguments; each path's id is listed once more in the `L` (last use) of an action. A 2-D write of more than
 * 1500 cells is cut by the runtime (`setRangePropertiesInBulk`) into a size check and one block per ≈1500 cells,
 * each a range bounded by two rows.
 *
 * The figures below are upper bounds for ids of up to 7 digits and arguments of up to 40 characters, measured on
 * the runtime's own requests (tests/excel-runtime/request-sizes.test.ts keeps them above what it sends). The
 * request batcher and the fake Excel both count with them: one measure.
 */

/** A Range: its object path with its arguments, two Instantiate actions, `_KeepReference`, its `L` entry. */
export const RANGE_BYTES = 450;
/** Any other object (a worksheet, `format`, `font`, a border, a table…): its path and its Instantiate action. */
export const OBJECT_BYTES = 220;
/** A property set, method call or load, without its arguments. */
export const ACTION_BYTES = 130;
/** Office.js writes a larger 2-D array in blocks of about this many cells. */
export const BULK_CELLS = 1500;
/** One such block: a range made of two rows (three ranges) and its write. */
const BULK_BLOCK_BYTES = 3 * RANGE_BYTES + ACTION_BYTES;

/** A character beyond ASCII: a text without any has its length for UTF-8 length (most of what a write sends). */
const NON_ASCII = /[\u0080-\uffff]/;

/** UTF-8 length of a text, counted without encoding it (every write is measured: a copy would cost as much). */
export function utf8Length(text: string): number {
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = text.length;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) continue;
    // Two bytes below U+0800, three above; a surrogate pair is two units for four bytes (a lone one encodes as
    // U+FFFD, three bytes).
    bytes += code < 0x800 ? 1 : 2;
    const next = text.charCodeAt(index + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) index += 1;
  }
  return bytes;
}

/** Printable ASCII but `"` and `\`: what JSON.stringify writes as it is, one byte a character. */
const JSON_PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** UTF-8 size of a string as JSON.stringify writes it: quoted, with its escapes (a lone surrogate is `\udXXX`). */
function jsonStringBytes(text: string): number {
  if (JSON_PLAIN.test(text)) return text.length + 2;
  let bytes = 2;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x20)
      bytes += code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code < 0xd800 || code > 0xdfff) bytes += 3;
    else {
      const next = text.charCodeAt(index + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index += 1;
      } else bytes += 6;
    }
  }
  return bytes;
}

/** Deeper than this, the JSON is measured by JSON.stringify itself (which also throws on a cycle, as it should). */
const MAX_WALKED_DEPTH = 64;

/**
 * UTF-8 size of a value's JSON, as JSON.stringify would write it, or undefined where it writes nothing (undefined,
 * a function). Arrays, plain objects and scalars are walked without building the text (every write is measured);
 * anything else (a Date, an object with `toJSON`…) is measured on its JSON.stringify.
 */
function walkedBytes(value: unknown, depth: number): number | undefined {
  switch (typeof value) {
    case 'string':
      return jsonStringBytes(value);
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object': {
      if (value === null) return 4;
      if (depth < MAX_WALKED_DEPTH && (value as { toJSON?: unknown }).toJSON === undefined) {
        if (Array.isArray(value)) return arrayBytes(value, depth + 1);
        const prototype = Object.getPrototypeOf(value) as unknown;
        if (prototype === Object.prototype || prototype === null)
          return objectBytes(value as Record<string, unknown>, depth + 1);
      }
      break;
    }
  }
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined ? undefined : utf8Length(text);
}

function arrayBytes(array: readonly unknown[], depth: number): number {
  // Brackets and the commas between items; an item JSON.stringify cannot write is `null`.
  let bytes = array.length === 0 ? 2 : array.length + 1;
  for (let index = 0; index < array.length; index += 1) bytes += walkedBytes(array[index], depth) ?? 4;
  return bytes;
}

function objectBytes(object: Record<string, unknown>, depth: number): number {
  // Braces, and for each member written its key, `:` and the comma before the next; a member it cannot write is left out.
  let bytes = 2;
  let members = 0;
  for (const key of Object.keys(object)) {
    const valueBytes = walkedBytes(object[key], depth);
    if (valueBytes === undefined) continue;
    bytes += jsonStringBytes(key) + 1 + valueBytes;
    members += 1;
  }
  return members === 0 ? bytes : bytes + members - 1;
}

/** UTF-8 size of a value's JSON (0 for undefined), as it appears in an action's arguments. */
export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : (walkedBytes(value, 0) ?? utf8Length(JSON.stringify(value)));
}

/** The objects, actions and arguments one step of a write queues. */
export interface OperationShape {
  ranges?: number;
  objects?: number;
  actions?: number;
  /** The arguments sent (values, options…). */
  payload?: unknown;
}

export function operationBytes({ ranges = 0, objects = 0, actions = 0, payload }: OperationShape): number {
  return ranges * RANGE_BYTES + objects * OBJECT_BYTES + actions * ACTION_BYTES + jsonBytes(payload);
}

/** Extra blocks Office.js makes of a 2-D write of `rows` × `columns` cells (0 up to 1500 cells). */
export function bulkBlocks(rows: number, columns: number): number {
  if (rows * columns <= BULK_CELLS || columns === 0) return 0;
  const rowsPerBlock = Math.max(1, Math.round(BULK_CELLS / columns));
  return Math.ceil(rows / rowsPerBlock) + 1;
}

/**
 * A 2-D array written into a new range (`values`, `formulas`, `numberFormat`); `payloadBytes` is its JSON's size
 * when already measured (request-batcher.ts, `rowBands`).
 */
export function cellWriteBytes(rows: readonly (readonly unknown[])[], payloadBytes: number = jsonBytes(rows)): number {
  return (
    operationBytes({ ranges: 1, actions: 1 }) +
    payloadBytes +
    bulkBlocks(rows.length, rows[0]?.length ?? 0) * BULK_BLOCK_BYTES
  );
}
