import type { MessageParams, MessageTemplate } from './types';

/**
 * Messages of the use cases that write a tracking workbook again (compute, close-quarter, regenerate over an
 * existing workbook): what was kept, moved or refused.
 */

function text(value: MessageParams[string]): string {
  if (value === null || value === undefined) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

export const rewriteMessages: Record<string, MessageTemplate> = {
  'record-header-missing': (p) =>
    `${text(p.sheet)}, cellule ${text(p.cell)} : l’en-tête « ${text(p.header)} » n’est plus à sa place. ` +
    'Rétablissez-le : les lignes de cette feuille ne peuvent pas être relues sans lui.',
  'workbook-plan-unreadable': (p) =>
    `Le plan ne peut pas être relu dans les feuilles d’axe (${text(p.detail)}) : aucune feuille « Axe N » ou une ` +
    'ligne sans clé lisible. Le classeur n’a pas été modifié.',
  'sheet-copied-as-values': (p) =>
    `La feuille « ${text(p.sheetName)} » a été recopiée avec ses valeurs et ses formules, sans sa mise en forme ` +
    '(couleurs, listes, protection) : l’ancien fichier garde la mise en forme.',
  'kept-cell-in-the-way': (p) =>
    `${text(p.sheet)}, cellule ${text(p.cell)} : le classeur réécrit a besoin de cette cellule, où se trouve ` +
    `« ${text(p.value)} ». Déplacez ce contenu dans une cellule libre, hors des tableaux de l’outil, puis ` +
    'recommencez : le classeur n’a pas été modifié.',
  'kept-cell-row-gone': (p) =>
    `${text(p.sheet)}, cellule ${text(p.cell)} : la valeur « ${text(p.value)} » d’une colonne ajoutée appartient à ` +
    'une ligne que la réécriture ne garde pas. Déplacez-la ou effacez-la, puis recommencez : le classeur n’a pas ' +
    'été modifié.',
  'workbook-has-errors': (p) =>
    `Le classeur contient ${text(p.count)} erreur(s) : il n’a pas été modifié. ` +
    'Corrigez-les d’abord (« npx ctg-suivi validate » les détaille).',
  'quarter-is-last': (p) =>
    `Le trimestre ${text(p.quarter)} est le dernier de la convention : il n’y a pas de trimestre suivant. ` +
    'Le classeur n’a pas été modifié.',
  'quarter-closed-again': (p) =>
    `Le trimestre ${text(p.quarter)} avait déjà été clôturé : ses ${text(p.count)} ligne(s) de l’historique ont été ` +
    'remplacées par l’état actuel (les anciennes valeurs modifiées sont notées dans le Journal).',
  'ao-table-unavailable': () =>
    'La feuille « Compétences AO » est absente ou sa ligne d’en-tête est introuvable : les populations et les ' +
    'obligations des autorités organisatrices ne sont pas calculées.',
  'rows-archived': (p) =>
    `${text(p.count)} ligne(s) retirée(s) du plan avaient des valeurs saisies : ces valeurs sont gardées dans la ` +
    `feuille « Archives » (${text(p.keys)}).`,
  'rows-removed': (p) => `Ligne(s) retirée(s) du plan, sans valeur saisie : ${text(p.keys)}.`,
  'rows-added': (p) => `Ligne(s) ajoutée(s) au plan : ${text(p.keys)}.`,
  'rows-changed': (p) => `Ligne(s) dont le texte du plan a changé (valeurs saisies gardées) : ${text(p.keys)}.`,
  'ao-rows-removed': (p) =>
    `Commune(s) absente(s) du nouveau plan, retirée(s) de « Compétences AO » : ${text(p.names)}. ` +
    (Number(p.values) > 0
      ? `Leurs ${text(p.values)} valeur(s) saisie(s) sont notées dans le Journal.`
      : 'Aucune valeur n’y était saisie.'),
  'period-changed': (p) =>
    `La période du nouveau plan (${text(p.newStart)} – ${text(p.newEnd)}) diffère de celle du classeur ` +
    `(${text(p.oldStart)} – ${text(p.oldEnd)}) : les valeurs des trimestres hors de la nouvelle période sont ` +
    'gardées dans « Archives ».',
};
