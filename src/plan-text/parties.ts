import { epciWithoutKind } from './epci-without-kind';
import { annexeNumber, articleNumber } from './headings';
import { foldAccents } from './text-keys';
import type { SourceLine } from './text-lines';

/**
 * The parties at the top of the convention: the Caf ("La Caisse des Allocations familiales de la Loire"),
 * the EPCI ("La Communauté de communes des Monts du Pilat", its short name in brackets or its initials when the
 * text uses them) and the communes ("la commune de GRAIX", "la commune du BESSAT").
 */

export interface PartiesText {
  caf: string;
  epci: string;
  epciShortName: string;
  /** The line of the EPCI read without its kind (« Grand Lac », `epciWithoutKind`), for the caller to report; else null. */
  epciWithoutKindLine: number | null;
  communes: PartyCommune[];
}

/**
 * A commune as the parties name it. `parts`: the last item of a list (« Vailly, Saint Jean et Saint Paul »), whose
 * « et » may join two communes or belong to one name written without its hyphens (Saint-Jean-et-Saint-Paul): the two
 * names it would be, for the reading of the whole text to choose (list-last-item.ts).
 */
export interface PartyCommune {
  spelling: string;
  line: number;
  parts?: string[];
}

const END_OF_NAME = /\s+(?:représenté|represente|dont\b|et\s+dont\b|sise?\b|domicilié)|\s*[,;(«»]|\s*$/i;

function nameUntilEnd(text: string): string {
  const end = END_OF_NAME.exec(text);
  return (end ? text.slice(0, end.index) : text).trim();
}

/** The lines before "Il est convenu", the préambule or the first article or annexe. */
export function partiesBlock(lines: SourceLine[]): SourceLine[] {
  const end = lines.findIndex(
    (line) =>
      /^(il est convenu|pr[ée]ambule)/i.test(line.text) ||
      articleNumber(line.text) !== null ||
      annexeNumber(line.text) !== null,
  );
  return end < 0 ? lines.slice(0, 200) : lines.slice(0, end);
}

/** « Caisse d'allocations familiales de la Loire », its initials in brackets after it or not (« (Caf) de … »). */
const CAF =
  /caisse\s+d(?:es\s+|['’]\s*)allocations\s+familiales\s+(?:\(\s*caf\s*\)\s+)?(de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)(.+)$/i;
/** « Caf de la Loire », « CAF du Rhône »: the initials, never the word « caf » of a sentence. */
const CAF_SHORT = /\b(?:Caf|CAF)\s+(de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)(.+)$/;
/**
 * The EPCI's kinds: communauté de communes, d'agglomération, urbaine, intercommunale (La Réunion's CINOR, CIVIS…),
 * métropole, and the établissement public territorial of the Grand Paris.
 */
const EPCI_KIND =
  /(?<![\p{L}\p{N}])(communaut[ée]\s+(?:de\s+communes|d['’]\s*agglom[ée]ration|urbaine|intercommunale)|m[ée]tropole|[ée]tablissement\s+public\s+territorial)/iu
    .source;
const EPCI = new RegExp(`${EPCI_KIND}(?:\\s*,\\s*|\\s+)(.+)$`, 'iu');
/** The kind ending its line, its short name in brackets after it or not: « Bordeaux Métropole » / « représentée… ». */
const EPCI_KIND_AT_END = new RegExp(`${EPCI_KIND}\\s*(?:\\([^()]+\\)\\s*)?$`, 'iu');
const COMMUNE = /\b(?:commune|ville)\s+(de\s+|du\s+|des\s+|d['’]\s*)(.+)$/i;
/**
 * « Les communes de A, B et C », « Les communes membres : A, B », « Communes : A, B »: the communes named in one
 * line. « membres », « suivantes », « signataires » qualify the word, never name a commune (« Les communes
 * signataires, représentées par leurs maires » lists none).
 */
const COMMUNES =
  /\bcommunes(?:\s+(?:membres|suivantes|signataires))?(?:\s*:\s*|\s+)(?!(?:membres|suivantes|signataires)\b)(?:de\s+|d['’]\s*)?(.+)$/i;
/** Where the list ends: the words after it (after a space, or a comma a hasty export left without one), or a stop. */
const END_OF_LIST = /(?:^|[\s,]+)(?:représent|represent|dont\b|et\s+dont\b|sises?\b)|\s*[;(«»]|\s*$/i;

/**
 * The communes of a « Les communes de A, B et C » line, each as written; none when the line names no list. Commas
 * part the names; « et » in lower case may part only the last of them (« Vailly, Soupir et Chavonne »), as a list
 * writes it before its last item: before, it is part of a name written without its hyphens (« Saint Jean et Saint
 * Paul, Vailly »), as an « ET » in capitals always is (« BOURG ET COMIN »). The last item with such an « et » is
 * given whole with its `parts`: whether it is one commune or two, the rest of the text tells.
 */
function communesListed(text: string): { spelling: string; parts?: string[] }[] {
  const match = COMMUNES.exec(text);
  if (!match) return [];
  const end = END_OF_LIST.exec(match[1]);
  const list = end ? match[1].slice(0, end.index) : match[1];
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const last = names.pop();
  if (last === undefined) return [];
  const listed = names.map((spelling) => ({ spelling }));
  const parts = last.split(/\s+et\s+/);
  // One « et »: one name or two, as the rest of the text tells; more (« A et B et C »): parted at each.
  return parts.length === 2
    ? [...listed, { spelling: last, parts }]
    : [...listed, ...parts.map((spelling) => ({ spelling }))];
}

const SMALL_WORDS = new Set(['de', 'des', 'du', 'la', 'le', 'les', 'l', 'd', 'et', 'en', 'sur', 'a', 'aux', 'au']);

export function readParties(lines: SourceLine[], allText: string): PartiesText {
  let caf = '';
  let epci = '';
  let epciShortName = '';
  let epciWithoutKindLine: number | null = null;
  const communes: PartiesText['communes'] = [];
  const block = partiesBlock(lines);
  for (const [index, line] of block.entries()) {
    const text = line.text.replace(/^[-–•>\s]+/, '');
    if (!caf) {
      const match = CAF.exec(text) ?? CAF_SHORT.exec(text);
      const name = match ? nameUntilEnd(match[2]) : '';
      if (match && name) caf = `Caf ${match[1].replace(/\s+/g, ' ')}${name}`;
    }
    const epciMatch = EPCI.exec(text);
    const before = epciMatch ? nameBeforeKind(text.slice(0, epciMatch.index)) : null;
    const representedNext = epciMatch !== null && /^(représent|represent)/i.test(epciMatch[2]);
    // A name follows its kind without a comma: after one come other words (« , ci-après dénommée… »).
    const commaNext = epciMatch !== null && /^\s*,/.test(text.slice(epciMatch.index + epciMatch[1].length));
    const kindMatch = epciMatch ?? EPCI_KIND_AT_END.exec(text);
    const ended =
      !epci && kindMatch && !before
        ? nameEndedByKind(text, kindMatch.index, kindMatch[1], block.slice(index + 1).find((next) => next.text)?.text)
        : null;
    if (ended) {
      // « Bordeaux Métropole, représentée par… »: its name is the words before its kind, and the kind.
      epci = ended.name;
      epciShortName = ended.short;
      continue;
    }
    if (!epci && epciMatch && (before || !(representedNext || commaNext))) {
      const name = representedNext || commaNext ? '' : nameUntilEnd(epciMatch[2]);
      if (name) {
        const dashed = DASHED_SHORT_NAME.exec(name);
        const shown = dashed ? name.slice(0, dashed.index) : name;
        epci = `${epciMatch[1]} ${shown}`.replace(/^./, (c) => c.toUpperCase());
        const short = /^\s*\(([^)]+)\)/.exec(epciMatch[2].slice(epciMatch[2].indexOf(name) + name.length));
        if (short) epciShortName = short[1].trim();
        else if (dashed) epciShortName = dashed[1];
      } else if (before) {
        // « Dombes Agglo (CCD), communauté d’agglomération, représentée par… »: the name before its kind.
        epci = before.name;
        epciShortName = before.short;
      }
      continue;
    }
    // The EPCI's own line (« Communauté de communes des Monts du Pilat ») names no commune.
    if (!epciMatch) for (const listed of communesListed(text)) communes.push({ ...listed, line: line.no });
    const communeMatch = COMMUNE.exec(text);
    if (communeMatch) {
      const name = nameUntilEnd(communeMatch[2]);
      const preposition = communeMatch[1].trim().toLowerCase();
      if (name)
        communes.push({
          spelling: preposition === 'du' || preposition === 'des' ? `${communeMatch[1].trim()} ${name}` : name,
          line: line.no,
        });
    }
  }
  if (!epci) {
    const unnamed = epciWithoutKind(block, isOtherParty);
    if (unnamed) ({ name: epci, short: epciShortName, line: epciWithoutKindLine } = unnamed);
  }
  if (epci && !epciShortName) epciShortName = initialsUsedInText(epci, allText);
  return { caf, epci, epciShortName, epciWithoutKindLine, communes };
}

/**
 * A line naming the Caf, a commune or the communes, or a commune's mayor: never the EPCI without its kind; nor a line
 * naming a kind of EPCI with no name (« La Communauté d’agglomération, représentée par son président »).
 */
const isOtherParty = (text: string): boolean =>
  EPCI.test(text) ||
  CAF.test(text) ||
  CAF_SHORT.test(text) ||
  COMMUNE.test(text) ||
  COMMUNES.test(text) ||
  MAYOR.test(text) ||
  /^(?:mairie|communes?)\b/i.test(text);

/** A short name between dashes after the EPCI's name: « Communauté de communes de la Dombes - CCD - ». */
const DASHED_SHORT_NAME = /\s+[-–]\s*([A-Z0-9][A-Z0-9&]{1,11})\s*[-–]?$/;

/** The EPCI's name written before its kind and a comma, its short name in brackets after it; null when none. */
function nameBeforeKind(text: string): { name: string; short: string } | null {
  const match = /^(?:la\s+|le\s+|l['’]\s*)?(.+?)(?:\s*\(([^()]+)\))?\s*,\s*$/i.exec(text.trim() + ' ');
  // A commune's, a Caf's or a list's line naming the EPCI after it is none of its names.
  if (!match || /^(représent|represent|communes?\b|ville\b|mairie\b|caisse\b)/i.test(match[1])) return null;
  return { name: match[1].trim(), short: match[2]?.trim() ?? '' };
}

/**
 * A name whose last word is its kind, as métropoles are named (« Bordeaux Métropole », « Saint-Étienne Métropole
 * (SEM) »), before its short name, a comma, its representation or the end of the line, the party represented on its
 * line or the next (`nextLine`; a title is represented by no one): the name with its kind, and its short name ('' when
 * none); null when the words before the kind are no name of their own (a sentence, a list of communes: a word in
 * small letters but the small words of names, de, la, et, sur…).
 */
function nameEndedByKind(
  text: string,
  kindIndex: number,
  kind: string,
  nextLine = '',
): { name: string; short: string } | null {
  const name = text.slice(0, kindIndex).trim();
  const rest = text.slice(kindIndex + kind.length);
  const after = /^\s*(?:\(([^()]+)\))?\s*(?:[,;]|repr[ée]sent|$)/iu.exec(rest);
  if (!/repr[ée]sent/i.test(rest) && !/^[-–•>\s]*repr[ée]sent/i.test(nextLine)) return null;
  // An article alone (« La Communauté de communes, représentée par… ») is no name, nor a commune's or the Caf's.
  if (!after || !/^\p{Lu}/u.test(name) || /^(?:les?|la|l['’])$/i.test(name)) return null;
  if (/(?<!\p{L})(?:communes?|ville|mairie|caisse|caf)(?!\p{L})/iu.test(name)) return null;
  const words = name.split(/[\s-]+/);
  const ofName = (word: string) =>
    /^(?:[dl]['’])?\p{Lu}/u.test(word) || SMALL_WORDS.has(word.toLowerCase()) || /^[dl]['’]$/i.test(word);
  if (!words.every(ofName)) return null;
  return { name: `${name} ${kind}`, short: after[1]?.trim() ?? '' };
}

const MAYOR = /^(?:le|la)\s+maire\s+(de\s+|du\s+|des\s+|d['’]\s*)(.+)$/i;

/**
 * The communes named in the signatures ("Le Maire de SAINT JULIEN MOLIN" / "MOLETTE", wrapped), before the first
 * annexe: more spellings of the parties' communes.
 */
export function readSignatures(lines: SourceLine[]): { spelling: string; line: number }[] {
  const found: { spelling: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (annexeNumber(lines[i].text) !== null) break;
    const match = MAYOR.exec(lines[i].text);
    if (!match) continue;
    const line = lines[i].no;
    let name = match[2].trim();
    const next = lines[i + 1]?.text ?? '';
    if (next && !/^(le|la|les|fait)\s/i.test(next) && articleNumber(next) === null && annexeNumber(next) === null) {
      name = `${name} ${next}`;
      i += 1;
    }
    const preposition = match[1].trim().toLowerCase();
    found.push({ spelling: preposition === 'du' || preposition === 'des' ? `${match[1].trim()} ${name}` : name, line });
  }
  return found;
}

/** "Communauté de communes des Monts du Pilat" → "CCMP", when the text uses that word. */
function initialsUsedInText(name: string, allText: string): string {
  const initials = foldAccents(name)
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word && !SMALL_WORDS.has(word.toLowerCase()))
    .map((word) => word[0].toUpperCase())
    .join('');
  if (initials.length < 2) return '';
  return new RegExp(`(^|[^A-Za-z0-9])${initials}([^A-Za-z0-9]|$)`).test(allText) ? initials : '';
}
