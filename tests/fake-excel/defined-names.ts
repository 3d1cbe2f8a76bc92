import { MAX_COLUMNS, MAX_ROWS, columnIndex } from './a1';

/**
 * Excel's rules for a defined name (ECMA-376 Part 1, §18.2.5 and « Names »; Microsoft KB Q111393, « Some names are
 * reserved »): a letter, `_` or `\` first, then letters, digits, `_` and `.`; at most 255 characters; not TRUE or
 * FALSE; and not something a formula would read as a cell: an A1 reference within the grid (`A1`, `ab12`, `XFD1048576`
 * — `XFE1` and `A1048577` are beyond it, so they are names) or an R1C1 one (`R`, `C`, `RC`, `R1`, `C12`, `R1C1`,
 * `r2c`), in any case. Localised R1C1 letters (`L1C1` in French) are not refused.
 */
export function isValidDefinedName(name: unknown): boolean {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (/^(true|false)$/i.test(name)) return false;
  return !looksLikeA1(name) && !/^(r\d*c?\d*|c\d*)$/i.test(name);
}

function looksLikeA1(name: string): boolean {
  const match = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (!match) return false;
  const row = Number(match[2]);
  return columnIndex(match[1]) < MAX_COLUMNS && row >= 1 && row <= MAX_ROWS;
}
