import type { FicheStatus } from '../vocabulary';
import type { RateFiche } from './inputs';

/** Fiches per status, mean Avancement, fiches with Difficultés written (issue "Completion"). */

export interface StatusCounts {
  notStarted: number;
  inProgress: number;
  done: number;
  postponed: number;
  abandoned: number;
}

/** The French status of the workbook → its field in `StatusCounts` (and in `compute --json`). */
export const statusCountField: Record<FicheStatus, keyof StatusCounts> = {
  'Non démarrée': 'notStarted',
  'En cours': 'inProgress',
  Réalisée: 'done',
  Reportée: 'postponed',
  Abandonnée: 'abandoned',
};

/** A fiche without a status is in no count. */
export function statusCounts(fiches: readonly RateFiche[]): StatusCounts {
  const counts: StatusCounts = { notStarted: 0, inProgress: 0, done: 0, postponed: 0, abandoned: 0 };
  for (const fiche of fiches) if (fiche.status !== null) counts[statusCountField[fiche.status]] += 1;
  return counts;
}

/** Mean Avancement (%) over the fiches that have one, in the sheet's unit (0–100); null when none has. */
export function meanProgress(fiches: readonly RateFiche[]): number | null {
  const values = fiches.map((fiche) => fiche.progress).filter((progress): progress is number => progress !== null);
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Fiches whose Difficultés is not blank (spaces alone are blank). */
export function fichesWithDifficulties(fiches: readonly RateFiche[]): number {
  return fiches.filter((fiche) => fiche.difficulties.trim() !== '').length;
}
