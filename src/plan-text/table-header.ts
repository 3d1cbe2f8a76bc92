import { WHEN, headerWords, namesFigureOrUnit, unitOf } from './criterion-figures';

/**
 * What the first row of a criteria table is, told by its words rather than its place: a table may be written without
 * its header line, its first row already a criterion (« Nombre de familles accueillies⇥familles »).
 */

/**
 * The words, case, accents and punctuation aside, of the headers a criteria table's columns have besides its
 * Référence, Cible and Unité (`namesFigureOrUnit`): the criterion's column (« Indicateur(s) », « Critère(s) de suivi »,
 * « Intitulé de l’indicateur ») and others (« Valeur 2024 », « Réalisé », « Source », « Commentaire »…), each
 * followed or not by a year, as a figure's header is.
 */
const CRITERION_HEADER =
  '(?:indicateurs?|criteres?)(?: (?:de suivi|d evaluation|de resultats?|de realisation|d activites?|de moyens' +
  '|d impact|quantitatifs?|qualitatifs?))?' +
  '|(?:intitule|libelle|nom)(?: (?:de l indicateur|du critere))?';
const OTHER_HEADERS = [
  'valeurs?',
  'realises?',
  'realisations?',
  'resultats?(?: obtenus?)?',
  'annee',
  'sources?(?: des donnees)?',
  'donnees',
  'commentaires?',
  'observations?',
  'remarques?',
  'precisions?',
  'periodicite',
  'frequence',
  '(?:mode|modalites?|methode) de calcul',
  'echeances?',
  'calendrier',
  'outils? (?:de mesure|de suivi)',
];
const KNOWN_HEADER = new RegExp(`^(?:${CRITERION_HEADER}|${OTHER_HEADERS.join('|')})(?:${WHEN})?$`);
const BRACKETS = /\([^()]*\)/g;

/** Whether a cell is a known column's header: « Indicateur(s) », « VALEUR 2024 », « Cible (en %) », « Unité ». */
const isKnownHeader = (cell: string): boolean =>
  namesFigureOrUnit(cell) || KNOWN_HEADER.test(headerWords(cell.replace(BRACKETS, ' ')));

/**
 * A cell's words out of its brackets, those of a header's unit or year (« Taux (en %) », « Part (2023) »), or the
 * cell as it is when that is all it holds (« (en %) »).
 */
const outOfBrackets = (cell: string): string => cell.replace(BRACKETS, ' ').trim() || cell;

/** A unit (« familles », « nombre », « Euros », « heures / semaine », « % »). */
const isUnitCell = (cell: string): boolean => unitOf(cell) !== null || unitOf(headerWords(cell).split(' ')[0]) !== null;

/** One year or date, with words or brackets about it (« 2023 », « (2023) », « fin 2027 », « au 31/12/2023 »). */
export const WHEN_CELL = /^\D*(?:\d{1,2}\/\d{1,2}\/)?(?:19|20)\d{2}\D*$/;
/**
 * Such a cell but of no unit: what a header may name a figure's column by (« Action⇥2023⇥2027 »), as a header's
 * second line does (`tableRowsAsItems`); « 2000 € » or « 2000 familles » is a figure.
 */
const isWhenCell = (cell: string): boolean =>
  WHEN_CELL.test(cell) && !/[%€]/.test(cell) && !isUnitCell(cell.replace(/[\d/]+/g, ' '));

/** A figure no header holds: a digit, `%` or `€` out of brackets, but a year. */
const holdsFigure = (cell: string): boolean => {
  const words = outOfBrackets(cell);
  return /[\d%€]/.test(words) && !isWhenCell(words);
};

/**
 * `header` when its first cell that holds text is a known column's header, or another is and none of the others
 * holds a figure or a unit; `row` when a cell after the criterion's, not a known header, holds a figure
 * (« Nombre de places⇥Existant⇥430 »), or a unit and none is a known header (« Nombre de familles⇥familles »);
 * else `unknown`: nothing tells a header of other words, over years (« Action⇥2023⇥2027 ») or not, from a criterion.
 */
export function firstRowKind(cells: readonly string[]): 'header' | 'row' | 'unknown' {
  const [first = '', ...others] = cells.filter((cell) => cell !== '');
  if (isKnownHeader(first)) return 'header';
  const named = others.some(isKnownHeader);
  const rest = others.filter((cell) => !isKnownHeader(cell));
  if (rest.some(holdsFigure)) return 'row';
  const unit = rest.some((cell) => isUnitCell(outOfBrackets(cell)));
  if (named) return unit ? 'unknown' : 'header';
  return unit ? 'row' : 'unknown';
}
