import { NUMBER_BOUND, numberOfText } from '../domain/tracking-values';
import { unitSchema } from '../domain/plan';
import { foldAccents } from './text-keys';

/**
 * The Référence and Cible a criteria table gives a criterion (docs/DOMAIN.md, « The plan »): the cell under a column
 * whose header names a reference or a target, when it holds one plain number as a convention writes it. Anything
 * else (a text, a range, several numbers, a sign that says a change, a year alone) is left to the officer, in the
 * criterion's text. And its Unité, when those columns say one (`unitOfRow`).
 */

export interface CriterionFigures {
  baseline?: number;
  target?: number;
  /** As the workbook's `Unité` shows it: `%`, `€`, `nombre` or what is counted (`familles`, `heures`). */
  unit?: string;
}

type Figure = 'baseline' | 'target';

/**
 * A cell of a row left to the officer, with the warning that says so: a year alone in a figure's cell under a header
 * that names none (`yearLike`), a number in a Unité cell (a figure, or a unit the export lost: no unit). The column's
 * header and the cell as written.
 */
export type CellLeft =
  | { code: 'figure-looks-like-year'; figure: Figure; header: string; year: string }
  | { code: 'unit-looks-like-number'; header: string; number: string };

/** Lower case, without accents, apostrophes and punctuation as spaces: « Valeur d’Objectif (2027) » → `valeur d objectif 2027`. */
export function headerWords(header: string): string {
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
export const WHEN = String.raw`(?: (?:en|au|a|fin|horizon|pour|de|d|l|le|la|annee|\d{1,2}))* (\d{4})`;
const headersPattern = (headers: readonly string[]) => new RegExp(`^(?:${headers.join('|')})(?:${WHEN})?$`);
const PATTERNS: [Figure, RegExp][] = [
  ['baseline', headersPattern(BASELINE_HEADERS)],
  ['target', headersPattern(TARGET_HEADERS)],
];

/**
 * The unit a header may give in brackets after its figure's name or year (« Cible (en %) », « Cible 2030 (en %) »,
 * « Référence (en nombre) », « Objectif (nombre de familles) », « Cible (en places) »), as the workbook's `Unité`
 * shows it: `%` or `€`, the sign a cell may then bear; or a count or duration, which bears none: what is counted
 * when `COUNTED` has it (`familles`, `places`, `heures`), else `nombre`. Other brackets name no unit (« Objectif(s) »,
 * « Référence (année) », « Cible (public visé) », « Objectifs (opérationnels) ») and leave the header as it is.
 */
const COUNT = 'nombre';
const UNITS: [string, RegExp][] = [
  ['%', /^(?:pourcentage|pourcent|pour cent)$/],
  ['€', /^(?:euros?|eur)$/],
  [COUNT, /^(?:nombre|nb|valeur absolue|volume)$/],
];
/**
 * What criteria count, in the plural as a header names them (« Cible (en places) », « Objectif (bénéficiaires) »),
 * by the words `headerWords` makes of them. A list, not a guess from the word's ending: other plurals in brackets
 * say something else of the column (« Cible (publics) », « Objectifs (prioritaires) », « Référence (dates) »,
 * « Référence (actions) »), and a number under them, a year, a rank or a fiche's number, is no figure.
 */
const COUNTED = new Map(
  [
    'familles',
    'enfants',
    'jeunes',
    'parents',
    'adolescents',
    'personnes',
    'bénéficiaires',
    'allocataires',
    'participants',
    'usagers',
    'habitants',
    'adhérents',
    'foyers',
    'ménages',
    'places',
    'séances',
    'ateliers',
    'logements',
    'heures',
    'jours',
    'semaines',
    'nuitées',
    'séjours',
    'sessions',
    'permanences',
  ].map((word) => [headerWords(word), word]),
);
/** « en % », « exprimé en euros », then what is counted: « nombre de familles », « % des places ». */
const UNIT_WORDS = /^(?:(?:exprimee?s? )?en )?(.+?)(?: (?:de|d|des|du) ([a-z ]+))?$/;
const BRACKETS = /\(([^()]*)\)/g;

export function unitOf(written: string): string | null {
  // The signs spelled as their words, which `headerWords` keeps.
  const words = headerWords(written.replace(/%/g, ' pour cent ').replace(/€/g, ' euros '));
  const [, named = '', counted = ''] = UNIT_WORDS.exec(words) ?? [];
  const unit = UNITS.find(([, pattern]) => pattern.test(named))?.[0];
  if (unit === COUNT) return countedThing(counted) ?? COUNT;
  return unit ?? COUNTED.get(named) ?? null;
}

/**
 * What « nombre de … » counts when it is one thing the list has (« familles monoparentales », « heures d’accueil des
 * enfants »); none when the words add another, by « et », « ou » or right after it (« parents et d’enfants »,
 * « familles / enfants », « jeunes parents »): a count of several is a count, and naming one of them would be wrong.
 */
function countedThing(words: string): string | undefined {
  const [first, ...rest] = words.split(' ');
  const several = COUNTED.has(rest[0] ?? '') || rest.some((word) => word === 'et' || word === 'ou');
  return several ? undefined : COUNTED.get(first);
}

interface Column {
  figure: Figure;
  /** The year its header names, 0 when none. */
  year: number;
  unit: string | null;
}

/**
 * The figure a column's header names, with its year and unit; null for any other column. Brackets naming a unit,
 * after the figure's name, are left out of it (one such at most).
 */
function columnFigure(header: string): Column | null {
  const units = [...header.matchAll(BRACKETS)].flatMap((match) => {
    const unit = unitOf(match[1]);
    return unit && match.index > 0 ? [{ unit, at: match.index, length: match[0].length }] : [];
  });
  if (units.length > 1) return null;
  const [bracket] = units;
  const named = bracket ? `${header.slice(0, bracket.at)} ${header.slice(bracket.at + bracket.length)}` : header;
  const words = headerWords(named);
  for (const [figure, pattern] of PATTERNS) {
    const match = pattern.exec(words);
    if (match) return { figure, year: Number(match[1] ?? 0), unit: bracket?.unit ?? null };
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
const PLAIN_NUMBER = /^(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,\d+)?(?:[ \u00a0\u202f]?([%€]))?$/u;

function plainNumber(cell: string): { value: number; sign: string } | null {
  const text = cell.trim();
  const match = PLAIN_NUMBER.exec(text);
  if (!match) return null;
  const value = numberOfText(text.replace(/[ \u00a0\u202f]?[%€]$/u, ''));
  return value !== null && value <= NUMBER_BOUND ? { value, sign: match[1] ?? '' } : null;
}

/**
 * A year alone (`2023`: four digits from 1990 to 2100, no thousands space, no sign) under a header that names no
 * year: most likely the year of the figure, which the header does not give, rather than the figure. A header that
 * names its year (« Référence 2023 ») or its unit (« Cible (heures) ») says its cells are figures.
 */
const yearLike = (cell: string, column: Column): boolean =>
  column.year === 0 &&
  column.unit === null &&
  /^\d{4}$/.test(cell.trim()) &&
  Number(cell) >= 1990 &&
  Number(cell) <= 2100;

/** A cell's sign agrees with the unit its header gives: none, or the unit's own (`80 %` under « Cible (en %) »). */
const agrees = (sign: string, unit: string | null): boolean => sign === '' || unit === null || sign === unit;

/**
 * The words of a cell that says its column is not the row's, as an empty one does: « - », « / », « — » (no
 * letter, digit nor unit sign), « Sans objet », « SO », « n/a », « Non concerné ». « Non connu » or « à définir » is
 * a figure not known, of the column's unit.
 */
const NOT_APPLICABLE = new Set([
  '',
  'sans objet',
  's o',
  'so',
  'n a',
  'na',
  'non applicable',
  'non concerne',
  'non concernee',
]);
const saysNothing = (cell: string): boolean => !/[%€]/.test(cell) && NOT_APPLICABLE.has(headerWords(cell));

/** A column of the table that gives each criterion's unit: « Unité », « Unités », « Unité de mesure ». */
const isUnitColumn = (header: string): boolean => /^unites?(?: de (?:mesure|compte))?$/.test(headerWords(header));

/** Whether a header names a column a criteria table gives its criteria's figures or unit in. */
export const namesFigureOrUnit = (header: string): boolean => namesFigure(header) || isUnitColumn(header);

/**
 * The unit a Unité column's cell says: in the spelling of the headers' units when it is one of them (« Euros » → `€`,
 * « nombre de familles » → `familles`), else as written (« heures / semaine »).
 */
const unitOfCell = (cell: string): string => unitOf(cell) ?? cell.trim().replace(/\s+/g, ' ');

/**
 * The unit of a row: the one its figures' cells say, each by its column's header (whatever it holds: « non connu »
 * under « Référence (en %) » is of a percentage) and by the sign of its plain number, an empty cell, or one that
 * says it is not the row's (`saysNothing`), saying nothing; and its Unité column's cell, if the table has one. Two
 * units said, « Référence (en nombre) » over `38` and « Cible (en %) » over `45`, or `45 €` under « Cible (en %) »,
 * are none: which is meant is the officer's to say; so is one the plan cannot hold (`unitSchema`: too long).
 */
function unitOfRow(said: readonly (string | null | undefined)[]): string | undefined {
  const units = new Set(said.filter((unit): unit is string => !!unit));
  const [unit] = units;
  return units.size === 1 && unitSchema.safeParse(unit).success ? unit : undefined;
}

/**
 * The figures of a table's row (its cells after the criterion's, `header` the header row's cells after the
 * criterion column's) with its unit (`unitOfRow`), and the cells left to the officer (`CellLeft`): the years alone
 * in its figures' cells for want of which the row has no such figure, the numbers in its Unité cells. Of several columns of one figure holding a number (« Cible 2028 »,
 * « Cible 2030 »), the one whose header names the latest year is the criterion's; when they name no years to tell
 * them apart, none is.
 */
export function figuresOfRow(
  header: readonly string[],
  cells: readonly string[],
): { figures: CriterionFigures; cellsLeft: CellLeft[] } {
  const found = new Map<Figure, { value: number; year: number }[]>();
  const left: CellLeft[] = [];
  const units: (string | null | undefined)[] = [];
  cells.forEach((cell, k) => {
    if (header[k] && isUnitColumn(header[k])) {
      if (plainNumber(cell)) left.push({ code: 'unit-looks-like-number', header: header[k], number: cell.trim() });
      else if (!saysNothing(cell)) units.push(unitOfCell(cell));
      return;
    }
    const column = header[k] ? columnFigure(header[k]) : null;
    if (!column || saysNothing(cell)) return;
    if (yearLike(cell, column)) {
      left.push({ code: 'figure-looks-like-year', figure: column.figure, header: header[k], year: cell.trim() });
      return;
    }
    const number = plainNumber(cell);
    units.push(column.unit, number?.sign);
    if (number !== null && agrees(number.sign, column.unit))
      found.set(column.figure, [...(found.get(column.figure) ?? []), { value: number.value, year: column.year }]);
  });
  const unit = unitOfRow(units);
  const figures: CriterionFigures = unit ? { unit } : {};
  for (const [figure, values] of found) {
    const latest = Math.max(...values.map((value) => value.year));
    const atLatest = values.filter((value) => value.year === latest);
    if (atLatest.length === 1) figures[figure] = atLatest[0].value;
  }
  return {
    figures,
    cellsLeft: left.filter((cell) => cell.code !== 'figure-looks-like-year' || figures[cell.figure] === undefined),
  };
}
