import type { BilanKind, BilanPeriod } from '../../domain/bilan/bilan';

/**
 * Every French word of the bilan workbook (docs/WORKBOOK.md, « The bilan workbook »): sheet names, titles, sentences
 * of the first page and headers, in one place. The headers of counts it shares with the consolidation come from
 * there, the AO table's from the tracking workbook's sheet.
 */

export const bilanSheetNames = {
  synthesis: 'Synthèse',
  fiches: 'Fiches',
  ao: 'Compétences AO',
} as const;

const kindTitles: Record<BilanKind, (year: number | null) => string> = {
  annual: (year) => `Bilan annuel${year === null ? '' : ` ${year}`}`,
  midterm: () => 'Bilan intermédiaire',
  final: () => 'Bilan final',
};

/** A control character (tab, line breaks, Word's manual line break U+000B…) with the spaces around it. */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL_RUN = /[ \u0000-\u001f\u007f-\u009f]*[\u0000-\u001f\u007f-\u009f][ \u0000-\u001f\u007f-\u009f]*/g;

/**
 * The territory's name as a title shows it, on one line: each control character (a name pasted from Word with a
 * manual line break, a tab) is a space, as it reads. Written as it is, such a character is lost from the printed
 * header and the file's title (XML cannot carry most of them) and from a title cell, joining the words around it.
 */
export function territoryInTitle(territory: string): string {
  return territory.replace(CONTROL_RUN, ' ').trim();
}

/** `Bilan annuel 2027 – Pilat`, with `– volet petite enfance (CDSF)` for the CDSF. */
export function bilanTitle(period: BilanPeriod, territory: string, cdsf: boolean): string {
  const title = `${kindTitles[period.kind](period.year)} \u2013 ${territoryInTitle(territory)}`;
  return cdsf ? `${title} \u2013 volet petite enfance (CDSF)` : title;
}

export const bilanTexts = {
  creator: 'ctg-suivi',
  periodLine: (first: string, last: string) => `Période\u00a0: ${first} à ${last}`,
  partiesLine: (caf: string, epci: string) => `Caf\u00a0: ${caf || '—'} \u2013 EPCI\u00a0: ${epci || '—'}`,
  writtenOn: (day: string) => `Bilan édité le ${day}.`,
  /** Every page's footer: `&P` its number, `&N` the number of pages (header and footer codes). */
  pageFooter: 'Page &P sur &N',
  synthesis: {
    heading: 'Renseignement et réalisation de la période',
    statusHeading: 'Fiches par statut à la fin de la période',
    hint: 'Renseignement de la période\u00a0: valeurs renseignées sur valeurs attendues des trimestres de la période. Renseignement cumulé\u00a0: depuis le début de la convention. Réalisation\u00a0: moyenne des réalisations des critères qui en ont une. Une barre compte un caractère par tranche de 5\u00a0%.',
    axis: 'Axe',
    axisName: (number: number, title: string) => `Axe ${number}${title ? ` \u2013 ${title}` : ''}`,
    plan: 'Ensemble du plan',
    bar: 'Barre',
  },
  /** Headers of counts that differ from the consolidation's: the bilan's period is several quarters. */
  countHeaders: {
    expectedPeriod: 'Valeurs attendues (période)',
    filledPeriod: 'Valeurs renseignées (période)',
    fillPeriod: 'Renseignement de la période',
  },
  fiches: {
    title: 'Fiches',
    hint: 'Les fiches «\u00a0Top 5\u00a0» d’abord, puis les autres, axe par axe. État des fiches et commentaires à la fin de la période.',
    topFive: 'Fiches «\u00a0Top 5\u00a0»',
    /** A fiche abandoned by the period's end: its status with the quarter (`Abandonnée en`). */
    abandonedIn: (quarter: string) => `Abandonnée (${quarter})`,
    others: 'Autres fiches',
    none: 'Aucune fiche.',
    ficheHeaders: {
      key: 'Fiche',
      title: 'Intitulé de la fiche',
      axis: 'Axe',
      status: 'Statut',
      carriers: 'Porteur(s)',
      progress: 'Avancement (%)',
      achievement: 'Réalisation',
      fillPeriod: 'Renseignement de la période',
      interest: 'Intérêt',
    },
    criterionHeaders: {
      key: 'Critère',
      title: 'Intitulé du critère',
      unit: 'Unité',
      baseline: 'Référence',
      target: 'Cible',
      values: 'Valeurs de la période',
      latest: 'Dernière valeur',
      achievement: 'Réalisation',
      fillPeriod: 'Renseignement de la période',
      comment: 'Commentaire',
    },
    axisLabel: (number: number) => `Axe ${number}`,
    implementation: 'Mise en œuvre',
    difficulties: 'Difficultés',
    /**
     * A year's line of the period's values: `2027 – T1 : 12 ; T2 : 15`, a quarter's label bound to its value, so that
     * a line too long for the column wraps between quarters, not after a `T4 :` whose value starts the next line.
     */
    yearValues: (year: number, values: readonly { q: number; value: string }[]) =>
      `${year}\u00a0\u2013 ${values.map(({ q, value }) => `T${q}\u00a0:\u00a0${value}`).join('\u00a0; ')}`,
    /** Dernière valeur: `20 (2027-T4)`. */
    latest: (value: string, quarter: string) => `${value} (${quarter})`,
    noCriterion: 'Aucun critère.',
  },
  ao: {
    title: (territory: string) =>
      `Compétences des autorités organisatrices de l’accueil du jeune enfant \u2013 ${territoryInTitle(territory)}`,
    /** The requirements are assessed at the period's end: the quarter its figures are measured to (`measuredTo`). */
    hint: (quarter: string) =>
      `Telles que le classeur de suivi les évalue au trimestre ${quarter}, où s’arrêtent les chiffres de la période. «\u00a0À renseigner\u00a0»\u00a0: une population ou un choix manque dans le classeur.`,
  },
} as const;
