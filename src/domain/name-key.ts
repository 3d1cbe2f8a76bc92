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
