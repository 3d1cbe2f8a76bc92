import { NUMBER_BOUND, numberOfText } from '../domain/tracking-values';
import { foldAccents } from './text-keys';

/**
 * The Référence and Cible a criteria table gives a criterion (docs/DOMAIN.md, « The plan »): the cell under a column
 * whose header names a reference or a target, when it holds one plain number as a convention writes it. Anything
 * else (a text, a range, several numbers, a sign that says a change) is left to the officer, in the criterion's text.
 */

export interface CriterionFigures {
  baseline?: number;
  target?: number;
}

type Figure = keyof CriterionFigures;

/** Lower case, without accents, apostrophes and punctuation as spaces: « Valeur d’Objectif (2027) » → `valeur d objectif 2027`. */
function headerWords(header: string): string {
  return foldAccents(header)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The headers of a reference column, as `headerWords` writes them. */
const BASELINE_HEADERS = [
  'reference',
  'references',
  'valeur de reference',
  'valeur reference',
  'niveau de reference',
  'donnee de reference',
  'situation de reference',
  'situation initiale',
  'situation de depart',
  'valeur initiale',
  'valeur de depart',
  'point de depart',
  'niveau initial',
  'etat initial',
  'existant',
];

/** The headers of a target column, as `headerWords` writes them. */
const TARGET_HEADERS = [
  'cible',
  'cibles',
  'valeur cible',
  'valeurs cibles',
  'objectif',
  'objectifs',
  'objectif chiffre',
  'objectif quantitatif',
  'objectif vise',
  'objectif a atteindre',
  'cible a atteindre',
  'valeur a atteindre',
  'valeur attendue',
  'valeur visee',
  'resultat attendu',
];

/**
 * What may follow those words: the year or date the figure is of (« Référence 2023 », « Cible fin 2027 »,
 * « Objectif à l’horizon 2029 », « Référence au 31/12/2023 »). « Année de référence » names no figure.
 */
const WHEN = String.raw`(?: (?:en|au|a|fin|horizon|pour|de|d|l|le|la|annee|\d{1,2}))* (\d{4})`;
const headersPattern = (headers: readonly string[]) => new RegExp(`^(?:${headers.join('|')})(?:${WHEN})?$`);
const PATTERNS: [Figure, RegExp][] = [
  ['baseline', headersPattern(BASELINE_HEADERS)],
  ['target', headersPattern(TARGET_HEADERS)],
];

/** The figure a column's header names, with the year it names (0 when none); null for any other column. */
function columnFigure(header: string): { figure: Figure; year: number } | null {
  const words = headerWords(header);
  for (const [figure, pattern] of PATTERNS) {
    const match = pattern.exec(words);
    if (match) return { figure, year: Number(match[1] ?? 0) };
  }
  return null;
}

/** Whether a header names a Référence or Cible column. */
export const namesFigure = (header: string): boolean => columnFigure(header) !== null;

/**
 * One plain number as a convention writes it, unsigned: `310`, `1 200` (a space, no-break or narrow, between groups
 * of thousands), `12,5`, and a percentage or an amount by its sign, `80 %` (80: a percentage is entered without its
 * sign in the workbook), `15 000 €`. Else null.
 */
const PLAIN_NUMBER = /^(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,\d+)?(?:[ \u00a0\u202f]?[%€])?$/u;

function plainNumber(cell: string): number | null {
  const text = cell.trim();
  if (!PLAIN_NUMBER.test(text)) return null;
  const number = numberOfText(text.replace(/[ \u00a0\u202f]?[%€]$/u, ''));
  return number !== null && number <= NUMBER_BOUND ? number : null;
}

/**
 * The figures of a table's row (its cells after the criterion's, `header` the header row's cells after the
 * criterion column's). Of several columns of one figure holding a number (« Cible 2028 », « Cible 2030 »), the one
 * whose header names the latest year is the criterion's; when they name no years to tell them apart, none is.
 */
export function figuresOfRow(header: readonly string[], cells: readonly string[]): CriterionFigures {
  const found = new Map<Figure, { value: number; year: number }[]>();
  cells.forEach((cell, k) => {
    const column = header[k] ? columnFigure(header[k]) : null;
    const value = column ? plainNumber(cell) : null;
    if (column && value !== null)
      found.set(column.figure, [...(found.get(column.figure) ?? []), { value, year: column.year }]);
  });
  const figures: CriterionFigures = {};
  for (const [figure, values] of found) {
    const latest = Math.max(...values.map((value) => value.year));
    const atLatest = values.filter((value) => value.year === latest);
    if (atLatest.length === 1) figures[figure] = atLatest[0].value;
  }
  return figures;
}
