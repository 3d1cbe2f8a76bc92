import type { IssueCodeEntry } from '.';

/**
 * The codes of the partners' extracts (src/app/extract.ts): what the officer should know before sending them. Part
 * of the one table `issueCodes` (./index.ts); the messages are in src/domain/messages/extract.ts.
 */
export const extractIssueCodes = {
  'extract-without-rows': {
    severity: 'error',
    description: 'Le destinataire demandé n’a aucune fiche : aucun extrait n’est écrit pour lui.',
  },
  'fiches-without-recipient': {
    severity: 'warning',
    description:
      'Des fiches ne vont à aucun destinataire (porteur « Mairie (s) » sans commune connue dans leurs territoires, ou sans porteur ni partenaire nommé) : elles ne sont dans aucun extrait.',
  },
  'extract-quarter-behind': {
    severity: 'warning',
    description:
      'Un trimestre déjà terminé vient après le trimestre en cours de Paramètres, où s’arrêtent les extraits : les partenaires ne pourront pas le renseigner (le trimestre qui vient de se terminer, collecté avant sa clôture, n’est pas signalé).',
  },
  'extract-number-as-text': {
    severity: 'warning',
    description:
      'Dans un extrait renvoyé, une valeur trimestrielle d’un critère quantitatif est un nombre enregistré comme texte : la fusion la reprendra comme ce nombre.',
  },
  'extract-rows-out-of-order': {
    severity: 'warning',
    description:
      'Dans un extrait renvoyé, des critères ne sont plus sous leur fiche (tableau trié) : la fusion lit chaque ligne par sa clé, rien n’est perdu.',
  },
  'extract-column-missing': {
    severity: 'error',
    description:
      'Dans un extrait renvoyé, une colonne que le destinataire remplit manque (supprimée, ou son en-tête changé) : la fusion n’en reprendra aucune valeur, le classeur de suivi garde les siennes.',
  },
  'extract-locked-column-missing': {
    severity: 'warning',
    description:
      'Dans un extrait renvoyé, une colonne verrouillée (du plan, réservée au coordinateur, un taux, un trimestre que l’extrait n’ouvre pas) manque : la fusion ne la lit pas, rien n’est perdu.',
  },
  'extract-row-type-changed': {
    severity: 'warning',
    description:
      'Dans un extrait renvoyé, la colonne Type d’une ligne a été changée ou vidée : la fusion ne la lit pas (le type d’une ligne vient de sa clé), rien n’est perdu.',
  },
  'extract-sheet-renamed': {
    severity: 'warning',
    description:
      'Dans un extrait renvoyé, une feuille d’axe a été renommée : la fusion la lit quand même, par ses clés, et ses cellules sont vérifiées sous son nouveau nom.',
  },
  'extract-personal-data': {
    severity: 'warning',
    description:
      'Un texte de l’extrait semble contenir une donnée personnelle : l’extrait le contient tel quel, à vérifier avant l’envoi.',
  },
  'extract-personal-data-left-out': {
    severity: 'warning',
    description:
      'Un texte du classeur semble contenir une donnée personnelle : il est laissé hors de l’extrait (option --refuse-personal-data de la ligne de commande).',
  },
} as const satisfies Record<string, IssueCodeEntry>;
