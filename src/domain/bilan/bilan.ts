import type { AoRequirementsRow } from '../consolidation/territory';
import type { ConsolidationCounts } from '../consolidation/counts';
import type { FicheStatus } from '../vocabulary';

/**
 * A bilan of the convention for the COPIL or the CDSF (docs/WORKBOOK.md, « Bilans »): the figures of a period of
 * quarters, by axis and for the plan, each fiche's state at the period's end, and the AO table. Built by
 * src/app/bilan from a tracking workbook and its Historique; laid out by src/layout/bilan.
 */

/** Annual checkpoint, mid-term bilan, final bilan (Article 9). */
export type BilanKind = 'annual' | 'midterm' | 'final';

export interface BilanPeriod {
  kind: BilanKind;
  /** The year of an annual bilan; null otherwise. */
  year: number | null;
  /** First and last quarters of the period, `AAAA-Tn`. */
  first: string;
  last: string;
  /** The quarter the figures are measured to: min(last, the workbook's current quarter). */
  measuredTo: string;
  /**
   * over: the period's last quarter is before the current one (or is the convention's last, which no closing passes,
   * and the current one) and has ended by the bilan's day; current: it holds the current quarter, or its last quarter
   * has not ended yet (closed before its end); future: it starts after it.
   */
  state: 'over' | 'current' | 'future';
  /**
   * Where the fiches' states come from: Historique's rows of the last quarter (a period over whose last quarter was
   * closed), none (`empty-closing`: that quarter was closed with no state entered, every state is blank), or the axis
   * sheets (a period not over, or one whose last quarter was never closed: the convention's last quarter, never
   * closed unless the convention ran longer then, among them).
   */
  statesFrom: 'history' | 'empty-closing' | 'sheets';
  /**
   * True when the states are the sheets' though the Journal records the closing of the last quarter (Historique
   * lost its rows of it): the bilan says so, not that the quarter was never closed. Absent otherwise.
   */
  closingJournalled?: true;
}

/** One criterion of a fiche, as the bilan shows it. */
export interface BilanCriterion {
  key: string;
  kind: 'quantitative' | 'qualitative';
  title: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  /** The filled expected values of the period's quarters up to `measuredTo`, in order. */
  values: { quarter: string; value: string | number }[];
  /** The latest of those values (any quarter up to `measuredTo`), null when none. */
  latest: string | number | null;
  /** The quarter of `latest` (`AAAA-Tn`), null when none. */
  latestQuarter: string | null;
  /** Réalisation at the period's end (fraction), null when undefined. */
  achievement: number | null;
  /** Renseignement of the period for this criterion (fraction), null when nothing is expected. */
  fillPeriod: number | null;
  /** Commentaire at the period's end. */
  comment: string;
}

/** One fiche, its state at the period's end. */
export interface BilanFiche {
  key: string;
  axis: number;
  title: string;
  /** Intérêt as written (« Top 5 » puts the fiche first). */
  interest: string;
  topFive: boolean;
  carriers: string;
  status: FicheStatus | null;
  /** The quarter a fiche « Abandonnée » at the period's end was abandoned in (`Abandonnée en`), else null. */
  abandonedIn: string | null;
  progress: number | null;
  implementation: string;
  difficulties: string;
  /** The fiche's counts over the period (its criteria pooled). */
  counts: ConsolidationCounts;
  criteria: BilanCriterion[];
}

export interface BilanAxis {
  number: number;
  title: string;
  counts: ConsolidationCounts;
}

export interface Bilan {
  period: BilanPeriod;
  /** Only the petite-enfance part (`--cdsf`). */
  cdsf: boolean;
  territory: string;
  epci: string;
  caf: string;
  /** The workbook's current quarter, `AAAA-Tn`. */
  currentQuarter: string;
  axes: BilanAxis[];
  plan: ConsolidationCounts;
  /** Top 5 fiches first, then the others; each group axis by axis in plan order. */
  fiches: BilanFiche[];
  ao: AoRequirementsRow[];
}
