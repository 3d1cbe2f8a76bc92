import type { Bilan, BilanCriterion, BilanFiche } from '../../domain/bilan/bilan';
import { ratesOf, type ConsolidationCounts } from '../../domain/consolidation/counts';

/**
 * The bilan as `bilan --json` gives it (docs/WORKBOOK.md, « Bilans »): rates as fractions, null when undefined,
 * each set's beside the counts it is computed from, as `consolidate --json` gives them.
 */

const figures = (counts: ConsolidationCounts) => ({ ...ratesOf(counts), counts });

function criterionJson(criterion: BilanCriterion) {
  return {
    key: criterion.key,
    kind: criterion.kind,
    title: criterion.title,
    unit: criterion.unit,
    baseline: criterion.baseline,
    target: criterion.target,
    values: criterion.values,
    latest: criterion.latest,
    latestQuarter: criterion.latestQuarter,
    fillPeriod: criterion.fillPeriod,
    achievement: criterion.achievement,
    comment: criterion.comment,
  };
}

function ficheJson(fiche: BilanFiche) {
  return {
    key: fiche.key,
    axis: fiche.axis,
    title: fiche.title,
    interest: fiche.interest,
    topFive: fiche.topFive,
    carriers: fiche.carriers,
    status: fiche.status,
    abandonedIn: fiche.abandonedIn,
    progress: fiche.progress,
    implementation: fiche.implementation,
    difficulties: fiche.difficulties,
    ...figures(fiche.counts),
    criteria: fiche.criteria.map(criterionJson),
  };
}

export function bilanJson(bilan: Bilan) {
  return {
    period: bilan.period,
    cdsf: bilan.cdsf,
    territory: bilan.territory,
    epci: bilan.epci,
    caf: bilan.caf,
    currentQuarter: bilan.currentQuarter,
    plan: figures(bilan.plan),
    axes: bilan.axes.map((axis) => ({ number: axis.number, title: axis.title, ...figures(axis.counts) })),
    fiches: bilan.fiches.map(ficheJson),
    ao: bilan.ao,
  };
}

export type BilanJson = ReturnType<typeof bilanJson>;
