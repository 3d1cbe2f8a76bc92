import type { SourceLine } from './text-lines';

/**
 * The EPCI among the parties when no line names it by its kind (« Grand Lac, représenté par sa présidente », « Le
 * Grand Annecy (GA) » / « représenté par Monsieur …, Président »): the one party, but the Caf and the communes, that
 * its président represents, as an EPCI is. Two such parties (an association, a body of another kind not listed
 * here) and it is none of them: the EPCI is then not found, as before. Its name is a guess the caller reports.
 */

export interface EpciWithoutKind {
  name: string;
  /** Its short name in brackets after its name (« (GA) »), '' when none. */
  short: string;
  line: number;
}

/** The party's name (a capital first, its article aside), its short name in brackets, then the words after them. */
const PARTY =
  /^(?:[Ll](?:es?|a)\s+|[Ll]['’]\s*)?(\p{Lu}[^,;()]*?)(?=\s*[,;(]|\s+repr[ée]sent|\s*$)\s*(?:\(([^()]+)\))?\s*,?\s*(.*)$/u;
const REPRESENTED = /^repr[ée]sent[ée]e?s?\s+par\b(.*)$/i;
/** A président of the body itself, not of a council of another body (« président du conseil départemental »). */
const ITS_PRESIDENT =
  /\bpr[ée]sidente?\b(?!\s+d[ue]\s+(?:son\s+|sa\s+)?conseil\s+(?:d['’]\s*administration|d[ée]partemental|r[ée]gional))/i;
/**
 * Bodies of other kinds that a président represents too: a Département, a Région, a collectivité (d'Alsace, de
 * Corse), the Caf written short, the MSA, a CCAS or CIAS, a syndicat (a SIVU, a SIVOM), a PETR, an association,
 * named so or as the ones that sign CTGs often are (Familles Rurales, an UDAF, a mission locale, the ADMR), an
 * office, an agence, a maison or an espace (de vie sociale)…
 */
const OTHER_KIND =
  /^(?:d[ée]partement|conseil|r[ée]gion|collectivit[ée]|[ée]tat|pr[ée]fe|caf\b|cnaf\b|mutualit[ée]|msa\b|caisse|centre|ccas\b|cias\b|association|syndicat|sivu\b|sivom\b|p[ôo]le|petr\b|union|f[ée]d[ée]ration|familles\s+rurales|u[dr]af\b|mission\s+locale|admr\b|office|agence|maison|espace|comit[ée]|fondation|institut)/i;

/**
 * Words that go on with the party above, never name one, on the line above its « représenté(e) par »: « Ci-après
 * dénommée « la Caf » », « Dont le siège est situé… », « Sise… », « Dûment habilitée… », « Agissant… ».
 */
const GOES_ON =
  /^(?:ci[-\s]*apr[èe]s|dont|sise?|situ[ée]e?|domicili[ée]e?|d[ûu]ment|agissant|ayant|si[èe]ge|adresse)(?!\p{L})/iu;

/**
 * `otherParty`: whether a line names the Caf, a commune or the communes (the caller's readers), never the EPCI.
 * The representation may be on the party's line (after its name and a comma or a space) or on the next one.
 */
export function epciWithoutKind(block: SourceLine[], otherParty: (text: string) => boolean): EpciWithoutKind | null {
  const found: EpciWithoutKind[] = [];
  const texts = block.map((line) => line.text.replace(/^[-–•>\s]+/, ''));
  texts.forEach((text, i) => {
    if (!text || otherParty(text)) return;
    const party = PARTY.exec(text);
    if (!party || OTHER_KIND.test(party[1]) || GOES_ON.test(party[1])) return;
    const after = party[3].trim() || (texts.slice(i + 1).find((next) => next !== '') ?? '');
    const represented = REPRESENTED.exec(after);
    if (!represented || !ITS_PRESIDENT.test(represented[1])) return;
    found.push({ name: party[1].trim(), short: party[2]?.trim() ?? '', line: block[i].no });
  });
  return found.length === 1 ? found[0] : null;
}
