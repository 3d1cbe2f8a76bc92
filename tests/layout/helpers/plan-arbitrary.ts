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

const criterionShape = fc.record({
  kind: fc.constantFrom('quantitative' as const, 'qualitative' as const),
  text: planText,
});

const ficheShape = fc.record({
  title: planText,
  carriers: fc.array(planText, { maxLength: 3 }),
  criteria: fc.array(criterionShape, { maxLength: 4 }),
});

const axisShape = fc.record({ title: planText, fiches: fc.array(ficheShape, { maxLength: 3 }) });

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

export const planArbitrary: fc.Arbitrary<Plan> = fc
  .record({
    territory: planText,
    period: periodShape,
    numbers: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 4 }),
    axes: fc.array(axisShape, { minLength: 4, maxLength: 4 }),
  })
  .map(({ territory, period, numbers, axes }) => {
    let ficheCounter = 0;
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
          ficheCounter += 1;
          const key = `F${ficheCounter}`;
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
  });
