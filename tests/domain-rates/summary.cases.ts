import { parseQuarterLabel } from '../../src/domain/periods';
import {
  carriersOf,
  completionSummary,
  criterionRowRates,
  ficheRowRates,
  fichesWithDifficulties,
  meanProgress,
  rateWindow,
  statusCounts,
  type RateAxis,
} from '../../src/domain/rates';
import { fiche, period2026to2027T2, qualitative, quantitative } from './rates-cases';

const window = rateWindow(period2026to2027T2, parseQuarterLabel('2026-T2')!);

// Axis 1: two fiches; axis 3: one (numbers as in the plan, gaps allowed).
const g1 = fiche(
  [
    quantitative('Trimestrielle', { '2026-T1': 2, '2026-T2': 4 }, 0, 8), // fill 2/2, achievement 0.5
    qualitative('Trimestrielle', { '2026-T1': 'peu satisfaisant' }), // fill 1/2
  ],
  { status: 'En cours', progress: 40, difficulties: 'Manque de bénévoles', carriers: ['CCMP'] },
);
const g2 = fiche(
  [
    quantitative('Semestrielle', { '2026-T1': 3 }, 1, 5), // T1 not expected: fill 0/1, no achievement
    quantitative('Trimestrielle', {}, 0, 10), // fill 0/2
  ],
  { status: 'Non démarrée', progress: null, difficulties: '   ', carriers: ['ccmp ', 'Mairie (s)'] },
);
const s1 = fiche([quantitative('Trimestrielle', { '2026-T1': 20, '2026-T2': 30 }, 10, 30)], {
  // fill 2/2, achievement 1
  status: 'Réalisée',
  progress: 100,
  difficulties: 'Salle indisponible',
  carriers: ['Mairie (s)'],
});
const abandoned = fiche([], { status: 'Abandonnée', progress: 0, carriers: ['Acteur (s) du territoire'] });

const axes: RateAxis[] = [
  { number: 1, title: 'Accès aux droits', fiches: [g1, g2] },
  { number: 3, title: 'Petite enfance', fiches: [s1, abandoned] },
];

describe('fiche figures', () => {
  it('counts fiches per status, mean progress over fiches that have one, non-blank difficulties', () => {
    const fiches = [g1, g2, s1, abandoned];
    expect(statusCounts(fiches)).toEqual({ notStarted: 1, inProgress: 1, done: 1, postponed: 0, abandoned: 1 });
    expect(meanProgress(fiches)).toBeCloseTo((40 + 100 + 0) / 3, 12);
    expect(fichesWithDifficulties(fiches)).toBe(2);
    expect(meanProgress([g2])).toBeNull();
  });

  it('leaves a fiche without status out of every count', () => {
    expect(statusCounts([fiche([])])).toEqual({ notStarted: 0, inProgress: 0, done: 0, postponed: 0, abandoned: 0 });
  });
});

describe('row rates', () => {
  it('gives each criterion row and fiche row its cumulative fill and achievement', () => {
    expect(criterionRowRates(g1.criteria[0], window)).toEqual({ fillCumulative: 1, achievement: 0.5 });
    expect(criterionRowRates(g1.criteria[1], window)).toEqual({ fillCumulative: 0.5, achievement: null });
    expect(ficheRowRates(g1, window)).toEqual({ fillCumulative: 0.75, achievement: 0.5 });
    expect(ficheRowRates(g2, window)).toEqual({ fillCumulative: 0, achievement: null });
    expect(ficheRowRates(abandoned, window)).toEqual({ fillCumulative: null, achievement: null });
  });
});

describe('completion summary', () => {
  const summary = completionSummary(axes, window);

  it('gives the quarter and the plan-wide figures pooled over all criteria', () => {
    expect(summary.quarter).toBe('2026-T2');
    // Q = 2026-T2: g1 1/2 (the qualitative one is empty in T2), g2 0/2, s1 1/1 → 2/5.
    expect(summary.overall.fillPeriod).toBeCloseTo(2 / 5, 12);
    // Up to Q: g1 3/4, g2 0/3, s1 2/2 → 5/9.
    expect(summary.overall.fillCumulative).toBeCloseTo(5 / 9, 12);
    expect(summary.overall.achievement).toBeCloseTo((0.5 + 1) / 2, 12);
    expect(summary.overall.fiches).toBe(4);
    expect(summary.overall.criteria).toBe(5);
  });

  it('gives each axis its own figures', () => {
    const [axis1, axis3] = summary.axes;
    expect([axis1.number, axis1.title, axis1.fiches, axis1.criteria]).toEqual([1, 'Accès aux droits', 2, 4]);
    expect(axis1.fillPeriod).toBeCloseTo(1 / 4, 12);
    expect(axis1.fillCumulative).toBeCloseTo(3 / 7, 12);
    expect(axis1.achievement).toBeCloseTo(0.5, 12);
    expect(axis1.statusCounts).toEqual({ notStarted: 1, inProgress: 1, done: 0, postponed: 0, abandoned: 0 });
    expect(axis1.fichesWithDifficulties).toBe(1);
    expect(axis1.meanProgress).toBe(40);
    expect(axis3.number).toBe(3);
    expect(axis3.fillCumulative).toBe(1);
    expect(axis3.meanProgress).toBe(50);
  });

  it('gives each porteur the pooled criteria of the fiches it carries, names matched as a spreadsheet does', () => {
    expect(carriersOf(axes.flatMap((axis) => axis.fiches))).toEqual(['CCMP', 'Mairie (s)', 'Acteur (s) du territoire']);
    const [ccmp, mairie, acteur] = summary.carriers;
    expect(ccmp.name).toBe('CCMP');
    expect(ccmp.fiches).toBe(2);
    expect(ccmp.fillCumulative).toBeCloseTo(3 / 7, 12);
    expect(mairie.fiches).toBe(2);
    // g2 0/3 and s1 2/2 → 2/5, while the mean of the two fiches would be 0.5.
    expect(mairie.fillCumulative).toBeCloseTo(2 / 5, 12);
    expect(mairie.achievement).toBe(1);
    expect(acteur.fillCumulative).toBeNull();
    expect(acteur.statusCounts.abandoned).toBe(1);
  });
});
