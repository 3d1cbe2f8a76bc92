/**
 * Every French word the Office.js back end shows (error explanations and notes on what this version of Excel cannot
 * do), in one place so that it can be read and translated together. The task pane displays them as they are.
 */

/** What went wrong and what to do, by Office.js error code (OfficeExtension.Error `code`). */
export const excelErrorTexts = {
  InvalidOperationInCellEditMode:
    'Une cellule est en cours de modification : appuyez sur Entrée ou Échap dans Excel, puis réessayez.',
  RequestPayloadSizeLimitExceeded:
    'La demande envoyée à Excel est trop volumineuse (limite d’Excel sur le web). Réessayez ; si le problème persiste, utilisez Excel sur ordinateur ou la ligne de commande.',
  ResponsePayloadSizeLimitExceeded:
    'Le classeur est trop volumineux pour être lu en une fois par Excel sur le web. Supprimez les feuilles inutiles ou utilisez Excel sur ordinateur.',
  AccessDenied:
    'Excel a refusé la modification : une feuille ou le classeur est protégé. Ôtez la protection (onglet Révision), puis réessayez.',
  WorkbookStructureProtected:
    'La structure du classeur est protégée : impossible d’ajouter ou de remplacer des feuilles. Ôtez la protection du classeur (Révision › Protéger le classeur), puis réessayez.',
  HiddenSheetProtected:
    'La feuille de cette cellule est masquée et la structure du classeur est protégée\u00a0: Excel ne peut pas l’afficher pour montrer la cellule. Ôtez la protection du classeur (Révision › Protéger le classeur) ou affichez la feuille vous-même, puis réessayez.',
  ItemNotFound:
    'Une feuille, un nom ou un tableau attendu est introuvable : le classeur a peut-être été modifié pendant l’opération. Réessayez.',
  ItemAlreadyExists:
    'Une feuille, un nom ou un tableau porte déjà le nom que le complément veut créer. Renommez-le, puis réessayez.',
  InvalidArgument:
    'Excel a refusé une valeur envoyée par le complément. Réessayez ; si le problème persiste, signalez-le avec le classeur.',
  InvalidOperation:
    'Excel n’a pas pu effectuer l’opération sur ce classeur (feuille masquée, cellules fusionnées ou tableau existant). Réessayez après avoir vérifié le classeur.',
  InvalidReference: 'Une référence de cellule n’est pas valide pour cette feuille. Réessayez.',
  ApiNotFound:
    'Cette version d’Excel ne connaît pas une fonction utilisée par le complément. Mettez Excel à jour ou utilisez Excel sur le web.',
  Conflict: 'Le classeur a été modifié en même temps par quelqu’un d’autre. Réessayez dans quelques instants.',
  RequestAborted: 'L’opération a été interrompue par Excel. Réessayez.',
  ActivityLimitReached: 'Excel est momentanément surchargé. Patientez quelques secondes, puis réessayez.',
  GeneralException:
    'Excel a rencontré une erreur interne. Enregistrez le classeur, fermez puis rouvrez-le, et réessayez.',
  ExcelApiTooOld:
    'Cette version d’Excel est trop ancienne pour le complément (ensemble ExcelApi 1.8 requis) : utilisez Microsoft 365, Excel 2019 ou plus récent, ou Excel sur le web.',
  ExcelUnavailable: 'Excel n’est pas disponible : ouvrez le complément depuis un classeur Excel.',
  Unknown: 'Excel a signalé une erreur inattendue. Réessayez ; si le problème persiste, signalez-le avec le classeur.',
} as const;

export type ExcelErrorTextCode = keyof typeof excelErrorTexts;

/**
 * What a failure left in the open workbook (excel-errors.ts, `WorkbookLeft`), said below its explanation. Only what
 * the code guarantees: a cell change's undo gives back the cells' values, formulas and number formats and the
 * sheets' protection (not the borders of a new line, nor a filter's longer range); a whole rewrite's removes the new
 * sheets and gives the old ones their names back.
 */
export const workbookLeftTexts = {
  untouched: 'Rien n’a été modifié dans le classeur.',
  restored:
    'Le classeur a été remis comme avant : ce que l’opération avait commencé d’écrire a été retiré, aucune valeur ni formule n’est changée.',
  'cells-maybe-changed':
    'Le classeur a peut-être été modifié en partie : Excel a aussi refusé d’y remettre les cellules déjà écrites, et une feuille a pu rester sans sa protection. Vérifiez le classeur avant de continuer, puis relancez l’opération.',
  'sheets-maybe-changed':
    'Le classeur a peut-être été modifié en partie : Excel a aussi refusé de le remettre comme avant. Des feuilles nommées « ctg-nouvelle-… » (masquées, faites par l’opération) ou « ctg-ancienne-… » (vos feuilles d’avant, mises de côté) peuvent y rester. Vérifiez le classeur avant de continuer.',
} as const;

/**
 * What became of a person's edit caught during a rewrite (edits-since-read.ts): `undone`, the rewrite refused or
 * undone with their value kept; `cells-not-restored`, the undo of a cell change refused too, their value written over
 * perhaps not back; `sheets-left`, a whole rewrite stopped before its switch (their sheets, their value in them,
 * untouched) whose new sheets Excel refused to remove.
 */
export type EditOutcome = 'undone' | 'cells-not-restored' | 'sheets-left';

/** What a person changed during a rewrite: cells (« Axe 1!L4 »), and sheets whose notes or comments changed. */
export interface EditsDuringRewrite {
  cells: readonly string[];
  noteSheets: readonly string[];
}

/**
 * A person typed in the workbook while a rewrite ran (Excel does not lock it during an add-in's requests): the
 * rewrite is refused or undone before their value is lost, and the cells are named (« Axe 1!L4 »), or the sheets
 * whose notes or comments they added or changed (Office.js gives a note's cell only in one more round trip);
 * `outcome` says what became of it when the undo failed too.
 */
export function editedDuringRewriteText(edits: EditsDuringRewrite, outcome: EditOutcome = 'undone'): string {
  const { cells, noteSheets } = edits;
  const shown = cells.slice(0, 5).join(', ') + (cells.length > 5 ? ', …' : '');
  const these = cells.length > 1 ? 'ces cellules' : 'cette cellule';
  const after = {
    undone: ' l’opération a été annulée et votre saisie est conservée. Relancez l’opération.',
    'cells-not-restored': ` l’opération s’est arrêtée, mais Excel a refusé d’y remettre votre saisie, qui a pu être remplacée : vérifiez ${these} et retapez-la si besoin.`,
    // What the new sheets left may be follows it (workbookLeftTexts['sheets-maybe-changed']).
    'sheets-left': ' l’opération s’est arrêtée avant de remplacer vos feuilles, et votre saisie est conservée.',
  };
  const sheets = noteSheets.map((sheet) => `«\u00a0${sheet}\u00a0»`).join(', ');
  const what = [
    ...(cells.length > 0 ? [`${cells.length > 1 ? 'cellules' : 'cellule'} ${shown}`] : []),
    ...(noteSheets.length > 0
      ? [`une note ou un commentaire ${noteSheets.length > 1 ? 'des feuilles' : 'de la feuille'} ${sheets}`]
      : []),
  ].join('\u00a0; ');
  return `Le classeur a été modifié pendant l’opération (${what}) :` + after[outcome];
}

/**
 * Short notes on what was left out because this version of Excel lacks it, or (`presentation`) because Excel refused
 * it during the write; the workbook is usable without it.
 */
export const degradationNotes = {
  pageLayout:
    'Mise en page indisponible dans cette version d’Excel : l’orientation, le nombre de pages en largeur et les lignes et colonnes répétées à l’impression ne sont pas réglés.',
  sheetAutoFilter:
    'Filtre automatique indisponible dans cette version d’Excel : les feuilles sont écrites sans flèches de filtre, et une feuille protégée n’en accepte pas de nouvelles. Pour filtrer, ôtez la protection de la feuille (Révision), puis Données › Filtrer.',
  cellComments:
    'Cette version d’Excel ne permet pas au complément de lire les commentaires et les notes des cellules : ceux des feuilles que l’opération a reconstruites, s’il y en avait, n’ont pas été repris. Reprenez-les d’une copie du classeur enregistrée avant, ou utilisez Microsoft 365 ou Excel sur le web.',
  cellNotes:
    'Cette version d’Excel ne permet pas au complément de lire les notes des cellules (les commentaires sont repris) : celles des feuilles que l’opération a reconstruites, s’il y en avait, n’ont pas été reprises. Reprenez-les d’une copie du classeur enregistrée avant, ou utilisez Microsoft 365 ou Excel sur le web.',
  presentation:
    'Le classeur est à jour, mais Excel a refusé une partie de la présentation : le graphique, les barres de données ou la mise en page d’impression manquent peut-être. Relancez l’opération pour les poser.',
} as const;

export type DegradationNote = keyof typeof degradationNotes;

/** « Ouvrir dans Excel » (file-actions.ts). */
export const excelFileTexts = {
  /**
   * Excel on the web takes the file in one request of at most 5 MB (its base64: about 3.7 MB of .xlsx); trying
   * again cannot help, saving the file can.
   */
  tooLargeToOpen:
    'Ce fichier est trop volumineux pour qu’Excel sur le web l’ouvre depuis le complément (5 Mo au plus par envoi).' +
    ' Choisissez « Enregistrer », puis ouvrez le fichier enregistré dans Excel.',
} as const;

/** What Excel draws beyond the file's content (native chart of Annexe 4). */
export const excelVisualTexts = {
  completionChartTitle: 'Taux de renseignement par axe',
};
