import { headerKey } from './sheets/axis/read-axis-sheet';

/**
 * A record sheet's header row as its readers compare it with the tools' headers (`ours`): each text as `headerKey`
 * gives it (a case, an accent or a space retyped is still the header), but null for one that is only alike to a
 * header of ours written exactly elsewhere in the row: that one is ours, this one a person's column (« date » put
 * before `Date`), not to be taken for it.
 */
export function recordHeaderKeys(texts: readonly string[], ours: readonly string[]): (string | null)[] {
  const trimmed = texts.map((text) => text.trim());
  const exact = new Set(ours.filter((header) => trimmed.includes(header)).map(headerKey));
  return trimmed.map((text) => {
    const key = headerKey(text);
    return ours.includes(text) || !exact.has(key) ? key : null;
  });
}
