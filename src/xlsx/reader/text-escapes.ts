/**
 * OOXML strings escape characters XML cannot carry as `_xHHHH_` (`_x000D_` for a carriage return); a literal
 * `_x…_` is itself written `_x005F_x…_`. Read by the reader, written by the writer and the patch.
 */
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(ESCAPE, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * What XML 1.0 cannot carry (control characters but tab, LF and CR; U+FFFE, U+FFFF; a surrogate without its pair), and
 * DEL, which ExcelJS drops: each written `_xHHHH_`, as Excel writes them. A text pasted from Word holds its manual line
 * breaks as U+000B: written as it is, the sheet would be no well-formed XML, and no program would open it again.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it escapes
const UNCARRIED_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * An underscore that would start an escape: each is escaped, so that `_x005F_x0041_` typed stays itself. So is one
 * before four hex digits and a character escaped next (`_x0041` then U+000B), whose escape's `_` would close it; a
 * surrogate there, even paired, escapes the underscore too, which reads back the same.
 */
const ESCAPE_START = new RegExp(`_(?=x[0-9A-Fa-f]{4}(?:_|${UNCARRIED_CHARACTER.source}|[\\uD800-\\uDFFF]))`, 'g');

const escapeOf = (character: string) => `_x${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;

/**
 * A text as a cell's XML carries it: one that reads like an escape is not turned into another character by Excel,
 * and a character XML cannot carry is escaped.
 */
export function encodeOoxmlEscapes(text: string): string {
  const escaped = text.includes('_x') ? text.replace(ESCAPE_START, '_x005F_') : text;
  return escaped.replace(UNCARRIED_CHARACTER, escapeOf).replace(LONE_SURROGATE, escapeOf);
}
