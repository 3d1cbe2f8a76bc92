import type { Fiche, Plan } from '../../../src/domain/plan';

/**
 * A plan `factor` times larger: every axis holds `factor` copies of its fiches, each copy with new refs and keys
 * (`G1` → `G1001`, `G1-QN2` → `G1001-QN2` for the first copy), so that the workbook grows in rows, not in sheets.
 */
export function scaledPlan(plan: Plan, factor: number): Plan {
  const copy = (fiche: Fiche, index: number): Fiche => {
    if (index === 0) return fiche;
    const renumber = (text: string) =>
      text.replace(
        /^([A-Za-z]+)(\d+)/,
        (_, letters: string, digits: string) => `${letters}${Number(digits) + index * 1000}`,
      );
    return {
      ...fiche,
      ref: renumber(fiche.ref),
      key: renumber(fiche.key),
      title: `${fiche.title} (${index + 1})`,
      criteria: fiche.criteria.map((criterion) => ({ ...criterion, key: renumber(criterion.key) })),
    };
  };
  return {
    ...plan,
    axes: plan.axes.map((axis) => ({
      ...axis,
      fiches: Array.from({ length: factor }, (_, index) => axis.fiches.map((fiche) => copy(fiche, index))).flat(),
    })),
  };
}
