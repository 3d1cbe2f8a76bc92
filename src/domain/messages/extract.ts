import { frenchList } from './french-list';
import { frenchNumber } from './numbers';
import { headerText, paramText } from './param-text';
import { agree } from './plural';
import type { IssueCode } from '../issue-codes';
import type { MessageParams, MessageTemplate } from './types';
import { criteriaOutOfOrder, personalDataWords, quoted, rowsMovedBy, where } from './workbook';

/** Messages of the partners' extracts (src/app/extract.ts). */

function keysOf(value: MessageParams[string]): string[] {
  return Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)];
}

/** `Axe 1 : la colonne « Statut » manque à cet extrait (…).`: a column of a returned extract deleted or retyped. */
const columnMissing = (p: MessageParams): string =>
  `${where(p)}la colonne ${quoted(headerText(p.header))} manque à cet extrait (supprimée, ou son en-tête changé).`;

export const extractMessages = {
  'extract-without-rows': (p) =>
    `Aucune fiche ne va à « ${String(p.recipient ?? '')} » : aucun extrait n’est écrit pour ce destinataire.`,
  'fiches-without-recipient': (p) => {
    const keys = keysOf(p.keys);
    return (
      `${agree(keys.length, 'Fiche qui ne va', 'Fiches qui ne vont')} à aucun destinataire : ${keys.join(', ')}. ` +
      'Un porteur « Mairie (s) » sans commune connue dans les territoires, ou un porteur « Acteur (s) du territoire » ' +
      'sans partenaire dans la colonne « Partenaires », ne désigne personne : complétez « Partenaires » pour que ' +
      'ces fiches partent dans un extrait.'
    );
  },
  // `current`: the master's current quarter, where the extracts stop; `ended`: the quarters ended after it, in order.
  'extract-quarter-behind': (p) => {
    const ended = keysOf(p.ended);
    const last = ended[ended.length - 1] ?? '';
    const list = frenchList(ended);
    return (
      `${where(p)}les extraits s’arrêtent au trimestre en cours, ${String(p.current ?? '')}, alors que ${list} ` +
      `${agree(ended.length, 'est déjà terminé', 'sont déjà terminés')} ; les partenaires ne pourront pas y saisir leurs ` +
      `valeurs. Pour les leur demander, passez d’abord le trimestre en cours à ${last}, le dernier terminé, puis ` +
      'refaites les extraits.'
    );
  },
  'extract-number-as-text': (p) =>
    `${where(p)}la valeur du trimestre ${String(p.quarter ?? '')} est un nombre enregistré comme texte ` +
    `(${quoted(p.value)}) : la fusion la reprendra comme le nombre ${frenchNumber(Number(p.number))}.`,
  // No command puts an extract's rows back in order (each refuses an extract): the merge needs none.
  'extract-rows-out-of-order': (p) =>
    `${criteriaOutOfOrder(p)} La fusion lit chaque ligne par sa clé : ${rowsMovedBy(p)} ne fait rien perdre, et le ` +
    'classeur de suivi garde l’ordre du plan. Pour retrouver cet ordre dans le fichier, annulez ' +
    `${rowsMovedBy(p)} (Ctrl+Z) tant qu’il est ouvert` +
    (Number(p.count ?? 0) === 1
      ? '.'
      : ' ; pour ne voir que certaines lignes, filtrez le tableau plutôt que de le trier.'),
  // Told to whoever checks a returned extract, the officer or its recipient: what the merge will do without the
  // column, and what to ask; never to undo a deletion or restore a copy, which only the recipient could have done.
  'extract-column-missing': (p, surface) =>
    `${columnMissing(p)} « ${paramText(p.partner)} » la remplit, mais la fusion n’en reprendra aucune valeur, et le ` +
    'classeur de suivi gardera les siennes. Si la colonne est encore là, remettez-lui cet en-tête exact ; sinon, ' +
    `demandez à « ${paramText(p.partner)} » de la remettre à sa place, copiée de l’extrait envoyé, et de la remplir, ` +
    'ou, après la fusion du reste, envoyez-lui un nouvel extrait ' +
    (surface === 'task-pane' ? '(« Préparer les extraits »).' : '(npx ctg-suivi extract).'),
  'extract-locked-column-missing': (p) =>
    `${columnMissing(p)} C’est une colonne verrouillée, que « ${paramText(p.partner)} » ne remplit pas : la fusion ne ` +
    'la lit pas, rien n’est perdu et le classeur de suivi garde la sienne.',
  // The merge types a row by its key and never reads `Type` (read-incoming-rows.ts): nothing to put back for it.
  'extract-row-type-changed': (p) =>
    `${where(p)}le type de la ligne ${paramText(p.rowKey)} a été ` +
    (paramText(p.found) === '' ? 'effacé' : `changé en ${quoted(p.found)}`) +
    `, alors que sa clé en fait une ligne ${quoted(p.expected)}. La fusion ne lit pas la colonne Type, verrouillée : ` +
    `elle reprend les valeurs de la ligne selon sa clé, et le classeur de suivi garde le type ${quoted(p.expected)}. ` +
    'Rien à corriger pour la fusion.',
  // The merge reads any sheet with a `Clé` table (read-incoming-rows.ts): a renamed axis sheet needs no name back.
  'extract-sheet-renamed': (p) =>
    `La feuille ${quoted(p.renamedAs)} est la feuille ${quoted(p.sheetName)} de l’extrait, renommée : la fusion la ` +
    'lit quand même, chaque ligne par sa clé, et le nom ne fait rien perdre.',
  'extract-personal-data': (p, surface) =>
    `Ligne ${String(p.rowKey ?? '')}, colonne « ${String(p.header ?? '')} » : le texte semble contenir ` +
    // What was done: the extract holds it; a recipient's input also in `_ctg`'s sent values, which erasing the cell
    // leaves (and which would read, at the merge, as the recipient emptying the cell).
    `${personalDataWords(p.kinds)}, et l’extrait le contient tel quel` +
    (p.sent === 1
      ? ', dans sa cellule et dans sa feuille cachée « _ctg » (les valeurs envoyées). Si c’est une donnée ' +
        'personnelle, l’effacer dans l’extrait ne suffit pas : effacez-la'
      : '. Si c’est une donnée personnelle, effacez-la') +
    ' du classeur de suivi, puis refaites l’extrait' +
    // The pane has no way to leave a text out of an extract: erasing it from the workbook is what it can do.
    (surface === 'task-pane'
      ? ' (« Préparer les extraits »).'
      : ', ou refaites-le avec --refuse-personal-data pour l’en laisser hors.'),
  'extract-personal-data-left-out': (p) =>
    `Ligne ${String(p.rowKey ?? '')}, colonne « ${String(p.header ?? '')} » : le texte semble contenir ` +
    `${personalDataWords(p.kinds)} ; il est laissé hors de l’extrait. Effacez-le aussi du classeur de suivi : le ` +
    'suivi ne doit contenir aucune donnée personnelle.',
} satisfies Partial<Record<IssueCode, MessageTemplate>>;
