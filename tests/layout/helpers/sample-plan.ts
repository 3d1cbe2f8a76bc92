import { planSchema, type Criterion, type Fiche, type Plan } from '../../../src/domain/plan';

/**
 * A small hand-made plan with what the workbook must cope with: an axis numbering gap (1, 13), a duplicated
 * ref keyed `-B`, a criterion text starting with "=", annual and rate wordings, a fiche without criteria.
 */

function criteria(ficheKey: string, quantitative: string[], qualitative: string[]): Criterion[] {
  return [
    ...quantitative.map((text, index) => ({
      key: `${ficheKey}-QN${index + 1}`,
      kind: 'quantitative' as const,
      text,
      line: 0,
    })),
    ...qualitative.map((text, index) => ({
      key: `${ficheKey}-QL${index + 1}`,
      kind: 'qualitative' as const,
      text,
      line: 0,
    })),
  ];
}

function fiche(ref: string, key: string, title: string, quantitative: string[], qualitative: string[]): Fiche {
  return {
    ref,
    key,
    title,
    interest: 'intérêt fort',
    methodology: 'Collective',
    publics: ['Familles', 'Petite enfance'],
    budget: 'Existant',
    carriers: ['CCMP', 'Mairie (s)'],
    territories: ['Marlhes', 'Saint-Genest-Malifaux'],
    fields: ['Soutien à la parentalité'],
    context: '',
    objectives: [],
    criteria: criteria(key, quantitative, qualitative),
    line: 0,
  };
}

export function samplePlan(): Plan {
  return planSchema.parse({
    formatVersion: 1,
    territory: 'Monts du Pilat',
    parties: {
      caf: 'Caf de la Loire',
      epci: 'Communauté de communes des Monts du Pilat',
      epciShortName: 'CCMP',
      communes: [],
    },
    period: { start: '2026-01-01', end: '2030-12-31' },
    axes: [
      {
        number: 1,
        title: 'Gouvernance et animation de la CTG',
        objectives: [],
        line: 0,
        fiches: [
          fiche(
            'G1',
            'G1',
            'Animer le comité de pilotage',
            ['Nombre de réunions par an', 'Taux de participation des élus'],
            ['Qualité des échanges'],
          ),
          fiche(
            'G2',
            'G2',
            '=SOMME(A1:A3) est un titre, pas une formule',
            ['=1+1', 'Montant des financements annuels'],
            [],
          ),
          fiche('G1', 'G1-B', 'Une fiche au ref répété', [], ['Satisfaction des familles']),
        ],
      },
      {
        number: 13,
        title: 'Accès aux droits',
        objectives: [],
        line: 0,
        fiches: [
          fiche('S13', 'S13', 'Maison France Services', ['Évolution du nombre de visiteurs (%)'], []),
          fiche('S14', 'S14', 'Sans critère', [], []),
        ],
      },
    ],
    aoTable: [],
    facilities: [],
  });
}

/**
 * The sample plan without G1's qualitative criterion (`G1-QL1`, row 7 of `Axe 1`): a regeneration from it removes
 * that row and retires its key.
 */
export function samplePlanWithoutG1QL1(): Plan {
  const plan: Plan = structuredClone(samplePlan());
  const fiche = plan.axes[0].fiches.find((candidate) => candidate.key === 'G1')!;
  fiche.criteria = fiche.criteria.filter((criterion) => criterion.key !== 'G1-QL1');
  return plan;
}

/** The sample plan without its fiche G2: a regeneration from it retires G2's keys and moves its rows to Archives. */
export function samplePlanWithoutG2(): Plan {
  const plan: Plan = structuredClone(samplePlan());
  plan.axes[0].fiches = plan.axes[0].fiches.filter((fiche) => fiche.key !== 'G2');
  return plan;
}

/**
 * `base` (the sample plan by default) with a fiche G3 of one criterion, made from G1, inserted before G2: a
 * regeneration moves G2's rows and those after them down.
 */
export function samplePlanWithFicheBeforeG2(base: Plan = samplePlan()): Plan {
  const plan: Plan = structuredClone(base);
  const fiches = plan.axes[0].fiches;
  const model = fiches.find((fiche) => fiche.key === 'G1')!;
  const inserted = {
    ...structuredClone(model),
    ref: 'G3',
    key: 'G3',
    title: 'Une fiche ajoutée avant G2',
    criteria: [{ key: 'G3-QN1', kind: 'quantitative' as const, text: 'Nombre de familles', line: 0 }],
  };
  fiches.splice(
    fiches.findIndex((fiche) => fiche.key === 'G2'),
    0,
    inserted,
  );
  return plan;
}
