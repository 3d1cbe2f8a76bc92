import { ficheStatuses } from '../../domain/vocabulary';
import { listKeyOf, textLiteral } from './quarter-masks';
import { countRatioFormula } from './count-formulas';

/**
 * Formulas of the Annexe 4 summary rows, over the per-fiche detail table of the same sheet. Counts are summed
 * (pooled cells, never a mean of means); the réalisation is Σ(fiche mean × its criteria with a value) / Σ(those
 * criteria), i.e. the mean over the criteria. `mask` selects detail rows (a porteur's fiches); null takes them all.
 * SUMPRODUCT's comma form is used wherever a column may hold an empty text, which it counts as 0.
 */

/** The detail table's columns over the rows a summary row pools, as ranges (`$H$40:$H$52`). */
export interface DetailRanges {
  keys: string;
  carriers: string;
  status: string;
  progress: string;
  difficulties: string;
  criteria: string;
  expectedPeriod: string;
  filledPeriod: string;
  expectedCumulative: string;
  filledCumulative: string;
  criteriaWithAchievement: string;
  achievement: string;
}

function sum(range: string, mask: string | null): string {
  return mask === null ? `SUM(${range})` : `SUMPRODUCT(${mask}*${range})`;
}

export function ficheCountFormula(ranges: DetailRanges, mask: string | null): string {
  return mask === null ? `COUNTA(${ranges.keys})` : `SUMPRODUCT(${mask}*1)`;
}

export function criteriaCountFormula(ranges: DetailRanges, mask: string | null): string {
  return sum(ranges.criteria, mask);
}

export function fillPeriodFormula(ranges: DetailRanges, mask: string | null): string {
  return countRatioFormula(sum(ranges.filledPeriod, mask), sum(ranges.expectedPeriod, mask));
}

export function fillCumulativeFormula(ranges: DetailRanges, mask: string | null): string {
  return countRatioFormula(sum(ranges.filledCumulative, mask), sum(ranges.expectedCumulative, mask));
}

export function achievementFormula(ranges: DetailRanges, mask: string | null): string {
  const weights = mask === null ? ranges.criteriaWithAchievement : `${mask}*${ranges.criteriaWithAchievement}`;
  return countRatioFormula(`SUMPRODUCT(${weights},${ranges.achievement})`, sum(ranges.criteriaWithAchievement, mask));
}

/** Fiches whose Statut is `status`, compared as the domain reads a list value. */
export function statusCountFormula(
  ranges: DetailRanges,
  mask: string | null,
  status: (typeof ficheStatuses)[number],
): string {
  const matches = `(${listKeyOf(ranges.status)}=${textLiteral(status.toLocaleLowerCase('fr'))})`;
  return `SUMPRODUCT(${mask === null ? '' : `${mask}*`}${matches}*1)`;
}

/** Mean Avancement over the fiches that have one (the detail shows it only when it is a whole number 0–100). */
export function meanProgressFormula(ranges: DetailRanges, mask: string | null): string {
  if (mask === null) return countRatioFormula(`SUM(${ranges.progress})`, `COUNT(${ranges.progress})`);
  return countRatioFormula(
    `SUMPRODUCT(${mask}*1,${ranges.progress})`,
    `SUMPRODUCT(${mask}*ISNUMBER(${ranges.progress}))`,
  );
}

export function withDifficultiesFormula(ranges: DetailRanges, mask: string | null, yes: string): string {
  return `SUMPRODUCT(${mask === null ? '' : `${mask}*`}(${ranges.difficulties}=${textLiteral(yes)})*1)`;
}

/**
 * The detail rows whose Porteur(s) list holds `carrierKey` as a whole entry: the list is trimmed, lowered and
 * wrapped in `;`, the spaces beside each `;` dropped, then `;key;` is searched (FIND: no wildcards).
 */
export function carrierMask(carriers: string, carrierKey: string): string {
  const normalised = `SUBSTITUTE(SUBSTITUTE(";"&${listKeyOf(carriers)}&";"," ;",";"),"; ",";")`;
  return `ISNUMBER(FIND(${textLiteral(`;${carrierKey};`)},${normalised}))`;
}
