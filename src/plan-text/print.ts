import type { AoHolder, AoRow, Facility, Fiche, Plan } from '../domain/plan';
import { FRENCH_MONTHS } from '../domain/messages/numbers';
import { labelText } from './labels';

/**
 * A plan written back in the export format the parser reads: parties, Article 4, Article 10, Annexe 2, the fiches
 * section and the AO block. `parseConvention(printConvention(plan))` gives the same plan but for line numbers and the
 * criteria's Référence and Cible: a criterion is printed as its text, which shows those its table gave, not as a table.
 * A commune is written in the parties' list under its display name and its other spellings in the signatures,
 * so that the spellings and the display name read back are the ones of the plan.
 */

function frenchDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day === 1 ? '1er' : day} ${FRENCH_MONTHS[month - 1]} ${year}`;
}

function parties(plan: Plan): string[] {
  const { caf, epci, epciShortName, communes } = plan.parties;
  const out = ['CONVENTION TERRITORIALE GLOBALE', '', 'Entre :', ''];
  if (caf) {
    const cafName = caf.replace(/^Caf\s+/, 'Caisse des Allocations familiales ');
    out.push(`- > La ${cafName} représentée par son directeur ;`, '', 'Ci-après dénommée « la Caf » ;', '');
  }
  out.push('et', '');
  if (epci) out.push(`- La ${epci}${epciShortName ? ` (${epciShortName})` : ''} représentée par son président`);
  for (const commune of communes) out.push(`- la commune ${ofName(commune.name)} représentée par son maire`);
  out.push('', 'Il est convenu et arrêté ce qui suit :', '');
  return out;
}

/** "de Graix", "du BESSAT" (a spelling that carries its article). */
const ofName = (spelling: string): string => (/^(du|des)\s/i.test(spelling) ? spelling : `de ${spelling}`);

/** The signatures: where the other spellings of each commune are written, so that they are read back. */
function signatures(plan: Plan): string[] {
  const others = plan.parties.communes.flatMap((commune) => commune.spellings.filter((s) => s !== commune.name));
  return others.length === 0 ? [] : [...others.flatMap((spelling) => [`Le Maire ${ofName(spelling)}`, '']), ''];
}

function article4(plan: Plan): string[] {
  const out = [
    'ARTICLE 4 - LES OBJECTIFS PARTAGES AU REGARD DES BESOINS',
    '',
    'Les enjeux et objectifs dégagés du diagnostic partagé (annexe 1) sont :',
    '',
  ];
  for (const axis of plan.axes) {
    out.push(`${axis.number}) ${axis.title}`, '');
    if (axis.objectives.length > 0) out.push(...axis.objectives.map((o) => `- ${o}`), '');
  }
  return out;
}

function article10(plan: Plan): string[] {
  return [
    'ARTICLE 10 - DUREE DE LA CONVENTION',
    '',
    `La présente convention est conclue à compter du ${frenchDate(plan.period.start)} au ${frenchDate(plan.period.end)}.`,
    '',
  ];
}

function annexe2(facilities: Facility[]): string[] {
  const out = ['ANNEXE 2 – LISTE DES EQUIPEMENTS ET SERVICES SOUTENUS PAR LA COLLECTIVITE LOCALE COMPETENTE', ''];
  let authority: string | null = null;
  let type = '';
  for (const facility of facilities) {
    if (facility.authority !== authority) {
      authority = facility.authority;
      type = '';
      if (authority) out.push('', `${authority}\t`, 'TYPE DE STRUCTURE\tNOM ET ADRESSE DE LA STRUCTURE');
    }
    out.push(`${facility.type === type ? '' : facility.type}\t${facility.name}`);
    type = facility.type || type;
  }
  out.push('');
  return out;
}

const field = (label: string, value: string): string[] => [`${label} :`, '', ...(value ? [value, ''] : [])];
/** The context, a blank line after each paragraph: each reads back as a paragraph of its own, whatever its words. */
const paragraphs = (label: string, text: string): string[] => [
  `${label} :`,
  '',
  ...text.split('\n').flatMap((paragraph) => (paragraph.trim() ? [paragraph, ''] : [])),
];
const bullets = (items: string[]): string[] => (items.length > 0 ? [...items.map((item) => `- ${item}`), ''] : []);

function fiche(f: Fiche): string[] {
  const criteria = (kind: 'quantitative' | 'qualitative') =>
    f.criteria.filter((c) => c.kind === kind).map((c) => c.text);
  return [
    ...field(labelText.ref, f.writtenRef ?? f.ref),
    ...field(labelText.interest, f.interest),
    ...field(labelText.methodology, f.methodology),
    `${labelText.publics} :`,
    '',
    ...(f.publics.length > 0 ? [f.publics.join('; '), ''] : []),
    ...(f.title ? [f.title, ''] : []),
    ...field(labelText.budget, f.budget),
    ...field(labelText.carriers, f.carriers.join('; ')),
    ...field(labelText.territories, f.territories.join('; ')),
    ...field(labelText.fields, f.fields.join('; ')),
    ...paragraphs(labelText.context, f.context),
    labelText.objectives,
    '',
    ...bullets(f.objectives),
    labelText.criteria,
    '',
    `${labelText.quantitative} :`,
    '',
    ...bullets(criteria('quantitative')),
    `${labelText.qualitative} :`,
    '',
    ...bullets(criteria('qualitative')),
  ];
}

const holderLabels: [AoHolder, string][] = [
  ['commune', 'Exercée par la commune'],
  ['transferredByAll', "Transférée par l'ensemble des communes à l'EPCI"],
  ['transferredBySome', "Transférée par certaines communes à l'EPCI"],
];

function aoCell(holder: AoHolder, transferred: number | null): string {
  const boxes = holderLabels
    .map(([h, label]) => `<input${h === holder ? ' checked=""' : ''} type="checkbox"/> ${label}`)
    .join(' ');
  return transferred === null
    ? boxes
    : `${boxes}. Population totale de l'ensemble des communes ayant transféré leurs compétences : ${transferred} Habitants`;
}

function aoBlock(rows: AoRow[]): string[] {
  if (rows.length === 0) return [];
  const header = [
    "Nom de la Commune (Indiquer seulement les communes qui exercent au moins une compétence d'AO)",
    "Nb d'habitants",
    'Recenser les besoins des enfants âgés de moins de trois ans et de leurs familles',
    'Informer et accompagner les familles ayant un ou plusieurs enfants âgés de moins de trois ans',
    "Planifier, au vu du recensement des besoins, le développement des modes d'accueil",
    "Soutenir la qualité des modes d'accueil",
  ];
  return [
    "Option : Tableau récapitulatif des compétences des autorités organisatrices des modes d'accueil des jeunes enfants par commune et/ou EPCI :",
    '',
    header.join('\t'),
    ...rows.map((row) =>
      [
        row.name,
        row.population === null ? '' : String(row.population),
        ...(['identify', 'inform', 'plan', 'quality'] as const).map((c) =>
          aoCell(row.competences[c], row.transferredPopulation),
        ),
      ].join('\t'),
    ),
    '',
  ];
}

export function printConvention(plan: Plan): string {
  const fiches = plan.axes.flatMap((axis) => [`${axis.number}) ${axis.title}`, '', ...axis.fiches.flatMap(fiche)]);
  return [
    ...parties(plan),
    ...article4(plan),
    ...article10(plan),
    ...signatures(plan),
    ...annexe2(plan.facilities),
    ...fiches,
    ...aoBlock(plan.aoTable),
  ].join('\n');
}
