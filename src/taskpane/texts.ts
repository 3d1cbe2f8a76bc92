// French typography puts non-breaking spaces (U+00A0) in the words below, in templates as in strings
// (tests/taskpane/texts-typography.test.ts checks that every one is there).
/* eslint no-irregular-whitespace: ["error", { "skipStrings": true, "skipTemplates": true }] */
/**
 * Every word the task pane shows, in French, in one place (docs/ARCHITECTURE.md, « Rules of the house »: one place per front end, so that it
 * can be read and translated together). Messages about plans and workbooks come from the shared catalogue
 * (src/taskpane/messages.ts: issueText, messageText); Excel's errors from src/excel (explainExcelError).
 */
import {
  afterColon,
  leftOutFile,
  agree,
  cellLeftSinceMerge,
  countOf,
  finalBilanStep,
  frenchDay,
  frenchRate,
  outsideConvention,
  quarterLagSentence,
  quotedShort,
  shownName,
  unmatchedAdvice,
  unmatchedFichesText,
  type CellLeftSinceMerge,
} from '../app';
import type { QuarterNote } from '../app/consolidate';

const plural = (count: number, one: string, many = `${one}s`) => countOf(count, one, many);

/** A moment as `31/01/2026 à 14:05`, in the pane's local time. */
export function frenchDateTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()} à ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** A rate in [0, 1] as the tools show it everywhere (`frenchRate`): `45,3 %`, `0 %`; `—` when undefined. */
export const percent = frenchRate;

/** A rate said in words, for a bar's value text: `45 %`, or « non calculé » when undefined. */
export function percentSaid(rate: number | null): string {
  return rate === null ? 'non calculé' : percent(rate);
}

/**
 * A quarter label as shown in a sentence: `2027-T1` with a non-breaking hyphen (U+2011), so that a narrow pane
 * never breaks it into « 2027- » and « T1 ». The label typed in cells and offered in the list stays `2027-T1`.
 */
export function quarterText(label: string): string {
  return label.replace(/-/g, '\u2011');
}

/** A merged cell's column as said: a quarter label unbreakable, a header as it is. */
const columnText = (column: string) => (/^\d{4}-T[1-4]$/.test(column) ? quarterText(column) : column);

type Rates = { fillPeriod: number | null; fillCumulative: number | null; achievement: number | null };

/** The three rates of a plan, a territory or a set of territories, in one line. */
const ratesLine = (rates: Rates) =>
  `renseignement cumulé ${percent(rates.fillCumulative)} ; période ${percent(rates.fillPeriod)} ; réalisation ${percent(rates.achievement)}`;

/** A bilan's rates: the period's renseignement first (its subject), the cumulated one beside it. */
/**
 * Beside a territory's quarter (`quarterNoteOf`): outside its convention, with its first or last quarter, as the
 * command line says it; or not begun on the day of the consolidation.
 */
const quarterNoteText = (note: QuarterNote, { first, last }: { first: string; last: string }) =>
  note === 'notBegun'
    ? 'pas encore commencé'
    : outsideConvention(note, { first: quarterText(first), last: quarterText(last) });

const bilanRatesLine = (rates: Rates) =>
  `renseignement de la période ${percent(rates.fillPeriod)} (cumulé ${percent(rates.fillCumulative)}) ; réalisation ${percent(rates.achievement)}`;

/** A text with its first letter capitalised (a rates line opening a sentence). */
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The merges written before a later one stopped (`stop`: « cet échec », « ce refus »), which stay. */
function mergesKept(files: readonly string[], merges: number, stop: string): string {
  return merges > 1
    ? `Les fusions de ${files.join(', ')} avaient été écrites avant ${stop} et restent dans le classeur, notées au ` +
        'Journal (« Annuler la dernière fusion » les retire une à une).'
    : `La fusion de ${files.join(', ')} avait été écrite avant ${stop} et reste dans le classeur, notée au Journal ` +
        '(« Annuler la dernière fusion » la retire).';
}

/**
 * What an undo adds to a cell's line when a regeneration removed the cell from the workbook since the merge, with its
 * row from the plan or with its quarter's column from a changed period (maybe put back since, its cells empty): why,
 * and what « Archives » keeps of it, said as `ctg-suivi undo` says it (cellLeftSinceMerge).
 */
function leftSinceMerge(left: CellLeftSinceMerge): string {
  const { clause, archive } = cellLeftSinceMerge(left);
  return `${clause} ; ${archive}`;
}

export const texts = {
  title: 'Suivi CTG',

  /**
   * The pane's tasks, one tab each. With a tracking workbook open, this quarter's work comes first; creating from a
   * plan comes first only when none is open. The bilan task takes its tab here.
   */
  tasks: {
    label: 'Tâches',
    quarter: 'Trimestre',
    check: 'Vérification',
    create: 'Création',
    partners: 'Partenaires',
    consolidate: 'Consolidation',
    bilan: 'Bilans',
  },
  intro: 'Créez, remplissez et vérifiez le classeur de suivi de la Convention territoriale globale.',
  outsideOffice: 'Ouvrez ce volet depuis Excel pour travailler sur un classeur.',
  busyElsewhere: (tab: string) =>
    `Une action de l’onglet « ${tab} » est en cours sur le classeur : attendez qu’elle se termine.`,
  loadingPane: 'Chargement du complément…',
  loadFailed:
    'Le complément n’a pas pu se charger complètement. Vérifiez la connexion, puis fermez et rouvrez ce volet.',

  status: {
    heading: 'Classeur ouvert',
    loading: 'Lecture du classeur…',
    none: 'Ce classeur n’est pas encore un classeur de suivi CTG. Choisissez un plan, puis créez le classeur de suivi.',
    unreadable: 'Ce classeur est un classeur de suivi que le complément ne peut pas lire :',
    territory: 'Territoire',
    period: 'Période',
    periodValue: (start: string, end: string) => `du ${frenchDay(start)} au ${frenchDay(end)}`,
    currentQuarter: 'Trimestre en cours',
    lastValidation: 'Dernière vérification',
    lastValidationValue: (at: string, errors: number, warnings: number) =>
      `${frenchDateTime(new Date(at))} : ${plural(errors, 'erreur')}, ${plural(warnings, 'avertissement')}`,
    neverValidated: 'jamais depuis ce poste',
    refresh: 'Relire le classeur',
  },

  plan: {
    heading: 'Plan de la convention',
    sourceLabel: 'Origine du plan',
    embedded: 'Plan intégré : CTG des Monts du Pilat 2026–2030',
    paste: 'Coller le texte de la convention',
    file: 'Ouvrir un fichier (texte de la convention .txt ou plan .json)',
    textareaLabel: 'Texte de la convention (annexe 3 comprise)',
    textareaHint: 'Copiez tout le texte de la convention depuis Word ou le PDF, puis collez-le ici.',
    readText: 'Lire le texte',
    fileLabel: 'Fichier du plan',
    fileHint: 'Texte de la convention (.txt), ou plan de la convention déjà lu et enregistré en .json.',
    reading: 'Lecture du plan…',
    emptyText: 'Collez d’abord le texte de la convention.',
    fileUnreadable: 'Le fichier n’a pas pu être lu. Vérifiez qu’il est accessible, puis réessayez.',
    failed: 'Aucun plan n’a pu être lu :',
    noPlanYet: 'Choisissez un plan pour voir ses axes avant de créer le classeur de suivi.',
  },

  preview: {
    heading: 'Aperçu du plan',
    summary: (axes: number, fiches: number, criteria: number) =>
      `${plural(axes, 'axe')}, ${plural(fiches, 'fiche')}, ${plural(criteria, 'critère')}`,
    territory: (territory: string) => `Territoire : ${territory}`,
    period: (start: string, end: string) => `Période : du ${frenchDay(start)} au ${frenchDay(end)}`,
    axisTitle: (number: number, title: string) => `Axe ${number} – ${title}`,
    axisCounts: (fiches: number, criteria: number) => `${plural(fiches, 'fiche')}, ${plural(criteria, 'critère')}`,
    ficheLine: (ref: string, title: string, criteria: number) =>
      `${ref} – ${title || 'sans intitulé'} (${plural(criteria, 'critère')})`,
    planRead: (axes: number, fiches: number, warnings: number) =>
      `Plan lu : ${plural(axes, 'axe')}, ${plural(fiches, 'fiche')}, ${plural(warnings, 'remarque')}.`,
  },

  warnings: {
    heading: (count: number) => `Remarques de lecture (${count})`,
    none: 'Aucune remarque : le texte a été lu sans difficulté.',
    intro:
      'Rien n’est encore écrit. Vérifiez ces points dans le texte si besoin ; le classeur de suivi peut être créé tel quel.',
    groupTitle: (description: string, count: number) => `${description} (${count})`,
    otherGroup: 'Autre remarque',
    line: (line: number, message: string) => (line > 0 ? `Ligne ${line} : ${message}` : message),
  },

  generate: {
    heading: 'Classeur de suivi',
    button: 'Créer le classeur de suivi',
    needPlan: 'Choisissez d’abord un plan ci-dessus.',
    running: 'Création du classeur de suivi…',
    done: 'Classeur de suivi créé.',
    summarySheets: (count: number) => `Feuilles : ${count}`,
    summaryFiches: (count: number) => `Fiches : ${count}`,
    summaryCriteria: (count: number) => `Critères : ${count}`,
    summaryQuarter: (quarter: string) => `Trimestre en cours : ${quarterText(quarter)}`,
    sheetList: (names: readonly string[]) => `Feuilles créées : ${names.join(', ')}`,
    notes: 'Remarques sur cette version d’Excel :',
    existingTitle: 'Ce classeur est déjà un classeur de suivi',
    existingBody:
      'Le classeur de suivi sera reconstruit à partir du plan choisi. Les valeurs déjà saisies sont conservées : elles sont retrouvées par leur clé (G1, G1-QN1…), pas par leur position.',
    existingConfirm: 'Reconstruire le classeur',
    existingCancel: 'Annuler',
    rebuilt: 'Classeur de suivi reconstruit ; les valeurs saisies sont conservées.',
    rebuiltAdded: (count: number) => `Lignes ajoutées : ${count}`,
    rebuiltRemoved: (removed: number, archived: number) =>
      // Archives is spoken of only when values went there.
      archived > 0
        ? `Lignes retirées : ${removed} (dont ${archived} avec des valeurs, copiées dans « Archives »)`
        : `Lignes retirées : ${removed}${removed > 0 ? ', sans valeur saisie' : ''}`,
    rebuiltChanged: (count: number) => `Lignes dont le texte a changé : ${count}`,
    rebuiltAoRows: (added: number, removed: number, journalled: number) => {
      const parts = [
        ...(added > 0 ? [plural(added, 'ligne ajoutée', 'lignes ajoutées')] : []),
        ...(removed > 0 ? [plural(removed, 'ligne retirée', 'lignes retirées')] : []),
      ];
      const kept =
        journalled > 0
          ? ` (${plural(journalled, 'valeur saisie notée', 'valeurs saisies notées')} dans le Journal)`
          : '';
      return `Compétences AO : ${parts.join(', ')}${kept}`;
    },
    rebuildRefused:
      'Le classeur n’a pas été reconstruit : corrigez d’abord ces erreurs (bouton « Vérifier le classeur »).',
    rebuildUnreadable: 'Le classeur de suivi existant ne peut pas être lu ; il n’a pas été modifié :',
  },

  /** Files the pane reads (a picked .xlsx) or produces (a workbook to save or to open in Excel). */
  files: {
    unreadable: 'Le fichier n’a pas pu être lu. Vérifiez qu’il est accessible, puis réessayez.',
    produced: (name: string) => `Fichier prêt : ${name}`,
    save: 'Enregistrer',
    openInExcel: 'Ouvrir dans Excel',
    saved: (name: string) =>
      `Téléchargement de ${name} lancé : le navigateur l’enregistre, en général dans le dossier Téléchargements.`,
    opening: 'Ouverture dans Excel…',
    opened: 'Le classeur est ouvert dans une nouvelle fenêtre d’Excel : enregistrez-le depuis Excel.',
    /** Excel for Mac (and iPad) shows the pane in a webview that drops downloads. */
    downloadBlocked:
      'Excel pour Mac ne laisse pas un complément enregistrer un fichier : ouvrez-le dans Excel, puis enregistrez-le depuis Excel (Fichier › Enregistrer sous).',
    noOutput:
      'Cette version d’Excel ne permet ni d’enregistrer le fichier depuis le complément, ni de l’ouvrir dans Excel : faites-le depuis Excel sur le web, ou mettez Excel à jour.',
  },

  /** « Partenaires »: extracts sent to the partners, their returns merged, the last merge undone. */
  extract: {
    heading: 'Extraits pour les partenaires',
    intro:
      'Un fichier par destinataire, avec ses seules fiches, à envoyer par courriel avec le texte proposé. Le classeur ouvert n’est pas modifié.',
    list: 'Afficher les destinataires',
    listing: 'Lecture du classeur…',
    kinds: { carrier: 'Porteurs', commune: 'Communes', partner: 'Partenaires' },
    none: 'Aucun destinataire : complétez la colonne « Partenaires » des fiches, ou les territoires des fiches des mairies.',
    all: 'Tout cocher',
    make: 'Préparer les extraits',
    making: 'Préparation des extraits…',
    needOne: 'Cochez au moins un destinataire.',
    gone: (names: readonly string[]) =>
      names.length === 1
        ? `« ${names[0]} » n’est plus parmi les destinataires du classeur, qui a changé depuis l’affichage de la liste : pas d’extrait pour ce destinataire. « Afficher les destinataires » met la liste à jour.`
        : `${names.map((name) => `« ${name} »`).join(', ')} ne sont plus parmi les destinataires du classeur, qui a changé depuis l’affichage de la liste : pas d’extrait pour eux. « Afficher les destinataires » met la liste à jour.`,
    made: (count: number) => `${plural(count, 'extrait prêt', 'extraits prêts')}.`,
    refused: 'Aucun extrait ne peut être préparé :',
    refusedListLabel: 'Ce qui empêche de préparer les extraits, par feuille et par fiche',
    summary: (fiches: number, rows: number, quarter: string) =>
      `${plural(fiches, 'fiche')}, ${plural(rows, 'ligne')}, à remplir jusqu’à ${quarterText(quarter)}`,
    textLabel: (name: string) => `Texte du courriel pour ${name}`,
    copy: 'Copier le texte',
    copied: 'Texte copié : collez-le dans le courriel.',
    copyByHand: 'Le texte n’a pas pu être copié : sélectionnez-le dans la zone ci-dessus, puis copiez-le (Ctrl+C).',
    warnings: 'À vérifier avant l’envoi :',
  },

  merge: {
    heading: 'Fusion des retours',
    intro:
      'Les fichiers renvoyés par les partenaires (.xlsx), ou un tableau reçu dans un courriel et collé dans une feuille du classeur : leurs valeurs sont reprises par la clé de chaque ligne. Rien n’est écrit avant « Appliquer la fusion ».',
    pick: 'Choisir les fichiers renvoyés…',
    reading: 'Lecture des fichiers…',
    sheetLabel: 'Ou un tableau collé dans une feuille du classeur',
    sheetHint:
      'Une colonne « Clé » et les en-têtes du suivi. Une feuille ajoutée après l’ouverture du volet apparaît après « Relire le classeur ».',
    noSheet: '(aucune)',
    extractOf: (name: string, partner: string) => `${name} : extrait de ${partner}`,
    partnerLabel: (name: string) => `Partenaire qui a renvoyé ${name}`,
    partnerHint: 'Ce fichier ne dit pas de qui il vient : indiquez le nom du partenaire.',
    preview: 'Voir les changements',
    previewing: 'Lecture des retours…',
    needSource: 'Choisissez d’abord un fichier renvoyé ou une feuille.',
    sheetNamedAsFile: (sheet: string) =>
      `La feuille ${sheet} porte le nom d’un fichier choisi : l’aperçu ne pourrait pas dire lequel des deux renvoie ` +
      'chaque valeur. Renommez la feuille dans Excel et cliquez sur « Relire le classeur », ou choisissez une autre feuille.',
    needPartner: 'Indiquez le partenaire de chaque fichier qui ne le dit pas.',
    /**
     * `contributed`: values taken into a cell fed by several partners that keeps its value; `confirmed`: of the
     * unchanged values, those kept as the partner's contributions (Contributions rows).
     */
    counts: (
      applied: number,
      contributed: number,
      conflicts: number,
      rejected: number,
      unchanged: number,
      confirmed: number,
    ) =>
      `${plural(applied, 'changement')}, ` +
      (contributed > 0
        ? `${plural(contributed, 'valeur reprise', 'valeurs reprises')} sans changer sa cellule (valeur commune des partenaires), `
        : '') +
      `${plural(conflicts, 'conflit')}, ${plural(rejected, 'refus', 'refus')}, ${plural(unchanged, 'valeur inchangée', 'valeurs inchangées')}` +
      (confirmed > 0
        ? ` (dont ${plural(confirmed, 'confirmée', 'confirmées')}, ${agree(confirmed, 'notée', 'notées')} dans « Contributions »)`
        : ''),
    sourceHeading: (source: string, partner: string | null) => (partner ? `${source} (${partner})` : source),
    changes: 'Changements',
    contributed: 'Reprises sans changer la cellule',
    conflicts: 'Conflits',
    rejected: 'Non repris',
    notes: 'Remarques',
    changeLine: (key: string, column: string, old: string, next: string) =>
      `${key}, ${columnText(column)} : ${old} → ${next}`,
    /** A value taken into a cell fed by several partners whose aggregate stays as it was (the command line's words). */
    contributedLine: (key: string, column: string, value: string, kept: string) =>
      `${key}, ${columnText(column)} : valeur ${value} reprise ; la cellule garde ${kept}, la valeur que donnent ` +
      'ensemble les contributions des partenaires',
    conflictLine: (key: string, column: string, master: string, incoming: string) =>
      `${key}, ${columnText(column)} : classeur ${master}, renvoyé ${incoming}`,
    keep: 'Garder la valeur du classeur',
    take: 'Prendre la valeur renvoyée',
    /** `file`: the conflict's, named when other files' values would go in the same cell. */
    choiceLabel: (key: string, column: string, file: string | null) =>
      `Valeur à garder pour ${key}, ${columnText(column)}${file === null ? '' : ` (${file})`}`,
    /** Several files' values for one cell, each with its file: taking one keeps the others. */
    oneValueOfSeveral: (values: readonly { value: string; file: string }[]) =>
      'Plusieurs fichiers renvoient une valeur pour cette cellule ; une seule peut être prise : ' +
      `${values.map(({ value, file }) => `${value} (${file})`).join(', ')}. En prendre une laisse les autres.`,
    takeAll: 'Tout prendre',
    keepAll: 'Tout garder',
    /** Why a value is held, and what taking it gives (conflictExplanation), as a sentence. */
    why: (explanation: string) => `${explanation.charAt(0).toUpperCase()}${explanation.slice(1)}.`,
    returnedAt: (sheet: string, cell: string) => `Dans le fichier renvoyé : feuille ${sheet}, cellule ${cell}`,
    apply: 'Appliquer la fusion',
    /** Beside « Appliquer la fusion » when applying it would write nothing: no value changes the workbook. */
    nothingToApply: 'Rien à appliquer : aucune valeur renvoyée ne change le classeur.',
    /** The same when only conflicts could change it, each kept so far. */
    nothingToApplyUnlessTaken:
      'Rien à appliquer tant que le classeur garde ses valeurs : choisissez « Prendre la valeur renvoyée » pour un conflit à reprendre.',
    applying: 'Fusion en cours…',
    /**
     * Excel refused a later merge of a preview that merges several partners one after another: the earlier ones stay
     * written. Followed, when Excel tells it, by what the failure left of the rest (`restOfMerge`, ExcelErrorBar).
     */
    partlyWritten: (files: readonly string[], merges: number) => mergesKept(files, merges, 'cet échec'),
    /** What leads what the failure left of the rest, when Excel tells it (ExcelErrorBar's `rest`). */
    restOfMerge: 'Pour la suite de la fusion',
    /** The same when a later merge is refused (the workbook's errors, listed below): it wrote nothing. */
    partlyRefused: (files: readonly string[], merges: number) =>
      `${mergesKept(files, merges, 'ce refus')} La suite de la fusion n’a pas été écrite :`,
    nothing: 'Rien à reprendre : aucune valeur ne change le classeur.',
    applied: (count: number) =>
      `Fusion appliquée : ${plural(count, 'cellule modifiée', 'cellules modifiées')} dans le classeur, chacune notée dans le Journal.`,
    keptOnly: 'Fusion appliquée : les contributions sont notées, aucune cellule du classeur ne change.',
    refused: 'Rien n’a été écrit :',
    /**
     * The values chosen would go in one cell, the last replacing the others (the merge's `ambiguousTakes`), so the
     * merge wrote none of them: for each cell, its values with their returns (the pane's returns have distinct names:
     * a pasted sheet of a file's name is refused before the preview, `sheetNamedAsFile`).
     */
    takeAmbiguous: (
      cells: readonly {
        key: string;
        column: string;
        values: readonly { value: string; source: string; partner: string }[];
      }[],
    ) =>
      [
        ...cells.map(
          ({ key, column, values }) =>
            `Pour ${key}, ${columnText(column)}, les valeurs choisies de plusieurs retours iraient dans la même ` +
            `cellule, la dernière remplaçant les autres : ${values.map(({ value, source, partner }) => `${value} (${source}, ${partner})`).join(', ')}.`,
        ),
        'Cliquez à nouveau sur « Voir les changements », puis ne prenez qu’une de ces valeurs.',
      ].join(' '),
  },

  undoMerge: {
    heading: 'Annuler la dernière fusion',
    intro:
      'Remet les cellules changées par la dernière fusion à leur valeur d’avant ; une cellule modifiée depuis n’est pas écrasée.',
    button: 'Annuler la dernière fusion',
    title: 'Annuler la dernière fusion ?',
    bodyKnown: (at: Date, files: readonly string[]) =>
      `La fusion du ${frenchDateTime(at)} (${files.join(', ')}) sera annulée : ses cellules reprennent leur valeur d’avant, ses contributions sont retirées, et le Journal le note.`,
    body: 'La dernière fusion notée au Journal sera annulée : ses cellules reprennent leur valeur d’avant, ses contributions sont retirées, et le Journal le note.',
    confirm: 'Annuler la fusion',
    keep: 'Garder la fusion',
    running: 'Annulation de la fusion…',
    none: 'Aucune fusion à annuler dans ce classeur.',
    done: (files: readonly string[], restored: number, removed: number) =>
      `Fusion annulée (${files.join(', ') || 'sans fichier'}) : ${plural(restored, 'cellule remise', 'cellules remises')} à ${agree(restored, 'sa', 'leur')} valeur d’avant, ${plural(removed, 'contribution retirée', 'contributions retirées')}.`,
    restoredLine: (key: string, column: string, merged: string, restored: string) =>
      `${key}, ${columnText(column)} : ${merged} → ${restored}`,
    changedSince: 'Modifiées depuis la fusion, laissées telles quelles :',
    /** A cell changed since the merge; one removed from the workbook since holds nothing to name: why is said. */
    changedLine: (key: string, column: string, merged: string, now: string, left: CellLeftSinceMerge | null) =>
      `${key}, ${columnText(column)} : la fusion y avait mis ${merged}` +
      (left ? `, mais ${leftSinceMerge(left)}` : `, la cellule contient ${now}`),
    alreadyBefore: 'Déjà à leur valeur d’avant la fusion, rien à y remettre :',
    /** A cell back at its value before the merge; one whose row or column left and came back empty: that is why. */
    alreadyBeforeLine: (key: string, column: string, merged: string, now: string, left: CellLeftSinceMerge | null) =>
      `${key}, ${columnText(column)} : ${now} comme avant la fusion, qui y avait mis ${merged}` +
      (left ? ` : ${leftSinceMerge(left)}` : ''),
    refused: 'Rien n’a été écrit :',
  },

  fileGenerate: {
    heading: 'Classeur en fichier',
    intro:
      'Le classeur de suivi du plan choisi, en fichier .xlsx, sans toucher au classeur ouvert : à enregistrer, à envoyer ou à ouvrir dans Excel.',
    button: 'Créer le classeur en fichier',
    running: 'Création du fichier…',
  },

  fileCheck: {
    heading: 'Vérification d’un fichier',
    intro:
      'Un classeur de suivi reçu en fichier (.xlsx), le retour d’un partenaire par exemple, est vérifié sans être ouvert ni modifié. Plusieurs fichiers peuvent être choisis ensemble.',
    button: 'Vérifier un fichier…',
    running: 'Lecture et vérification…',
    counts: (name: string, errors: number, warnings: number) =>
      `${name} : ${plural(errors, 'erreur')}, ${plural(warnings, 'avertissement')}`,
    clean: (name: string) => `${name} : aucun problème trouvé, le classeur est conforme.`,
    unreadable: (name: string) => `${name} : le fichier ne peut pas être vérifié.`,
    listLabel: (name: string) => `Problèmes trouvés dans ${name}, par feuille et par fiche`,
  },

  validate: {
    heading: 'Vérification du classeur',
    button: 'Vérifier le classeur',
    running: 'Vérification du classeur…',
    counts: (errors: number, warnings: number) => `${plural(errors, 'erreur')}, ${plural(warnings, 'avertissement')}`,
    clean: 'Aucun problème trouvé : le classeur est conforme.',
    unreadable: 'Ce classeur ne peut pas être vérifié :',
    error: 'Erreur',
    warning: 'Avertissement',
    /** A sheet's fold: how many problems, and how many of them are errors, said even while it is folded. */
    sheetGroup: (sheet: string, count: number, errors = 0) =>
      errors === count
        ? `${sheet} (${plural(count, 'erreur')})`
        : `${sheet} (${plural(count, 'problème')}${errors > 0 ? `, dont ${plural(errors, 'erreur')}` : ''})`,
    expandAll: 'Tout déplier',
    collapseAll: 'Tout replier',
    noSheet: 'Classeur',
    ficheGroup: (ficheKey: string) => `Fiche ${ficheKey}`,
    otherRows: 'Hors fiche',
    goTo: (sheet: string, cell: string) => `Aller à ${sheet}!${cell}`,
    goToSheet: (sheet: string) => `Aller à la feuille ${sheet}`,
    /** After « Aller à » a cell of a hidden sheet, which had to be shown (`toolsRecord`: `_ctg`, the tools' own). */
    sheetShown: (sheet: string, toolsRecord: boolean) =>
      `La feuille « ${sheet} » était masquée : elle est affichée pour montrer la cellule. ` +
      (toolsRecord
        ? `Elle appartient au complément : déplacez-en la valeur signalée sans rien y changer d’autre, puis masquez-la de nouveau `
        : 'Masquez-la de nouveau une fois la correction faite ') +
      '(clic droit sur son onglet, « Masquer »).',
    /** Where an issue is, in a file that is not open (no link to follow). */
    place: (sheet: string, cell: string | null) => (cell ? `Feuille ${sheet}, cellule ${cell}` : `Feuille ${sheet}`),
    /** The one line that sums up the warnings « valeurs manquent » of the current quarter, one per fiche. */
    quarterGaps: (quarter: string, fiches: number) =>
      `Valeurs attendues pour ${quarterText(quarter)} manquantes : ${plural(fiches, 'fiche')}`,
    listLabel: 'Problèmes trouvés, par feuille et par fiche',
    selecting: 'Sélection de la cellule…',
    outdated:
      'Le complément a réécrit le classeur depuis cette vérification (création, calcul ou clôture) : vérifiez-le à nouveau pour des résultats à jour.',
  },

  followUp: {
    heading: 'Suivi du trimestre',
    compute: 'Calculer',
    close: 'Clôturer le trimestre',
    running: 'Calcul en cours…',
    figuresOf: (quarter: string) => `Taux de renseignement cumulés à ${quarterText(quarter)}, par axe :`,
    overall: 'Ensemble du plan',
    rates: (rates: Rates) => capitalised(ratesLine(rates)),
    closeTitle: (quarter: string) => `Clôturer le trimestre ${quarterText(quarter)} ?`,
    closeBody:
      'Les états des fiches (statut, avancement, mise en œuvre, difficultés) et les commentaires des critères sont copiés dans la feuille « Historique », une ligne est ajoutée au Journal, et le trimestre en cours passe au suivant. Les valeurs saisies restent en place.',
    closeConfirm: 'Clôturer',
    /** Said in the dialog when the quarter has not ended yet (`endsOn`, ISO). */
    closeBeforeEnd: (quarter: string, endsOn: string) =>
      `Attention : le trimestre ${quarterText(quarter)} ne se termine que le ${frenchDay(endsOn)}. « Historique » gardera l’état des fiches d’aujourd’hui ; ce qui changera d’ici là n’y sera pas, à moins de clôturer ce trimestre à nouveau après sa fin.`,
    closeConfirmEarly: 'Clôturer avant la fin',
    /** `nextIsLast`: the quarter made current is the convention's last, not closed; the final bilan comes next. */
    closed: (closed: string, next: string, nextIsLast = false) =>
      `Trimestre ${quarterText(closed)} clôturé ; trimestre en cours : ${quarterText(next)}` +
      (nextIsLast ? `, le dernier de la convention, qui ne se clôture pas. ${finalBilanStep('task-pane')}` : '.'),
    refused: 'Rien n’a été écrit :',
    /** Under « Rien n’a été écrit »: how many problems, listed below as « Vérifier le classeur » lists them. */
    refusedCounts: (errors: number, warnings: number) =>
      `${plural(errors, 'erreur')}, ${plural(warnings, 'avertissement')} : voir la liste ci-dessous, avec un lien vers chaque cellule.`,
    refusedListLabel: 'Ce qui empêche d’écrire le classeur, par feuille et par fiche',
    sheetsHeading: 'Aller à une feuille',
    quarterLabel: 'Trimestre en cours',
    /** Read out by screen readers after « Calculer »: the figures in one sentence. */
    figuresSaid: (quarter: string, overall: Rates, axes: readonly { number: number; rates: Rates }[]) =>
      `Taux de renseignement cumulés à ${quarterText(quarter)} : ensemble du plan à ${percent(overall.fillCumulative)}` +
      (axes.length > 0
        ? ` ; ${axes.map(({ number, rates }) => `axe ${number} à ${percent(rates.fillCumulative)}`).join(', ')}.`
        : '.'),
    axisName: (name: string, rate: number | null) => `${name} : ${percent(rate)}`,
    barValue: (rate: number | null) => `Renseignement cumulé ${percentSaid(rate)}`,
    quarterHint: 'Le trimestre dont « Calculer » donne les taux.',
    /** Beside « Calculer » and « Clôturer le trimestre » when Excel’s undo will not take their changes back. */
    excelUndoNotKept: '« Annuler » d’Excel ne défera pas ces changements : le Journal les garde un à un.',
    quarterWillChange: (from: string, to: string) =>
      from === ''
        ? `Le trimestre en cours deviendra ${quarterText(to)} au prochain calcul.`
        : `Le trimestre en cours passera de ${quarterText(from)} à ${quarterText(to)} au prochain calcul.`,
    quarterNone: '(non renseigné)',
    quarterNotInConvention: ' (hors convention)',
    todaysQuarter: (quarter: string) => `${quarter} (aujourd’hui)`,
    closeLastQuarter: (quarter: string) =>
      `${quarterText(quarter)} est le dernier trimestre de la convention : il n’y a pas de trimestre suivant où passer. ` +
      finalBilanStep('task-pane'),
    closeAfterLastQuarter: (quarter: string, last: string) =>
      `${quarterText(quarter)} est après le dernier trimestre de la convention (${quarterText(last)}) : il n’y a pas de trimestre suivant où passer.`,
    /**
     * Beside « Clôturer le trimestre » when the workbook's quarter begins after today (`startsOn`, ISO); `first`, the
     * convention's first quarter and its first day, when today is before it (today's quarter is none of it).
     */
    closeNotBegun: (quarter: string, startsOn: string, first: { quarter: string; startsOn: string } | null = null) =>
      first?.quarter === quarter
        ? `${quarterText(quarter)}, le premier trimestre de la convention, ne commence que le ${frenchDay(startsOn)} : il ne pourra être clôturé qu’à partir de ce jour.`
        : `${quarterText(quarter)} ne commence que le ${frenchDay(startsOn)} : il ne pourra être clôturé qu’à partir de ce jour. S’il a été avancé par erreur (une clôture de trop), remettez le trimestre voulu dans la liste` +
          (first
            ? ` (${quarterText(first.quarter)}, le premier de la convention, qui commence le ${frenchDay(first.startsOn)})`
            : '') +
          ', puis « Calculer ».',
    closeNeedsWorkbookQuarter: (quarter: string) =>
      `« Clôturer » porte sur le trimestre du classeur (${quarterText(quarter)}) : remettez-le dans la liste, ou calculez d’abord.`,
  },

  /** « Consolidation »: many territories' workbooks read from files, summed up, and written as one workbook. */
  consolidation: {
    heading: 'Consolidation des territoires',
    intro:
      'Les classeurs de suivi de plusieurs territoires (.xlsx), lus sans être ouverts ni modifiés : taux par territoire, par champ d’intervention et par public, dans un classeur à enregistrer ou à ouvrir dans Excel.',
    pick: 'Choisir les classeurs…',
    picked: (count: number, shown: readonly string[]) =>
      `${plural(count, 'fichier choisi', 'fichiers choisis')} : ${shown.join(', ')}${count > shown.length ? ` et ${plural(count - shown.length, 'autre')}` : ''}`,
    clear: 'Vider la liste',
    quarterLabel: 'Trimestre (facultatif)',
    quarterHint: 'AAAA-Tn, par exemple 2027‑T2. Vide : chaque classeur à son trimestre en cours.',
    badQuarter: (value: string) =>
      `« ${value} » n’est pas un trimestre : écrivez AAAA-Tn, par exemple 2027‑T2, ou laissez vide.`,
    needFiles: 'Choisissez d’abord les classeurs à consolider.',
    button: 'Consolider',
    progress: (done: number, total: number) => `${done} / ${total} ${total > 1 ? 'fichiers lus' : 'fichier lu'}`,
    writing: 'Écriture du classeur de consolidation…',
    done: (territories: number, rejected: number) =>
      `Consolidation terminée : ${plural(territories, 'territoire')}, ${plural(rejected, 'fichier écarté', 'fichiers écartés')}.`,
    measuredAt: (quarter: string | null) =>
      quarter
        ? `Chaque territoire est mesuré à ${quarterText(quarter)}.`
        : 'Chaque territoire est mesuré à son trimestre en cours.',
    total: (territories: number, rates: Rates) =>
      `${plural(territories, 'territoire consolidé', 'territoires consolidés')} : ${ratesLine(rates)}`,
    noTerritory:
      'Aucun territoire consolidé : chaque fichier choisi a été écarté, pour la raison donnée ci-dessous. Aucun ' +
      'classeur de consolidation n’est produit.',
    territoriesHeading: (count: number) => `Territoires (${count})`,
    more: (count: number) =>
      `… et ${plural(count, 'autre territoire', 'autres territoires')} : voir la feuille « Territoires » du classeur de consolidation.`,
    /** A territory and the file its figures come from: its name alone does not say which copy was measured. */
    territoryLine: (
      name: string,
      file: string,
      quarter: string,
      note: QuarterNote | null,
      convention: { first: string; last: string },
      rates: Rates,
      errors: number,
    ) =>
      `${shownName(name)} — ${file} (${quarterText(quarter)}${note === null ? '' : `, ${quarterNoteText(note, convention)}`}) : ${ratesLine(rates)}${errors > 0 ? `, ${plural(errors, 'erreur de données', 'erreurs de données')}` : ''}`,
    /** After a territory's line when it is kept with data errors: where to see them (its line only counts them). */
    dataErrors: (errors: number) =>
      `${errors === 1 ? 'Pour la voir et savoir où la corriger' : 'Pour les voir et savoir où les corriger'} : « Vérifier un fichier… » sur ce fichier`,
    /** After a territory's line when its `Compétences AO` was not read (its figures are consolidated). */
    aoUnread: (reason: string) => `Compétences AO non lues : ${afterColon(reason)}`,
    /** After a territory's line when it is counted without a column no figure reads: which, and the reason for the Caf. */
    missingColumn: (column: string, sheet: string, reason: string) =>
      `Compté sans la colonne ${quotedShort(column)} de ${quotedShort(sheet)}, qu’aucun chiffre de la consolidation ne lit : ${reason}`,
    rejectedHeading: (count: number) => `Fichiers écartés (${count})`,
    rejectedLine: (file: string, reason: string, territory?: string) => `${leftOutFile(file, territory)} : ${reason}`,
    duplicatesHeading: (count: number) => `Doublons (${count})`,
    duplicateLine: (territory: string, kept: string, dropped: string, reason: string) =>
      `${shownName(territory)} : ${kept} gardé, ${dropped} non retenu — ${reason}`,
    /** Workbooks made from one for other territories, kept apart: each reason names its files and the SIREN to fill. */
    copiesApartHeading: (count: number) => `Classeurs créés à partir d’un même classeur (${count})`,
    unexpected: (detail: string) =>
      `Erreur inattendue en lisant ce fichier (${detail}) : il est écarté, les autres sont consolidés.`,
    unmatchedHeading: (count: number) => `Hors vocabulaire de la convention (${count})`,
    /** A name far too long is quoted by its start and its length, as every value quoted; the workbook has it whole. */
    /**
     * With where the first territory names it (its fiches, its first cell, beside its name) and what to write
     * instead, as the command line says it.
     */
    unmatchedLine: (
      kind: 'field' | 'public',
      name: string,
      territories: readonly string[],
      where?: {
        place: { territory: string; sheet: string; cell: string; fiches: number };
        suggestions: readonly string[];
      },
    ) =>
      `${quotedShort(name)} (${kind === 'field' ? 'champ d’intervention' : 'public'}) : ` +
      territories
        .map((territory) =>
          where?.place.territory === territory
            ? `${shownName(territory)} (${unmatchedFichesText(where.place)})`
            : shownName(territory),
        )
        .join(', ') +
      (where ? ` — ${unmatchedAdvice(where.suggestions, 'task-pane')}` : ''),
    /** After a territory's line when its quarter lags today's, or its convention ended. */
    quarterLagging: (quarter: string, lag: { behind: number; todays: string; ended: string | null }) =>
      quarterLagSentence(
        quarterText(quarter),
        {
          ...lag,
          todays: quarterText(lag.todays),
          ended: lag.ended === null ? null : quarterText(lag.ended),
        },
        'task-pane',
      ),
    fileFailed:
      'Le classeur de consolidation n’a pas pu être préparé ; le résumé ci-dessous reste juste. Réessayez ; si l’échec se répète, fermez d’autres classeurs ou onglets, puis recommencez.',
  },

  bilan: {
    heading: 'Bilan de la convention',
    intro:
      'Le bilan d’une période de la convention, pour le COPIL ou pour la CDSF : chiffres de la période par axe et pour le plan, état des fiches à la fin de la période, tableau des compétences AO, dans un classeur prêt à imprimer, à enregistrer ou à ouvrir dans Excel. Le classeur ouvert n’est pas modifié.',
    kindLabel: 'Bilan',
    kinds: {
      annual: 'Annuel',
      midterm: 'Intermédiaire (à mi-parcours)',
      final: 'Final (toute la convention)',
    },
    yearLabel: 'Année',
    yearHint: 'Les années de la convention ; par défaut celle du trimestre en cours.',
    cdsf: 'Volet petite enfance (CDSF)',
    cdsfHint:
      'Seulement les fiches du public « Petite enfance », ou « Familles » avec un champ « Soutien à la parentalité » ou « Besoin de garde ».',
    button: 'Créer le bilan',
    making: 'Préparation du bilan…',
    refused: 'Aucun bilan n’a été fait :',
    refusedListLabel: 'Ce qui empêche le bilan, par feuille et par fiche',
    warnings: 'À savoir',
    made: (title: string) => `Bilan prêt : ${title}.`,
    /**
     * The period and its state; `current` is the workbook's current quarter: a period in progress measured to another
     * quarter is one whose last quarter was closed before its end (its warning, shown below, says until when).
     */
    stateSentence: (
      period: { state: 'over' | 'current' | 'future'; first: string; last: string; measuredTo: string },
      current: string,
    ) => {
      const { state, first, last, measuredTo } = period;
      const of = `Période de ${quarterText(first)} à ${quarterText(last)} :`;
      if (state === 'over') return `${of} terminée.`;
      if (state === 'future') return `${of} à venir, chiffres du trimestre en cours (${quarterText(measuredTo)}).`;
      return measuredTo === current
        ? `${of} en cours, chiffres arrêtés au trimestre en cours (${quarterText(measuredTo)}).`
        : `${of} en cours, chiffres arrêtés à ${quarterText(measuredTo)}.`;
    },
    figuresHeading: 'Chiffres de la période',
    planLine: (fiches: number, rates: Rates) =>
      `Ensemble du plan (${plural(fiches, 'fiche')}) : ${bilanRatesLine(rates)}`,
    axisLine: (number: number, title: string, fiches: number, rates: Rates) =>
      `Axe ${number}${title ? ` – ${title}` : ''} (${plural(fiches, 'fiche')}) : ${bilanRatesLine(rates)}`,
    statusLine: (
      statuses: { notStarted: number; inProgress: number; done: number; postponed: number; abandoned: number },
      fiches: number,
      withDifficulties: number,
    ) => {
      const withStatus =
        statuses.notStarted + statuses.inProgress + statuses.done + statuses.postponed + statuses.abandoned;
      return (
        `Fiches à la fin de la période : ${plural(statuses.notStarted, 'non démarrée', 'non démarrées')}, ` +
        `${statuses.inProgress} en cours, ${plural(statuses.done, 'réalisée')}, ${plural(statuses.postponed, 'reportée')}, ` +
        `${plural(statuses.abandoned, 'abandonnée')}, ${fiches - withStatus} sans statut ; ${withDifficulties} avec des difficultés.`
      );
    },
    fileFailed:
      'Le classeur du bilan n’a pas pu être préparé ; le résumé ci-dessus reste juste. Réessayez ; si l’échec se répète, fermez d’autres classeurs ou onglets, puis recommencez.',
  },

  excelErrorTitle: 'Excel n’a pas pu terminer',
  /** Above the warnings of a rewrite of the open workbook (« Calculer », « Clôturer », a merge, its undo). */
  rewriteNotes: 'À noter :',
} as const;
