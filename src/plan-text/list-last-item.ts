import { communeKey } from './communes';
import type { PartyCommune } from './parties';

/**
 * The last item of the parties' list of communes, « Vailly, Saint Jean et Saint Paul »: the convention writes
 * names without their hyphens (the seed's « SAINT GENEST MALIFAUX », « BOURG ARGENTAL »), so its « et » may belong
 * to one commune's name (Saint-Jean-et-Saint-Paul) or end the list. It is one commune when the convention names it
 * by itself elsewhere (a mayor's signature, a fiche's territory, a party of its own line), as it names each of its
 * communes; else the list's grammar stands, and it is two.
 */
export function partyCommunes(
  communes: readonly PartyCommune[],
  namedAlone: readonly string[],
): { spelling: string; line: number }[] {
  const alone = new Set(namedAlone.map(communeKey));
  const isNamedAlone = (name: string) => alone.has(communeKey(name));
  // Both parts named by themselves (their mayors sign) are two communes, though a fiche names them together.
  const isOne = (spelling: string, parts: readonly string[]) => isNamedAlone(spelling) && !parts.every(isNamedAlone);
  return communes.flatMap(({ spelling, line, parts }) =>
    parts === undefined || isOne(spelling, parts)
      ? [{ spelling, line }]
      : parts.map((part) => ({ spelling: part, line })),
  );
}
