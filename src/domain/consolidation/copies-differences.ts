import { frenchList } from '../messages/french-list';
import { frenchNumber, frenchRatesApart } from '../messages/numbers';
import { fichesWithoutStatus, ratesOf, type ConsolidationCounts } from './counts';
import type { TerritoryMeasure } from './territory';

/**
 * What two copies of one territory do not share, so that the Caf checks which copy is right before trusting the
 * territory's figures: the counts that differ (the file kept's first: 4 values filled against 9 in axis 3), and the
 * axes whose values differ though their counts do not (a 4 typed in one, a 9 in the other: `axisDigest`).
 */

type Copy = Pick<TerritoryMeasure, 'quarter' | 'counts' | 'axes' | 'errors' | 'fields' | 'publics'>;

const NBSP = '\u00a0';

/** A figure of the counts, in words, and how it reads. */
const countFigures: readonly [string, (counts: ConsolidationCounts) => number][] = [
  ['valeurs renseignées (trimestre)', (counts) => counts.period.filled],
  ['valeurs attendues (cumul)', (counts) => counts.cumulative.expected],
  ['fiches', (counts) => counts.fiches],
  ['critères', (counts) => counts.criteria],
  [`fiches «${NBSP}Non démarrée${NBSP}»`, (counts) => counts.statuses.notStarted],
  [`fiches «${NBSP}En cours${NBSP}»`, (counts) => counts.statuses.inProgress],
  [`fiches «${NBSP}Réalisée${NBSP}»`, (counts) => counts.statuses.done],
  [`fiches «${NBSP}Reportée${NBSP}»`, (counts) => counts.statuses.postponed],
  [`fiches «${NBSP}Abandonnée${NBSP}»`, (counts) => counts.statuses.abandoned],
  ['fiches sans statut', fichesWithoutStatus],
  ['fiches avec difficultés', (counts) => counts.fichesWithDifficulties],
];

/** The axes of both copies, in the kept copy's order then the other's. */
const axesOf = (kept: Copy, dropped: Copy) => [
  ...new Set([...kept.axes.map((axis) => axis.axis), ...dropped.axes.map((axis) => axis.axis)]),
];

const filledIn = (copy: Copy, axis: number) =>
  copy.axes.find((candidate) => candidate.axis === axis)?.counts.cumulative.filled ?? 0;

/** Two counts as French writes them: `1 206 contre 1 210`. */
const against = (a: number, b: number) => `${frenchNumber(a)} contre ${frenchNumber(b)}`;

/** The axes whose values filled up to the quarter differ in number: where to look in the files. */
const axesFilledApart = (kept: Copy, dropped: Copy) =>
  axesOf(kept, dropped).filter((axis) => filledIn(kept, axis) !== filledIn(dropped, axis));

/** The values filled up to the quarter, with the axes where the copies differ. */
function filledDifference(kept: Copy, dropped: Copy): string | null {
  const [a, b] = [kept.counts.cumulative.filled, dropped.counts.cumulative.filled];
  const axes = axesFilledApart(kept, dropped).map(
    (axis) => `${against(filledIn(kept, axis), filledIn(dropped, axis))} dans l’axe ${axis}`,
  );
  if (a === b && axes.length === 0) return null;
  return `valeurs renseignées (cumul) ${against(a, b)}${axes.length > 0 ? ` (${axes.join(', ')})` : ''}`;
}

/** Each count that differs, in words: `fiches « En cours » 2 contre 3`. */
function countDifferences(kept: Copy, dropped: Copy): string[] {
  const found: string[] = [];
  if (kept.quarter !== dropped.quarter) found.push(`trimestre mesuré ${kept.quarter} contre ${dropped.quarter}`);
  const filled = filledDifference(kept, dropped);
  if (filled) found.push(filled);
  for (const [words, of] of countFigures) {
    const [a, b] = [of(kept.counts), of(dropped.counts)];
    if (a !== b) found.push(`${words} ${against(a, b)}`);
  }
  // Shown with as many decimals as tell them apart (55,63 % contre 55,58 %): never « 55,6 % contre 55,6 % ».
  const [a, b] = frenchRatesApart(ratesOf(kept.counts).achievement, ratesOf(dropped.counts).achievement);
  if (a !== b) found.push(`réalisation ${a} contre ${b}`);
  if (kept.errors !== dropped.errors) found.push(`erreurs de données ${against(kept.errors, dropped.errors)}`);
  return found;
}

/** What an axis's rows hold (`axisDigest`), to compare; undefined when the copy has no such axis. */
const digestOf = (copy: Copy, axis: number) => copy.axes.find((candidate) => candidate.axis === axis)?.digest;

/** The axes whose values differ though their counts of values filled do not (those are said with the counts). */
function axesValuesApart(kept: Copy, dropped: Copy): number[] {
  const counted = new Set(axesFilledApart(kept, dropped));
  return axesOf(kept, dropped).filter((axis) => !counted.has(axis) && digestOf(kept, axis) !== digestOf(dropped, axis));
}

/** `dans l’axe 3`, `dans les axes 1, 3 et 5`. */
function inAxes(axes: readonly number[]): string {
  if (axes.length === 1) return `dans l’axe ${axes[0]}`;
  return `dans les axes ${frenchList(axes.map(String))}`;
}

/**
 * What differs, as a sentence: the counts, then the axes whose values differ besides; null when nothing does. One
 * colon a sentence: the counts' one introduces them, so « Attention » takes a comma there.
 */
function differences(kept: Copy, dropped: Copy): string | null {
  const counts = countDifferences(kept, dropped);
  const axes = axesValuesApart(kept, dropped);
  if (counts.length === 0)
    return axes.length === 0
      ? null
      : `Attention${NBSP}: les deux copies n’ont pas les mêmes valeurs saisies ${inAxes(axes)}.`;
  const besides = axes.length === 0 ? '' : `${NBSP}; des valeurs saisies diffèrent aussi ${inAxes(axes)}`;
  return (
    `Attention, les deux copies n’ont pas les mêmes chiffres (fichier gardé contre fichier non retenu)${NBSP}: ` +
    `${counts.join(`${NBSP}; `)}${besides}.`
  );
}

/** A copy's champs or publics with their counts, in one string that two copies can be compared by. */
const groupsKey = (groups: Copy['fields']) =>
  groups
    .map((group) => `${group.name}\u0000${JSON.stringify(group.counts)}`)
    .sort()
    .join('\u0001');

/**
 * On a tie, the figures by champ or by public that differ (the fiches tied to other champs, or other values): the
 * consolidation's sheets by champ and by public show the kept copy's, which the Caf could not tell from the counts.
 */
function groupsDifference(kept: Copy, dropped: Copy): string | null {
  const kinds = [
    groupsKey(kept.fields) !== groupsKey(dropped.fields) ? 'champ d’intervention' : null,
    groupsKey(kept.publics) !== groupsKey(dropped.publics) ? 'public' : null,
  ].filter((kind) => kind !== null);
  if (kinds.length === 0) return null;
  const which =
    kinds.length === 2
      ? 'aux mêmes champs ou publics'
      : kinds[0] === 'public'
        ? 'aux mêmes publics'
        : 'aux mêmes champs';
  // Copies alike but for their current quarter (B9) differ by champ for that alone: their fiches are not the cause.
  const sameValues = axesOf(kept, dropped).every((axis) => digestOf(kept, axis) === digestOf(dropped, axis));
  const why =
    kept.quarter !== dropped.quarter && sameValues
      ? ` parce qu’elles sont mesurées à des trimestres différents (${kept.quarter} contre ${dropped.quarter}), avec ` +
        'les mêmes fiches et les mêmes valeurs'
      : ` (leurs fiches ne sont pas rattachées ${which}, ou pas avec les mêmes valeurs)`;
  return (
    `Attention, les chiffres par ${kinds.join(' et par ')} diffèrent entre les deux copies${why}${NBSP}: ceux de la ` +
    'consolidation sont ceux du fichier gardé.'
  );
}

/** The copy not kept, older, has more values filled: the kept one may have lost some, or be the wrong one. */
export const olderHasMoreFilled = (kept: Copy, dropped: Copy): boolean =>
  dropped.counts.cumulative.filled > kept.counts.cumulative.filled;

/**
 * What the Caf should check about two copies, or empty. On a tie (no date told them apart), everything they do not
 * share: either may be the right one. The newer kept, its figures differ as a newer copy's do, and only an older copy
 * with more values filled is said: the kept one may have lost some.
 */
export function copiesDifference(
  kept: Copy & { file: string },
  dropped: Copy & { file: string },
  tie: boolean,
): string {
  const check = (what: string) =>
    `${what} Vérifiez laquelle est à jour${NBSP}; si c’est «${NBSP}${dropped.file}${NBSP}», retirez «${NBSP}${kept.file}${NBSP}» et consolidez à nouveau.`;
  if (!tie) {
    return olderHasMoreFilled(kept, dropped)
      ? check(
          `Attention, la copie non retenue, plus ancienne, a plus de valeurs renseignées (fichier gardé contre ` +
            `fichier non retenu)${NBSP}: ${filledDifference(kept, dropped)}.`,
        )
      : '';
  }
  const found = [differences(kept, dropped), groupsDifference(kept, dropped)].filter((part) => part !== null);
  return found.length === 0 ? '' : check(found.join(' '));
}
