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
  '(?:indicateurs?|criteres?)(?: (?:de suivi|d evaluation|de resultats?|de realisation|quantitatifs?|qualitatifs?))?' +
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

/** A cell no header holds: a figure (a digit, `%`, `€`) or a unit (« familles », « heures / semaine », « Euros »). */
const isRowCell = (cell: string): boolean =>
  /[\d%€]/.test(cell) || unitOf(cell) !== null || unitOf(headerWords(cell).split(' ')[0]) !== null;

/**
 * `header` when a cell is a known column's header; else `row` when a cell after the criterion's holds a figure or a
 * unit; else `unknown`: nothing tells a header of other words from a criterion.
 */
export function firstRowKind(cells: readonly string[]): 'header' | 'row' | 'unknown' {
  const filled = cells.filter((cell) => cell !== '');
  if (filled.some(isKnownHeader)) return 'header';
  return filled.slice(1).some(isRowCell) ? 'row' : 'unknown';
}
