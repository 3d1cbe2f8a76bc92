import { paramText } from './param-text';
import { frenchDay, frenchNumber } from './numbers';
import { outsideVocabularyAdviceText, vocabularyWords } from './outside-vocabulary-advice';
import { countOf } from './plural';
import type { MessageParams, MessageSurface, MessageTemplate } from './types';

/**
 * Messages of the convention-text reader (src/plan-text): warnings (the plan is read, a defect is reported
 * with its line) and failures (no plan can be read). Each code has a one-line French description, shown in
 * documentation and help, and a template that renders the message a user reads.
 */

/** Warning codes with a one-line description each. */
export const planWarningDescriptions = {
  'items-without-bullets':
    'Une liste sans puces (objectifs, critères) est lue élément par élément, un par ligne ou par « ; » : à vérifier.',
  'empty-bullet': 'Puce vide dans une liste (objectifs, critères) : elle est ignorée et ne reçoit pas de numéro.',
  'placeholder-item':
    'Un mot qui dit qu’une liste n’a rien (« Néant », « À définir », « / ») : il est ignoré, ni critère ni objectif.',
  'commune-spelling': 'Une commune est écrite autrement que sous son nom d’affichage (casse, accents, tirets, « St »).',
  'commune-near-miss': 'Une commune n’est reconnue qu’après correction d’une ou deux lettres.',
  'carrier-with-commas':
    'Un porteur de l’action contient des virgules : il est lu comme un seul porteur, les virgules pouvant faire partie d’un nom.',
  'unknown-territory': 'Un territoire cible n’est ni une commune, ni l’EPCI, ni « Bassin de vie de <commune> ».',
  'outside-vocabulary':
    'Un champ d’intervention ou un public cible n’est pas dans la liste de la Caf : gardé tel quel, il ne se compare pas aux autres territoires.',
  'unknown-commune': 'Une commune de l’annexe 2 ou du tableau des AO n’est pas parmi les communes signataires.',
  'label-typo': 'Un libellé de la fiche est mal orthographié ; il est lu comme le libellé le plus proche.',
  'figure-looks-like-year':
    'Une cellule « Référence » ou « Cible » d’un tableau de critères ne tient qu’une année (« 2023 ») sous un en-tête sans année ni unité : lue comme une année, elle n’est pas reprise comme valeur du critère.',
  'unit-looks-like-number':
    'Une cellule « Unité » d’un tableau de critères tient un nombre (« 40 », « 80 % ») : ce n’est pas une unité, elle n’est pas reprise comme unité du critère.',
  'table-header-assumed':
    'La première ligne d’un tableau (critères, objectifs) ne dit sûrement ni un en-tête ni un élément : lue comme son en-tête, elle n’est pas reprise comme un élément de la liste.',
  'criteria-kind-assumed':
    'Des critères titrés « Indicateurs de réalisation », « de résultat », « de suivi », « d’activité » ou « de moyens » sont lus comme des critères quantitatifs : à vérifier.',
  'unknown-label':
    'Une ligne « Libellé : » d’une fiche n’est pas un libellé connu ; son contenu est gardé à la fin du contexte.',
  'missing-field': 'Une rubrique de la fiche action est absente.',
  'empty-field': 'Une rubrique de la fiche action est présente mais vide.',
  'duplicate-field': 'Une rubrique apparaît deux fois dans la même fiche ; les deux contenus sont gardés.',
  'missing-title': 'La fiche n’a pas d’intitulé (la ligne sans libellé après le public cible).',
  'title-after-ref': 'L’intitulé de la fiche est lu sous sa référence, faute de ligne après le public cible.',
  'invalid-ref':
    'La référence de la fiche n’est pas de la forme lettres puis chiffres (G1, PE20) ; sa clé en est tirée (AD-1 → AD1).',
  'missing-ref':
    'La fiche n’a pas de référence ; elle reçoit une clé SANSREF… et une régénération la retrouve par son intitulé.',
  'duplicate-ref': 'Deux fiches portent la même référence ; la suivante reçoit la clé <réf>-B, -C…',
  'fiche-after-other-block': 'Une fiche suit un bloc qui n’est pas une fiche ; elle reste dans l’axe en cours.',
  'fiche-outside-axis': 'Une fiche n’est sous aucun titre d’axe ; elle est rangée dans un axe « hors axe ».',
  'text-outside-fiche': 'Du texte du plan d’actions n’appartient à aucune fiche ; il n’est pas repris.',
  'fiche-after-annexe': 'Une fiche se trouve après l’annexe qui termine le plan d’actions : elle n’est pas reprise.',
  'unexpected-text':
    'Du texte inattendu dans une rubrique d’une fiche (par exemple sous « Critères ») : il n’est pas repris dans le classeur.',
  'axis-number-noise': 'Le numéro d’un axe contient des caractères lus comme des chiffres (« I » pour 1).',
  'axis-title-mismatch': 'Le titre d’un axe diffère de celui de l’article 4.',
  'axis-not-in-article4': 'Un axe du plan d’actions n’est pas listé à l’article 4.',
  'article4-axis-without-fiches': 'Un axe de l’article 4 n’a aucune fiche dans le plan d’actions.',
  'article4-not-found': 'L’article 4 (enjeux et objectifs) n’a pas été trouvé.',
  'duplicate-axis': 'Le même numéro d’axe apparaît deux fois ; les fiches sont réunies dans le premier.',
  'period-from-years': 'Les dates de l’article 10 sont introuvables ; la période est déduite des années du titre.',
  'period-from-duration':
    'La fin de la convention est calculée depuis sa date de début et sa durée en années (article 10).',
  'caf-not-found': 'La Caf signataire n’a pas été trouvée dans les parties.',
  'epci-not-found': 'L’EPCI signataire n’a pas été trouvé dans les parties.',
  'epci-without-kind':
    'L’EPCI signataire est lu sans sa nature (« Grand Lac ») : la seule partie, hors Caf, communes et organismes d’une autre nature (Département, MSA, syndicat, association…), représentée par son président. À vérifier.',
  'no-commune': 'Aucune commune signataire n’a été trouvée dans les parties.',
  'facility-without-type': 'Une structure de l’annexe 2 n’a pas de type (et aucun type au-dessus à reprendre).',
  'facility-without-name': 'Une ligne de l’annexe 2 a un type mais pas de nom de structure.',
  'ao-header-typo': 'Un en-tête du tableau des compétences des AO est mal orthographié.',
  'ao-table-unreadable':
    'Le tableau des compétences des AO n’a aucune ligne lisible (cellules séparées par des tabulations) : il n’est pas repris.',
  'ao-no-choice': 'Aucune case n’est cochée pour une compétence dans le tableau des AO.',
  'ao-several-choices': 'Plusieurs cases sont cochées pour une même compétence dans le tableau des AO.',
  'ao-population-unreadable': 'Le nombre d’habitants d’une ligne du tableau des AO n’est pas un nombre.',
  'ao-population-mismatch': 'La population des communes ayant transféré diffère d’une compétence à l’autre.',
  'page-furniture':
    'Les numéros de page et les lignes répétées à chaque page (en-têtes, pieds de page) d’un export PDF sont ignorés.',
} as const;

/** Failure codes (no plan can be read) with a one-line description each. */
export const planFailureDescriptions = {
  'empty-text': 'Le texte de la convention est vide.',
  'no-fiche': 'Aucune fiche action (« Réf de la fiche action » ou « FICHE ACTION N° … ») n’a été trouvée.',
  'period-not-found': 'La durée de la convention (article 10) n’a pas été trouvée.',
  'period-invalid': 'La date de fin de la convention précède sa date de début.',
  'invalid-plan': 'Le plan lu est incomplet ou incohérent.',
  'text-file-empty': 'Le fichier est vide.',
  'not-text-file': 'Le fichier n’est pas un texte (PDF, Word, Excel, image…).',
} as const;

export type PlanWarningCode = keyof typeof planWarningDescriptions;
export type PlanFailureCode = keyof typeof planFailureDescriptions;

const lines = (value: MessageParams[string]): string => {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.length > 1 ? `lignes ${list.join(', ')}` : `ligne ${list.join('')}`;
};
const inFiche = (p: MessageParams): string => (p.ref ? ` (fiche ${paramText(p.ref)})` : '');
/** `2026-01-01` → `01/01/2026`. */
const date = (value: MessageParams[string]): string => frenchDay(paramText(value));

const fileKinds: Record<string, string> = {
  pdf: 'un document PDF',
  zip: 'un document Word, Excel, OpenDocument ou une archive zip',
  ole: 'un ancien document Word ou Excel',
  image: 'une image',
  rtf: 'un document RTF',
  binary: 'un fichier binaire',
};

/** A champ or public outside the Caf's list (src/plan-text/vocabulary-check.ts): kept, and what to write instead. */
function outsideVocabularyText(p: MessageParams): string {
  const own = p.kind === 'public' ? vocabularyWords.public : vocabularyWords.field;
  return (
    `${own.kind} « ${paramText(p.name)} »${inFiche(p)} hors de la liste de la Caf : il est gardé tel quel, mais ne se ` +
    `compare pas aux autres territoires. ${outsideVocabularyAdviceText(p)}, puis relisez-le.`
  );
}

export const planMessages = {
  'items-without-bullets': (p) =>
    `« ${paramText(p.field)} »${inFiche(p)} n’a pas de puces : chaque ligne, et chaque partie séparée par « ; », ` +
    `est lue comme un élément (${paramText(p.count)} en tout). Vérifiez-les dans le classeur ; pour en réunir ou en séparer, ` +
    'mettez une puce « - » devant chacun dans le texte du plan, puis relisez-le.',
  'empty-bullet': (p) => `Puce vide ignorée dans « ${paramText(p.field)} »${inFiche(p)}.`,
  'placeholder-item': (p) =>
    `« ${paramText(p.text)} » ignoré dans « ${paramText(p.field)} »${inFiche(p)} : ce mot dit qu’il n’y a rien à suivre, ` +
    'il ne devient pas un élément de la liste.',
  'commune-spelling': (p) =>
    `La commune « ${paramText(p.commune)} » est aussi écrite « ${paramText(p.spelling)} » (${lines(p.lines)}).`,
  'commune-near-miss': (p) =>
    `« ${paramText(p.spelling)} » (${lines(p.lines)}) est lu comme la commune « ${paramText(p.commune)} » : vérifiez l’orthographe.`,
  'carrier-with-commas': (p) =>
    `Porteur « ${paramText(p.carrier)} »${inFiche(p)} : lu comme un seul porteur, les virgules pouvant faire partie d’un nom. ` +
    'S’il nomme plusieurs porteurs, séparez-les par « ; » dans le texte du plan, puis relisez-le.',
  'unknown-territory': (p) =>
    `Territoire cible « ${paramText(p.territory)} »${inFiche(p)} : ni une commune signataire, ni l’EPCI, ni un bassin de vie d’une commune. Il est gardé tel quel ; vérifiez son orthographe dans le texte du plan.`,
  'outside-vocabulary': outsideVocabularyText,
  'unknown-commune': (p) => `« ${paramText(p.name)} » n’est pas une commune signataire de la convention.`,
  'criteria-kind-assumed': (p) =>
    `« ${paramText(p.written)} »${inFiche(p)} : lus comme des critères quantitatifs, suivis chaque trimestre par un ` +
    `nombre. Si l’un s’apprécie plutôt (de « Très satisfaisant » à « Pas satisfaisant »), placez-le sous ` +
    `« Critères qualitatifs : » dans le texte du plan, puis relisez-le.`,
  // `figure`: `baseline` or `target`, the criterion row's cell (« Référence », « Cible ») to type it into. Nothing is
  // said of what that cell holds: a regeneration keeps a kept row's cells as they are.
  'figure-looks-like-year': (p) => {
    const [cell, what] = p.figure === 'target' ? ['Cible', 'la cible'] : ['Référence', 'la référence'];
    return (
      `« ${paramText(p.year)} » sous « ${paramText(p.header)} »${inFiche(p)}, critère « ${paramText(p.criterion)} » : ` +
      `lu comme une année, ce nombre n’est pas repris dans le classeur. Si c’est bien ${what} du critère, ` +
      `saisissez-le dans la cellule « ${cell} » de sa ligne.`
    );
  },
  // The number may be the figure the export put in the wrong column, or a unit it lost: which is the officer's to say.
  'unit-looks-like-number': (p) =>
    `« ${paramText(p.number)} » sous « ${paramText(p.header)} »${inFiche(p)}, critère « ${paramText(p.criterion)} » : ` +
    `un nombre n’est pas une unité, il n’est pas repris dans le classeur. Si c’est la référence ou la cible du ` +
    `critère, saisissez-le dans la cellule « Référence » ou « Cible » de sa ligne, et son unité dans la cellule « Unité ».`,
  'table-header-assumed': (p) =>
    `La ligne « ${paramText(p.row)} » de « ${paramText(p.field)} »${inFiche(p)} : lue comme l’en-tête de son tableau, ` +
    `non comme un élément de la liste, rien n’y disant sûrement l’un ou l’autre (en première cellule, un en-tête ` +
    `connu comme « Indicateur », « Unité », « Référence », « Cible » ou « Valeur » ; ` +
    `ou un nombre autre qu’une année). Si c’en est un, ` +
    `écrivez au-dessus d’elle la ligne d’en-tête du tableau (« Indicateur », puis le nom de chaque colonne, séparés ` +
    `comme ses cellules) dans le texte du plan, puis relisez-le.`,
  'label-typo': (p) => `Libellé « ${paramText(p.written)} » lu comme « ${paramText(p.label)} »${inFiche(p)}.`,
  'unknown-label': (p) =>
    `Libellé inconnu « ${paramText(p.written)} »${inFiche(p)} : son contenu est gardé à la fin du contexte de la fiche.`,
  'missing-field': (p) =>
    `Rubrique « ${paramText(p.field)} » absente${inFiche(p)} : ajoutez-la à la fiche dans le texte du plan, puis relisez-le.`,
  'empty-field': (p) =>
    `Rubrique « ${paramText(p.field)} » vide${inFiche(p)} : si elle doit avoir un contenu, écrivez-le dans le texte du plan, puis relisez-le.`,
  'duplicate-field': (p) =>
    `Rubrique « ${paramText(p.field)} » en double${inFiche(p)} : les deux contenus sont gardés.`,
  'missing-title': (p) =>
    `La fiche ${paramText(p.ref)} n’a pas d’intitulé (ligne attendue après le public cible) : écrivez-le sur la ligne qui suit le public cible, ou sous « Intitulé de l’action : », puis relisez le plan.`,
  'title-after-ref': (p) =>
    `L’intitulé de la fiche ${paramText(p.ref)} est lu sous sa référence : « ${paramText(p.title)} » (ligne attendue après le public cible).`,
  'invalid-ref': (p) =>
    `Référence de fiche « ${paramText(p.written)} » hors de la forme lettres puis chiffres (ex. G1) : la fiche a la clé « ${paramText(p.ref)} », tirée de cette référence.`,
  'missing-ref': (p) =>
    (paramText(p.written)
      ? `Référence de fiche « ${paramText(p.written)} » qui ne se lit pas comme une référence`
      : 'Fiche sans référence') +
    ` : elle reçoit la clé « ${paramText(p.ref)} », qui ne dit rien d’elle ; une régénération la retrouvera par son intitulé. Donnez-lui une référence (ex. G1) dans le plan.`,
  // `written`: the ref as the plan writes it (« I.1 »), when not the ref it is read as (`F1-1`).
  'duplicate-ref': (p) =>
    `La référence ${p.written ? `${paramText(p.written)}, lue ${paramText(p.ref)},` : paramText(p.ref)} est déjà utilisée (ligne ${paramText(p.firstLine)}) : cette fiche reçoit la clé ${paramText(p.key)}.`,
  'fiche-after-other-block': (p) =>
    `La fiche ${paramText(p.ref)} suit un bloc qui n’est pas une fiche (ligne ${paramText(p.blockLine)}) : elle est rangée dans l’axe ${typeof p.axis === 'number' ? p.axis : '« Fiches hors axe »'}, déplacez-la si besoin.`,
  'fiche-outside-axis': (p) =>
    `La fiche ${paramText(p.ref)} n’est sous aucun titre d’axe : elle est rangée dans l’axe « Fiches hors axe » ajouté en fin de plan.`,
  'fiche-after-annexe': (p) =>
    `La fiche « ${paramText(p.ref)} » est après l’annexe ${paramText(p.annexe)}, hors du plan d’actions : elle n’est pas ` +
    'reprise. Placez-la avec les autres fiches, dans son axe.',
  'text-outside-fiche': (p) => {
    const more = Number(p.count ?? 1) - 1;
    const one = more === 0;
    return (
      `Texte hors fiche dans le plan d’actions (« ${paramText(p.text)} »)` +
      (one ? '' : `, et ${more === 1 ? 'la ligne qui le suit' : `les ${frenchNumber(more)} lignes qui le suivent`}`) +
      ` : ${one ? 'il n’est pas repris' : 'ils ne sont pas repris'}. S’${one ? 'il appartient' : 'ils appartiennent'} à une fiche, ` +
      `placez-${one ? 'le' : 'les'} sous sa rubrique, une puce « - » devant chaque critère ou objectif, puis relisez le plan.`
    );
  },
  'unexpected-text': (p) => {
    const rubrics = Array.isArray(p.rubrics) ? p.rubrics.map((r) => `« ${paramText(r)} : »`) : [];
    const place = rubrics.length > 0 ? `sous ${rubrics.join(' ou ')}` : 'sous la rubrique qui lui convient';
    return (
      `Texte inattendu sous « ${paramText(p.field)} »${inFiche(p)}, non repris dans le classeur : « ${paramText(p.text)} ». ` +
      `Placez-le ${place}, puis relisez le plan.`
    );
  },
  'axis-number-noise': (p) => `Numéro d’axe « ${paramText(p.written)} » lu comme ${paramText(p.number)}.`,
  'axis-title-mismatch': (p) =>
    `Le titre de l’axe ${paramText(p.number)} « ${paramText(p.title)} » diffère de l’article 4 : « ${paramText(p.article4Title)} ».`,
  'axis-not-in-article4': (p) =>
    `L’axe ${paramText(p.number)} « ${paramText(p.title)} » n’est pas listé à l’article 4.`,
  'article4-axis-without-fiches': (p) =>
    `L’axe ${paramText(p.number)} « ${paramText(p.title)} » de l’article 4 n’a aucune fiche action.`,
  'article4-not-found': () => `Article 4 (enjeux et objectifs) introuvable : les titres d’axes ne sont pas vérifiés.`,
  'duplicate-axis': (p) => `L’axe ${paramText(p.number)} apparaît deux fois : ses fiches sont réunies.`,
  'period-from-years': (p) =>
    `Dates de l’article 10 introuvables : période lue du ${date(p.start)} au ${date(p.end)} d’après « ${paramText(p.text)} ».`,
  'period-from-duration': (p) =>
    `Fin de la convention calculée : du ${date(p.start)} au ${date(p.end)} d’après « ${paramText(p.text)} » ; vérifiez ces dates.`,
  'caf-not-found': () => `La Caf signataire n’a pas été trouvée au début de la convention.`,
  'epci-not-found': () => `L’EPCI signataire n’a pas été trouvé au début de la convention.`,
  'epci-without-kind': (p) =>
    `L’EPCI signataire est lu sans sa nature (communauté de communes, d’agglomération…) : « ${paramText(p.name)} », la seule ` +
    'partie représentée par son président qui ne soit ni la Caf, ni une commune, ni un organisme d’une autre nature ' +
    '(Département, Région, MSA, CCAS, syndicat, association…). Vérifiez-le ; si ce n’est pas l’EPCI, écrivez dans ' +
    'les parties la nature de l’EPCI devant son nom (« Communauté d’agglomération … »), puis relisez le plan.',
  'no-commune': () => `Aucune commune signataire (« la commune de … ») n’a été trouvée au début de la convention.`,
  'facility-without-type': (p) => `Structure « ${paramText(p.name)} » de l’annexe 2 sans type.`,
  'facility-without-name': (p) => `Ligne de type « ${paramText(p.type)} » de l’annexe 2 sans nom de structure.`,
  'ao-header-typo': (p) =>
    `En-tête « ${paramText(p.written)} » du tableau des AO lu comme « ${paramText(p.expected)} ».`,
  'ao-table-unreadable': () =>
    'Tableau des compétences des AO sans lignes lisibles (une ligne par commune, ses cellules séparées par des ' +
    'tabulations) : il n’est pas repris. Remplissez la feuille « Compétences AO » du classeur, ou exportez de ' +
    'nouveau la convention en gardant le tableau, puis relisez-la.',
  'ao-no-choice': (p) =>
    `Tableau des AO, « ${paramText(p.name)} » : aucune case cochée pour « ${paramText(p.competence)} ». Choisissez qui l’exerce dans la feuille « Compétences AO » du classeur.`,
  'ao-several-choices': (p) =>
    `Tableau des AO, « ${paramText(p.name)} » : plusieurs cases cochées pour « ${paramText(p.competence)} ». Choisissez qui l’exerce dans la feuille « Compétences AO » du classeur.`,
  'ao-population-unreadable': (p) =>
    `Tableau des AO, « ${paramText(p.name)} » : nombre d’habitants « ${paramText(p.text)} » illisible.`,
  'ao-population-mismatch': (p) =>
    `Tableau des AO, « ${paramText(p.name)} » : populations transférées différentes (${paramText(p.values)}) ; la première est retenue.`,
  'page-furniture': (p) => {
    const texts = Array.isArray(p.lines) ? p.lines.map(String) : [];
    const counts = Array.isArray(p.counts) ? p.counts.map(Number) : [];
    const pageNumbers = Number(p.pageNumbers ?? 0);
    const parts = [
      ...(pageNumbers > 0 ? [`${countOf(pageNumbers, 'numéro')} de page`] : []),
      ...texts.map((text, i) => `« ${text} » (${frenchNumber(counts[i] ?? 0)} fois)`),
    ];
    return `En-têtes et pieds de page de l’export ignorés : ${parts.join(', ')}.`;
  },
  'empty-text': () => `Le texte de la convention est vide.`,
  'no-fiche': (p) =>
    `Aucune fiche action trouvée : le texte doit contenir des fiches commençant par « Réf de la fiche action : », ` +
    'ou par un titre qui donne leur référence (« FICHE ACTION N° 3 : … »).' +
    (p.line
      ? ` La ligne ${paramText(p.line)} (« ${paramText(p.text)} ») semble en commencer une : commencez chaque fiche ` +
        'par « FICHE ACTION N° » suivi de sa référence, de « : » et de son intitulé, ou par « Réf de la fiche action : » ' +
        'suivi de sa référence, son intitulé sous « Intitulé de l’action : », puis relisez le plan.'
      : ''),
  'period-not-found': () =>
    `Durée de la convention introuvable : l’article 10 doit donner les dates (ex. « du 1er janvier 2026 au 31 décembre 2030 »).`,
  'period-invalid': (p) => `La convention finit (${date(p.end)}) avant de commencer (${date(p.start)}).`,
  'invalid-plan': (p) => `Le plan lu est incohérent : ${paramText(p.details)}.`,
  'text-file-empty': (p) => `Le fichier${p.fileName ? ` « ${paramText(p.fileName)} »` : ''} est vide.`,
  // `file`: the file as typed on the command line, a shell word: a PDF's text is one command away (pdftotext).
  'not-text-file': (p: MessageParams, surface?: MessageSurface) =>
    `Le fichier${p.fileName ? ` « ${paramText(p.fileName)} »` : ''} n’est pas un texte (${fileKinds[paramText(p.kind)] ?? fileKinds.binary}) : exportez la convention au format texte (.txt) puis réessayez.` +
    (p.kind === 'pdf' && p.file && surface === 'command-line'
      ? ` Pour ce PDF : pdftotext ${paramText(p.file)} convention.txt (outil de poppler-utils), puis npx ctg-suivi plan convention.txt.`
      : ''),
} satisfies Record<PlanWarningCode | PlanFailureCode, MessageTemplate>;
