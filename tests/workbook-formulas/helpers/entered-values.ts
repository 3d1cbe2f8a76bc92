import { quarterLabel, type Quarter } from '../../../src/domain/periods';
import type { Plan } from '../../../src/domain/plan';
import type { RawValue } from '../../../src/domain/tracking';
import type { EnteredCell, EnteredValues } from '../../../src/layout/entered-values';

/**
 * Values a person might type in the axis sheets, chosen by a seeded generator: numbers (0, negatives, decimals),
 * numbers stored as text, scale values in odd case and spacing, words outside the lists, blanks, values after Q
 * and in quarters that expect none; Fréquence, Référence, Cible, Statut, Avancement and Difficultés likewise; and
 * « Abandonnée en »: a quarter of the convention (in odd case and spacing too), or a text or number naming none.
 */

/** mulberry32: a small deterministic generator, so that a failing case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const frequencies: RawValue[] = [
  'Trimestrielle',
  'Semestrielle',
  'Annuelle',
  'annuelle',
  ' SEMESTRIELLE ',
  'Mensuelle',
  null,
  'Trimestrielle',
  'Semestrielle',
];
const baselines: RawValue[] = [null, null, 0, 5, -3, '4', 10, 2.5];
const targets: RawValue[] = [null, 10, 20, 5, 100, 'cent', 0, -10, 12.5];
const quantitativeValues: RawValue[] = [0, -2, 3.5, 12, 7, 25, '7', 'n/a', '  ', 100, 4, 1e6, -0.25];
const qualitativeValues: RawValue[] = [
  'Satisfaisant',
  'TRÈS SATISFAISANT',
  '  peu satisfaisant ',
  'Pas  satisfaisant',
  'très satisfaisant',
  'Bien',
  3,
  '',
  'Satisfaisant',
];
const statuses: RawValue[] = [
  null,
  'En cours',
  'en cours ',
  'RÉALISÉE',
  'Reportée',
  'Abandonnée',
  'Non démarrée',
  'Terminée',
];
const progresses: RawValue[] = [null, 0, 50, 100, 101, 33.5, '40', -1, 75];
const difficulties: RawValue[] = [null, '', '   ', 'Retard de recrutement', 'Locaux indisponibles', 0];

export interface EnteredOptions {
  seed: number;
  /** Share of quarter cells given a value (the rest stay empty). */
  density?: number;
}

/** « Abandonnée en » of one fiche in about one of four: a quarter's label as written, or odd, or not a quarter. */
function abandonmentValue(random: () => number, quarters: readonly Quarter[]): RawValue {
  if (random() < 0.75) return null;
  const label = quarterLabel(pick(random, quarters));
  return pick(random, [label, label, ` ${label.toLowerCase()} `, 'Abandonnée', 2027, `${label}x`]);
}

export function randomEnteredValues(plan: Plan, quarters: readonly Quarter[], options: EnteredOptions): EnteredValues {
  const random = seededRandom(options.seed);
  // A generator of its own, so that the other values stay those the seed gave before the column existed.
  const abandonmentRandom = seededRandom(options.seed + 0x5eed);
  const density = options.density ?? 0.6;
  const entered = new Map<string, Map<string, EnteredCell>>();
  const cellOf = (value: RawValue): EnteredCell => ({ value, isDate: false });
  for (const fiche of plan.axes.flatMap((axis) => axis.fiches)) {
    // Some rows are left as generated (not in the map): they keep the inferred Fréquence and no values.
    if (random() < 0.85) {
      entered.set(
        fiche.key,
        new Map([
          ['status', cellOf(pick(random, statuses))],
          ['progress', cellOf(pick(random, progresses))],
          ['difficulties', cellOf(pick(random, difficulties))],
          ['abandonedIn', cellOf(abandonmentValue(abandonmentRandom, quarters))],
        ]),
      );
    }
    for (const criterion of fiche.criteria) {
      if (random() < 0.1) continue;
      const row = new Map<string, EnteredCell>([
        ['frequency', cellOf(pick(random, frequencies))],
        ['baseline', cellOf(pick(random, baselines))],
        ['target', cellOf(pick(random, targets))],
      ]);
      const values = criterion.kind === 'quantitative' ? quantitativeValues : qualitativeValues;
      for (const quarter of quarters) {
        if (random() < density) row.set(quarterLabel(quarter), cellOf(pick(random, values)));
      }
      entered.set(criterion.key, row);
    }
  }
  return entered;
}
