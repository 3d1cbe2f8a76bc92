import { memoizeText } from './memo-text';

/**
 * The fixed lists of the tracking workbook (docs/WORKBOOK.md, « Paramètres »). They are French because users read and type them;
 * the identifiers around them are English.
 */

export const ficheStatuses = ['Non démarrée', 'En cours', 'Réalisée', 'Reportée', 'Abandonnée'] as const;
export type FicheStatus = (typeof ficheStatuses)[number];

/** Qualitative scale, from best to worst. */
export const qualitativeScale = ['Très satisfaisant', 'Satisfaisant', 'Peu satisfaisant', 'Pas satisfaisant'] as const;
export type QualitativeLevel = (typeof qualitativeScale)[number];

export const frequencies = ['Trimestrielle', 'Semestrielle', 'Annuelle'] as const;
export type Frequency = (typeof frequencies)[number];

export const aggregationRules = ['Somme', 'Moyenne', 'Médiane'] as const;
export type AggregationRule = (typeof aggregationRules)[number];

export const rowTypes = ['Fiche', 'Quantitatif', 'Qualitatif'] as const;
export type RowType = (typeof rowTypes)[number];

/**
 * A list value's comparison key, as the workbook's formulas compare it (`LOWER(TRIM(cell))`): spaces at both ends
 * dropped and inner runs of spaces made one, as a spreadsheet's TRIM does (other white space is kept), then case
 * ignored. The domain and the rate formulas thus agree on which cells hold a list value.
 */
export const listKey = memoizeText((text: string): string =>
  text.replace(/ +/g, ' ').replace(/^ | $/g, '').toLocaleLowerCase('fr'),
);

/** Each list's values by key, made when the list is first looked in: the lists given are the module's constants. */
const listsByKey = new WeakMap<readonly string[], Map<string, string>>();

/** Case-insensitive lookup in a list (see `listKey`); returns the list's own spelling or null. */
export function matchListValue<T extends string>(list: readonly T[], raw: string): T | null {
  let byKey = listsByKey.get(list);
  if (!byKey) {
    byKey = new Map();
    // The first of two values with one key wins, as a search in list order would find it.
    for (const item of list) if (!byKey.has(listKey(item))) byKey.set(listKey(item), item);
    listsByKey.set(list, byKey);
  }
  return (byKey.get(listKey(raw)) as T | undefined) ?? null;
}
