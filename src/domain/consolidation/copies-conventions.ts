import { quotedShort } from '../messages/shown-cell-value';
import type { TerritoryMeasure } from './territory';

/**
 * Two workbooks of one territory (territory-copies.ts) whose conventions differ (2021–2024 and 2025–2028) are not
 * copies of one workbook but two conventions of the territory: the consolidation measures the convention in force,
 * whatever the dates of the files (the previous convention's, finished, may well have been written last). In force:
 * the one whose convention holds the quarter measured (`--quarter`, else today's); when both or neither do, the one
 * that starts later (then ends later). Copies of one convention are told apart by their dates (duplicates.ts).
 */

type Copy = Pick<TerritoryMeasure, 'file' | 'conventionQuarters'>;

/** The quarter the convention in force holds, `AAAA-Tn`, and whether it was asked for (`--quarter`) or is today's. */
export interface QuarterInForce {
  quarter: string;
  asked: boolean;
}

const NBSP = '\u00a0';
const quoted = (text: string) => `«${NBSP}${text}${NBSP}»`;

export function sameConvention(a: Copy, b: Copy): boolean {
  return (
    a.conventionQuarters.first === b.conventionQuarters.first && a.conventionQuarters.last === b.conventionQuarters.last
  );
}

/**
 * Whether two conventions share a quarter (one convention does): a territory's conventions follow one another, so two
 * workbooks of overlapping conventions may be two territories, whose plans are then worth comparing (copies-identity.ts).
 */
export function conventionsOverlap(a: Copy, b: Copy): boolean {
  return (
    a.conventionQuarters.first <= b.conventionQuarters.last && b.conventionQuarters.first <= a.conventionQuarters.last
  );
}

/** Whether `copy`'s convention holds `quarter` (`AAAA-Tn` labels order as their quarters do). */
function holds(copy: Copy, quarter: string): boolean {
  return copy.conventionQuarters.first <= quarter && quarter <= copy.conventionQuarters.last;
}

const laterFirst = (a: string, b: string) => (a === b ? 0 : a > b ? -1 : 1);

/**
 * The convention in force first: the one holding the quarter (when known), else the later start, then the later end;
 * 0 for one convention, whose copies the dates then tell apart.
 */
export function inForceFirst(inForce: QuarterInForce | null): (a: Copy, b: Copy) => number {
  return (a, b) => {
    if (sameConvention(a, b)) return 0;
    if (inForce) {
      const [holdsA, holdsB] = [holds(a, inForce.quarter), holds(b, inForce.quarter)];
      if (holdsA !== holdsB) return holdsA ? -1 : 1;
    }
    return (
      laterFirst(a.conventionQuarters.first, b.conventionQuarters.first) ||
      laterFirst(a.conventionQuarters.last, b.conventionQuarters.last)
    );
  };
}

/** A convention's period as a person says it, `2021–2024`; by its quarters when the years do not tell the two apart. */
function periodsApart(a: Copy, b: Copy): [string, string] {
  const years = (copy: Copy) =>
    `${copy.conventionQuarters.first.slice(0, 4)}–${copy.conventionQuarters.last.slice(0, 4)}`;
  if (years(a) !== years(b)) return [years(a), years(b)];
  const quarters = (copy: Copy) => `${copy.conventionQuarters.first} – ${copy.conventionQuarters.last}`;
  return [quarters(a), quarters(b)];
}

/**
 * Why the workbook of the convention in force (`kept`) was kept rather than the other convention's (`dropped`).
 * `twoTerritories`: what else the two files say makes them more likely two territories (the identity warning, said
 * first, says so), so they are not called two conventions of one territory: only why this one was kept.
 */
export function conventionsReason(
  kept: Copy,
  dropped: Copy,
  inForce: QuarterInForce | null,
  twoTerritories = false,
): string {
  const [keptPeriod, droppedPeriod] = periodsApart(kept, dropped);
  // The quarter measured: the one asked for, else today's (not the workbooks' « trimestre en cours », Paramètres B9).
  const quarter = inForce && `le trimestre ${inForce.asked ? 'demandé' : 'd’aujourd’hui'} (${inForce.quarter})`;
  const keptAlone = inForce !== null && holds(kept, inForce.quarter) && !holds(dropped, inForce.quarter);
  const both =
    inForce && (holds(kept, inForce.quarter) ? `toutes deux couvrent ${quarter}` : `aucune ne couvre ${quarter}`);
  if (twoTerritories) {
    const facts = `${quoted(kept.file)} est gardé${NBSP}: il suit la convention ${keptPeriod}, ${quoted(dropped.file)} la convention ${droppedPeriod}`;
    if (keptAlone) return `${facts}${NBSP}; seule la sienne couvre ${quarter}.`;
    return `${facts}${NBSP}; ${both ? `${both}, et ` : ''}la sienne est la plus récente.`;
  }
  const periods = `${quoted(kept.file)} suit la convention ${keptPeriod}, ${quoted(dropped.file)} la convention ${droppedPeriod}`;
  const facts =
    `Conventions différentes${NBSP}: ${periods}. Ce ne sont pas deux copies d’un même classeur, mais deux ` +
    `conventions du territoire${NBSP}; la consolidation mesure la convention en vigueur`;
  const latest = `celle de ${quoted(kept.file)} est la plus récente`;
  if (!inForce) return `${facts}${NBSP}: ${latest}.`;
  if (keptAlone) return `${facts}, celle qui couvre ${quarter}.`;
  return `${facts}${NBSP}: ${both}, et ${latest}.`;
}

/** Where `kept`'s convention stands against `left`'s, as « viennent … » says it: by their first quarters. */
function fromConvention(kept: Copy, left: Copy): string {
  const [keptStart, leftStart] = [kept.conventionQuarters.first, left.conventionQuarters.first];
  if (keptStart === leftStart) return 'd’une autre convention';
  return `de la convention ${keptStart < leftStart ? 'précédente' : 'suivante'}`;
}

/**
 * For a workbook left out (`left`) beside the measured workbook of another convention of its territory (`kept`):
 * where the territory's figures come from, and, when the one left out is the convention in force (`inForceFirst`,
 * as for two workbooks measured), that it is the one to fix, the figures shown being another convention's.
 */
export function otherConventionNote(left: Copy, kept: Copy, territory: string, inForce: QuarterInForce | null): string {
  const [leftPeriod, keptPeriod] = periodsApart(left, kept);
  if (inForceFirst(inForce)(left, kept) < 0)
    return (
      `Attention${NBSP}: les chiffres de ${quotedShort(territory)} viennent ${fromConvention(kept, left)}, ${keptPeriod}, ` +
      // The reason before it already asks the territory for the correction (`territoryCorrects`).
      `${quoted(kept.file)}${NBSP}; ce fichier-ci suit la convention en vigueur, ${leftPeriod}${NBSP}: c’est lui que ` +
      'le territoire doit corriger.'
    );
  return (
    `Les chiffres de ${quotedShort(territory)} viennent de la convention en vigueur, ${keptPeriod}, ` +
    `${quoted(kept.file)}${NBSP}; ce fichier-ci suit la convention ${leftPeriod}.`
  );
}
