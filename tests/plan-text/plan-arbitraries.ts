import fc from 'fast-check';
import { PLAN_FORMAT_VERSION, type AoRow, type Facility, type Fiche, type Plan } from '../../src/domain/plan';

/**
 * (Spellings of one commune never differ by case only: the reader holds those for one spelling.)
 * Arbitrary plans as a convention could hold them: refs of any letters and digits (duplicates included), titles
 * with " : ", criteria lists, communes with several spellings (case, hyphens, "St", a misspelt letter), other
 * Cafs, EPCIs and dates. Words are drawn from a pool that holds no label word and no commune name, as in a real
 * convention; every value is trimmed and single-spaced, as the reader returns it.
 */

const WORDS = [
  'accueil',
  'familles',
  'enfants',
  'jeunes',
  'projet',
  'soutien',
  'lien',
  'social',
  'village',
  'école',
  'réseau',
  'habitants',
  'séniors',
  'numérique',
  'culture',
  'lecture',
  'mobilité',
  'logement',
  'santé',
  'parentalité',
  'développer',
  'renforcer',
  'garantir',
  'créer',
  'animer',
  'maison',
  'temps',
  'partage',
  'l’accès',
  "d'été",
  'aux',
  'et',
  'des',
  'nombre',
  'taux',
  'satisfaction',
  '2026',
  '15',
  'RPE',
  'MFS',
];
const word = fc.constantFrom(...WORDS);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));
const capitalised = (min: number, max: number) => words(min, max).map((s) => s.charAt(0).toUpperCase() + s.slice(1));
/** A sentence that may contain " : ", as titles do ("Transport à la demande : ajuster…"). */
const sentence = fc
  .tuple(capitalised(1, 6), fc.option(words(1, 5), { nil: undefined }))
  .map(([head, tail]) => (tail ? `${head} : ${tail}` : head));

const COMMUNES: { name: string; variants: string[] }[] = [
  { name: 'Saint-Julien-Molin-Molette', variants: ['ST JULIEN MOLIN MOLETTE', 'Saint Julien Molin Molette'] },
  { name: 'Bourg-Argental', variants: ['BOURG ARGENTAL', 'Bourg-Argenttal'] },
  { name: 'Marlhès', variants: ['MARLHES', 'Marllhes'] },
  { name: 'Planfoy', variants: ['Plan-Foy'] },
  { name: 'Le Bessat', variants: ['du BESSAT', 'Bessat'] },
  { name: 'Tarentaise', variants: ['TARENTEISE', 'Tarantaise'] },
  { name: 'Thélis-la-Combe', variants: ['THELIS LA COMBE'] },
  { name: 'Éveux', variants: ['EVEUX', "L'Éveux"] },
  { name: 'Sainte-Consorce', variants: ['STE CONSORCE'] },
];
const EPCIS = [
  { epci: 'Communauté de communes des Monts du Pilat', short: 'CCMP' },
  { epci: "Communauté d'agglomération Loire Forez", short: 'CALF' },
  { epci: 'Communauté de communes du Pays de Saint-Galmier', short: 'CCPSG' },
];

const isoDate = fc
  .record({
    year: fc.integer({ min: 2020, max: 2035 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

/** Few letters and numbers, so that duplicated refs are common; any letters, any case. */
const ref = fc
  .tuple(
    fc.oneof(fc.constantFrom('G', 'F', 'PE', 'JA'), fc.stringMatching(/^[A-Za-z]{1,4}$/)),
    fc.integer({ min: 1, max: 12 }),
  )
  .map(([letters, n]) => `${letters}${n}`);

const communesArb = fc
  .subarray(COMMUNES, { minLength: 1, maxLength: 5 })
  .chain((picked) =>
    fc.tuple(
      ...picked.map((c) =>
        fc.subarray(c.variants).map((variants) => ({ name: c.name, spellings: [c.name, ...variants] })),
      ),
    ),
  );

function ficheArb(territoryChoices: string[], carriers: string[]) {
  return fc.record({
    ref,
    title: sentence,
    interest: fc.constantFrom('intérêt', 'intérêt fort', 'Top 5', ''),
    methodology: fc.constantFrom('Collective', 'Individuelle', 'Territoriale'),
    publics: fc.subarray(['Global', 'Familles', 'Petite enfance', 'Jeunes', 'Séniors'], { minLength: 1 }),
    budget: fc.constantFrom('Existant', 'A compléter', 'Supplémentaire à mobiliser', ''),
    carriers: fc.subarray(carriers),
    territories: fc.subarray(territoryChoices),
    fields: fc.subarray(['Accès aux droits', 'Besoin de garde', 'Soutien à la parentalité', 'Numérique']),
    context: fc.array(sentence, { maxLength: 3 }).map((lines) => lines.join('\n')),
    objectives: fc.array(sentence, { maxLength: 4 }),
    line: fc.constant(0),
  });
}

const criteriaArb = fc.record({
  quantitative: fc.array(sentence, { maxLength: 4 }),
  qualitative: fc.array(sentence, { maxLength: 4 }),
});

const holder = fc.constantFrom('commune', 'transferredByAll', 'transferredBySome', 'unknown') as fc.Arbitrary<
  AoRow['competences']['plan']
>;
const population = fc.option(fc.integer({ min: 0, max: 200000 }), { nil: null });

export const planArb: fc.Arbitrary<Plan> = fc
  .record({
    caf: fc.constantFrom('Caf de la Loire', 'Caf du Rhône', 'Caf des Yvelines', ''),
    epci: fc.option(fc.constantFrom(...EPCIS), { nil: null }),
    communes: communesArb,
    dates: fc.tuple(isoDate, isoDate).map(([a, b]) => (a <= b ? { start: a, end: b } : { start: b, end: a })),
  })
  .chain(({ caf, epci, communes, dates }) => {
    const names = communes.map((c) => c.name);
    const bassins = communes.map((c) => `Bassin de vie de ${c.spellings[c.spellings.length - 1]}`);
    const territoryChoices = [...names, ...bassins, ...(epci ? [epci.short] : [])];
    const carriers = ['Mairie (s)', 'Acteur (s) du territoire', ...(epci ? [epci.short] : [])];
    const axisArb = fc.record({
      title: capitalised(1, 8),
      objectives: fc.array(sentence, { maxLength: 3 }),
      fiches: fc.array(fc.tuple(ficheArb(territoryChoices, carriers), criteriaArb), { minLength: 1, maxLength: 3 }),
    });
    const facilityArb = fc.oneof(
      fc
        .record({
          commune: fc.constantFrom(...names),
          type: fc.constantFrom('EAJE', 'ALSH', 'MAM'),
          label: capitalised(1, 3),
        })
        .map(({ commune, type, label }) => ({
          authority: `COMMUNE DE ${commune}`,
          type,
          name: `Structure ${label}`,
          commune,
          line: 0,
        })),
      fc
        .record({
          commune: fc.constantFrom(...names),
          type: fc.constantFrom('EAJE', 'RPE/ Guichet unique'),
          label: capitalised(1, 3),
        })
        .map(({ commune, type, label }) => ({
          authority: 'COMMUNAUTE DE COMMUNES',
          type,
          name: `Crèche ${label}, 42220 ${commune}`,
          commune,
          line: 0,
        })),
    );
    const aoRowArb = fc.record({
      name: fc.constantFrom(...names, ...(epci ? [`EPCI ${epci.epci}`] : [])),
      population,
      competences: fc.record({ identify: holder, inform: holder, plan: holder, quality: holder }),
      transferredPopulation: population,
    });
    return fc.record({
      caf: fc.constant(caf),
      epci: fc.constant(epci),
      communes: fc.constant(communes),
      period: fc.constant(dates),
      axes: fc
        .uniqueArray(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 4 })
        .chain((numbers) => fc.tuple(...numbers.map((number) => axisArb.map((axis) => ({ number, ...axis }))))),
      facilities: fc.array(facilityArb, { maxLength: 4 }),
      aoTable: fc.array(aoRowArb, { maxLength: 3 }),
    });
  })
  .map((draft) => toPlan(draft));

interface GeneratedDraft {
  caf: string;
  epci: { epci: string; short: string } | null;
  communes: { name: string; spellings: string[] }[];
  period: { start: string; end: string };
  axes: {
    number: number;
    title: string;
    objectives: string[];
    fiches: [Omit<Fiche, 'key' | 'criteria'>, { quantitative: string[]; qualitative: string[] }][];
  }[];
  facilities: Facility[];
  aoTable: Omit<AoRow, 'isEpci'>[];
}

/** Keys as docs/WORKBOOK.md, « Keys », says: the ref, `<ref>-B`… for a later duplicate; criteria QN/QL from 1. */
function toPlan(draft: GeneratedDraft): Plan {
  const seen = new Map<string, number>();
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    territory: draft.epci?.epci || draft.communes[0].name,
    parties: {
      caf: draft.caf,
      epci: draft.epci?.epci ?? '',
      epciShortName: draft.epci?.short ?? '',
      communes: draft.communes,
    },
    period: draft.period,
    axes: draft.axes.map((axis) => ({
      number: axis.number,
      title: axis.title,
      objectives: axis.objectives,
      line: 0,
      fiches: axis.fiches.map(([fiche, criteria]) => {
        const count = (seen.get(fiche.ref.toUpperCase()) ?? 0) + 1;
        seen.set(fiche.ref.toUpperCase(), count);
        const key = count === 1 ? fiche.ref : `${fiche.ref}-${String.fromCharCode(64 + count)}`;
        return {
          ...fiche,
          key,
          criteria: [
            ...criteria.quantitative.map((text, i) => ({
              key: `${key}-QN${i + 1}`,
              kind: 'quantitative' as const,
              text,
              line: 0,
            })),
            ...criteria.qualitative.map((text, i) => ({
              key: `${key}-QL${i + 1}`,
              kind: 'qualitative' as const,
              text,
              line: 0,
            })),
          ],
        };
      }),
    })),
    facilities: draft.facilities,
    aoTable: draft.aoTable.map((row) => ({ ...row, isEpci: row.name.startsWith('EPCI ') })),
  };
}
