/**
 * A tool's text as its words: spacing and the kind of apostrophe ignored. Earlier versions wrote the same texts with
 * plain spaces and `'`, and a person retyping one may get `’` from autocorrect: neither is another text.
 */
export const sameWords = (text: string): string =>
  text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
