/**
 * `expect(actual).toEqual(expected)` for two byte arrays (a file left as it was), compared as buffers: jest's
 * equality walks a typed array one element at a time through its iterator, about a second for a workbook of a few
 * hundred kilobytes. When they differ, toEqual is asked after all, for its usual message.
 */
export function expectSameBytes(actual: Uint8Array, expected: Uint8Array): void {
  const same =
    actual.length === expected.length && Buffer.from(actual.buffer, actual.byteOffset, actual.length).equals(expected);
  if (!same) expect(actual).toEqual(expected);
}
