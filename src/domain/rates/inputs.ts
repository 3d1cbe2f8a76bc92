import type { CriterionKind, Period } from '../plan';
import { hasBegun, quarterIndex, quartersOfPeriod, type Quarter } from '../periods';
import type { RawValue } from '../tracking';
import type { FicheStatus, Frequency } from '../vocabulary';

/**
 * What the rates read of the tracking rows. The shapes are the subsets of `CriterionRow` and `FicheRow`
 * (src/domain/tracking.ts) that the computations need, so that a row read from a workbook passes as it is
 * (see from-tracking.ts) and tests can build small cases by hand.
 */

export interface RateCriterion {
  kind: CriterionKind;
  /** null when the cell holds no list value: it then counts as Trimestrielle (see `expectsValue`). */
  frequency: Frequency | null;
  /** Référence; empty counts as 0 for the achievement. */
  baseline: number | null;
  /** Cible; without it there is no achievement. */
  target: number | null;
  /** Quarter cells by quarter label `AAAA-Tn`; a label absent from the record is an empty cell. */
  values: Readonly<Record<string, RawValue | undefined>>;
  /** The quarter its fiche was abandoned in (`isAbandonedBy`); absent or null when it was not. */
  abandonedIn?: Quarter | null;
}

export interface RateFiche {
  status: FicheStatus | null;
  /** Avancement (%), 0–100, null when the fiche has none. */
  progress: number | null;
  /** Difficultés as written; blank (empty or spaces only) means none. */
  difficulties: string;
  /** Porteur(s) de l'action, one name per entry. */
  carriers: readonly string[];
  criteria: readonly RateCriterion[];
}

export interface RateAxis {
  number: number;
  title: string;
  fiches: readonly RateFiche[];
}

/**
 * The quarters a computation looks at: the convention's quarters, the quarter Q measured to, and the quarters the
 * period rate counts — Q alone for the workbook's own figures, a bilan's quarters up to Q (docs/DOMAIN.md, « Rates »).
 */
export interface RateWindow {
  current: Quarter;
  /** The convention's last quarter: it expects a value of every criterion. */
  last: Quarter;
  /** The convention's quarters from the first to Q included, in order; values after Q are not read. */
  quartersToDate: readonly Quarter[];
  /** The quarters of the period rate: those of `quartersToDate` from the period's first quarter on. */
  periodQuarters: readonly Quarter[];
}

/**
 * The window of Q; `first`, the period's first quarter, is Q itself unless given (a bilan's period runs from its
 * first quarter to Q). Quarters outside the convention are never counted.
 */
export function rateWindow(period: Period, current: Quarter, first: Quarter = current): RateWindow {
  const quarters = quartersOfPeriod(period);
  const currentIndex = quarterIndex(current);
  const quartersToDate = quarters.filter((quarter) => quarterIndex(quarter) <= currentIndex);
  return {
    current,
    last: quarters[quarters.length - 1],
    quartersToDate,
    periodQuarters: quartersToDate.filter((quarter) => quarterIndex(quarter) >= quarterIndex(first)),
  };
}

/**
 * The window without the quarters that have not begun by `today`: nothing is expected of them, so they count in no
 * renseignement and no réalisation reads them (a consolidation's measure: docs/WORKBOOK.md, « Consolidation »). The
 * workbook's own formulas never read the day, and count Q's cells from generation on.
 */
export function begunWindow(window: RateWindow, today: Date): RateWindow {
  const begun = (quarter: Quarter) => hasBegun(quarter, today);
  return {
    ...window,
    quartersToDate: window.quartersToDate.filter(begun),
    periodQuarters: window.periodQuarters.filter(begun),
  };
}
