import { isWholeTerritoryWording } from './whole-territory';
import { nameKeyWithSaints } from './name-key';
import { axisFields } from './axis-fields';
import { parseQuarterLabel, quarterIndex, type Quarter } from './periods';
import { allFiches, type Parties, type Plan } from './plan';

/**
 * Who an extract is for (docs/WORKBOOK.md, « Extracts »): a named partner of the fiches' `Partenaires` cells, a
 * commune (its mairie) or a porteur that is one body (`CCMP`). « Mairie (s) » and « Acteur (s) du territoire » are
 * kinds of porteurs, never recipients: a mairie fiche goes to the communes its territories name (all of them for
 * the whole EPCI), an actors' fiche to the partners it names.
 */

export type RecipientKind = 'partner' | 'commune' | 'carrier';

export interface Recipient {
  kind: RecipientKind;
  /** As shown and stored (`_ctg` B9 of an extract, `Contributions`, the Journal's `Partenaire`). */
  name: string;
}

/** What the rules read of a fiche row: its key, porteurs and territories (the plan's) and its Partenaires cell. */
export interface RecipientFiche {
  key: string;
  carriers: readonly string[];
  territories: readonly string[];
  /** The `Partenaires` cell as entered ('' when empty). */
  partners: string;
}

/** The EPCI and the communes with their spellings (a commune is recognised by any of them). */
export type RecipientParties = Pick<Parties, 'epci' | 'epciShortName' | 'communes'>;

/**
 * A recipient's identity: its name with case, accents and spacing ignored, « St » and « Ste » read as « Saint » and
 * « Sainte » (`nameKeyWithSaints`): people abbreviate them in commune names and in the bodies named after them.
 */
export const recipientKey = nameKeyWithSaints;

export function sameRecipient(a: Pick<Recipient, 'name'>, b: Pick<Recipient, 'name'>): boolean {
  return recipientKey(a.name) === recipientKey(b.name);
}

/** The names of a `Partenaires` cell: split on `;`, `,` and line breaks, trimmed, empties dropped. */
export function partnerNames(cell: string): string[] {
  return cell
    .split(/[;,\r\n]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** « Mairie (s) », « Mairies »…: the kind of porteur that stands for the communes' mairies. */
export function isMairieKind(carrier: string): boolean {
  return recipientKey(carrier).startsWith('mairie');
}

/** « Acteur (s) du territoire »…: the kind of porteur that stands for the partners named in the fiche. */
export function isActorKind(carrier: string): boolean {
  return recipientKey(carrier).startsWith('acteur');
}

/** A porteur that is one body (neither kind), which can receive an extract. */
export function isBodyCarrier(carrier: string): boolean {
  return carrier.trim() !== '' && !isMairieKind(carrier) && !isActorKind(carrier);
}

const SMALL_WORDS = new Set(['de', 'des', 'du', 'la', 'le', 'les', 'l', 'd', 'et', 'en', 'sur', 'a', 'aux', 'au']);

/** `Communauté de communes des Monts du Pilat` → `CCMP`: what fiches call the EPCI when no short name is stored. */
export function epciInitials(epci: string): string {
  const initials = epci
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '' && !SMALL_WORDS.has(word.toLowerCase()))
    .map((word) => word[0].toUpperCase())
    .join('');
  return initials.length >= 2 ? initials : '';
}

/** A territory entry without its detail in brackets: « Saint-Pierre (quartiers prioritaires) » is Saint-Pierre. */
const placeOf = (territory: string): string => territory.replace(/\s*\(.*\)\s*$/s, '');

/** The names a fiche may give the EPCI: its name, its short name, its initials. */
export const epciNamesOf = (parties: Pick<RecipientParties, 'epci' | 'epciShortName'>): string[] =>
  [parties.epci, parties.epciShortName, epciInitials(parties.epci)].filter((name) => name.trim() !== '');

/** Whether a territory entry is the whole EPCI: one of its names, or its whole territory in words. */
function isWholeEpci(territory: string, parties: RecipientParties): boolean {
  const place = placeOf(territory);
  const key = recipientKey(place);
  if (key === '') return false;
  const names = epciNamesOf(parties);
  return names.some((name) => recipientKey(name) === key) || isWholeTerritoryWording(place, names);
}

/** The commune (display name) a territory entry names by one of its spellings, if any. */
function communeOfTerritory(territory: string, parties: RecipientParties): string | null {
  const key = recipientKey(placeOf(territory));
  const commune = parties.communes.find((candidate) =>
    [candidate.name, ...candidate.spellings].some((spelling) => recipientKey(spelling) === key),
  );
  return commune?.name ?? null;
}

/** The communes whose mairie a fiche goes to: none unless a porteur is « Mairie (s) ». */
function communesOfFiche(fiche: RecipientFiche, parties: RecipientParties): string[] {
  if (!fiche.carriers.some(isMairieKind)) return [];
  if (fiche.territories.some((territory) => isWholeEpci(territory, parties)))
    return parties.communes.map((commune) => commune.name);
  return fiche.territories.flatMap((territory) => communeOfTerritory(territory, parties) ?? []);
}

/** Recipients without two of the same identity: the first one met keeps its kind and spelling. */
function distinct(recipients: readonly Recipient[]): Recipient[] {
  const byKey = new Map<string, Recipient>();
  for (const recipient of recipients) {
    const key = recipientKey(recipient.name);
    if (key !== '' && !byKey.has(key)) byKey.set(key, { kind: recipient.kind, name: recipient.name.trim() });
  }
  return [...byKey.values()];
}

/**
 * Every recipient a fiche goes to: its porteurs that are one body, the communes of its mairie porteurs, the partners
 * its `Partenaires` cell names. Used to know whether a recipient is a row's only one.
 */
export function recipientsOfRow(fiche: RecipientFiche, parties: RecipientParties): Recipient[] {
  return distinct([
    ...fiche.carriers.filter(isBodyCarrier).map((name): Recipient => ({ kind: 'carrier', name })),
    ...communesOfFiche(fiche, parties).map((name): Recipient => ({ kind: 'commune', name })),
    ...partnerNames(fiche.partners).map((name): Recipient => ({ kind: 'partner', name })),
  ]);
}

/**
 * The keys of the fiches that go to a recipient, in row order. A recipient is its name: a name that is both a
 * porteur and a partner of other fiches gets all of them.
 */
export function rowsOfRecipient(
  fiches: readonly RecipientFiche[],
  recipient: Pick<Recipient, 'name'>,
  parties: RecipientParties,
): string[] {
  return fiches
    .filter((fiche) => recipientsOfRow(fiche, parties).some((other) => sameRecipient(other, recipient)))
    .map((fiche) => fiche.key);
}

/**
 * Every recipient of a workbook that has at least one fiche, by kind (porteurs, then communes in the parties'
 * order, then partners), each kind in order of first appearance; or the recipients of one kind.
 */
export function listRecipients(
  fiches: readonly RecipientFiche[],
  parties: RecipientParties,
  kind?: RecipientKind,
): Recipient[] {
  const ofRows = fiches.flatMap((fiche) => recipientsOfRow(fiche, parties));
  const communeOrder = parties.communes.map((commune) => recipientKey(commune.name));
  const communes = ofRows
    .filter((recipient) => recipient.kind === 'commune')
    .sort((a, b) => communeOrder.indexOf(recipientKey(a.name)) - communeOrder.indexOf(recipientKey(b.name)));
  const all = distinct([
    ...ofRows.filter((recipient) => recipient.kind === 'carrier'),
    ...communes,
    ...ofRows.filter((recipient) => recipient.kind === 'partner'),
  ]);
  return kind === undefined ? all : all.filter((recipient) => recipient.kind === kind);
}

/** The fiches that go to nobody (a mairie fiche whose territories name no known commune, say): to be reported. */
export function fichesWithoutRecipient(fiches: readonly RecipientFiche[], parties: RecipientParties): string[] {
  return fiches.filter((fiche) => recipientsOfRow(fiche, parties).length === 0).map((fiche) => fiche.key);
}

/**
 * The recipient a user named, by identity (whatever kind the user said: a name is one recipient): among `known`
 * first, else a commune of the parties by any spelling (a commune none of whose fiches goes to its mairie is still
 * a commune). Null when nobody has that name.
 */
export function findRecipient(known: readonly Recipient[], name: string, parties: RecipientParties): Recipient | null {
  const key = recipientKey(name);
  const found = known.find((recipient) => recipientKey(recipient.name) === key);
  if (found) return found;
  const commune = communeOfTerritory(name, parties);
  if (commune !== null) {
    const listed = known.find((recipient) => sameRecipient(recipient, { name: commune }));
    return listed ?? { kind: 'commune', name: commune };
  }
  return null;
}

/** The fiches of a plan as the rules read them, each with its `Partenaires` cell (entered, not the plan's). */
export function recipientFichesOfPlan(plan: Plan, partnersOf: (ficheKey: string) => string): RecipientFiche[] {
  return allFiches(plan).map((fiche) => ({
    key: fiche.key,
    carriers: fiche.carriers,
    territories: fiche.territories,
    partners: partnersOf(fiche.key),
  }));
}

/**
 * Whether an extract up to `upTo` opens a cell to its recipient: by field id (`status`, `comment`…), a field the
 * field table says partners report (`reported`; the criteria's definitions and Partenaires are the officer's, shown
 * as the master holds them but locked: docs/WORKBOOK.md, « Extracts »); by quarter label (`2026-T3`), a quarter up
 * to `upTo`. The merge takes exactly these cells.
 */
export function isRecipientInput(field: string, upTo: Quarter): boolean {
  const quarter = parseQuarterLabel(field);
  if (quarter) return quarterIndex(quarter) <= quarterIndex(upTo);
  return axisFields.some((candidate) => candidate.id === field && candidate.reported === true);
}
