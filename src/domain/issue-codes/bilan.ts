import type { IssueCodeEntry } from '.';

/**
 * The codes of a bilan of the convention (src/app/bilan): why none is made, and what its first page says of the
 * period. Part of the one table `issueCodes` (./index.ts); the messages are in src/domain/messages/bilan.ts.
 */
export const bilanIssueCodes = {
  'bilan-year-outside': {
    severity: 'error',
    description:
      'L’année demandée pour le bilan annuel n’a aucun trimestre dans la convention : aucun bilan n’est fait.',
  },
  'bilan-year-not-annual': {
    severity: 'error',
    description:
      'Une année n’est donnée que pour un bilan annuel : le bilan intermédiaire et le bilan final ont leur propre période.',
  },
  'bilan-period-not-over': {
    severity: 'warning',
    description:
      'La période du bilan n’est pas terminée (en cours ou à venir) : ses chiffres sont arrêtés au trimestre en cours et l’état des fiches est celui des feuilles d’axe.',
  },
  'bilan-period-not-ended': {
    severity: 'warning',
    description:
      'La période du bilan ne se termine qu’après aujourd’hui, bien que le trimestre en cours du classeur soit déjà après elle (son dernier trimestre clôturé avant sa fin) : elle est dite en cours, ses chiffres sont arrêtés à son dernier trimestre et l’état des fiches est celui des feuilles d’axe.',
  },
  'bilan-quarter-not-closed': {
    severity: 'warning',
    description:
      'Le dernier trimestre de la période n’a jamais été clôturé (rien dans « Historique ») : l’état des fiches est celui des feuilles d’axe.',
  },
  'bilan-quarter-closed-empty': {
    severity: 'warning',
    description:
      'Le dernier trimestre de la période a été clôturé alors qu’aucun état n’y était saisi (« Historique » n’en garde que la ligne « Aucune valeur saisie à la clôture ») : l’état des fiches à la fin de la période est vide.',
  },
  'bilan-closed-value-unreadable': {
    severity: 'warning',
    description:
      'Une valeur de « Historique » du dernier trimestre de la période n’est pas une valeur possible de son champ (un statut hors de la liste, un avancement qui n’est pas un nombre entier de 0 à 100), saisie à la main, ou est vide (cellule vidée, ou fusionnée avec celle du dessus) : le bilan la lit comme vide et nomme sa cellule.',
  },
  'bilan-closed-row-unreadable': {
    severity: 'warning',
    description:
      'Une ligne de « Historique » du dernier trimestre de la période nomme un champ que la clôture ne copie pas (retouché à la main), ou n’a pas de clé (cellule vidée, ou cellules fusionnées, qui ne gardent que la valeur de la première) : le bilan ne lit pas sa valeur et nomme la cellule du champ, ou de la clé.',
  },
  'bilan-closed-row-misnamed': {
    severity: 'warning',
    description:
      'Une ligne de « Historique » du dernier trimestre de la période a son trimestre ou sa clé retapé autrement que la clôture ne l’écrit (« 2026-t4 », « g1 ») : le bilan ne la lit pas et nomme la cellule.',
  },
  'bilan-closed-row-duplicate': {
    severity: 'warning',
    description:
      'Une ligne de « Historique » du dernier trimestre de la période répète la clé et le champ d’une autre (copiée à la main), et leurs valeurs se lisent de même : le bilan lit cette valeur une fois et nomme la cellule de la copie.',
  },
  'bilan-closed-row-conflict': {
    severity: 'warning',
    description:
      'Deux lignes de « Historique » du dernier trimestre de la période donnent des valeurs différentes pour la même clé et le même champ (une copie retouchée à la main) : le bilan ne choisit pas, laisse ce champ vide et nomme les deux cellules.',
  },
  'bilan-closed-quarter-unknown': {
    severity: 'warning',
    description:
      'Une ligne de « Historique » a un trimestre qui n’est aucun de ceux de la convention (« 2026-T5 », « T3 », un trimestre après sa fin), retouché à la main : aucun bilan ne la lit ; le bilan d’une période terminée nomme sa cellule.',
  },
  'bilan-personal-data': {
    severity: 'warning',
    description:
      'Un texte du bilan semble contenir une donnée personnelle : le bilan (et son PDF) le contient tel quel, à vérifier avant l’envoi.',
  },
  'bilan-cdsf-empty': {
    severity: 'warning',
    description: 'Aucune fiche du plan ne relève du volet petite enfance : le bilan CDSF est fait sans fiche.',
  },
} as const satisfies Record<string, IssueCodeEntry>;
