import type { Bilan, BilanCriterion, BilanFiche, BilanPeriod } from '../../../src/domain/bilan/bilan';
import { sumCounts, type ConsolidationCounts } from '../../../src/domain/consolidation/counts';
import type { AoRequirementsRow } from '../../../src/domain/consolidation/territory';
import type { FicheStatus } from '../../../src/domain/vocabulary';

/**
 * A bilan made by hand for the layout's tests: three axes, two « Top 5 » fiches (in axes 3 and 1, so that the order
 * shows), fiches with long Mise en œuvre and Difficultés, a criterion filled in all twenty quarters of a final bilan,
 * a fiche with too many criteria to fit on one page, a qualitative criterion, AO rows. Counts are chosen by hand
 * (the layout shows them; it does not compute them); each fiche's are its own, the axes' their fiches' sums.
 */

export const WRITTEN_AT = '2030-12-15T09:30:00.000Z';

export function quartersBetween(first: string, last: string): string[] {
  const [fy, fq] = first.split('-T').map(Number);
  const [ly, lq] = last.split('-T').map(Number);
  const quarters: string[] = [];
  for (let index = fy * 4 + fq - 1; index <= ly * 4 + lq - 1; index += 1)
    quarters.push(`${Math.floor(index / 4)}-T${(index % 4) + 1}`);
  return quarters;
}

function ficheCounts(
  seed: number,
  criteria: number,
  status: FicheStatus | null,
  difficulties: string,
): ConsolidationCounts {
  const expected = criteria * 4;
  return {
    fiches: 1,
    criteria,
    statuses: {
      notStarted: status === 'Non démarrée' ? 1 : 0,
      inProgress: status === 'En cours' ? 1 : 0,
      done: status === 'Réalisée' ? 1 : 0,
      postponed: status === 'Reportée' ? 1 : 0,
      abandoned: status === 'Abandonnée' ? 1 : 0,
    },
    fichesWithDifficulties: difficulties.trim() === '' ? 0 : 1,
    period: { expected, filled: Math.max(0, expected - (seed % 5)) },
    cumulative: { expected: expected * 3, filled: Math.max(0, expected * 3 - (seed % 7)) },
    criteriaWithTarget: criteria,
    achieved: Math.min(criteria, 1 + (seed % 3)),
    achievementSum: Math.min(criteria, 1 + (seed % 3)) * (0.35 + (seed % 4) * 0.15),
  };
}

function criterion(ficheKey: string, index: number, quarters: readonly string[], long = false): BilanCriterion {
  const values = quarters.map((quarter, q) => ({ quarter, value: 10 + index + q * 2 }));
  return {
    key: `${ficheKey}.${index + 1}`,
    kind: 'quantitative',
    title: long
      ? `Nombre de familles accompagnées par le relais petite enfance et le lieu d’accueil enfants-parents du territoire (critère ${index + 1})`
      : `Nombre de participants ${index + 1}`,
    unit: 'familles',
    baseline: 10,
    target: 40 + index,
    values,
    latest: values.length === 0 ? null : values[values.length - 1].value,
    latestQuarter: values.length === 0 ? null : values[values.length - 1].quarter,
    achievement: 0.25 + (index % 4) * 0.2,
    fillPeriod: index % 3 === 0 ? 1 : 0.75,
    comment: long ? 'Les chiffres du deuxième semestre sont provisoires en attendant le bilan de la Caf.' : '',
  };
}

interface FicheSketch {
  key: string;
  axis: number;
  top?: boolean;
  status: FicheStatus | null;
  criteria: number;
  long?: boolean;
  qualitative?: boolean;
}

const LONG_IMPLEMENTATION =
  'Réunions trimestrielles du comité technique avec les partenaires (Caf, Département, communes), ateliers avec les familles dans les centres sociaux, diagnostic partagé des besoins de garde en horaires atypiques et rédaction d’un cahier des charges pour un appel à projets commun aux quatre communes du territoire.';
const LONG_DIFFICULTIES =
  'Le recrutement de l’animatrice du relais a pris six mois\u00a0; deux communes n’ont pas encore délibéré sur leur participation financière, si bien que le calendrier des ateliers a été décalé au second semestre.';

const sketches: readonly FicheSketch[] = [
  { key: '1.1', axis: 1, status: 'En cours', criteria: 3, long: true },
  { key: '1.2', axis: 1, top: true, status: 'Réalisée', criteria: 2 },
  { key: '1.3', axis: 1, status: 'Non démarrée', criteria: 1 },
  { key: '1.4', axis: 1, status: null, criteria: 2, qualitative: true },
  { key: '2.1', axis: 2, status: 'Reportée', criteria: 4, long: true },
  { key: '2.2', axis: 2, status: 'En cours', criteria: 34 },
  { key: '2.3', axis: 2, status: 'Abandonnée', criteria: 1 },
  { key: '2.4', axis: 2, status: 'En cours', criteria: 5, long: true },
  { key: '3.1', axis: 3, top: true, status: 'En cours', criteria: 3, long: true },
  { key: '3.2', axis: 3, status: 'En cours', criteria: 6, long: true },
  { key: '3.3', axis: 3, status: 'Réalisée', criteria: 4, long: true },
  { key: '3.4', axis: 3, status: 'En cours', criteria: 0 },
  { key: '3.5', axis: 3, status: 'Réalisée', criteria: 5, long: true },
];

const axisTitles = [
  'Accès aux droits et inclusion numérique',
  'Petite enfance, enfance et jeunesse\u00a0: une offre d’accueil de qualité pour toutes les familles du territoire',
  'Soutien à la parentalité',
];

function fiche(sketch: FicheSketch, quarters: readonly string[], seed: number): BilanFiche {
  const difficulties = sketch.long ? LONG_DIFFICULTIES : '';
  const criteria = Array.from({ length: sketch.criteria }, (_, index) =>
    criterion(sketch.key, index, quarters, sketch.long === true && index === 0),
  );
  // Its value in the period's last quarter measured; none in a period to come, which has no quarter measured.
  const last = quarters[quarters.length - 1];
  if (sketch.qualitative)
    criteria[1] = {
      ...criteria[1],
      kind: 'qualitative',
      unit: '',
      baseline: null,
      target: null,
      values: last === undefined ? [] : [{ quarter: last, value: 'Charte signée' }],
      latest: last === undefined ? null : 'Charte signée',
      latestQuarter: last ?? null,
      achievement: null,
    };
  return {
    key: sketch.key,
    axis: sketch.axis,
    title: sketch.long
      ? `Développer l’accueil des enfants en situation de handicap dans les établissements d’accueil du jeune enfant (fiche ${sketch.key})`
      : `Fiche ${sketch.key}`,
    interest: sketch.top ? 'Top 5' : '',
    topFive: sketch.top === true,
    abandonedIn: sketch.status === 'Abandonnée' ? quarters[0] : null,
    carriers: sketch.long ? 'Communauté de communes, Caf, centre social intercommunal, Département' : 'CCAS',
    status: sketch.status,
    progress: sketch.status === null ? null : 20 + seed * 5,
    implementation: sketch.long ? LONG_IMPLEMENTATION : sketch.status === null ? '' : 'Ateliers mensuels.',
    difficulties,
    counts: ficheCounts(seed, sketch.criteria, sketch.status, difficulties),
    criteria,
  };
}

const aoRows: AoRequirementsRow[] = [
  {
    name: 'Communauté de communes des Monts du Pilat',
    isEpci: true,
    population: 16_000,
    required: { identify: true, inform: true, plan: true, quality: true, schema: true, rpe: true },
    met: { schema: false, rpe: true },
  },
  {
    name: 'Bourg-Argental',
    isEpci: false,
    population: 3_000,
    required: { identify: true, inform: true, plan: false, quality: false, schema: false, rpe: false },
    met: { schema: null, rpe: null },
  },
  {
    name: 'Saint-Genest-Malifaux',
    isEpci: false,
    population: null,
    required: { identify: true, inform: true, plan: null, quality: null, schema: null, rpe: null },
    met: { schema: null, rpe: null },
  },
];

export interface SampleOptions {
  period?: Partial<BilanPeriod>;
  cdsf?: boolean;
  /** Keep only these fiche keys (the CDSF part). */
  keys?: readonly string[];
  currentQuarter?: string;
}

/** Top 5 first, then the others; each group axis by axis (the sketches are in plan order). */
export function sampleBilan(options: SampleOptions = {}): Bilan {
  const period: BilanPeriod = {
    kind: 'final',
    year: null,
    first: '2026-T1',
    last: '2030-T4',
    measuredTo: '2030-T4',
    state: 'over',
    statesFrom: 'history',
    ...options.period,
  };
  const quarters = quartersBetween(period.first, period.measuredTo);
  const kept = sketches.filter((sketch) => options.keys === undefined || options.keys.includes(sketch.key));
  const fiches = kept.map((sketch) => fiche(sketch, quarters, sketches.indexOf(sketch)));
  const ordered = [...fiches.filter((f) => f.topFive), ...fiches.filter((f) => !f.topFive)];
  const axes = [1, 2, 3].map((number) => ({
    number,
    title: axisTitles[number - 1],
    counts: sumCounts(fiches.filter((f) => f.axis === number).map((f) => f.counts)),
  }));
  return {
    period,
    cdsf: options.cdsf ?? false,
    territory: 'Communauté de communes des Monts du Pilat',
    epci: 'Communauté de communes des Monts du Pilat',
    caf: 'Caf de la Loire',
    currentQuarter: options.currentQuarter ?? '2031-T1',
    axes,
    plan: sumCounts(axes.map((axis) => axis.counts)),
    fiches: ordered,
    ao: aoRows,
  };
}

/** An annual bilan of 2027 whose year is not over (the current quarter is 2027-T2). */
export function currentAnnualBilan(): Bilan {
  return sampleBilan({
    period: {
      kind: 'annual',
      year: 2027,
      first: '2027-T1',
      last: '2027-T4',
      measuredTo: '2027-T2',
      state: 'current',
      statesFrom: 'sheets',
    },
    currentQuarter: '2027-T2',
  });
}
