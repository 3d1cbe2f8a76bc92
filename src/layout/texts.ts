import { ficheStatuses, qualitativeScale } from '../domain/vocabulary';
import { journalWords } from '../domain/journal';

/**
 * Every French word the generated workbook shows (sheet names, titles, labels, the Guide, validation messages),
 * in one place so that it can be read and translated at once. Column headers of axis sheets live with their
 * column definition (axis-columns.ts), Journal headers with theirs (journal-columns.ts).
 */

export const sheetNames = {
  guide: 'Guide',
  settings: 'Paramètres',
  journal: 'Journal',
  history: 'Historique',
  archives: 'Archives',
  contributions: 'Contributions',
  meta: '_ctg',
  /** En dash U+2013. */
  annexe4: 'Annexe 4 \u2013 Suivi',
  ao: 'Compétences AO',
} as const;

/** `Axe 11`: the plan's own number, gaps allowed. */
export function axisSheetName(axisNumber: number): string {
  return `Axe ${axisNumber}`;
}

/** A1 of an axis sheet: `Axe 11 – <title>` with an en dash (U+2013). */
export function axisSheetTitle(axisNumber: number, title: string): string {
  return `${axisSheetName(axisNumber)} \u2013 ${title}`;
}

/** Whether `text` is an axis sheet's A1 as `axisSheetTitle` writes it, whatever its case. */
export function isAxisSheetTitle(text: string): boolean {
  return /^axe \d+ \u2013 /i.test(text);
}

export const axisTexts = {
  hint: 'Saisir dans les cellules blanches. Les cellules grises ne concernent pas la ligne. Filtrer avec les flèches (« Type » sur « Fiche » : les fiches seules), ne pas trier.',
  /** The hints of earlier formats in A2, told apart from a person's note on a rewrite (never written again). */
  formerHints: [
    'Saisir dans les cellules blanches. Les cellules grises ne concernent pas la ligne. Filtrer, ne pas trier.',
  ],
} as const;

export const settingsTexts = {
  title: 'Paramètres du suivi',
  territory: 'Territoire',
  epci: 'EPCI',
  epciSiren: "SIREN de l'EPCI",
  caf: 'Caf',
  periodStart: 'Début de la convention',
  periodEnd: 'Fin de la convention',
  currentQuarter: 'Trimestre en cours',
  currentQuarterHint: 'Trimestre suivi (AAAA-Tn) : les taux sont calculés jusqu’à ce trimestre inclus.',
  listsTitle: 'Listes (ne pas modifier)',
  statuses: 'Statuts',
  qualitativeScale: 'Échelle qualitative',
  frequencies: 'Fréquences',
  aggregationRules: "Règles d'agrégation",
  quarters: 'Trimestres',
} as const;

export const metaTexts = {
  title: 'Données techniques du classeur : ne pas modifier',
  formatVersion: 'Version du format',
  planFingerprint: 'Empreinte du plan',
  territory: 'Territoire',
  periodStart: 'Début de la convention',
  periodEnd: 'Fin de la convention',
  generatedAt: 'Date de génération',
  lastWrittenAt: 'Dernière écriture',
  extractPartner: 'Extrait pour le partenaire',
  masterFingerprint: 'Empreinte du classeur maître',
  extractUpTo: 'Extrait jusqu’au trimestre',
  keysTitle: 'Clés des lignes',
  keyHeader: 'Clé',
  typeHeader: 'Type',
  parentHeader: 'Clé parente',
  axisHeader: 'Axe',
  retiredKeysTitle: 'Clés retirées du plan (jamais réattribuées)',
  /** An extract's block of the values it was sent with, found by this title in column A. */
  sentValuesTitle: 'Valeurs envoyées',
  sentKeyHeader: 'Clé',
  sentFieldHeader: 'Champ (id)',
  sentTypeHeader: 'Type',
  sentValueHeader: 'Valeur',
} as const;

/** The Journal's words, by their former names: the domain's (src/domain/journal.ts) gives them. */
export const journalTexts = {
  generatedSource: journalWords.sources.generation,
  generated: journalWords.generated,
  closeSource: journalWords.sources['quarter-closing'],
  chooseQuarterSource: journalWords.sources['quarter-choice'],
  currentQuarterColumn: journalWords.currentQuarter,
  historyReplaced: journalWords.historyReplaced,
  regenerateSource: journalWords.sources.regeneration,
  rowAdded: journalWords.rowAdded,
  rowRemoved: journalWords.rowRemoved,
  rowArchived: journalWords.rowArchived,
  keyColumn: journalWords.keyColumn,
  aoRowRemovedWithValues: journalWords.aoRowRemovedWithValues,
  aoNameColumn: journalWords.aoName,
  formatUpdateSource: journalWords.sources['format-update'],
  formatUpdate: journalWords.formatUpdate,
  textRestoredSource: journalWords.sources['text-restored'],
  copyUpdatedSource: journalWords.sources['copy-updated'],
  formulaCheckSource: journalWords.sources['formula-check'],
  mergeSource: journalWords.sources.merge,
  undoSource: journalWords.sources.undo,
  erasureSource: journalWords.sources.erasure,
  personalDataReplaced: journalWords.personalDataReplaced,
} as const;

/** Headers of the `Historique` sheet (issue "Completion": closing a quarter). */
export const historyHeaders = {
  quarter: 'Trimestre',
  key: 'Clé',
  field: 'Champ',
  value: 'Valeur',
  closedAt: 'Date de clôture',
} as const;

/** The `Valeur` of the `Historique` row that records a closing which copied nothing (docs/WORKBOOK.md, « Historique »). */
export const historyNothingEntered = 'Aucune valeur saisie à la clôture';

/** Headers of the `Archives` sheet: values of rows removed from the plan, kept (docs/WORKBOOK.md, « Archives »). */
export const archiveHeaders = {
  archivedAt: 'Date d’archivage',
  key: 'Clé',
  type: 'Type',
  title: 'Intitulé',
  column: 'Colonne',
  value: 'Valeur',
} as const;

/**
 * Headers of the `Contributions` sheet: every value a partner sent back, one per row (docs/WORKBOOK.md,
 * « Contributions »).
 */
export const contributionHeaders = {
  at: 'Date',
  file: 'Fichier',
  partner: 'Partenaire',
  key: 'Clé',
  label: 'Colonne',
  field: 'Champ (id)',
  value: 'Valeur',
  type: 'Type',
} as const;

export const validationTexts = {
  listTitle: 'Valeur hors liste',
  statusError: `Choisir un statut de la liste : ${ficheStatuses.join(', ')}.`,
  scaleError: `Choisir une valeur de l’échelle : ${qualitativeScale.join(', ')}.`,
  frequencyError: 'Choisir Trimestrielle, Semestrielle ou Annuelle.',
  aggregationError: 'Choisir Somme, Moyenne ou Médiane.',
  quarterError: 'Choisir un trimestre de la convention (AAAA-Tn).',
  progressTitle: 'Avancement',
  progressError: 'Saisir un nombre entier de 0 à 100 (sans le signe %).',
  dateTitle: 'Date attendue',
  dateError: 'Saisir une date (jj/mm/aaaa).',
  numberTitle: 'Nombre attendu',
  numberError: 'Saisir un nombre (0 et les nombres négatifs sont acceptés).',
} as const;

/** `Compétences AO` (docs/WORKBOOK.md, « Compétences AO »): titles, notes, labels and the words of its lists. */
export const aoTexts = {
  title: 'Compétences des autorités organisatrices de l’accueil du jeune enfant (art. L. 214-1-3 CASF)',
  populationNote: 'Population municipale légale INSEE en vigueur au 1er janvier de l’année, à saisir.',
  lawNote:
    'Toute commune recense les besoins et informe les familles ; au-delà de 3 500 habitants, elle planifie et soutient ' +
    'la qualité ; au-delà de 10 000 habitants, elle élabore un schéma pluriannuel (la CTG peut en tenir lieu) et, à ' +
    'compter du 1er janvier 2026, se dote d’un relais petite enfance. Pour l’EPCI, le seuil s’applique à la population ' +
    'totale des communes qui lui ont transféré la compétence. « Au-delà » est strict : 3 500 habitants ne suffisent pas.',
  declaredLabel: 'Population totale déclarée des communes ayant transféré leurs compétences (convention)',
  filledSumLabel: 'Somme des populations saisies des communes ayant transféré au moins une compétence',
  checkLabel: 'Contrôle : la somme des populations saisies correspond à la population déclarée',
  transferredRowLabel: 'Population des communes ayant transféré la compétence (seuils de l’EPCI)',
  epciType: 'EPCI',
  communeType: 'Commune',
  /** Who exercises a competence: the values of the list. */
  holders: {
    commune: 'Commune',
    transferredByAll: "Transférée à l'EPCI par toutes les communes",
    transferredBySome: "Transférée à l'EPCI par certaines communes",
  },
  yes: 'Oui',
  no: 'Non',
  unknown: 'À renseigner',
  notApplicable: 'Sans objet',
  holdersListHeader: 'Exercice des compétences AO',
  yesNoListHeader: 'Oui / Non',
  holderError: "Choisir Commune, Transférée à l'EPCI par toutes les communes ou par certaines communes.",
  yesNoError: 'Choisir Oui ou Non.',
  populationTitle: 'Population',
  populationError: 'Saisir un nombre entier d’habitants, sans espace ni décimale.',
} as const;

/** `Annexe 4 – Suivi` (issue "Completion"): the summary by axis and by porteur, the steering calendar, the detail. */
export const annexe4Texts = {
  title: (territory: string) => `Annexe 4 \u2013 Suivi de la CTG \u2013 ${territory}`,
  currentQuarter: 'Trimestre en cours',
  currentQuarterHint: 'Taux calculés jusqu’à ce trimestre inclus ; il se change dans « Paramètres ».',
  byAxis: 'Suivi par axe',
  byCarrier: 'Suivi par porteur (fiches dont la liste des porteurs le contient)',
  calendar: 'Calendrier de pilotage (article 9 : points d’étape annuels, bilan intermédiaire, bilan final)',
  detail: 'Détail par fiche (relu dans les feuilles d’axe ; les tableaux ci-dessus en font la somme)',
  total: 'Ensemble du plan',
  headers: {
    axis: 'Axe',
    title: 'Intitulé',
    carrier: 'Porteur',
    fiches: 'Fiches',
    criteria: 'Critères',
    fillPeriod: 'Renseignement période',
    fillCumulative: 'Renseignement cumulé',
    achievement: 'Réalisation',
    meanProgress: 'Avancement moyen (%)',
    withDifficulties: 'Fiches avec difficultés',
    expectedPeriod: 'Valeurs attendues (trimestre)',
    filledPeriod: 'Valeurs renseignées (trimestre)',
    expectedCumulative: 'Valeurs attendues (cumul)',
    filledCumulative: 'Valeurs renseignées (cumul)',
    criteriaWithAchievement: 'Critères avec réalisation',
    quarter: 'Trimestre',
    milestone: 'Échéance',
    situation: 'Situation',
  },
  yes: 'Oui',
  situations: { current: 'Trimestre en cours', past: 'Passé', upcoming: 'À venir' },
} as const;

export const workbookProperties = {
  title: (territory: string) => `Suivi de la CTG – ${territory}`,
  creator: 'ctg-suivi',
} as const;

/** The Guide: a heading then its paragraphs, for someone who fills the workbook without the add-in. */
export const guideTitle = 'Guide de remplissage du tableau de suivi de la CTG';

export const guideSections: readonly { heading: string; paragraphs: readonly string[] }[] = [
  {
    heading: 'À quoi sert ce classeur',
    paragraphs: [
      'Il suit la mise en œuvre des fiches actions de la Convention territoriale globale (article 9 : tableau de suivi partagé, mis à jour chaque trimestre).',
      'Une feuille par axe (« Axe 1 », « Axe 2 »…) : une ligne par fiche action, puis, juste en dessous, une ligne par critère d’évaluation.',
    ],
  },
  {
    heading: 'Ouvrir le fichier',
    paragraphs: [
      'Si Excel affiche « Mode protégé » ou « Affichage protégé », cliquer sur « Activer la modification » pour pouvoir saisir.',
      // True of both readers: the command line converts an .ods or .xls through LibreOffice, the pane asks for it
      // saved as .xlsx; nothing reads a .csv back.
      'Garder le fichier au format .xlsx (Fichier > Enregistrer sous > Classeur Excel). Enregistré en .xls ou .ods, il devra être converti avant d’être relu ; en .csv, il ne pourrait plus l’être.',
    ],
  },
  {
    heading: 'Où saisir',
    paragraphs: [
      'Saisir uniquement dans les cellules blanches. Les cellules grises ne concernent pas ce type de ligne ; les autres cellules (clé, intitulé, porteurs, taux) sont protégées.',
      'Ne pas ajouter, supprimer ni déplacer de lignes ou de colonnes, et ne pas modifier la colonne « Clé » : elle relie chaque ligne au plan d’actions.',
      'Filtrer avec les flèches des en-têtes, mais ne pas trier : l’ordre des lignes (une fiche puis ses critères) doit être conservé. Pour tout réafficher, rouvrir la flèche du filtre et tout cocher.',
      'Pour ne voir que les fiches, critères repliés : filtrer la colonne « Type » sur « Fiche ». Pour revoir les critères, tout recocher dans ce filtre.',
    ],
  },
  {
    heading: 'Lignes « Fiche »',
    paragraphs: [
      'Statut : choisir dans la liste. « Non démarrée » : rien n’est engagé ; « En cours » : l’action a commencé ; « Réalisée » : l’action est terminée ; « Reportée » : l’action est décalée à plus tard ; « Abandonnée » : l’action ne sera pas menée.',
      'Une action arrêtée ne se supprime pas : choisir le statut « Abandonnée ». Au calcul des taux ou à la clôture du trimestre suivants, la colonne « Abandonnée en » reçoit le trimestre en cours ; on peut y saisir à la place le trimestre (AAAA-Tn) où l’action a réellement cessé. À partir de ce trimestre, les critères de la fiche n’attendent plus de valeur (aucun manque signalé, rien dans le taux de renseignement) et ne comptent plus dans le taux de réalisation ; les trimestres précédents restent comptés. Si l’action reprend, changer son statut : le trimestre d’abandon est effacé au calcul suivant et noté dans le Journal.',
      'Avancement (%) : un nombre entier de 0 à 100, sans le signe %.',
      'Mise en œuvre et Difficultés : quelques phrases sur ce qui a été fait et sur les obstacles rencontrés.',
      'Dernière mise à jour : la date de la saisie. Mis à jour par : le nom de la structure (mairie, association, CCMP, Caf…), jamais celui d’une personne.',
    ],
  },
  {
    heading: 'Lignes « Quantitatif » et « Qualitatif » (critères)',
    paragraphs: [
      'Une colonne par trimestre (AAAA-Tn). Critère quantitatif : saisir un nombre (0 compte comme une valeur). Critère qualitatif : choisir dans la liste, de la meilleure à la moins bonne appréciation : Très satisfaisant, Satisfaisant, Peu satisfaisant, Pas satisfaisant.',
      'Fréquence : Trimestrielle (une valeur chaque trimestre), Semestrielle (aux trimestres T2 et T4) ou Annuelle (au trimestre T4). Le dernier trimestre de la convention attend toujours une valeur.',
      'Unité, Référence (la valeur de départ) et Cible (la valeur visée) des critères quantitatifs : reprises de la convention quand elle les donne (à corriger au besoin), à compléter sinon. Règle d’agrégation : comment les valeurs se cumulent (Somme, Moyenne ou Médiane).',
    ],
  },
  {
    heading: 'Les taux',
    paragraphs: [
      'Trimestre en cours : celui écrit dans « Paramètres » (AAAA-Tn). Tous les taux sont calculés jusqu’à ce trimestre inclus ; le changer met à jour les taux et la marque orange des valeurs manquantes du trimestre.',
      'Valeur attendue : un critère attend une valeur selon sa fréquence — Trimestrielle à chaque trimestre, Semestrielle aux trimestres T2 et T4, Annuelle au trimestre T4 — et toujours au dernier trimestre de la convention, sauf pour les critères d’une fiche abandonnée à partir de son trimestre d’abandon. Une valeur saisie dans un trimestre où elle n’est pas attendue est conservée mais n’est ni comptée ni pénalisée.',
      'Valeur renseignée : pour un critère quantitatif, un nombre (0 et les nombres négatifs comptent ; un nombre saisi comme texte ne compte pas) ; pour un critère qualitatif, exactement une valeur de l’échelle (majuscules et minuscules indifférentes). Rien d’autre ne compte.',
      'Taux de renseignement (période) d’un ensemble de critères : les valeurs attendues et renseignées du trimestre en cours, divisées par le nombre de critères qui attendent une valeur ce trimestre (vide si aucun n’en attend).',
      'Taux de renseignement cumulé : les valeurs attendues et renseignées du premier trimestre de la convention au trimestre en cours, divisées par le nombre de valeurs attendues sur ces trimestres. Il est calculé pour chaque critère, chaque fiche, chaque axe, chaque porteur (les critères des fiches dont il fait partie des porteurs) et pour tout le plan, toujours en additionnant les valeurs (jamais en faisant la moyenne des taux des fiches ou des axes).',
      'Taux de réalisation d’un critère quantitatif qui a une cible : (dernière valeur renseignée attendue jusqu’au trimestre en cours − référence) / (cible − référence), ramené entre 0 % et 100 % ; la référence vide compte pour 0. Il est vide sans cible, si la cible est égale à la référence, ou sans valeur. Pour une fiche, un axe, un porteur ou le plan : la moyenne des taux de réalisation de leurs critères qui en ont un (pas la moyenne des moyennes des fiches).',
      'Les colonnes « Renseignement cumulé » et « Réalisation » et la feuille « Annexe 4 – Suivi » sont calculées par des formules : ne pas les modifier. La feuille « Annexe 4 – Suivi » donne ces taux par axe, pour tout le plan et par porteur, les fiches par statut, l’avancement moyen, les fiches signalant des difficultés, et le calendrier de pilotage (points d’étape annuels, bilan intermédiaire, bilan final) avec le trimestre en cours.',
    ],
  },
  {
    heading: 'Compétences AO (accueil du jeune enfant)',
    paragraphs: [
      'La feuille « Compétences AO » reprend le tableau récapitulatif des compétences des autorités organisatrices : une ligne pour l’EPCI et une par commune. Saisir la population municipale légale INSEE en vigueur au 1er janvier de l’année, et pour chaque compétence qui l’exerce : la commune, ou l’EPCI auquel toutes ou certaines communes l’ont transférée.',
      'Les colonnes « Requis » et « obligation remplie » sont calculées selon l’article L. 214-1-3 du CASF : toute commune recense les besoins et informe les familles ; au-delà de 3 500 habitants, elle planifie et soutient la qualité ; au-delà de 10 000 habitants, elle élabore un schéma pluriannuel (la CTG peut en tenir lieu) et se dote d’un relais petite enfance depuis le 1er janvier 2026. Pour l’EPCI, le seuil se lit sur la population des communes qui lui ont transféré la compétence. « À renseigner » signifie qu’une population ou un choix manque.',
      'La cellule de contrôle indique si la somme des populations saisies des communes ayant transféré leurs compétences correspond à la population totale déclarée dans la convention.',
    ],
  },
  {
    heading: 'Données personnelles',
    paragraphs: [
      'Ce classeur ne doit contenir aucune donnée personnelle : pas de nom de famille ou d’usager, de numéro de téléphone, d’adresse électronique ni de numéro de sécurité sociale. Les échanges de données personnelles relèvent des articles 7 et 14 de la convention.',
    ],
  },
  {
    heading: 'Feuilles techniques',
    paragraphs: [
      '« Paramètres » contient le territoire, les dates de la convention, le trimestre en cours et les listes de choix. « Journal » garde la trace des modifications faites par les outils de suivi. Une feuille masquée permet de reconnaître le classeur : ne pas l’afficher ni la modifier.',
    ],
  },
];

/**
 * Paragraphs of the Guide of earlier versions (before the abandonment quarter of format 2, the filters of format 3,
 * an .ods converted, the Référence and Cible then the Unité taken from the convention), told apart from a person's
 * typing on a rewrite, which puts the current Guide in their place (never written again).
 */
export const formerGuideParagraphs: readonly string[] = [
  'Une feuille par axe (« Axe 1 », « Axe 2 »…) : une ligne par fiche action, puis, regroupées sous elle, une ligne par critère d’évaluation.',
  'Filtrer avec les flèches des en-têtes, mais ne pas trier : l’ordre des lignes (une fiche puis ses critères) doit être conservé.',
  'Les boutons « + » et « – » à gauche replient ou déplient les critères d’une fiche.',
  'Valeur attendue : un critère attend une valeur selon sa fréquence — Trimestrielle à chaque trimestre, Semestrielle aux trimestres T2 et T4, Annuelle au trimestre T4 — et toujours au dernier trimestre de la convention. Une valeur saisie dans un trimestre où elle n’est pas attendue est conservée mais n’est ni comptée ni pénalisée.',
  'Garder le fichier au format .xlsx (Fichier > Enregistrer sous > Classeur Excel). Ne pas l’enregistrer en .xls, .ods ou .csv : le suivi ne pourrait plus être relu.',
  'Unité, Référence (la valeur de départ) et Cible (la valeur visée) : à compléter pour les critères quantitatifs. Règle d’agrégation : comment les valeurs se cumulent (Somme, Moyenne ou Médiane).',
  'Référence (la valeur de départ) et Cible (la valeur visée) des critères quantitatifs : reprises de la convention quand elle les chiffre (à corriger au besoin), à compléter sinon, comme l’Unité. Règle d’agrégation : comment les valeurs se cumulent (Somme, Moyenne ou Médiane).',
];

/** The Guide's headings an extract keeps as they are (the others speak of sheets or columns it does not open). */
const extractKeptGuideHeadings = ['Ouvrir le fichier', 'Où saisir', 'Lignes « Fiche »', 'Données personnelles'];

/**
 * The Guide of an extract (docs/WORKBOOK.md, « Extracts »): whom it is for, what to fill up to which quarter, how
 * to send it back; then the master Guide's sections that hold for it.
 */
const extractAbandonmentParagraph =
  'Une action arrêtée ne se supprime pas : choisir le statut « Abandonnée » et dire pourquoi dans « Difficultés » ; le coordinateur du suivi note le trimestre où elle a cessé.';

export function extractGuideSections(
  recipient: string,
  upTo: string,
): readonly { heading: string; paragraphs: readonly string[] }[] {
  // The master's sections, but the abandonment quarter, which is the officer's (locked in an extract).
  const kept = (heading: string) =>
    guideSections
      .filter((section) => section.heading === heading)
      .map((section) => ({
        ...section,
        paragraphs: section.paragraphs.map((paragraph) =>
          paragraph.includes('Abandonnée en') ? extractAbandonmentParagraph : paragraph,
        ),
      }));
  return [
    {
      heading: 'Cet extrait',
      paragraphs: [
        `Cet extrait du tableau de suivi de la CTG est destiné à « ${recipient} » : il ne contient que les fiches actions qui le concernent, chacune avec tous ses critères.`,
        `Compléter les cellules blanches jusqu’au trimestre ${upTo} inclus : statut, avancement, mise en œuvre et difficultés des fiches, valeurs et commentaires des critères. Les trimestres suivants, la définition des critères (unité, fréquence, référence, cible, règle d’agrégation) et les partenaires sont protégés : ils restent ceux du tableau de suivi.`,
        'Une fois complété, enregistrer le fichier au format .xlsx (Fichier > Enregistrer sous > Classeur Excel) et le renvoyer en pièce jointe à qui l’a envoyé.',
        'Ne pas renommer les feuilles, ne pas ajouter, supprimer ni trier de lignes, et ne pas modifier la colonne « Clé » : c’est elle qui permet de reprendre chaque valeur dans le tableau de suivi.',
      ],
    },
    ...extractKeptGuideHeadings.flatMap(kept),
    {
      heading: 'Lignes « Quantitatif » et « Qualitatif » (critères)',
      paragraphs: [
        `Une colonne par trimestre (AAAA-Tn), ouverte jusqu’au trimestre ${upTo}. Critère quantitatif : saisir un nombre (0 compte comme une valeur). Critère qualitatif : choisir dans la liste, de la meilleure à la moins bonne appréciation : Très satisfaisant, Satisfaisant, Peu satisfaisant, Pas satisfaisant.`,
        'La fréquence du critère dit quels trimestres attendent une valeur : Trimestrielle (chaque trimestre), Semestrielle (T2 et T4) ou Annuelle (T4). Commentaire : quelques mots sur la valeur saisie.',
      ],
    },
  ];
}
