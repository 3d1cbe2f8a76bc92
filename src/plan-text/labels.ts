import { boundedEditDistance, compareKey } from './text-keys';
import { bulletText, stripBold } from './text-lines';

/**
 * The labels of a fiche action: the 13 of the seed, and « Intitulé de l'action » some conventions put before the
 * title, which the seed writes unlabelled after the public. Only these are labels: a title may contain " : "
 * ("Transport à la demande : ajuster…"), so a line is a label only when the words before its colon are one of these,
 * possibly misspelt by at most two letters (one when the line has no colon: "Objectif(s)", "Critères").
 */
export const ficheLabels = [
  { id: 'ref', text: 'Réf de la fiche action' },
  { id: 'interest', text: 'Intérêt' },
  { id: 'methodology', text: 'Méthodologie' },
  { id: 'publics', text: 'Public cible' },
  { id: 'title', text: "Intitulé de l'action" },
  { id: 'budget', text: 'Budget' },
  { id: 'carriers', text: "Porteur de l'action" },
  { id: 'territories', text: 'Territoire(s) cible(s)' },
  { id: 'fields', text: "Champ(s) d'intervention(s)" },
  { id: 'context', text: "Contexte de l'action" },
  { id: 'objectives', text: 'Objectif(s)' },
  { id: 'criteria', text: 'Critères' },
  { id: 'quantitative', text: 'Critères quantitatifs' },
  { id: 'qualitative', text: 'Critères qualitatifs' },
] as const;

export type LabelId = (typeof ficheLabels)[number]['id'];

export const labelText = Object.fromEntries(ficheLabels.map((l) => [l.id, l.text])) as Record<LabelId, string>;

/**
 * The wordings of « Critères »: the heading alone, and before « quantitatifs » or « qualitatifs » the kinds' labels
 * (« Critères d'évaluation quantitatifs », « Indicateurs qualitatifs »).
 */
const CRITERIA_WORDINGS = [
  'Critères',
  'Critère',
  "Critères d'évaluation",
  'Indicateurs',
  'Indicateur',
  "Indicateurs d'évaluation",
];

/**
 * The evaluation's words for what is counted, « Indicateurs de réalisation » and « de résultat », and the freer ones
 * other conventions head their criteria with, « Indicateurs de suivi », « d'activité », « de moyens »: read as
 * « Critères quantitatifs », and said (`criteria-kind-assumed`), since such an indicator may be one to appreciate
 * instead. (Apostrophes compare as any punctuation: « d’activité » is « d'activité ».)
 */
const ASSUMED_QUANTITATIVE = [
  'Indicateurs de réalisation',
  'Indicateur de réalisation',
  'Indicateurs de résultat',
  'Indicateurs de résultats',
  'Indicateur de résultat',
  'Indicateurs de suivi',
  'Indicateur de suivi',
  "Indicateurs d'activité",
  "Indicateurs d'activités",
  "Indicateur d'activité",
  'Indicateurs de moyens',
  'Indicateur de moyens',
];

/** Other wordings of the same labels met in exports: read as the label, without a warning (but those just above). */
const aliases: Partial<Record<LabelId, string[]>> = {
  ref: [
    'Référence de la fiche action',
    'Référence fiche action',
    'Référence de la fiche',
    'Réf fiche action',
    'Réf de la fiche',
    'Réf fiche',
    'N° de la fiche action',
    'N° de la fiche',
    'N° de fiche',
    'Numéro de la fiche action',
    'Numéro de la fiche',
    'Numéro de fiche',
  ],
  methodology: ['Méthode'],
  publics: [
    'Public(s) cible(s)',
    'Public',
    'Publics',
    'Publics cibles',
    'Public visé',
    'Public(s) visé(s)',
    'Publics visés',
    'Public concerné',
  ],
  title: [
    'Intitulé',
    'Intitulé de la fiche action',
    'Intitulé de la fiche',
    "Titre de l'action",
    'Titre de la fiche action',
    'Titre de la fiche',
    "Nom de l'action",
  ],
  budget: ['Budget prévisionnel'],
  carriers: ["Porteur(s) de l'action", 'Porteur', 'Porteurs', 'Porteur(s)', "Pilote de l'action", 'Pilote(s)'],
  territories: [
    'Territoire cible',
    'Territoire',
    'Territoires',
    'Territoires cibles',
    'Territoire concerné',
    'Territoire(s) concerné(s)',
  ],
  fields: ["Champ d'intervention", "Champs d'intervention", "Champ(s) d'intervention", "Champ d'intervention(s)"],
  context: ['Contexte', 'Contexte et enjeux'],
  objectives: ['Objectif', 'Objectifs opérationnels', "Objectifs de l'action"],
  criteria: CRITERIA_WORDINGS.slice(1),
  // « Quantitatifs : » under « Critères d'évaluation »; or any wording of « Critères » then the kind.
  quantitative: [
    'Quantitatifs',
    'Quantitatif',
    ...CRITERIA_WORDINGS.flatMap((w) => [`${w} quantitatifs`, `${w} quantitatif`]),
    ...ASSUMED_QUANTITATIVE,
  ],
  qualitative: [
    'Qualitatifs',
    'Qualitatif',
    ...CRITERIA_WORDINGS.flatMap((w) => [`${w} qualitatifs`, `${w} qualitatif`]),
  ],
};

/**
 * Aliases that are ordinary words too (« territoire », « public », « contexte »): a label only with its colon, as
 * a line folded in a list may hold the word alone (« Acteur (s) du » / « territoire »).
 */
const WORD_ALIASES = new Set([
  'Public',
  'Publics',
  'Porteur',
  'Porteurs',
  'Porteur(s)',
  'Pilote(s)',
  'Territoire',
  'Territoires',
  'Contexte',
  'Méthode',
  'Intitulé',
  'Quantitatifs',
  'Quantitatif',
  'Qualitatifs',
  'Qualitatif',
]);

/**
 * Short wordings of the ref, read only as written: a letter or two from them are other labels or text (« Nom de la
 * fiche : », « Réf fiches : G2 », « Nb de fiches : 2 »), which would head a fiche of their own.
 */
const EXACT_ALIASES = new Set([
  'Référence de la fiche',
  'Réf de la fiche',
  'Réf fiche',
  'N° de la fiche action',
  'N° de la fiche',
  'N° de fiche',
  'Numéro de la fiche',
  'Numéro de fiche',
]);

const labelKeys = ficheLabels.flatMap((l) =>
  // An alias written as the label itself (« Critères » then « quantitatifs ») is the label.
  [l.text, ...(aliases[l.id] ?? []).filter((text) => compareKey(text) !== compareKey(l.text))].map((text) => ({
    id: l.id as LabelId,
    key: compareKey(text),
    colonOnly: WORD_ALIASES.has(text),
    exactOnly: EXACT_ALIASES.has(text),
    alias: text !== l.text,
    assumedKind: ASSUMED_QUANTITATIVE.includes(text),
  })),
);
const exactKeys = new Map(labelKeys.map((l) => [l.key, l]));
const longestKey = Math.max(...labelKeys.map((l) => l.key.length));
/** Longer words before a colon cannot be a label (spaces and punctuation included): a cheap early exit. */
const MAX_WRITTEN = 2 * (longestKey + 8);

export interface LabelMatch {
  id: LabelId;
  /** The words before the colon as written. */
  written: string;
  /** 0 when written exactly (up to case, accents and punctuation). */
  distance: number;
  /** What follows the colon on the same line (a glued value), trimmed. */
  rest: string;
  /** Written as one of the aliases that are ordinary words too (« Public », « Contexte »): maybe prose. */
  ordinaryWord: boolean;
  /** Written as another wording than the label's own (« Budget prévisionnel »): maybe prose in a text. */
  alias: boolean;
  /** Written as one of the words that head criteria of a kind the reader assumes (`ASSUMED_QUANTITATIVE`). */
  assumedKind: boolean;
  /**
   * Of a fiche heading that gives the ref (« FICHE ACTION N° PE1 : titre », src/plan-text/fiche-heading.ts): the title
   * after the ref on its line, '' when none. Undefined for a label.
   */
  headingTitle?: string;
}

export function matchLabel(lineText: string): LabelMatch | null {
  const text = stripBold(lineText);
  const colon = text.indexOf(':');
  const written = (colon >= 0 ? text.slice(0, colon) : text).trim();
  // A label never begins with a bullet or an opening parenthesis: « (objectif : 40 par an) » is text.
  if (written.length > MAX_WRITTEN || written.startsWith('-') || written.startsWith('(')) return null;
  const rest = colon >= 0 ? stripBold(text.slice(colon + 1)) : '';
  const key = compareKey(written);
  if (key.length < 3 || key.length > longestKey + 2) return null;
  const exact = exactKeys.get(key);
  if (exact && (colon >= 0 || (exact.id !== 'interest' && !exact.colonOnly)))
    return {
      id: exact.id,
      written,
      distance: 0,
      rest,
      ordinaryWord: exact.colonOnly,
      alias: exact.alias,
      assumedKind: exact.assumedKind,
    };
  const max = colon >= 0 ? 2 : 1;
  let best: { id: LabelId; distance: number; ordinaryWord: boolean; alias: boolean; assumedKind: boolean } | null =
    null;
  let tie = false;
  for (const label of labelKeys) {
    if ((label.colonOnly && colon < 0) || label.exactOnly) continue;
    const distance = boundedEditDistance(key, label.key, max);
    if (distance > max) continue;
    if (!best || distance < best.distance) {
      best = {
        id: label.id,
        distance,
        ordinaryWord: label.colonOnly,
        alias: label.alias,
        assumedKind: label.assumedKind,
      };
      tie = false;
    } else if (distance === best.distance && label.id !== best.id) tie = true;
  }
  if (!best || tie) return null;
  // "intérêt" alone is the usual value of the Intérêt field: without its colon it is not the label.
  if (colon < 0 && best.id === 'interest') return null;
  // A misspelt short word is too likely to be an ordinary word: fuzzy matching only from 6 letters.
  if (best.distance > 0 && key.length < 6) return null;
  const { ordinaryWord, alias, assumedKind } = best;
  return { id: best.id, written, distance: best.distance, rest, ordinaryWord, alias, assumedKind };
}

/** `Something :` alone on its line, short, and not a known label: looks like a label nobody knows. */
export function looksLikeUnknownLabel(lineText: string): string | null {
  const text = stripBold(lineText);
  if (bulletText(text) !== null) return null;
  const match = /^([^:]{2,40}?)\s*:$/.exec(text);
  if (!match) return null;
  if (match[1].split(/\s+/).length > 5) return null;
  return match[1];
}
