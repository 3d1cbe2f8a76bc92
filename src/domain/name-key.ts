import { memoizeText } from './memo-text';

/**
 * A name's identity for matching: case, accents and spacing ignored (hyphens count as spacing, curly and straight
 * apostrophes alike), so that `Bourg-Argental`, `BOURG ARGENTAL` and `bourg  argental` are one, and so are
 * « Egalité » and « Égalité ».
 */
export const nameKey = memoizeText((name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/’/g, "'")
    .toLocaleLowerCase('fr')
    .replace(/[\s\u00a0\-‐–]+/g, ' ')
    .trim(),
);

/**
 * The order in which names are listed to a French reader: letters as French sorts them, numbers in a name by their
 * value (« Territoire 2 » before « Territoire 10 »).
 */
export const frenchNameOrder = new Intl.Collator('fr', { numeric: true }).compare;
