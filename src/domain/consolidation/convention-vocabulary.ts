import { splitNames } from '../axis-fields';
import { memoizeText } from '../memo-text';
import { nameKey } from '../name-key';
import type { FicheRow } from '../tracking';

/**
 * The Caf's vocabulary of champs d'intervention and publics cibles, what makes CTGs of different territories
 * comparable (docs/DOMAIN.md, « The plan »): axes and fiches are local to each CTG, these are shared. Spelled as the
 * consolidation shows them; a plan's spelling matches by `nameKey` (case, accents, spacing ignored: « Egalité » is
 * « Égalité ») of the name as a reader sees it (`seenName`). A name outside them is kept under its own spelling and
 * listed as unmatched.
 */
export const conventionFields = [
  'Accès aux droits',
  'Addictions',
  'Autonomie',
  'Besoin de garde',
  'Cadre de vie et aménagement du territoire',
  'Citoyenneté et engagement',
  'Coordination et stratégie',
  'Culture et loisirs',
  'Éducation et formation',
  'Égalité et lutte contre les discriminations',
  'Environnement, écologie et développement durable',
  'Insertion sociale et professionnelle',
  'Lien social et intergénérationnel',
  'Logement et habitat',
  'Mobilité',
  'Numérique',
  'Protection de l’enfance',
  'Santé et bien-être',
  'Santé mentale',
  'Soutien à la parentalité',
  'Vie associative',
] as const;

export const conventionPublics = [
  'Global',
  'Familles',
  'Petite enfance',
  'Enfance',
  'Jeunesse',
  'Jeunes adultes',
  'Adultes',
  'Seniors',
] as const;

export interface VocabularyMatch {
  /** The vocabulary's spelling, or the name as given (trimmed) when it matched none. */
  name: string;
  matched: boolean;
}

export type Vocabulary = readonly string[];

/** Characters no one sees in a cell (soft hyphen, zero-width space and joiners, direction marks, BOM). */
const INVISIBLE = /\p{Cf}/gu;
/** Characters drawn as a hyphen or an apostrophe (a non-breaking hyphen, a modifier letter apostrophe…). */
const DASH_LIKE = /[\p{Pd}\u2212]/gu;
const APOSTROPHE_LIKE = /[\u02bc\u2018\u2019\u2032\u00b4`]/g;

/**
 * A name as a reader sees it: a cell copied from a web page or a word processor may hold invisible characters, and
 * look-alikes of « - » and « ’ », that would keep it from matching the vocabulary while it reads exactly as it.
 */
function seenName(raw: string): string {
  return raw.replace(INVISIBLE, '').trim().replace(/\s+/g, ' ');
}

/**
 * `nameKey` of the name as seen, every dash a hyphen and every apostrophe one, without the full stop that ends a
 * list written as a sentence (« Accès aux droits ; Numérique. »).
 */
const vocabularyKey = (name: string) =>
  nameKey(
    seenName(name)
      .replace(/\s*\.$/, '')
      .replace(DASH_LIKE, '-')
      .replace(APOSTROPHE_LIKE, '’'),
  );

/** Each vocabulary's entries by key, made once: every name of every fiche of every territory is looked up. */
const entriesByKey = new WeakMap<Vocabulary, Map<string, string>>();

function entryOf(vocabulary: Vocabulary, key: string): string | undefined {
  let entries = entriesByKey.get(vocabulary);
  if (entries === undefined) {
    entries = new Map([...vocabulary].reverse().map((entry) => [vocabularyKey(entry), entry]));
    entriesByKey.set(vocabulary, entries);
  }
  return entries.get(key);
}

/** The vocabulary entry a plan's name stands for. */
export function matchVocabulary(vocabulary: Vocabulary, raw: string): VocabularyMatch {
  const found = entryOf(vocabulary, vocabularyKey(raw));
  return found === undefined ? { name: seenName(raw), matched: false } : { name: found, matched: true };
}

/** What parts names where « ; » should: a slash, a dash between spaces; then a comma, which a name may hold. */
const PART_SEPARATOR = /\s*(?:\/|\s[-\u2013\u2014]\s)\s*/;
const COMMA = /\s*,\s*/;
/** Whether an item holds any of the separators `partedItem` parts at. */
const MAY_BE_PARTED = /[,/]|\s[-\u2013\u2014]\s/;

const partsOf = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/**
 * The names an item written with other separators than « ; » stands for, when each is one of the vocabulary; null
 * when it is no such list. A part that is a name whole keeps its commas (« Environnement, écologie et développement
 * durable / Mobilité »).
 */
function partedItem(item: string, vocabulary: Vocabulary): string[] | null {
  const isName = (part: string) => matchVocabulary(vocabulary, part).matched;
  const parts = partsOf(item, PART_SEPARATOR).flatMap((part) => (isName(part) ? [part] : partsOf(part, COMMA)));
  return parts.length > 0 && parts.every(isName) ? parts : null;
}

/**
 * Names of the vocabulary (champs, publics) as a list gives them, « ; » between them. Some conventions put commas,
 * slashes or dashes instead: a name is parted there when it is not one of the vocabulary whole and each part is one
 * (« Environnement, écologie et développement durable » is one champ, a territory's own « Parentalité, jeux » too).
 * Read so from a convention (src/plan-text/fiche-fields.ts) and from a workbook's cell by the consolidation, which
 * finds them in workbooks generated before the plan reader split them.
 */
export function vocabularyItems(items: readonly string[], vocabulary: Vocabulary): string[] {
  return items.flatMap((item) => {
    // Most items hold no separator: the one name they are, without the lookups (every fiche of every territory).
    if (!MAY_BE_PARTED.test(item) || matchVocabulary(vocabulary, item).matched) return [item];
    return partedItem(item, vocabulary) ?? [item];
  });
}

/** A name a fiche's cell of champs or publics stands for, as the consolidation groups it. */
export interface CellName extends VocabularyMatch {
  /** `nameKey` of `name`: two names of one key are one group. */
  key: string;
}

/** Past this many texts a vocabulary's remembered cells start again: a hostile file of distinct texts stays bounded. */
const MAX_REMEMBERED_CELLS = 5_000;
const cellNamesByVocabulary = new WeakMap<Vocabulary, (text: string) => readonly CellName[]>();

/**
 * The names a fiche's `Champ(s) d'intervention` or `Public(s)` cell stands for (`splitNames`, then
 * `vocabularyItems`), each matched, once each, blanks left out. Remembered by text, for each vocabulary: every fiche
 * of every territory asks, and territories of one Caf write the same few cells.
 */
export function cellNames(vocabulary: Vocabulary, text: string): readonly CellName[] {
  let names = cellNamesByVocabulary.get(vocabulary);
  if (names === undefined) {
    names = memoizeText((cell) => namesOfCell(vocabulary, cell), MAX_REMEMBERED_CELLS);
    cellNamesByVocabulary.set(vocabulary, names);
  }
  return names(text);
}

/** A name has a letter or a digit: a cell's « / », « - » or « . » alone is a separator left, no champ or public. */
const HAS_WORD = /[\p{L}\p{N}]/u;

function namesOfCell(vocabulary: Vocabulary, text: string): readonly CellName[] {
  const byKey = new Map<string, CellName>();
  for (const raw of vocabularyItems(splitNames(text), vocabulary)) {
    const match = matchVocabulary(vocabulary, raw);
    // Blank, only characters no one sees, or only separators: no name.
    if (!HAS_WORD.test(match.name)) continue;
    const key = nameKey(match.name);
    if (!byKey.has(key)) byKey.set(key, { ...match, key });
  }
  return [...byKey.values()];
}

/** The vocabulary of a fiche's `Champ(s) d'intervention` or `Public(s)` cell, and the kind of name it holds. */
export const cellVocabularies = {
  fields: { vocabulary: conventionFields, kind: 'field' },
  publics: { vocabulary: conventionPublics, kind: 'public' },
} as const;

/**
 * The names a fiche's `Champ(s) d'intervention` or `Public(s)` cell holds, as text: none for an error value (#N/A),
 * which names nothing (validation says `text-is-error` of it, and the figures count a wrong cell as empty).
 */
export const namesCellText = (row: FicheRow, field: keyof typeof cellVocabularies): string =>
  row.cells[field]?.isError ? '' : row[field];

/** A name fiches' cells stand for, with the fiches that name it, in their order: the first is where it is first read. */
export interface NamedByFiches<T> extends CellName {
  fiches: T[];
}

/**
 * The names the fiches' cells stand for (`cellNames`), each once, in the order of first use, with its fiches: as the
 * consolidation counts them (src/app/consolidate) and validation tells the names outside the vocabulary.
 */
export function namesOfFiches<T>(
  vocabulary: Vocabulary,
  fiches: readonly T[],
  cellOf: (fiche: T) => string,
): NamedByFiches<T>[] {
  const groups = new Map<string, NamedByFiches<T>>();
  for (const fiche of fiches) {
    for (const name of cellNames(vocabulary, cellOf(fiche))) {
      const group = groups.get(name.key);
      if (group) group.fiches.push(fiche);
      else groups.set(name.key, { ...name, fiches: [fiche] });
    }
  }
  return [...groups.values()];
}
