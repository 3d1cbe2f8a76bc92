import { quarterLabel } from '../periods';
import { meanAchievement } from './achievement';
import { fichesWithDifficulties, meanProgress, statusCounts, type StatusCounts } from './fiche-stats';
import { fillRateCumulative, fillRatePeriod } from './fill-rate';
import type { RateAxis, RateFiche, RateWindow } from './inputs';

/**
 * The figures of the Annexe 4 summary and of `compute --json`, for a fiche, an axis, a porteur and the whole
 * plan. Every figure is computed from the pooled criteria of the set (cells for the taux de renseignement,
 * criteria for the réalisation), never from the figures of its fiches or axes.
 */

export interface CompletionFigures {
  fiches: number;
  criteria: number;
  /** Taux de renseignement (période), a fraction in [0, 1]; null when no criterion expects a value in Q. */
  fillPeriod: number | null;
  /** Taux de renseignement cumulé, a fraction in [0, 1]; null when no cell up to Q expects a value. */
  fillCumulative: number | null;
  /** Taux de réalisation, a fraction in [0, 1]; null when no criterion has one. */
  achievement: number | null;
  statusCounts: StatusCounts;
  /** Mean Avancement (%), 0–100; null when no fiche has one. */
  meanProgress: number | null;
  fichesWithDifficulties: number;
}

export interface AxisFigures extends CompletionFigures {
  number: number;
  title: string;
}

export interface CarrierFigures extends CompletionFigures {
  /** The porteur as first written in the plan's order. */
  name: string;
}

export interface CompletionSummary {
  /** Q, `AAAA-Tn`. */
  quarter: string;
  overall: CompletionFigures;
  axes: AxisFigures[];
  carriers: CarrierFigures[];
}

export function completionFigures(fiches: readonly RateFiche[], window: RateWindow): CompletionFigures {
  const criteria = fiches.flatMap((fiche) => fiche.criteria);
  return {
    fiches: fiches.length,
    criteria: criteria.length,
    fillPeriod: fillRatePeriod(criteria, window),
    fillCumulative: fillRateCumulative(criteria, window),
    achievement: meanAchievement(criteria, window),
    statusCounts: statusCounts(fiches),
    meanProgress: meanProgress(fiches),
    fichesWithDifficulties: fichesWithDifficulties(fiches),
  };
}

/** Porteurs are the same when their trimmed names match with case ignored, as a spreadsheet compares text. */
export function carrierKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');
}

/** The distinct porteurs of the fiches, in order of first appearance, blank names left out. */
export function carriersOf(fiches: readonly RateFiche[]): string[] {
  const names = new Map<string, string>();
  for (const fiche of fiches) {
    for (const carrier of fiche.carriers) {
      const key = carrierKey(carrier);
      if (key !== '' && !names.has(key)) names.set(key, carrier.trim());
    }
  }
  return [...names.values()];
}

/** The fiches whose porteur list contains `carrier`. */
export function fichesOfCarrier(fiches: readonly RateFiche[], carrier: string): RateFiche[] {
  const key = carrierKey(carrier);
  return fiches.filter((fiche) => fiche.carriers.some((name) => carrierKey(name) === key));
}

export function completionSummary(axes: readonly RateAxis[], window: RateWindow): CompletionSummary {
  const fiches = axes.flatMap((axis) => axis.fiches);
  return {
    quarter: quarterLabel(window.current),
    overall: completionFigures(fiches, window),
    axes: axes.map((axis) => ({ number: axis.number, title: axis.title, ...completionFigures(axis.fiches, window) })),
    carriers: carriersOf(fiches).map((name) => ({ name, ...completionFigures(fichesOfCarrier(fiches, name), window) })),
  };
}
