import fc from 'fast-check';
import { planSchema, type Plan } from '../../../src/domain/plan';

/**
 * Arbitrary valid plans: axis numbers with gaps, fiches with and without criteria, texts with accents, XML
 * specials, leading "=" or "+", conventions of one quarter to several years.
 */

const characters = [...'abcdefghijklmnopqrstuvwxyzÉéèàçœô ABCDEFGHIJ0123456789=+-@%\'"<>&;:–()/'];

export const planText = fc
  .string({ unit: fc.constantFrom(...characters), minLength: 1, maxLength: 60 })
  .map((text) => text.trim())
  .filter((text) => text.length > 0);

const periodShape = fc
  .record({
    year: fc.integer({ min: 2020, max: 2032 }),
    month: fc.integer({ min: 1, max: 12 }),
    months: fc.integer({ min: 0, max: 72 }),
  })
  .map(({ year, month, months }) => {
    const endIndex = year * 12 + (month - 1) + months;
    const pad = (n: number) => String(n).padStart(2, '0');
    return { start: `${year}-${pad(month)}-01`, end: `${Math.floor(endIndex / 12)}-${pad((endIndex % 12) + 1)}-28` };
  });

/**
 * Plans whose titles and criteria are worded by `text`; with `unreferenced`, some fiches have no ref (a generated key,
 * `SANSREF1`…), as a plan that gives none.
 */
export function plansOver(text: fc.Arbitrary<string>, { unreferenced = false } = {}): fc.Arbitrary<Plan> {
  const criterionShape = fc.record({
    kind: fc.constantFrom('quantitative' as const, 'qualitative' as const),
    text,
  });
  const ficheShape = fc.record({
    title: text,
    carriers: fc.array(planText, { maxLength: 3 }),
    criteria: fc.array(criterionShape, { maxLength: 4 }),
    referenced: unreferenced ? fc.boolean() : fc.constant(true),
  });
  const axisShape = fc.record({ title: text, fiches: fc.array(ficheShape, { maxLength: 3 }) });
  return fc
    .record({
      territory: planText,
      period: periodShape,
      numbers: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 4 }),
      axes: fc.array(axisShape, { minLength: 4, maxLength: 4 }),
    })
    .map(({ territory, period, numbers, axes }) => planOf(territory, period, numbers, axes));
}

type AxisShape = {
  title: string;
  fiches: {
    title: string;
    carriers: string[];
    criteria: { kind: 'quantitative' | 'qualitative'; text: string }[];
    referenced: boolean;
  }[];
};

function planOf(territory: string, period: { start: string; end: string }, numbers: number[], axes: AxisShape[]): Plan {
  let ficheCounter = 0;
  let unreferencedCounter = 0;
  return planSchema.parse({
    formatVersion: 1,
    territory,
    parties: { caf: 'Caf', epci: '', epciShortName: '', communes: [] },
    period,
    axes: numbers.map((number, axisIndex) => ({
      number,
      title: axes[axisIndex].title,
      objectives: [],
      line: 0,
      fiches: axes[axisIndex].fiches.map((fiche) => {
        const key = fiche.referenced ? `F${(ficheCounter += 1)}` : `SANSREF${(unreferencedCounter += 1)}`;
        const counters = { quantitative: 0, qualitative: 0 };
        return {
          ref: key,
          key,
          title: fiche.title,
          interest: '',
          methodology: '',
          publics: [],
          budget: '',
          carriers: fiche.carriers,
          territories: [],
          fields: [],
          context: '',
          objectives: [],
          line: 0,
          criteria: fiche.criteria.map((criterion) => {
            counters[criterion.kind] += 1;
            const tag = criterion.kind === 'quantitative' ? 'QN' : 'QL';
            return {
              key: `${key}-${tag}${counters[criterion.kind]}`,
              kind: criterion.kind,
              text: criterion.text,
              line: 0,
            };
          }),
        };
      }),
    })),
    aoTable: [],
    facilities: [],
  });
}

export const planArbitrary: fc.Arbitrary<Plan> = plansOver(planText);
