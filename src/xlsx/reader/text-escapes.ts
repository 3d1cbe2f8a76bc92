/**
 * OOXML strings escape characters XML cannot carry as `_xHHHH_` (`_x000D_` for a carriage return); a literal
 * `_x…_` is itself written `_x005F_x…_`.
 */
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(ESCAPE, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
