import type { IssueCodeEntry } from '.';

/**
 * The codes of the use cases that write a tracking workbook again (compute, close-quarter, generate --force over
 * a workbook, choosing the current quarter): why a rewrite is refused, and what it changed or could not do. Part of
 * the one table `issueCodes` (./index.ts); the messages are in src/domain/messages/rewrite.ts and quarter-choice.ts.
 */
export const rewriteIssueCodes = {
  // A partner's extract given where the master is expected (arguments swapped)
  'workbook-is-extract': {
    severity: 'error',
    description: 'Le classeur donné est l’extrait d’un partenaire, pas le classeur de suivi : rien n’est fait.',
  },
  // Reading the workbook back into the state a rewrite starts from (src/app/workbook-state.ts)
  'workbook-plan-unreadable': {
    severity: 'error',
    description:
      'Le plan ne se relit pas dans les feuilles d’axe (aucune feuille « Axe N », ou une ligne sans clé lisible) : le classeur n’est pas réécrit.',
  },
  // Choosing the current quarter (src/app/choose-quarter.ts): a quarter given by the user, not read in the workbook
  'quarter-malformed': {
    severity: 'error',
    description: 'Le trimestre choisi n’est pas de la forme AAAA-Tn : le classeur n’est pas modifié.',
  },
  'quarter-outside-convention': {
    severity: 'error',
    description: 'Le trimestre choisi est en dehors de la convention : le classeur n’est pas modifié.',
  },
  'quarter-chosen-ahead': {
    severity: 'warning',
    description:
      'Le trimestre en cours choisi est plus d’un trimestre après celui de la date du jour (dit dans le message) : les taux comptent comme dues les valeurs de tous les trimestres jusqu’à lui.',
  },
  // Closing a quarter (src/app/close-quarter.ts)
  'quarter-is-last': {
    severity: 'error',
    description: 'Le trimestre en cours est le dernier de la convention : il n’y a pas de trimestre suivant à ouvrir.',
  },
  'quarter-not-begun': {
    severity: 'error',
    description:
      'Le trimestre en cours n’a pas encore commencé : il ne peut pas être clôturé, « Historique » garderait pour lui l’état des fiches d’un autre trimestre.',
  },
  'quarter-after-convention': {
    severity: 'error',
    description:
      'Le trimestre en cours est après la fin de la convention (une valeur saisie au-delà de son dernier trimestre) : il n’y a rien à clôturer, le trimestre en cours est à remettre dans la convention.',
  },
  'quarter-closed-again': {
    severity: 'warning',
    description:
      'Le trimestre avait déjà été clôturé : ses lignes de l’Historique sont remplacées par l’état actuel, chaque valeur ajoutée, modifiée ou effacée depuis notée dans le Journal (ou le message dit que rien n’a changé).',
  },
  'quarter-closed-before-end': {
    severity: 'warning',
    description:
      'Le trimestre est clôturé avant sa fin : « Historique » garde l’état des fiches du jour de la clôture, et ce qui change d’ici la fin du trimestre n’y est pas (à moins de le clôturer à nouveau après).',
  },
  // Computing the figures (src/app/compute.ts)
  'ao-table-unavailable': {
    severity: 'warning',
    description:
      'La feuille « Compétences AO » est absente ou illisible : les populations et les obligations des autorités organisatrices ne sont pas calculées.',
  },
  // Writing the workbook (src/app/write-state.ts, src/app/kept-cells-of-workbook.ts, src/app/restored-texts.ts): a
  // person's cells are kept, or journalled
  'sheet-copied-as-values': {
    severity: 'warning',
    description:
      'Une feuille ajoutée à la main est recopiée avec ses valeurs et ses formules, sans sa mise en forme (le .bak la garde).',
  },
  'cell-note-not-kept': {
    severity: 'warning',
    description:
      'Une note (un commentaire) attachée à une cellule n’est pas reprise par une réécriture du classeur entier, la place de sa cellule n’y étant plus (ligne retirée du plan, colonne ou feuille disparue) ou son texte trop long pour être lu ; le .bak la garde (dans Excel, le message la cite en entier).',
  },
  'cell-notes-unreadable': {
    severity: 'error',
    description:
      'Les notes (commentaires) des cellules d’une feuille n’ont pas pu être lues, la partie du fichier qui les garde étant endommagée (coupée, mal formée ou absente) ; les cellules de la feuille sont lues. Une réécriture du classeur entier les perdrait : elle est refusée, le fichier laissé tel quel ; une réécriture qui ne change que des cellules laisse les notes telles quelles et se fait.',
  },
  'kept-cell-in-the-way': {
    severity: 'error',
    description:
      'Une cellule saisie hors des tableaux occupe une place que la réécriture doit remplir : le classeur n’est pas réécrit.',
  },
  'kept-cell-sheet-gone': {
    severity: 'error',
    description:
      'Une feuille d’axe que le plan modifié n’a plus (aucune fiche dans son axe, ou un axe retiré avant lui, qui renumérote les suivants) contient une saisie hors du tableau : le classeur n’est pas réécrit.',
  },
  'rows-reordered': {
    severity: 'warning',
    description:
      'Les lignes d’une feuille d’axe n’étaient pas dans l’ordre du plan (tableau trié) : la réécriture les y remet, chaque valeur avec sa clé, et le note dans le Journal.',
  },
  'tool-text-restored': {
    severity: 'warning',
    description:
      'Un texte de l’outil (titre, intitulé, consigne, en-tête) avait été remplacé à la main : la réécriture le remet, et ce qui s’y trouvait est gardé dans le Journal ; le classeur est alors réécrit entier (largeurs, colonnes masquées et mises en forme changées à la main remises comme à la génération).',
  },
  'criterion-title-restored': {
    severity: 'warning',
    description:
      'L’intitulé d’une ligne de critère était vide, dans un classeur tiré du plan intégré : la réécriture y a remis l’intitulé de ce plan, et dans les cellules vides de la ligne ce que la génération y écrit (Fréquence, Règle d’agrégation, et l’Unité, la Référence, la Cible que le plan donne), notés au Journal ; une valeur saisie n’est jamais remplacée.',
  },
  'copied-text-updated': {
    severity: 'warning',
    description:
      'Une cellule de l’Annexe 4 montrait un texte (titre d’axe, intitulé de fiche, porteur) que les feuilles d’axe ne donnaient plus : la réécriture y met celui des feuilles d’axe, et l’ancien est gardé dans le Journal ; le classeur est alors réécrit entier (largeurs, colonnes masquées et mises en forme changées à la main remises comme à la génération).',
  },
  'kept-cell-row-gone': {
    severity: 'error',
    description:
      'Une valeur d’une colonne ajoutée appartient à une ligne que la réécriture ne garde pas : le classeur n’est pas réécrit.',
  },
  'kept-cell-row-moved': {
    severity: 'error',
    description:
      'Une valeur d’une colonne ajoutée appartient à une fiche que la régénération déplace dans un autre axe, où elle ne peut pas la suivre (aucune colonne ajoutée du même en-tête ; ou c’est une formule, que la régénération ne déplace jamais dans une autre feuille : ses références y désigneraient d’autres cellules, et une formule qui n’en a pas, « =AUJOURDHUI() », n’y est pas déplacée non plus) : le classeur n’est pas réécrit.',
  },
  'kept-cell-column-gone': {
    severity: 'error',
    description:
      'Une note saisie sous le tableau d’une feuille d’axe est sous une colonne que la réécriture retire (un trimestre hors de la nouvelle période) : le classeur n’est pas réécrit.',
  },
  // Erasing from the record sheets the personal data gone from the tracking (src/app/erase-personal-data.ts)
  'personal-data-erased': {
    severity: 'warning',
    description:
      'Des valeurs gardées dans une feuille d’enregistrement (Journal, Historique, Archives, Contributions) contenaient une donnée personnelle qui n’est plus dans le suivi : elle y est remplacée par « [donnée personnelle effacée] », et le Journal le note.',
  },
  // A person's formulas whose references follow the cells the rewrite moves (src/app/kept-formulas.ts)
  'kept-formula-reference-gone': {
    severity: 'warning',
    description:
      'Une formule saisie à la main désignait une cellule d’une feuille d’axe que le classeur réécrit n’a plus (ligne retirée du plan, trimestre hors de la période, feuille d’axe disparue) : cette référence devient #REF!, comme Excel le fait, à corriger ; le Journal le note.',
  },
  'kept-formula-to-check': {
    severity: 'warning',
    description:
      'Une formule saisie à la main porte sur une plage d’une feuille d’axe dont la réécriture sépare les cellules (lignes remises dans l’ordre du plan) : la plage est laissée telle quelle, à vérifier ; le Journal le note.',
  },
  // Regenerating a workbook from an amended plan (src/app/regenerate.ts): what the rewrite changed
  'period-changed': {
    severity: 'warning',
    description:
      'La période du nouveau plan diffère de celle du classeur : les valeurs des trimestres hors de la nouvelle période sont gardées dans « Archives », le trimestre en cours est ramené dans la période, et chaque changement est noté au Journal.',
  },
  'rows-archived': {
    severity: 'warning',
    description:
      'Des lignes retirées du plan avaient des valeurs saisies : ces valeurs sont gardées dans « Archives ».',
  },
  'rows-removed': {
    severity: 'warning',
    description: 'Des lignes retirées du plan, sans valeur saisie, quittent le classeur.',
  },
  'rows-added': {
    severity: 'warning',
    description: 'Des fiches ou des critères ajoutés au plan reçoivent leur ligne.',
  },
  'rows-changed': {
    severity: 'warning',
    description: 'Le texte du plan de certaines lignes a changé ; leurs valeurs saisies sont gardées.',
  },
  'rows-restored': {
    severity: 'warning',
    description:
      'Des lignes de critère trouvées sans intitulé le retrouvent depuis le plan, et leurs cellules vides ce que la ' +
      'génération y écrit ; leurs valeurs saisies sont gardées.',
  },
  'plan-cells-restored': {
    severity: 'warning',
    description:
      'Des cellules du plan (intitulé, intérêt, porteurs, territoires, champs, publics, budget d’une fiche) trouvées vides ' +
      'reçoivent le texte du plan ; les valeurs saisies sont gardées.',
  },
  'unreferenced-fiche-not-found': {
    severity: 'warning',
    description:
      'Une fiche sans référence n’est plus retrouvée par son intitulé ; ses valeurs saisies sont gardées dans « Archives ».',
  },
  'fiches-moved': {
    severity: 'warning',
    description: 'Des fiches passent dans un autre axe ; leurs valeurs saisies les suivent.',
  },
  'alike-criteria-count-changed': {
    severity: 'warning',
    description:
      'Une fiche écrit un même critère un autre nombre de fois qu’avant : les valeurs saisies sont gardées dans l’ordre des lignes ainsi libellées, à vérifier ; le Journal le note.',
  },
  'axis-title-replaced': {
    severity: 'warning',
    description: 'Le titre d’un axe, tel que sa feuille le montrait, est remplacé par celui du plan.',
  },
  'ao-rows-removed': {
    severity: 'warning',
    description:
      'Des communes ont quitté le plan : leurs lignes de « Compétences AO » sont retirées, leurs valeurs saisies notées dans le Journal.',
  },
} as const satisfies Record<string, IssueCodeEntry>;
