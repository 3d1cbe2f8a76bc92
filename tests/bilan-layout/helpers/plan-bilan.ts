import embedded from '../../../src/app/embedded-plan.json';
import type { Bilan, BilanCriterion, BilanFiche } from '../../../src/domain/bilan/bilan';
import { sumCounts, type ConsolidationCounts } from '../../../src/domain/consolidation/counts';
import { sampleBilan } from './sample-bilan';

/**
 * The annual bilan of 2027 of the embedded plan (13 axes, 48 fiches of two to ten criteria, their own titles), some
 * values filled: the size and variety of a real bilan, for the page layout. Every third criterion has its four
 * quarters filled, every third other one its last quarter; a fiche in four has a Mise en œuvre, one in five
 * Difficultés, a criterion in four a comment. Counts are rough (the layout shows them, it does not compute them).
 */

interface PlanCriterion {
  key: string;
  kind: 'quantitative' | 'qualitative';
  text: string;
}
interface PlanFiche {
  key: string;
  title: string;
  interest: string;
  carriers: string[];
  criteria: PlanCriterion[];
}
interface PlanAxis {
  number: number;
  title: string;
  fiches: PlanFiche[];
}

const QUARTERS = ['2027-T1', '2027-T2', '2027-T3', '2027-T4'];

function criterionOf(criterion: PlanCriterion, index: number): BilanCriterion {
  const quantitative = criterion.kind === 'quantitative';
  const quarters = index % 3 === 0 ? QUARTERS : index % 3 === 1 ? QUARTERS.slice(3) : [];
  const values = quarters.map((quarter, q) => ({
    quarter,
    value: quantitative ? 5 + index + q * 3 : q % 2 === 0 ? 'Satisfaisant' : 'Peu satisfaisant',
  }));
  return {
    key: criterion.key,
    kind: criterion.kind,
    title: criterion.text,
    unit: quantitative ? 'nombre' : '',
    baseline: quantitative ? 4 : null,
    target: quantitative ? 20 + index : null,
    values,
    latest: values.length === 0 ? null : values[values.length - 1].value,
    latestQuarter: values.length === 0 ? null : values[values.length - 1].quarter,
    achievement: quantitative && values.length > 0 ? Math.min(1, (index + 1) / 6) : null,
    fillPeriod: values.length / 4,
    comment: index % 4 === 1 ? 'Chiffres transmis par les partenaires, à consolider au prochain comité technique.' : '',
  };
}

function countsOf(criteria: readonly BilanCriterion[], difficulties: string): ConsolidationCounts {
  const filled = criteria.reduce((sum, criterion) => sum + criterion.values.length, 0);
  return {
    fiches: 1,
    criteria: criteria.length,
    statuses: { notStarted: 0, inProgress: 1, done: 0, postponed: 0, abandoned: 0 },
    fichesWithDifficulties: difficulties === '' ? 0 : 1,
    period: { expected: criteria.length * 4, filled },
    cumulative: { expected: criteria.length * 8, filled },
    criteriaWithTarget: criteria.filter((criterion) => criterion.target !== null).length,
    achieved: 0,
    achievementSum: 0,
  };
}

function ficheOf(fiche: PlanFiche, axis: number, index: number): BilanFiche {
  const criteria = fiche.criteria.map(criterionOf);
  const difficulties =
    index % 5 === 2 ? 'Le calendrier a glissé faute de disponibilité des partenaires au premier semestre.' : '';
  return {
    key: fiche.key,
    axis,
    title: fiche.title,
    interest: fiche.interest,
    topFive: false,
    abandonedIn: null,
    carriers: fiche.carriers.join(', '),
    status: 'En cours',
    progress: 10 + (index % 9) * 10,
    implementation:
      index % 4 === 0
        ? 'Rencontres trimestrielles avec les partenaires, premier bilan partagé en comité de pilotage.'
        : '',
    difficulties,
    counts: countsOf(criteria, difficulties),
    criteria,
  };
}

export function embeddedPlanBilan(): Bilan {
  const axes = (embedded as unknown as { plan: { axes: PlanAxis[] } }).plan.axes;
  let index = 0;
  const fiches = axes.flatMap((axis) => axis.fiches.map((fiche) => ficheOf(fiche, axis.number, index++)));
  const bilanAxes = axes.map((axis) => ({
    number: axis.number,
    title: axis.title,
    counts: sumCounts(fiches.filter((fiche) => fiche.axis === axis.number).map((fiche) => fiche.counts)),
  }));
  return {
    ...sampleBilan(),
    period: {
      kind: 'annual',
      year: 2027,
      first: '2027-T1',
      last: '2027-T4',
      measuredTo: '2027-T4',
      state: 'over',
      statesFrom: 'history',
    },
    currentQuarter: '2028-T1',
    axes: bilanAxes,
    plan: sumCounts(bilanAxes.map((axis) => axis.counts)),
    fiches,
  };
}
