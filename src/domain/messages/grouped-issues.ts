import type { IssueCode } from '../issue-codes';
import { parseA1, type Issue } from '../issues';
import { frenchNumber } from './numbers';
import { countOf } from './plural';

/**
 * A report's issues grouped by kind, on the command line as in the task pane: a returned file with 20 000 rows pasted
 * without keys gives 20 000 refusals, which would fill the screen. Of each kind (a code, in one source), the first
 * few are shown, then one line counts the others and says where they are; `--json` keeps them all.
 */

/** How many issues of one kind a report shows before counting the others. */
export const SHOWN_OF_A_KIND = 5;

/** What each kind is, counted: « … et 3 autres lignes sans clé ». */
const kindWords: Partial<Record<IssueCode, [string, string]>> = {
  'merge-row-without-key': ['ligne sans clé', 'lignes sans clé'],
  'merge-unknown-key': [
    'ligne dont la clé n’existe pas dans le classeur de suivi',
    'lignes dont la clé n’existe pas dans le classeur de suivi',
  ],
  'merge-retired-key': ['ligne retirée du plan', 'lignes retirées du plan'],
  'merge-duplicate-key': ['ligne de clé en double', 'lignes de clé en double'],
  'merge-key-changed': ['ligne dont la clé a été modifiée', 'lignes dont la clé a été modifiée'],
  'merge-row-not-sent': ['ligne absente de l’extrait envoyé', 'lignes absentes de l’extrait envoyé'],
  'merge-row-not-partner': [
    'ligne d’une fiche qui ne va pas à ce partenaire',
    'lignes de fiches qui ne vont pas à ce partenaire',
  ],
  'merge-plan-cell-edited': ['cellule du plan modifiée', 'cellules du plan modifiées'],
  'merge-reserved-cell': ['cellule réservée au coordinateur modifiée', 'cellules réservées au coordinateur modifiées'],
  'merge-formula': ['cellule contenant une formule', 'cellules contenant une formule'],
  'merge-wrong-value': ['valeur impossible dans sa colonne', 'valeurs impossibles dans leur colonne'],
  'merge-quarter-not-open': ['valeur d’un trimestre pas encore ouvert', 'valeurs de trimestres pas encore ouverts'],
  'merge-personal-data': [
    'texte qui semble contenir une donnée personnelle',
    'textes qui semblent contenir une donnée personnelle',
  ],
  'merge-personal-data-refused': ['texte contenant une donnée personnelle', 'textes contenant une donnée personnelle'],
  'merge-cell-not-used': ['valeur dans une cellule grise', 'valeurs dans des cellules grises'],
  'extract-row-type-changed': ['ligne dont le type a été changé', 'lignes dont le type a été changé'],
  'merge-column-ignored': ['colonne qui n’est pas du suivi', 'colonnes qui ne sont pas du suivi'],
  'merge-column-duplicate': ['colonne en double', 'colonnes en double'],
  'merge-column-renamed': ['colonne dont l’en-tête a été retapé', 'colonnes dont l’en-tête a été retapé'],
  'merge-value-in-computed-cell': ['valeur saisie sur un taux', 'valeurs saisies sur un taux'],
  'merge-cell-note': ['note attachée à une cellule', 'notes attachées à des cellules'],
  'merge-merged-cell': ['cellule masquée par des cellules fusionnées', 'cellules masquées par des cellules fusionnées'],
  'merge-same-file': ['copie d’un autre fichier renvoyé', 'copies d’autres fichiers renvoyés'],
  // A --take, or a value chosen in the pane, that names no conflict of the merge.
  'merge-take-unused': ['choix qui ne correspond à aucun conflit', 'choix qui ne correspondent à aucun conflit'],
};

/** An item of the report shown as it is, or one line counting the others of its kind (`first`: the first of them). */
export type GroupedLine<T> = { item: T } | { more: string; first: T };

/** The rows of one sheet named: « ligne 7 », « lignes 7 et 9 », « lignes 7 à 20 001 » when no row between lacks one. */
function rowsText(rows: ReadonlySet<number>): string {
  // Not Math.min(...rows): a million rows would pass the engine's limit on arguments.
  let [first, last] = [Infinity, -Infinity];
  for (const row of rows) [first, last] = [Math.min(first, row), Math.max(last, row)];
  if (rows.size === 1) return `ligne ${frenchNumber(first)}`;
  if (rows.size === 2) return `lignes ${frenchNumber(first)} et ${frenchNumber(last)}`;
  // A span is said only when it holds no row without one: 7 rows between 50 and 900 are not « lignes 50 à 900 ».
  if (last - first + 1 === rows.size) return `lignes ${frenchNumber(first)} à ${frenchNumber(last)}`;
  return `entre les lignes ${frenchNumber(first)} et ${frenchNumber(last)}`;
}

/** « Retour, lignes 7 à 20 001 », per sheet: where the issues not shown are. */
function placesOf(issues: readonly Issue[]): string {
  const rowsBySheet = new Map<string, Set<number>>();
  for (const issue of issues) {
    if (issue.sheet === null) continue;
    const rows = rowsBySheet.get(issue.sheet) ?? new Set<number>();
    rowsBySheet.set(issue.sheet, rows);
    const row = issue.cell === null ? null : (parseA1(issue.cell)?.row ?? null);
    if (row !== null) rows.add(row);
  }
  return [...rowsBySheet]
    .map(([sheet, rows]) => (rows.size === 0 ? sheet : `${sheet}, ${rowsText(rows)}`))
    .join('\u00a0; ');
}

/** « … et 19 995 autres lignes sans clé (Retour, lignes 7 à 20 001). » */
function moreLine(hidden: readonly Issue[]): string {
  const count = hidden.length;
  const words = kindWords[hidden[0].code];
  const counted = words
    ? countOf(count, `autre ${words[0]}`, `autres ${words[1]}`)
    : `${countOf(count, 'autre', 'autres')} du même motif`;
  const places = placesOf(hidden);
  return `… et ${counted}${places === '' ? '' : ` (${places})`}.`;
}

/**
 * The items in their order, but of each kind (a code, in one `source`) past the first `SHOWN_OF_A_KIND`, one line
 * where the next would be. A kind with one item more than that is shown whole: its line would save nothing.
 */
export function groupedIssues<T extends { source?: string; issue: Issue }>(items: readonly T[]): GroupedLine<T>[] {
  const kindOf = (item: T) => JSON.stringify([item.source ?? '', item.issue.code]);
  const totals = new Map<string, number>();
  for (const item of items) totals.set(kindOf(item), (totals.get(kindOf(item)) ?? 0) + 1);
  const seen = new Map<string, number>();
  const hidden = new Map<string, Issue[]>();
  const lines: GroupedLine<T>[] = [];
  const moreAt = new Map<string, number>();
  for (const item of items) {
    const kind = kindOf(item);
    const index = seen.get(kind) ?? 0;
    seen.set(kind, index + 1);
    if (index < SHOWN_OF_A_KIND || (totals.get(kind) ?? 0) <= SHOWN_OF_A_KIND + 1) {
      lines.push({ item });
      continue;
    }
    if (index === SHOWN_OF_A_KIND) {
      moreAt.set(kind, lines.length);
      lines.push({ more: '', first: item });
    }
    const list = hidden.get(kind) ?? [];
    list.push(item.issue);
    hidden.set(kind, list);
  }
  for (const [kind, at] of moreAt) {
    const line = lines[at];
    if ('more' in line) lines[at] = { ...line, more: moreLine(hidden.get(kind) ?? []) };
  }
  return lines;
}
