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

/** « St », « St. », « Ste », « Ste. » as whole words of a key: how « Saint » and « Sainte » are abbreviated. */
const SAINT_ABBREVIATIONS = /(?<![\p{L}\p{N}])(st|ste)(?:\.|(?![\p{L}\p{N}]))/gu;

/**
 * A place's or a body's identity for matching: `nameKey` with « St » and « Ste » (full stop or not) read as
 * « Saint » and « Sainte », so that `St-Genest-Malifaux`, `ST. GENEST MALIFAUX` and `Saint-Genest-Malifaux` are one.
 * Whole words only (`Ouest` keeps its letters), and « Ste » is « Sainte », never « Saint »: no two names that differ
 * otherwise become one.
 */
export const nameKeyWithSaints = memoizeText((name: string): string =>
  nameKey(name)
    .replace(SAINT_ABBREVIATIONS, (_, word: string) => (word === 'st' ? 'saint ' : 'sainte '))
    .replace(/ {2,}/g, ' ')
    .trim(),
);

const frenchCollator = new Intl.Collator('fr', { numeric: true });

/**
 * The order in which names are listed to a French reader: letters as French sorts them, numbers in a name by their
 * value (« Territoire 2 » before « Territoire 10 »). Names the collation takes as equal (`t01`, `t1`) are ordered
 * by their characters, so that the order never depends on the order they came in (a folder's listing).
 */
export function frenchNameOrder(a: string, b: string): number {
  return frenchCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

const COMMUNE_PREFIX = /^(?:commune|mairie|ville)\s+(de\s+|du\s+|des\s+|d['’]\s*)(.+)$/i;

/**
 * "COMMUNE DE MARLHES" → "MARLHES", "Commune du BESSAT" → "du BESSAT" (the article stays, as in the parties);
 * null when the text does not start with commune/mairie/ville de. How the plan names a commune in an Annexe 2
 * heading or a row of the AO block.
 */
export function communeAfterPrefix(text: string): string | null {
  const match = COMMUNE_PREFIX.exec(text.trim());
  if (!match) return null;
  const preposition = match[1].trim();
  return /^(du|des)$/i.test(preposition) ? `${preposition} ${match[2].trim()}` : match[2].trim();
}
