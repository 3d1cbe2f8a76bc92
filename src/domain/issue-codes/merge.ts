import type { IssueCodeEntry } from '.';

/**
 * The codes of a merge of returned rows (src/app/merge): why a returned value, row or file is not taken, and what
 * the officer should know. The sheet and cell of each are the returned file's (or the pasted sheet's). Messages in
 * src/domain/messages/merge.ts.
 */
export const mergeIssueCodes = {
  'merge-unknown-key': {
    severity: 'error',
    description: 'Une ligne renvoyée porte une clé que le classeur maître n’a pas : elle n’est pas reprise.',
  },
  'merge-retired-key': {
    severity: 'error',
    description:
      'Une ligne renvoyée porte la clé d’une ligne retirée du plan depuis l’extrait : ses valeurs ne sont pas reprises.',
  },
  'merge-duplicate-key': {
    severity: 'error',
    description: 'La même clé apparaît sur plusieurs lignes du fichier renvoyé : aucune de ces lignes n’est reprise.',
  },
  'merge-key-changed': {
    severity: 'error',
    description:
      'Une ligne renvoyée porte l’intitulé d’une autre clé (sa clé a été modifiée) : rien de cette ligne n’est repris.',
  },
  'merge-plan-cell-edited': {
    severity: 'error',
    description:
      'Une cellule du plan (intitulé, porteurs…) a été modifiée dans le fichier renvoyé : elle n’est pas reprise.',
  },
  'merge-reserved-cell': {
    severity: 'error',
    description:
      'Une cellule réservée au coordinateur (Partenaires, définition d’un critère) a été modifiée : elle n’est pas reprise.',
  },
  'merge-formula': {
    severity: 'error',
    description: 'Une cellule de saisie du fichier renvoyé contient une formule : seules les valeurs sont reprises.',
  },
  'merge-wrong-value': {
    severity: 'error',
    description: 'Une valeur renvoyée n’est pas du type de sa colonne ou hors de sa liste : elle n’est pas reprise.',
  },
  'merge-percent-kept': {
    severity: 'warning',
    description:
      'Un nombre renvoyé au format pourcentage (« 50 % ») est, lu tel qu’il est enregistré (0,5), celui que le classeur a déjà : rien ne change, mais le partenaire voulait peut-être dire 50.',
  },
  'merge-quarter-not-open': {
    severity: 'error',
    description: 'Une valeur a été saisie dans un trimestre que l’extrait n’ouvrait pas : elle n’est pas reprise.',
  },
  'merge-personal-data': {
    severity: 'warning',
    description: 'Un texte renvoyé semble contenir une donnée personnelle (courriel, téléphone, NIR, IBAN).',
  },
  'merge-personal-data-refused': {
    severity: 'error',
    description:
      'Un texte renvoyé contient une donnée personnelle et n’est pas repris (option --refuse-personal-data de la ligne de commande).',
  },
  'merge-other-territory': {
    severity: 'error',
    description:
      'Le fichier renvoyé est d’un autre territoire (son extrait, son classeur ou une copie) : rien n’en est repris.',
  },
  'merge-other-convention': {
    severity: 'error',
    description:
      'Le fichier renvoyé est d’une autre convention du territoire (l’extrait ou le classeur d’une période qui ne partage aucun trimestre avec celle du classeur) : rien n’en est repris.',
  },
  'merge-recipient-unknown': {
    severity: 'error',
    description:
      'Le fichier renvoyé est l’extrait d’un destinataire que le classeur ne connaît pas (retiré des fiches depuis l’extrait, ou « _ctg » modifié) : rien n’en est repris.',
  },
  'merge-partner-not-recipient': {
    severity: 'error',
    description:
      'Le partenaire indiqué pour un fichier sans extrait (--partenaire, ou dans le volet) n’est aucun des destinataires du classeur : aucune fiche ne va à ce nom, rien n’en est repris.',
  },
  'merge-partner-contradicted': {
    severity: 'error',
    description: '--partenaire nomme un autre partenaire que celui de l’extrait renvoyé : rien n’en est repris.',
  },
  'merge-sent-rows-missing': {
    severity: 'warning',
    description:
      'Des lignes envoyées dans l’extrait manquent dans le fichier renvoyé (feuille supprimée ou renommée, lignes effacées) : rien n’en est repris.',
  },
  'merge-sent-columns-missing': {
    severity: 'warning',
    description:
      'Une colonne envoyée avec des valeurs dans l’extrait manque dans le fichier renvoyé (colonne supprimée) : rien n’en est repris, le classeur garde ses valeurs.',
  },
  'merge-closed-quarter': {
    severity: 'warning',
    description:
      'Une fusion, ou son annulation, change ce qu’une clôture a copié dans « Historique » (statut, avancement, mise en œuvre, difficultés, commentaire) d’un trimestre déjà clôturé : « Historique » garde l’état de la clôture ; le message dit comment le mettre à jour (remettre ce trimestre en cours et le clôturer à nouveau).',
  },
  'merge-plan-changed': {
    severity: 'warning',
    description: 'Le plan a changé depuis l’extrait : ses lignes sont reprises clé par clé.',
  },
  'merge-without-extract': {
    severity: 'warning',
    description:
      'Le fichier renvoyé n’est pas un extrait de l’outil : ses lignes sont lues par leur clé et leurs en-têtes.',
  },
  'merge-partner-unknown': {
    severity: 'error',
    description:
      'Le partenaire d’un fichier sans « _ctg » ou d’une feuille collée n’est pas donné : rien n’en est repris.',
  },
  'merge-no-rows': {
    severity: 'error',
    description: 'Le fichier ou la feuille ne contient aucun tableau avec une colonne « Clé » : rien n’en est repris.',
  },
  'merge-key-column-missing': {
    severity: 'error',
    description:
      'Le tableau d’une feuille du fichier renvoyé n’a plus de colonne « Clé » (supprimée) : aucune valeur de cette feuille n’est reprise.',
  },
  'merge-keyless-copy-not-read': {
    severity: 'warning',
    description:
      'Une feuille que le partenaire a ajoutée à l’extrait reprend le tableau d’une feuille d’axe sans sa colonne « Clé » (une copie pour l’imprimer) : elle n’est pas fusionnée, et ne bloque pas la fusion des feuilles d’axe de l’extrait, avec leurs clés.',
  },
  'merge-keyless-copy-value': {
    severity: 'error',
    description:
      'Une copie sans colonne « Clé » d’une feuille d’axe, que le partenaire a ajoutée à l’extrait, porte une valeur que la ligne du même intitulé ne porte pas dans les feuilles d’axe du fichier (saisie dans la copie seule, ou ligne déplacée dans la copie) : la copie n’étant pas fusionnée, cette valeur n’est pas reprise.',
  },
  'merge-column-duplicate': {
    severity: 'error',
    description:
      'Une colonne du suivi est en double dans le fichier renvoyé : les valeurs de la seconde ne sont pas reprises.',
  },
  'merge-column-renamed': {
    severity: 'error',
    description:
      'L’en-tête d’une colonne du suivi a été retapé dans le fichier renvoyé (« Statuts ») : ses valeurs ne sont pas reprises tant que l’en-tête du suivi n’y est pas remis.',
  },
  'merge-column-ignored': {
    severity: 'warning',
    description:
      'Une colonne du fichier renvoyé n’est pas une colonne du suivi : la fusion ne la reprend pas. Le message compte ses valeurs, qui ne seront pas dans le classeur de suivi, et dit que ce que le partenaire veut faire lire se saisit dans « Commentaire » (« Mise en œuvre » ou « Difficultés » pour une fiche).',
  },
  'merge-sheet-not-read': {
    severity: 'warning',
    description:
      'Le fichier renvoyé a une feuille sans colonne « Clé » qui contient quelque chose (des remarques du partenaire) : elle n’est pas lue.',
  },
  'merge-cell-without-header': {
    severity: 'warning',
    description:
      'Une valeur du fichier renvoyé est saisie dans une colonne sans en-tête ou au-dessus du tableau (une remarque à côté d’une ligne) : elle n’est pas reprise.',
  },
  'merge-cell-note': {
    severity: 'warning',
    description:
      'Une note (un commentaire) est attachée à une cellule du fichier renvoyé : une fusion ne reprend que les valeurs des cellules, la note n’est pas reprise.',
  },
  'merge-value-in-computed-cell': {
    severity: 'warning',
    description:
      'Une valeur du fichier renvoyé est saisie sur un taux, que l’outil calcule (feuille déprotégée) : elle n’est pas reprise.',
  },
  'merge-cell-not-used': {
    severity: 'error',
    description:
      'Une valeur renvoyée est dans une colonne que le type de sa ligne n’utilise pas (un trimestre sur une ligne « Fiche ») : elle n’est pas reprise.',
  },
  'merge-row-without-key': {
    severity: 'error',
    description: 'Une ligne renvoyée contient des valeurs mais pas de clé : elles ne sont pas reprises.',
  },
  'merge-merged-cell': {
    severity: 'warning',
    description:
      'Une cellule du plan ou réservée au coordinateur est masquée par des cellules que le partenaire a fusionnées : lue vide, elle n’est pas reprise et le classeur garde sa valeur.',
  },
  'merge-merged-header': {
    severity: 'warning',
    description:
      'Le partenaire a fusionné des cellules de la ligne des en-têtes : les colonnes dont l’en-tête est masqué ne sont pas lues, leurs valeurs ne sont pas reprises.',
  },
  'merge-row-not-sent': {
    severity: 'error',
    description: 'Une ligne renvoyée n’était pas dans l’extrait envoyé à ce partenaire : elle n’est pas reprise.',
  },
  'merge-row-not-partner': {
    severity: 'error',
    description:
      'Une ligne renvoyée est celle d’une fiche qui ne va pas à ce partenaire (ni « Partenaires », ni porteurs et territoires) : elle n’est pas reprise.',
  },
  'merge-same-file': {
    severity: 'warning',
    description:
      'Un fichier renvoyé a exactement, octet pour octet, le contenu d’un autre fichier de la même fusion (une copie sous un autre nom) : il n’est fusionné qu’une fois, sous le plus court des noms des copies (le premier par ordre alphabétique à longueur égale), quel que soit l’ordre où les fichiers sont donnés.',
  },
  'merge-take-unused': {
    severity: 'warning',
    description:
      'Un choix de conflit (--take, ou dans l’aperçu du volet) ne correspond à aucun conflit de la fusion : il n’a rien pris.',
  },
} as const satisfies Record<string, IssueCodeEntry>;
