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

/** UTF-8 length of a text, counted without encoding it (every write is measured: a copy would cost as much). */
export function utf8Length(text: string): number {
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

/** UTF-8 size of a value's JSON (0 for undefined), as it appears in an action's arguments. */
export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : utf8Length(JSON.stringify(value));
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

/** A 2-D array written into a new range (`values`, `formulas`, `numberFormat`). */
export function cellWriteBytes(rows: readonly (readonly unknown[])[]): number {
  return (
    operationBytes({ ranges: 1, actions: 1, payload: rows }) +
    bulkBlocks(rows.length, rows[0]?.length ?? 0) * BULK_BLOCK_BYTES
  );
}
