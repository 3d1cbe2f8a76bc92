import { frenchNumber } from '../../domain/messages/numbers';
import { afterColon } from '../../domain/messages/after-colon';
import { outsideConvention, quarterLagText } from '../../domain/messages/quarter-outside';
import { frenchList } from '../../domain/messages/french-list';
import { agree, countOf } from '../../domain/messages/plural';
import type { QuarterLag, QuarterNote } from '../../domain/consolidation/territory';
import { ficheStatuses } from '../../domain/vocabulary';

/**
 * Every French word of the consolidation workbook (docs/WORKBOOK.md, « Consolidation »): sheet names, titles,
 * headers and its Guide, in one place. The headers it shares with `Compétences AO` come from that sheet's layout.
 */

export const consolidationSheetNames = {
  guide: 'Guide',
  territories: 'Territoires',
  fields: 'Champs d’intervention',
  fieldsByTerritory: 'Champs par territoire',
  publics: 'Publics',
  publicsByTerritory: 'Publics par territoire',
  ao: 'Compétences AO',
  rejected: 'Fichiers écartés',
} as const;

/** The headers of the counts and rates, shared by `Territoires` and the sheets by champ and by public. */
export const countHeaders = {
  fiches: 'Fiches',
  criteria: 'Critères',
  notStarted: ficheStatuses[0],
  inProgress: ficheStatuses[1],
  done: ficheStatuses[2],
  postponed: ficheStatuses[3],
  abandoned: ficheStatuses[4],
  noStatus: 'Sans statut',
  fichesWithDifficulties: 'Fiches avec difficultés',
  expectedPeriod: 'Valeurs attendues (trimestre)',
  filledPeriod: 'Valeurs renseignées (trimestre)',
  expectedCumulative: 'Valeurs attendues (cumul)',
  filledCumulative: 'Valeurs renseignées (cumul)',
  criteriaWithTarget: 'Critères avec cible',
  achieved: 'Critères avec réalisation',
  achievementSum: 'Somme des réalisations',
  fillPeriod: 'Renseignement période',
  fillCumulative: 'Renseignement cumulé',
  achievement: 'Réalisation',
} as const;

export const consolidationTexts = {
  workbookTitle: 'Consolidation des CTG',
  /** Below every printed page, in the codes of a page footer: the sheet's name (`&A`), the page and their number. */
  pageFooter: '&A \u2013 page &P sur &N',
  creator: 'ctg-suivi',
  allTerritories: 'Ensemble des territoires',
  yes: 'Oui',
  no: 'Non',
  territories: {
    title: 'Consolidation des CTG par territoire',
    territory: 'Territoire',
    siren: 'SIREN',
    file: 'Fichier',
    quarter: 'Trimestre',
    errors: 'Erreurs de données',
    warnings: 'Avertissements',
    bar: 'Renseignement cumulé (barre)',
  },
  /** Row 2 of `Territoires`: the quarter measured and when the workbook was written. */
  measuredAt: (quarter: string | null, writtenOn: string) =>
    (quarter === null
      ? 'Chaque territoire est mesuré à son trimestre en cours (colonne «\u00a0Trimestre\u00a0»).'
      : `Tous les territoires sont mesurés au trimestre ${quarter}.`) + ` Consolidation écrite le ${writtenOn}.`,
  /**
   * Added to row 2 when territories are measured outside their conventions (each told in its own row's Trimestre,
   * `quarterOutside`): how many, so that the row stays one short sentence at any scale.
   */
  outsideConvention: (count: number) =>
    ` ${countOf(count, 'territoire')} ${agree(count, 'est mesuré', 'sont mesurés')} hors de ${agree(count, 'sa', 'leur')} convention\u00a0: voir la colonne «\u00a0Trimestre\u00a0».`,
  /**
   * Added to row 2 when territories are measured at a quarter that has not begun (`quarterNotBegun`): how many, and
   * that nothing is expected of it yet.
   */
  quarterNotBegun: (count: number) =>
    ` ${countOf(count, 'territoire')} ${agree(count, 'est mesuré', 'sont mesurés')} à un trimestre qui n’a pas encore commencé\u00a0: rien n’y est encore attendu (colonne «\u00a0Trimestre\u00a0»).`,
  /**
   * Added to row 2 when the conversion of territories' .ods or .xls cut a text (`textCut`, told in its row's
   * Fichier): how many.
   */
  textCut: (count: number) =>
    ` ${countOf(count, 'territoire')} ${agree(count, 'a', 'ont')} un texte coupé à la conversion de LibreOffice\u00a0: voir la colonne «\u00a0Fichier\u00a0».`,
  /**
   * Added to row 2 when territories have an axis sheet whose champs or publics column is empty in every fiche
   * (`planColumnsEmptied`, told in `Fichiers écartés`): how many.
   */
  planColumnsEmptied: (count: number) =>
    ` ${countOf(count, 'territoire')} ${agree(count, 'a', 'ont')} des fiches comptées dans aucun champ d’intervention ou public\u00a0: voir «\u00a0${consolidationSheetNames.rejected}\u00a0».`,
  /**
   * Added to row 2 when territories are counted without a column of an axis sheet that no figure reads
   * (`missingColumns`, told in its row's Fichier): how many.
   */
  missingColumns: (count: number) =>
    ` ${countOf(count, 'territoire')} ${agree(count, 'est compté', 'sont comptés')} sans une colonne de ${agree(count, 'son', 'leur')} classeur, qu’aucun chiffre ne lit\u00a0: voir la colonne «\u00a0Fichier\u00a0».`,
  /**
   * After a territory's Fichier, once, the columns of its axis sheets it lacks that no figure reads, by sheet in the
   * order given, for it to put back: ` (colonnes « A » et « B » de la feuille « Axe 1 », « C » de la feuille « Axe 2 »
   * manquantes : à remettre par le territoire)`.
   */
  columnsMissing: (missing: readonly { column: string; sheet: string }[]) => {
    const sheets = [...new Set(missing.map(({ sheet }) => sheet))];
    const bySheet = sheets.map((sheet) => {
      const columns = missing.filter((one) => one.sheet === sheet).map(({ column }) => `«\u00a0${column}\u00a0»`);
      return `${frenchList(columns)} de la feuille «\u00a0${sheet}\u00a0»`;
    });
    const [word, missed] = missing.length > 1 ? ['colonnes', 'manquantes'] : ['colonne', 'manquante'];
    return ` (${word} ${bySheet.join(', ')} ${missed}\u00a0: à remettre par le territoire)`;
  },
  /** A territory's Fichier when the conversion of its .ods or .xls cut a text, and where. */
  fileWithTextCut: (file: string, at: { sheet: string; cell: string }) =>
    `${file} (texte coupé à la conversion de LibreOffice\u00a0: feuille «\u00a0${at.sheet}\u00a0», cellule ${at.cell})`,
  /**
   * A territory's Trimestre with its note (`quarterNoteOf`), outside its convention as the command line says it, with
   * the convention's first or last quarter: `2031-T1 (après la fin de sa convention, dont le dernier trimestre est
   * 2030-T4)`; or `2027-T1 (pas encore commencé)`.
   */
  quarterNoted: (quarter: string, note: QuarterNote, convention: { first: string; last: string }) =>
    `${quarter} (${note === 'notBegun' ? 'pas encore commencé' : outsideConvention(note, convention)})`,
  /** A territory's Trimestre behind today's, or after its convention ended (`quarterLag`), as the command line says it. */
  quarterLagging: (quarter: string, lag: QuarterLag) => `${quarter} (${quarterLagText(lag)})`,
  groups: {
    fieldsTitle: 'Champs d’intervention\u00a0: ensemble des territoires puis chaque territoire',
    publicsTitle: 'Publics\u00a0: ensemble des territoires puis chaque territoire',
    hint: 'La ligne «\u00a0Ensemble des territoires\u00a0» de chaque nom fait la somme des lignes des territoires qui la suivent. Filtrer la colonne «\u00a0Territoire\u00a0» pour ne garder qu’elle.',
    field: 'Champ d’intervention',
    public: 'Public',
    unmatched: 'Hors vocabulaire',
    territory: 'Territoire',
    file: 'Fichier',
  },
  matrix: {
    fieldsTitle: 'Champs d’intervention par territoire',
    publicsTitle: 'Publics par territoire',
    hint: (source: string, kind: 'field' | 'public') =>
      `Renseignement cumulé et réalisation, calculés sur les valeurs de la feuille «\u00a0${source}\u00a0». Gris\u00a0: aucune fiche du territoire ${kind === 'field' ? 'dans ce champ' : 'pour ce public'}. Vide\u00a0: rien n’y est attendu, ou aucun critère n’a de réalisation.`,
    territory: 'Territoire',
    unmatchedMark: 'Hors vocabulaire',
    /** Added to the hint when there are more names than the sheet has columns. */
    namesLeft: (names: readonly string[], source: string) =>
      names.length === 1
        ? ` Faute de colonnes, le nom «\u00a0${names[0]}\u00a0» n’est que dans la feuille «\u00a0${source}\u00a0».`
        : ` Faute de colonnes, ${frenchNumber(names.length)}\u00a0noms, de «\u00a0${names[0]}\u00a0» à «\u00a0${names[names.length - 1]}\u00a0», ne sont que dans la feuille «\u00a0${source}\u00a0».`,
  },
  ao: {
    title: 'Compétences des autorités organisatrices de l’accueil du jeune enfant, par territoire',
    hint: 'Telles que chaque classeur les évalue, au trimestre mesuré (colonne «\u00a0Trimestre\u00a0» de «\u00a0Territoires\u00a0»). «\u00a0À renseigner\u00a0»\u00a0: une population ou un choix manque dans le classeur du territoire. «\u00a0Non lues\u00a0»\u00a0: la feuille «\u00a0Compétences AO\u00a0» du territoire manque ou est illisible (ses autres chiffres sont consolidés).',
    territory: 'Territoire',
    /** In place of a territory's rows when its `Compétences AO` was not read: why, as validation says it. */
    unread: (reason: string) => `Non lues\u00a0: ${afterColon(reason)}`,
  },
  rejected: {
    title: 'Fichiers écartés',
    file: 'Fichier',
    reason: 'Raison',
    none: 'Aucun fichier écarté.',
    duplicatesTitle: 'Doublons (deux fichiers d’un même territoire)',
    territory: 'Territoire',
    kept: 'Fichier gardé',
    dropped: 'Fichier non retenu',
    noDuplicates: 'Aucun doublon.',
    /** Shown only when some: workbooks made from one for other territories, kept apart. */
    apartTitle: 'Classeurs créés à partir d’un même classeur (comptés comme des territoires distincts)',
    files: 'Fichiers',
    /**
     * Shown only when some: territories counted with a column of an axis sheet to put back, emptied (their figures by
     * champ or public miss its fiches) or deleted (one no figure reads).
     */
    columnsToRestoreTitle:
      'Territoires comptés avec une colonne à remettre par le territoire (vidée ou supprimée dans une feuille d’axe)',
  },
} as const;

export const consolidationGuideTitle = 'Guide de la consolidation des CTG';

export const consolidationGuideSections: readonly { heading: string; paragraphs: readonly string[] }[] = [
  {
    heading: 'Ce classeur',
    paragraphs: [
      'Il rassemble les tableaux de suivi de plusieurs territoires. Chaque fichier est lu, vérifié et mesuré\u00a0; le classeur n’en garde que des valeurs (les taux sont des formules sur ces valeurs), sans lien vers les fichiers des territoires.',
      '«\u00a0Territoires\u00a0»\u00a0: une ligne par territoire et une ligne pour l’ensemble. «\u00a0Champs d’intervention\u00a0» et «\u00a0Publics\u00a0»\u00a0: les mêmes chiffres par champ et par public, pour l’ensemble puis pour chaque territoire\u00a0; «\u00a0Champs par territoire\u00a0» et «\u00a0Publics par territoire\u00a0» en mettent le renseignement cumulé et la réalisation côte à côte, un territoire par ligne. «\u00a0Compétences AO\u00a0»\u00a0: les tableaux des compétences de tous les territoires. «\u00a0Fichiers écartés\u00a0»\u00a0: les fichiers laissés de côté et les doublons.',
    ],
  },
  {
    heading: 'Le trimestre mesuré',
    paragraphs: [
      'Chaque territoire est mesuré à son propre trimestre en cours (celui de sa feuille «\u00a0Paramètres\u00a0»), sauf si un trimestre a été donné pour tous\u00a0: la colonne «\u00a0Trimestre\u00a0» le dit pour chaque ligne.',
      'Un trimestre donné pour tous peut tomber hors de la convention d’un territoire\u00a0: avant son début, rien n’y est encore attendu\u00a0; après sa fin, tous ses trimestres comptent dans le cumul et le renseignement période est vide. Il en va de même d’un territoire dont le trimestre en cours est hors de sa convention\u00a0: dans «\u00a0Territoires\u00a0», la colonne «\u00a0Trimestre\u00a0» le dit sur sa ligne, avec le premier ou le dernier trimestre de sa convention.',
      'Un trimestre qui n’a pas encore commencé le jour de la consolidation n’attend encore rien\u00a0: ses valeurs ne comptent ni dans le renseignement ni dans la réalisation, le renseignement période est vide et le cumul ne compte que les trimestres déjà commencés. C’est le cas d’une convention qui ne commence que plus tard (son classeur est à son premier trimestre), ou d’un trimestre choisi en avance\u00a0; la colonne «\u00a0Trimestre\u00a0» le dit sur sa ligne. Le classeur du territoire, qui ne lit pas la date du jour, compte déjà ce trimestre.',
      'Les statuts et les difficultés sont ceux que les classeurs portent au moment où ils sont lus, quel que soit le trimestre mesuré\u00a0; dans «\u00a0Compétences AO\u00a0», les populations et les choix aussi, l’obligation d’un relais petite enfance (depuis 2026) étant jugée au trimestre mesuré.',
    ],
  },
  {
    heading: 'Les chiffres',
    paragraphs: [
      'Sur la ligne de chaque territoire, les colonnes de comptes sont des valeurs relevées dans son classeur\u00a0: fiches, critères, fiches par statut, fiches avec difficultés, erreurs de données et avertissements de la vérification, valeurs attendues et renseignées (du trimestre mesuré, et cumulées du premier trimestre de la convention jusqu’à lui), critères avec cible, critères avec réalisation et somme de leurs réalisations. Sur les lignes «\u00a0Ensemble des territoires\u00a0», elles sont des sommes.',
      '«\u00a0Sans statut\u00a0» compte les fiches dont le statut est vide ou n’est pas l’un de la liste (une erreur de données)\u00a0: les fiches par statut font ensemble le nombre de fiches. «\u00a0Fiches avec difficultés\u00a0» compte les fiches dont la case «\u00a0Difficultés\u00a0» n’est pas vide, quel qu’en soit le texte («\u00a0RAS\u00a0» compris)\u00a0; des espaces seuls ne comptent pas. Pour voir les erreurs de données d’un territoire, ouvrez son classeur et lancez «\u00a0Vérifier le classeur\u00a0» dans le complément, ou «\u00a0npx ctg-suivi validate\u00a0» sur son fichier. Ses erreurs et avertissements comptés sont ceux que la vérification trouve dans les feuilles que la consolidation lit (Paramètres, les feuilles d’axe, Compétences AO, et le Journal d’un classeur sans feuille «\u00a0Historique\u00a0») et dans la liste des feuilles\u00a0: elle peut en trouver d’autres ailleurs, une ligne du Journal ou de l’Historique modifiée à la main, un texte de l’outil retapé ou une valeur tapée sur une formule dans le Guide ou l’Annexe\u00a04.',
      'Valeurs attendues\u00a0: un critère attend une valeur chaque trimestre si sa fréquence est «\u00a0Trimestrielle\u00a0», aux T2 et T4 si elle est «\u00a0Semestrielle\u00a0», au T4 si elle est «\u00a0Annuelle\u00a0», et toujours au dernier trimestre de la convention (colonne «\u00a0Fréquence\u00a0»\u00a0; vide ou illisible, elle compte comme «\u00a0Trimestrielle\u00a0»). À partir du trimestre inscrit dans «\u00a0Abandonnée en\u00a0», les critères d’une fiche abandonnée n’attendent plus rien.',
      'Valeurs renseignées\u00a0: les valeurs attendues qui sont saisies, un nombre pour un critère quantitatif (0 et les nombres négatifs comptent, un nombre écrit comme du texte ne compte pas), l’une des valeurs de l’échelle pour un critère qualitatif. Une valeur saisie à un trimestre où rien n’est attendu n’est pas comptée.',
      'Une valeur mal saisie compte comme le classeur du territoire la compte lui-même (c’est une erreur de données, que la vérification signale)\u00a0: tout nombre saisi pour un critère quantitatif compte comme renseigné, même une date, alors qu’un texte (même un nombre écrit comme du texte) ou une valeur hors de l’échelle pour un critère qualitatif ne compte pas.',
      'Renseignement période\u00a0: valeurs renseignées du trimestre divisées par valeurs attendues du trimestre. Renseignement cumulé\u00a0: valeurs renseignées cumulées divisées par valeurs attendues cumulées. Vide quand rien n’est attendu.',
      'Réalisation d’un critère\u00a0: pour un critère quantitatif qui a une cible, (dernière valeur renseignée − Référence) ÷ (Cible − Référence), ramenée entre 0 et 100\u00a0% (la valeur du dernier trimestre attendu et renseigné jusqu’au trimestre mesuré\u00a0; une Référence vide compte 0). N’ont pas de réalisation\u00a0: les critères qualitatifs, les critères sans cible ou dont la cible égale la Référence, ceux qui n’ont aucune valeur renseignée, et ceux d’une fiche abandonnée au plus tard au trimestre mesuré. «\u00a0Critères avec cible\u00a0» compte les critères quantitatifs qui ont une cible, «\u00a0Critères avec réalisation\u00a0» ceux dont la réalisation est définie.',
      'Réalisation\u00a0: la moyenne des réalisations des critères qui en ont une, soit la somme des réalisations divisée par le nombre de critères avec réalisation. Vide quand aucun critère n’en a.',
      'Les taux sont des formules sur les comptes de leur ligne (dans «\u00a0Champs par territoire\u00a0» et «\u00a0Publics par territoire\u00a0», sur ceux de la ligne correspondante de «\u00a0Champs d’intervention\u00a0» ou «\u00a0Publics\u00a0»). Pour l’ensemble des territoires, d’un champ ou d’un public, les comptes sont additionnés puis divisés\u00a0: jamais une moyenne des taux des territoires. Un territoire qui attend plus de valeurs (plus de critères ou, pour le cumul, mesuré à un trimestre plus avancé) pèse donc plus qu’un autre dans le renseignement, et un territoire qui a plus de critères avec réalisation, dans la réalisation. Quand chaque territoire est mesuré à son propre trimestre, le renseignement période de la ligne «\u00a0Ensemble des territoires\u00a0» additionne des trimestres différents.',
      'La colonne «\u00a0Renseignement cumulé (barre)\u00a0» dessine le même taux en caractères, un par tranche de 5\u00a0% (20 à 100\u00a0%), arrondi à la tranche la plus proche, pour qu’il se lise aussi sur une impression en noir et blanc.',
    ],
  },
  {
    heading: 'Champs d’intervention et publics',
    paragraphs: [
      'Les champs et les publics des fiches sont rapprochés du vocabulaire de la convention sans tenir compte des majuscules, des accents, des espaces ni des tirets («\u00a0Egalité\u00a0» est «\u00a0Égalité\u00a0»). Les noms du vocabulaire viennent d’abord, dans son ordre, puis les autres par ordre alphabétique, gardés sous leur propre nom et marqués «\u00a0Hors vocabulaire\u00a0».',
      'Une fiche qui cite plusieurs champs (ou publics) compte dans chacun, et une fiche qui n’en cite aucun ne compte dans aucun\u00a0: la somme des lignes par champ n’est donc pas celle des territoires.',
    ],
  },
  {
    heading: 'Compétences AO',
    paragraphs: [
      'Pour chaque territoire, les lignes de son tableau des compétences (l’EPCI, puis chaque commune), évaluées comme son classeur les évalue, au trimestre mesuré. Les colonnes «\u00a0Requis\u00a0: …\u00a0» disent si la loi exige de cette autorité ce qu’elles nomment (une compétence, le schéma pluriannuel, le relais petite enfance), selon les compétences qu’elle exerce et sa population retenue pour les seuils. «\u00a0Schéma\u00a0: obligation remplie\u00a0» et «\u00a0RPE\u00a0: obligation remplie\u00a0» disent si le schéma pluriannuel (ou la CTG qui en tient lieu) et le relais petite enfance exigés existent, «\u00a0Sans objet\u00a0» quand ils ne sont pas exigés. «\u00a0À renseigner\u00a0»\u00a0: une population ou un choix manque dans le classeur du territoire.',
    ],
  },
  {
    heading: 'Fichiers écartés et doublons',
    paragraphs: [
      'Un fichier qui n’est pas un tableau de suivi lisible (endommagé, trop volumineux, d’une version plus récente du format, extrait destiné à un partenaire plutôt que classeur maître, classeur dont une feuille, un en-tête, une clé ou les dates de la convention ont été perdus ou changés, ou dont le trimestre en cours est illisible…) est écarté, avec la raison. Un fichier qui a des erreurs de données est gardé\u00a0: ses erreurs sont comptées à côté de ses chiffres.',
      'Deux fichiers d’un même territoire (même SIREN de neuf chiffres, ou même nom de territoire dans «\u00a0Paramètres\u00a0»\u00a0; un classeur sans SIREN dont le nom a été changé à la main rejoint celui qui porte le nom pour lequel il a été créé, sauf si des copies d’un même classeur y portent deux noms ou plus\u00a0: autant de territoires, listés après les doublons avec le SIREN à saisir)\u00a0: s’ils suivent deux conventions différentes (2021–2025 et 2026–2030), ce ne sont pas deux copies mais deux conventions du territoire, et celle qui est en vigueur est gardée, quelles que soient leurs dates\u00a0: celle qui couvre le trimestre donné pour tous, sinon le trimestre d’aujourd’hui, et à défaut la plus récente. De deux copies d’une même convention, la plus récente est gardée, d’après la plus récente de deux dates, celle où l’outil a écrit le classeur pour la dernière fois et la dernière mise à jour de ses fiches (puis d’après la plus ancienne des deux)\u00a0; à dates égales, celui qu’Excel ou LibreOffice a enregistré en dernier, s’ils l’ont été à plus d’un jour d’intervalle, sinon celui qui a le plus de valeurs renseignées, puis celui dont le nom n’a pas été changé à la main, sinon le premier lu, et la raison dit alors ce que les deux copies n’ont pas en commun. L’autre est listé dans les doublons avec la raison du choix, et un avertissement quand les deux fichiers ne portent pas le même SIREN ou le même nom.',
    ],
  },
];
