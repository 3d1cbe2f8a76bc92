import type { Plan } from '../../app';

/** Fiche and criterion counts of a plan, per axis and in all, as the preview and the summary show them. */
export interface AxisCounts {
  number: number;
  title: string;
  fiches: number;
  criteria: number;
}

export function axisCounts(plan: Plan): AxisCounts[] {
  return plan.axes.map((axis) => ({
    number: axis.number,
    title: axis.title,
    fiches: axis.fiches.length,
    criteria: axis.fiches.reduce((sum, fiche) => sum + fiche.criteria.length, 0),
  }));
}

export function planTotals(plan: Plan): { axes: number; fiches: number; criteria: number } {
  const perAxis = axisCounts(plan);
  return {
    axes: perAxis.length,
    fiches: perAxis.reduce((sum, axis) => sum + axis.fiches, 0),
    criteria: perAxis.reduce((sum, axis) => sum + axis.criteria, 0),
  };
}
