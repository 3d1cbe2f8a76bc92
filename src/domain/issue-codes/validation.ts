import type { IssueCodeEntry } from '.';

/**
 * The codes of reading and validating a tracking workbook (src/domain/validation, and the sheet readers of
 * src/layout), with their severity and the French description docs/CODES.md shows. Part of the one table
 * `issueCodes` (./index.ts); the messages are in src/domain/messages.
 */
export const validationIssueCodes = {
  // Structure
  'not-a-tracking-workbook': {
    severity: 'error',
    description:
      'Le classeur n’a pas de feuille « _ctg » : ce n’est pas un classeur de suivi CTG (une consolidation ou un bilan de l’outil est nommé tel, avec le classeur à donner à la place).',
  },
  'period-unreadable': {
    severity: 'error',
    description:
      'Les dates de la convention ne se lisent ni dans « _ctg » ni dans Paramètres : les trimestres sont inconnus.',
  },
  'missing-sheet': {
    severity: 'error',
    description:
      'Une feuille attendue (Paramètres, _ctg, Axe N, Compétences AO, Journal, et Historique dès que le Journal note une clôture) manque.',
  },
  'missing-header-row': {
    severity: 'error',
    description: 'Une feuille d’axe n’a pas de cellule « Clé » (ligne d’en-tête).',
  },
  'missing-column': {
    severity: 'error',
    description: 'Une colonne attendue manque dans l’en-tête d’une feuille d’axe.',
  },
  'duplicate-column': {
    severity: 'error',
    description: 'Le même en-tête de colonne apparaît deux fois ; seule la première est lue.',
  },
  'unknown-column': {
    severity: 'warning',
    description:
      'Une colonne ajoutée à une feuille d’axe n’est pas lue par l’outil ; dans le classeur de suivi, elle est gardée avec ses valeurs, après les colonnes du tableau. Sur un extrait renvoyé, elle est dite comme la fusion la traite, qui ne la reprend pas (`merge-column-ignored`).',
  },
  'empty-key': { severity: 'error', description: 'Une ligne remplie n’a pas de clé.' },
  'key-changed': {
    severity: 'error',
    description: 'Une clé a été modifiée : elle ne correspond plus à la clé enregistrée à cette place.',
  },
  'duplicate-key': { severity: 'error', description: 'La même clé apparaît sur deux lignes.' },
  'missing-row': { severity: 'error', description: 'Une ligne enregistrée dans « _ctg » a disparu de sa feuille.' },
  'unknown-key': {
    severity: 'error',
    description: 'Une ligne porte une clé inconnue de « _ctg » (ligne ajoutée à la main).',
  },
  'criterion-outside-fiche': {
    severity: 'error',
    description: 'Une ligne de critère n’est pas dans la feuille de sa fiche.',
  },
  'axis-rows-out-of-order': {
    severity: 'error',
    description:
      'Des critères ne sont plus sous leur fiche (tableau trié) : la prochaine réécriture remet les lignes dans l’ordre du plan.',
  },
  'wrong-row-type': { severity: 'error', description: 'La colonne Type ne correspond pas à la clé de la ligne.' },
  'note-like-row': {
    severity: 'warning',
    description:
      'Sous le tableau d’une feuille d’axe, après une ligne vide, une note a la forme d’une ligne (une clé, un type de ligne) : elle est lue comme une note.',
  },
  'merged-cells': {
    severity: 'error',
    description:
      'Des cellules d’une feuille d’axe sont fusionnées sur la ligne des en-têtes, une clé ou un type, une cellule remplie ou une cellule que la ligne utilise : les taux lisent chaque cellule, même masquée par la fusion, et personne ne peut remplir une cellule masquée.',
  },
  'merged-unused-cells': {
    severity: 'warning',
    description:
      'Des cellules d’une feuille d’axe sont fusionnées sur des cellules vides que leurs lignes n’utilisent pas (grisées) : rien n’est perdu, mais une réécriture du classeur entier les défusionne.',
  },
  // Types and lists
  'grey-cell-value': {
    severity: 'error',
    description:
      'Une valeur est saisie dans une cellule grisée, que ce type de ligne n’utilise pas : une réécriture l’effacerait.',
  },
  'progress-invalid': { severity: 'error', description: 'L’avancement n’est pas un nombre entier de 0 à 100.' },
  'number-is-date': {
    severity: 'error',
    description:
      'Une cellule qui attend un nombre (trimestre, Référence, Cible, Avancement) est au format date (« 15/03 » pris pour une date).',
  },
  'number-out-of-bounds': {
    severity: 'error',
    description:
      'Un nombre (trimestre, Référence, Cible) dépasse ±10¹², la limite de la validation de sa colonne : une faute de frappe collée ou saisie dans un autre tableur.',
  },
  'percent-read-as-fraction': {
    severity: 'warning',
    description: 'Un nombre saisi au format pourcentage est lu tel qu’il est enregistré (« 85 % » est lu 0,85).',
  },
  'number-invalid': { severity: 'error', description: 'Référence ou Cible n’est pas un nombre.' },
  'abandoned-in-invalid': {
    severity: 'error',
    description: '« Abandonnée en » ne contient pas un trimestre AAAA-Tn de la convention.',
  },
  'abandoned-in-status-mismatch': {
    severity: 'warning',
    description:
      '« Abandonnée en » donne un trimestre alors que le statut de la fiche n’est pas « Abandonnée » (le calcul videra la cellule), ou un trimestre après le trimestre en cours d’une fiche « Abandonnée ».',
  },
  'text-is-error': {
    severity: 'error',
    description: 'Une colonne de texte contient une valeur d’erreur du tableur (#N/A, #REF!…) au lieu d’un texte.',
  },
  'date-invalid': {
    severity: 'error',
    description: 'La dernière mise à jour n’est pas une date (texte, ou nombre hors plage).',
  },
  'update-date-in-future': {
    severity: 'warning',
    description:
      'La dernière mise à jour d’une fiche est après aujourd’hui (une faute de frappe) : elle ne date pas le classeur.',
  },
  'outside-convention-vocabulary': {
    severity: 'warning',
    description:
      'Un champ d’intervention ou un public d’une fiche n’est pas un nom du vocabulaire de la convention : une consolidation le compte à part, sans le comparer aux autres territoires. Un avertissement par nom, à la cellule de la première fiche qui le nomme, avec combien de fiches le nomment, les noms de la liste qu’il désigne peut-être, à écrire dans le texte du plan avant de régénérer le classeur.',
  },
  'value-not-in-list': {
    severity: 'error',
    description: 'Statut, Fréquence ou Règle d’agrégation hors de la liste de Paramètres.',
  },
  'quarter-value-not-number': {
    severity: 'error',
    description: 'Une valeur trimestrielle d’un critère quantitatif n’est pas un nombre.',
  },
  'quarter-value-number-as-text': {
    severity: 'error',
    description: 'Une valeur trimestrielle d’un critère quantitatif est un nombre enregistré comme texte.',
  },
  'quarter-value-not-in-scale': {
    severity: 'error',
    description: 'Une valeur trimestrielle d’un critère qualitatif n’est pas une valeur de l’échelle.',
  },
  'value-in-computed-cell': {
    severity: 'error',
    description:
      'Une valeur est saisie sur une formule de l’outil (taux d’un axe, Annexe 4, Compétences AO) : une réécriture remettrait la formule à sa place.',
  },
  'formula-in-input-cell': {
    severity: 'error',
    description:
      'Une cellule à saisir (tableau d’un axe, Paramètres, Compétences AO) contient une formule avec son résultat : l’outil n’y garde que des valeurs, une réécriture n’en garderait que le résultat.',
  },
  'formula-without-value': {
    severity: 'error',
    description:
      'Une cellule à saisir ou écrite d’après le plan contient une formule sans valeur calculée (fichier écrit par un programme) : elle serait lue vide, puis effacée par une réécriture.',
  },
  'ao-header-missing': {
    severity: 'error',
    description: 'La feuille « Compétences AO » n’a plus sa ligne d’en-tête (cellule « Nom »).',
  },
  'ao-population-invalid': {
    severity: 'error',
    description: 'Une population de « Compétences AO » n’est pas un nombre entier d’habitants (0 ou plus).',
  },
  'ao-row-unrecognised': {
    severity: 'error',
    description:
      'Une ligne au milieu du tableau de « Compétences AO » n’est ni une commune ni l’EPCI (sous-total, ligne ajoutée).',
  },
  'ao-value-not-in-list': {
    severity: 'error',
    description: 'Dans « Compétences AO », un exercice de compétence ou un Oui/Non hors de sa liste.',
  },
  'current-quarter-invalid': {
    severity: 'error',
    description: 'Le trimestre en cours de Paramètres n’est pas un trimestre AAAA-Tn de la convention.',
  },
  // Warnings
  'plan-column-emptied': {
    severity: 'warning',
    description:
      'La colonne des champs d’intervention ou celle des publics est vide pour toutes les fiches d’une feuille d’axe, alors que les autres feuilles d’axe la remplissent : supprimée, puis remise vide avec son en-tête. La consolidation de la Caf ne compterait ces fiches dans aucun champ ou public.',
  },
  'value-after-current-quarter': {
    severity: 'warning',
    description: 'Une valeur est saisie dans un trimestre postérieur au trimestre en cours.',
  },
  'done-without-values': {
    severity: 'warning',
    description: 'Une fiche « Réalisée » n’a aucune valeur dans ses critères.',
  },
  'incomplete-current-quarter': {
    severity: 'warning',
    description:
      'Des valeurs attendues pour le trimestre en cours, une fois commencé, manquent (un avertissement par fiche).',
  },
  'current-quarter-lagging': {
    severity: 'warning',
    description: 'Le trimestre en cours de Paramètres est antérieur au trimestre de la date du jour.',
  },
  'ao-requirement-not-met': {
    severity: 'warning',
    description:
      'Une obligation de la loi (schéma pluriannuel, relais petite enfance) requise pour une commune ou l’EPCI est indiquée absente.',
  },
  'ao-population-total-mismatch': {
    severity: 'warning',
    description:
      'Les populations saisies des communes ayant transféré leurs compétences ne font pas la population totale déclarée.',
  },
  // Paramètres and _ctg, as read by src/layout (settings-read.ts, ctg-meta-read.ts, record-sheet.ts)
  'settings-label-missing': {
    severity: 'error',
    description: 'Un intitulé de la feuille Paramètres n’est plus à sa place : la feuille a été modifiée.',
  },
  'settings-label-moved': {
    severity: 'error',
    description:
      'Des intitulés de la feuille Paramètres ont changé de ligne (ligne insérée ou supprimée) : ses valeurs sont lues à côté.',
  },
  'settings-label-edited': {
    severity: 'warning',
    description:
      'Un intitulé de la feuille Paramètres a été remplacé par un autre texte : sa valeur reste lue à côté, et la prochaine réécriture remet l’intitulé en gardant le texte saisi dans le Journal.',
  },
  'settings-date-invalid': {
    severity: 'error',
    description: 'Une date de la convention dans Paramètres ne se lit pas.',
  },
  'settings-quarter-invalid': {
    severity: 'error',
    description: 'Le trimestre en cours de Paramètres n’est pas de la forme AAAA-Tn.',
  },
  'settings-quarter-outside-period': {
    severity: 'error',
    description: 'Le trimestre en cours de Paramètres est en dehors de la convention.',
  },
  'settings-list-value-changed': {
    severity: 'error',
    description:
      'Une valeur d’une liste de Paramètres a été modifiée à la main : une réécriture remettrait celle de l’outil.',
  },
  'settings-siren-invalid': {
    severity: 'warning',
    description: 'Le SIREN de l’EPCI saisi dans Paramètres ne compte pas 9 chiffres.',
  },
  'ctg-period-changed': {
    severity: 'error',
    description:
      'Une date de la convention dans « _ctg » a été modifiée à la main : elle ne correspond plus aux colonnes des trimestres.',
  },
  'settings-period-mismatch': {
    severity: 'error',
    description:
      'Une date de la convention dans Paramètres n’est plus celle enregistrée dans « _ctg » (modifiée à la main).',
  },
  'settings-territory-mismatch': {
    severity: 'error',
    description:
      'Le nom du territoire dans Paramètres n’est plus celui enregistré dans « _ctg » (modifié à la main) : une réécriture remettrait l’ancien.',
  },
  'ctg-format-version-missing': {
    severity: 'error',
    description: 'La feuille « _ctg » n’indique pas de version de format.',
  },
  'format-too-new': {
    severity: 'error',
    description: 'Le classeur vient d’une version plus récente de l’outil : mettez l’outil à jour.',
  },
  'ctg-key-list-invalid': {
    severity: 'error',
    description: 'La liste des clés de « _ctg » contient une ligne illisible.',
  },
  'ctg-fingerprint-mismatch': {
    severity: 'error',
    description: 'La liste des clés de « _ctg » a été modifiée (son empreinte ne correspond plus).',
  },
  'ctg-cell-typed': {
    severity: 'error',
    description:
      'Une valeur a été saisie dans la feuille masquée « _ctg » hors de ce que l’outil y écrit : le classeur n’est pas réécrit tant qu’elle y est.',
  },
  'ctg-retired-key-changed': {
    severity: 'error',
    description:
      'Le titre des clés retirées de « _ctg » (ou sa ligne), ou la clé ou le type (ou les deux) d’une de leurs lignes, a été modifié à la main : le classeur n’est pas réécrit tant qu’il n’est pas retapé.',
  },
  'ctg-retired-key-cleared': {
    severity: 'warning',
    description:
      'Une ligne au milieu des clés retirées de « _ctg » a été vidée : l’outil ne sait plus quelle clé elle gardait pour ne jamais la réattribuer. La prochaine réécriture du classeur supprime la ligne vide.',
  },
  'record-header-missing': {
    severity: 'error',
    description:
      'L’en-tête d’une feuille d’enregistrement (Journal, Historique, Archives, Contributions) a été modifié.',
  },
  'record-column-inserted': {
    severity: 'error',
    description:
      'Une colonne a été insérée parmi celles d’une feuille d’enregistrement (Historique, Archives, Contributions) : le classeur n’est pas réécrit tant qu’elle n’est pas déplacée à droite du tableau ou supprimée.',
  },
  'contribution-row-invalid': {
    severity: 'error',
    description: 'Une ligne de « Contributions » a une cellule vide ou qui ne correspond pas à son type.',
  },
  'record-line-not-a-record': {
    severity: 'error',
    description:
      'Une ligne d’une feuille d’enregistrement (Journal, Historique, Archives, Contributions) n’a pas été écrite par l’outil (une note saisie sous ou entre ses lignes) : le classeur n’est pas réécrit tant qu’elle y est.',
  },
  'record-cell-formula': {
    severity: 'error',
    description:
      'Une formule a été saisie sur une ligne d’une feuille d’enregistrement (Journal, Historique, Archives, Contributions), où l’outil n’écrit que des valeurs : le classeur n’est pas réécrit tant qu’elle y est.',
  },
  'personal-data': {
    severity: 'warning',
    description:
      'Une cellule de texte libre semble contenir une donnée personnelle (courriel, téléphone, n° de sécurité sociale).',
  },
  'personal-data-in-records': {
    severity: 'warning',
    description:
      'Une valeur gardée dans le Journal, l’Historique, les Archives ou les Contributions contient une donnée personnelle qui n’est plus dans le suivi : la prochaine réécriture l’y remplace par « [donnée personnelle effacée] ».',
  },
  'tool-text-typed-over': {
    severity: 'warning',
    description:
      'Un texte de l’outil (titre, intitulé, consigne, en-tête) a été remplacé à la main : la prochaine réécriture y remettra le texte de l’outil, en gardant ce qui s’y trouve dans le Journal, et réécrira alors le classeur entier.',
  },
  'criterion-title-empty': {
    severity: 'warning',
    description:
      'L’intitulé d’une ligne de critère est vide (ses cellules effacées, sa clé et son type retapés) : l’outil n’y écrit jamais la clé. Quand le classeur est tiré du plan intégré (l’empreinte de sa liste de clés est la sienne et tous ses autres intitulés aussi), la prochaine réécriture y remet l’intitulé de ce plan, et dans les cellules vides de la ligne la Fréquence, la Règle d’agrégation (et l’Unité, la Référence, la Cible que le plan donne) de la génération, notés au Journal ; sinon il reste vide, et le message dit de régénérer le classeur depuis son plan, par la commande sur le fichier vérifié (les valeurs saisies gardées) : la régénération y remet l’intitulé du plan, et dans les cellules vides de la ligne ce que la génération y écrit. Dit aussi par la réécriture qui l’a laissé vide.',
  },
  'copied-text-outdated': {
    severity: 'warning',
    description:
      'Une cellule de l’Annexe 4 montre un texte (titre d’axe, intitulé de fiche, porteur) que les feuilles d’axe ne donnent plus : la prochaine réécriture y mettra celui des feuilles d’axe, en gardant l’ancien dans le Journal, et réécrira alors le classeur entier.',
  },
} as const satisfies Record<string, IssueCodeEntry>;
