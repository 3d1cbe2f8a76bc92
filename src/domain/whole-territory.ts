import { nameKey } from './name-key';

/**
 * What a fiche's territory says when it means the whole EPCI without naming it: a word for the whole (« ensemble »,
 * « tout ») before the territory or its communes, or the intercommunal territory itself — « Ensemble du territoire »,
 * « Toutes les communes », « Territoire intercommunal », « L'intercommunalité » — and, after it, nothing else than the
 * EPCI (by its name, short name or initials), the territory, the convention or the CTG. The whole territory of a
 * commune, or the whole département, is not one.
 */
const WHOLE_MARKER = String.raw`(?:l'\s*)?ensemble\s+(?:du|des|de\s+la|de\s+l'|de\s+son|de\s+notre)\s*|tout(?:e|es)?\s+(?:le|la|les|l')\s*`;
const WHOLE_WHAT = String.raw`territoire|communes(?:\s+membres)?|intercommunalite|perimetre`;
const INTERCOMMUNAL = String.raw`(?:l'\s*)?(?:territoire\s+(?:intercommunal|communautaire)|intercommunalite)`;
const WHOLE = new RegExp(
  String.raw`^(?:(?:${WHOLE_MARKER})(?:${WHOLE_WHAT})(?:\s+(?:intercommunal|communautaire))?|${INTERCOMMUNAL})` +
    String.raw`(?:\s+(?:de\s+la|de\s+l'|du|des|de|d')?\s*(.+))?$`,
);

/** What may follow the whole territory's words: the convention's own territory, however named. */
const CONVENTION_WORDS = new Set(['ctg', 'la ctg', 'convention', 'la convention', 'territoire', 'epci']);

/** Whether a territory entry is the whole EPCI's territory written in words; `epciNames` the EPCI's names. */
export function isWholeTerritoryWording(territory: string, epciNames: readonly string[]): boolean {
  const match = WHOLE.exec(nameKey(territory));
  if (!match) return false;
  const tail = match[1];
  if (tail === undefined) return true;
  return CONVENTION_WORDS.has(tail) || epciNames.some((name) => name.trim() !== '' && nameKey(name) === tail);
}
