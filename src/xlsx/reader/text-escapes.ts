/**
 * OOXML strings escape characters XML cannot carry as `_xHHHH_` (`_x000D_` for a carriage return); a literal
 * `_x…_` is itself written `_x005F_x…_`. Read by the reader, written by the writer and the patch.
 */
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(ESCAPE, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** An underscore that would start an escape: each is escaped, so that `_x005F_x0041_` typed stays itself. */
const ESCAPE_START = /_(?=x[0-9A-Fa-f]{4}_)/g;

/** A text as a cell's XML carries it: one that reads like an escape is not turned into another character by Excel. */
export function encodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(ESCAPE_START, '_x005F_');
}
