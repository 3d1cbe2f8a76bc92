/** A1 references ↔ 1-based row and column numbers. */

export interface CellPosition {
  row: number;
  col: number;
}

/** `AB12` (no `$`) → `{row: 12, col: 28}`, or null when the text is not such a reference. */
export function parseCellRef(ref: string): CellPosition | null {
  let col = 0;
  let at = 0;
  for (; at < ref.length; at++) {
    const code = ref.charCodeAt(at) & ~0x20; // upper-case
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
    if (col > 1e6) return null;
  }
  if (at === 0 || at === ref.length) return null;
  let row = 0;
  for (; at < ref.length; at++) {
    const code = ref.charCodeAt(at);
    if (code < 48 || code > 57) return null;
    row = row * 10 + (code - 48);
    if (row > 1e9) return null;
  }
  return { row, col };
}
