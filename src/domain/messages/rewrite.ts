import { frenchList } from './french-list';
import { headerText, paramText } from './param-text';
import { journalWords } from '../journal';
import { ERASED_PERSONAL_DATA } from '../personal-data-erasure';
import { finalBilanStep } from './final-bilan-step';
import { frenchDay, frenchNumber } from './numbers';
import { agree, countOf } from './plural';
import { quotedShort } from './shown-cell-value';
import { personalDataWords, quoted } from './workbook';
import type { IssueCode } from '../issue-codes';
import type { MessageParams, MessageTemplate } from './types';

/**
 * Messages of the use cases that write a tracking workbook again (compute, close-quarter, regenerate over an
 * existing workbook): what was kept, moved or refused.
 */

/** What became of the part that keeps a sheet's notes (`NotesDamage`, src/domain/grid.ts). */
const NOTES_DAMAGE: Record<string, string> = {
  cut: 'est coupée (copie ou téléchargement interrompus)',
  malformed: 'est illisible (XML mal formé)',
  missing: 'manque',
  damaged: 'est endommagée',
};

/** How many items a param counts: a list's length, else the number itself. */
function howMany(value: MessageParams[string]): number {
  return Array.isArray(value) ? value.length : Number(value) || 0;
}

/**
 * What a rewrite written whole (not patched: docs/WORKBOOK.md, « Rewriting a workbook ») undoes of a person's
 * look, said when a message's `rebuilt` param is set.
 */
function rebuiltWords(p: MessageParams): string {
  return howMany(p.rebuilt) > 0
    ? ' Le classeur a été réécrit entier : les largeurs, colonnes masquées et mises en forme changées à la main sont remises comme à la génération.'
    : '';
}

/** Where a person's cell beside a record table is to go: past its last column, as far as a rewrite takes it. */
function pastTheRecordTable(p: MessageParams): string {
  return (
    'à droite du tableau, après ' +
    (paramText(p.lastHeader) === ''
      ? `la colonne ${paramText(p.lastColumn)} (le tableau s’étend jusqu’à elle quand l’outil réécrit le classeur)`
      : `sa dernière colonne (${paramText(p.lastColumn)}, « ${paramText(p.lastHeader)} »)`)
  );
}

/** Each reference as typed, quoted, with the row key and column header of the cell it named when known. */
function referencesOf(p: MessageParams): string {
  const list = (value: MessageParams[string]) => (Array.isArray(value) ? value.map(String) : []);
  const [keys, headers] = [list(p.rowKeys), list(p.headers)];
  return list(p.references)
    .map((reference, index) => journalWords.namedReference(reference, keys[index] ?? '', headers[index] ?? ''))
    .join(', ');
}

export const rewriteMessages = {
  'workbook-is-extract': (p) =>
    `Ce classeur est l’extrait envoyé à « ${paramText(p.partner)} », pas le classeur de suivi (le classeur maître) : ` +
    'rien n’est fait. Ouvrez ou donnez le classeur de suivi ; pour y reprendre ce que ce destinataire a saisi dans ' +
    'cet extrait, fusionnez l’extrait dans le classeur de suivi.',
  'record-header-missing': (p) =>
    Array.isArray(p.headers)
      ? `${paramText(p.sheet)} : la ligne 1 n’a aucun des en-têtes de l’outil (${p.headers
          .slice(0, 2)
          .map((header) => `« ${String(header)} »`)
          .join(', ')}…) : cette feuille ne peut pas être lue comme la sienne, et le classeur n’est pas réécrit. ` +
        `Si c’est une feuille à vous, renommez-la (par exemple « ${paramText(p.sheet)} (notes) ») : elle sera alors ` +
        'gardée telle quelle. Si c’est celle de l’outil et que sa ligne d’en-tête a été effacée ou décalée, ' +
        'rétablissez-la à partir d’une copie de sauvegarde.'
      : `${paramText(p.sheet)}, cellule ${paramText(p.cell)} : l’en-tête « ${headerText(p.header)} » n’est plus à sa place : ` +
        'sa colonne a été supprimée, vidée ou déplacée, ou son en-tête changé. Si la colonne est encore là, ' +
        'remettez-la dans cette colonne, avec cet en-tête exact ; si elle a été supprimée ou vidée, annulez ce ' +
        'changement (Ctrl+Z) ou reprenez-la d’une copie du classeur enregistrée avant. Les lignes de cette feuille ne ' +
        'peuvent pas être relues sans elle : le classeur n’est pas réécrit en attendant.',
  'record-column-inserted': (p) =>
    `${paramText(p.sheet)}, cellule ${paramText(p.cell)} : la colonne ${paramText(p.column)}` +
    (headerText(p.header) === '' ? ', sans en-tête,' : ` (« ${headerText(p.header)} »)`) +
    ' a été insérée dans le tableau de l’outil, dont les colonnes qui la suivent sont décalées d’une colonne : les ' +
    'lignes de cette feuille ne peuvent pas être relues ainsi, et le classeur n’est pas réécrit en attendant. ' +
    `Déplacez cette colonne à droite du tableau, après sa dernière colonne (« ${headerText(p.lastHeader)} »), où ` +
    'elle sera gardée, ou supprimez-la si elle ne contient rien à garder.',
  'contribution-row-invalid': (p) =>
    `${paramText(p.sheet)}, cellule ${paramText(p.cell)} : « ${headerText(p.header)} » est vide ou ne correspond pas au type de ` +
    'la ligne. Rétablissez ce que l’outil avait écrit (la copie .bak le garde) : cette contribution ne peut pas être ' +
    'relue sans lui, et le classeur n’est pas réécrit.',
  'record-line-not-a-record': (p) =>
    `${paramText(p.sheet)}, cellule ${paramText(p.cell)} : ${quoted(p.value)} est sur une ligne que l’outil n’a pas ` +
    `écrite : il inscrit la date et l’heure de chacune des siennes en colonne ${paramText(p.whenColumn)} ` +
    `(« ${paramText(p.whenHeader)} »). Tant qu’elle est là, le classeur n’est pas réécrit, pour que rien n’en soit ` +
    'perdu ni lu comme une ligne de l’outil. Déplacez ce qui est saisi sur cette ligne ' +
    pastTheRecordTable(p) +
    ', ou dans une autre feuille, puis relancez. ' +
    'Si c’est une ligne de l’outil dont la date a été retouchée, remettez-la comme l’outil l’écrit, par exemple ' +
    '« 2026-12-05T10:00:00Z ».',
  'record-cell-formula': (p) =>
    `${paramText(p.sheet)}, cellule ${paramText(p.cell)} : la formule ${quoted(p.formula)} est sur une ligne que ` +
    'l’outil a écrite, où il n’écrit que des valeurs : réécrire le classeur la remplacerait par son résultat. Tant ' +
    'qu’elle est là, le classeur n’est pas réécrit. Remettez dans cette cellule la valeur que l’outil y avait écrite, ' +
    `ou déplacez la formule ${pastTheRecordTable(p)}, ou dans une autre feuille, puis relancez.`,
  'workbook-plan-unreadable': (p) =>
    `Le plan ne peut pas être relu dans les feuilles d’axe (${paramText(p.detail)}) : aucune feuille « Axe N » ou une ` +
    'ligne sans clé lisible. Le classeur n’a pas été modifié.',
  'sheet-copied-as-values': (p, surface) =>
    `La feuille « ${paramText(p.sheetName)} » a été recopiée avec ses valeurs et ses formules, sans sa mise en forme ` +
    (surface === 'task-pane'
      ? '(couleurs, formats des nombres, listes, protection) : le classeur a été réécrit en entier, et « Annuler » ' +
        'd’Excel ne la rétablit pas. Remettez-la à la main, ou reprenez-la d’une copie du classeur enregistrée avant.'
      : '(couleurs, listes, protection) : l’ancien fichier garde la mise en forme.'),
  // In Excel no earlier file keeps it: the pane quotes the whole text, to copy from the message.
  'cell-note-not-kept': (p, surface) =>
    `${paramText(p.sheet)}, cellule ${paramText(p.cell)} : la note attachée à cette cellule, ` +
    (p.unread === 'yes'
      ? 'trop longue pour être lue, n’a pas été reprise. '
      : `${surface === 'task-pane' ? `« ${String(p.text ?? '')} »` : quotedShort(String(p.text ?? ''))}, ` +
        'n’a pas été reprise : la ligne, la colonne ou la feuille de cette cellule n’est plus dans le classeur ' +
        'réécrit. ') +
    (surface === 'task-pane'
      ? 'Excel ne la garde pas : recopiez-la depuis ce message, ou reprenez-la d’une copie du classeur enregistrée avant.'
      : 'L’ancien fichier la garde : recopiez-la depuis celui-ci si vous en avez besoin.'),
  'cell-notes-unreadable': (p) =>
    `${paramText(p.sheet)} : les notes (commentaires) attachées aux cellules de cette feuille n’ont pas pu être ` +
    `lues, car la partie du fichier qui les garde ${NOTES_DAMAGE[String(p.damage)] ?? NOTES_DAMAGE.damaged}. Les ` +
    'cellules de la feuille sont lues, mais le classeur n’est pas réécrit en entier tant que ces notes ne se lisent ' +
    'pas, pour ne pas les perdre. Ouvrez le classeur dans Excel (qui propose de le réparer) ou LibreOffice, vérifiez les ' +
    'notes de cette feuille, reprenez d’une copie antérieure du fichier celles qui manquent, enregistrez-le, puis ' +
    'réessayez.',
  'kept-cell-in-the-way': (p) =>
    `${paramText(p.sheet)}, cellule ${paramText(p.cell)} : le classeur réécrit a besoin de cette cellule, où se trouve ` +
    `${quoted(p.value)}. Déplacez ce contenu dans une cellule libre, hors des tableaux de l’outil, puis ` +
    'recommencez : le classeur n’a pas été modifié.',
  'kept-cell-sheet-gone': (p) => {
    const goes =
      typeof p.axis === 'number'
        ? `disparaît avec le plan modifié, qui n’a plus d’axe ${paramText(p.axis)} avec des fiches`
        : 'n’est plus écrite par la réécriture';
    return (
      `${paramText(p.sheet)}, cellule ${paramText(p.cell)} : la feuille « ${paramText(p.sheet)} » ${goes}, et « ${paramText(p.value)} » ` +
      'y est saisi hors du tableau. Copiez-le dans une autre feuille et effacez-le, puis recommencez : le classeur ' +
      'n’a pas été modifié.'
    );
  },
  'rows-reordered': (p) => {
    const misplaced = howMany(p.misplaced);
    const columns = Array.isArray(p.addedColumns) ? p.addedColumns.map(String) : [];
    const how =
      misplaced > 0
        ? `${countOf(misplaced, 'critère n’était', 'critères n’étaient')} plus sous ${agree(misplaced, 'sa', 'leur')} fiche : les lignes ont été remises dans l’ordre du plan`
        : 'les fiches étaient dans un autre ordre que le plan : elles y ont été remises';
    const check =
      columns.length === 0
        ? ''
        : ` Vérifiez ${agree(columns.length, 'la colonne', 'les colonnes')} ${columns.map((column) => `« ${column} »`).join(', ')} que vous avez ${agree(columns.length, 'ajoutée', 'ajoutées')} : chaque valeur y suit la ligne en face de laquelle elle était.`;
    return `${paramText(p.sheet)} : ${how} (noté dans le Journal).${rebuiltWords(p)}${check}`;
  },
  'tool-text-restored': (p) =>
    `${paramText(p.sheet)}, cellule ${paramText(p.cell)} : l’outil y a remis son texte à la place de ${quoted(p.value)}, que ` +
    `le Journal garde (source « Texte de l’outil rétabli »).${rebuiltWords(p)}`,
  'copied-text-updated': (p) =>
    `${paramText(p.sheet)}, cellule ${paramText(p.cell)} : la cellule montre maintenant « ${paramText(p.text)} », repris des ` +
    `feuilles d’axe, à la place de ${quoted(p.value)}, que le Journal garde (source « Texte repris des feuilles ` +
    `d’axe »). Un titre d’axe, l’intitulé d’une fiche et ses porteurs se changent dans leur feuille d’axe.` +
    rebuiltWords(p),
  'kept-cell-row-gone': (p) =>
    `${paramText(p.sheet)}, cellule ${paramText(p.cell)} : la valeur « ${paramText(p.value)} » d’une colonne ajoutée appartient à ` +
    'une ligne que la réécriture ne garde pas. Déplacez-la ou effacez-la, puis recommencez : le classeur n’a pas ' +
    'été modifié.',
  // `isFormula`: a formula in an added column the other sheet has too; it is the formula that cannot follow.
  // `ownCells`: 1 when it names cells of its sheet, which it would take for the other sheet's; 0 for `=TODAY()`.
  'kept-cell-row-moved': (p) =>
    Number(p.isFormula) === 1
      ? `${paramText(p.sheet)}, cellule ${paramText(p.cell)} : la formule « ${paramText(p.value)} » de la colonne ajoutée ` +
        `« ${headerText(p.header)} » est sur la ligne ${paramText(p.key)}, que la régénération déplace dans ` +
        `l’${paramText(p.to)} : ` +
        (Number(p.ownCells) === 0
          ? 'la régénération ne déplace dans une autre feuille que des valeurs, jamais une formule saisie à la main. '
          : 'une formule ne suit pas sa ligne dans une autre feuille, ses références désignant des cellules de ' +
            'celle-ci. ') +
        'Remplacez-la par sa valeur (copier, puis collage spécial des valeurs), qui suivra la ' +
        `ligne dans la colonne « ${headerText(p.header)} » de l’${paramText(p.to)}, ou effacez-la et saisissez-la à ` +
        `nouveau dans l’${paramText(p.to)} après la régénération, puis recommencez : le classeur n’a pas été modifié.`
      : `${paramText(p.sheet)}, cellule ${paramText(p.cell)} : la valeur « ${paramText(p.value)} » d’une colonne ajoutée est sur la ligne ` +
        `${paramText(p.key)}, que la régénération déplace dans l’${paramText(p.to)} ; cette colonne n’y existe pas. Recopiez la ` +
        `valeur dans l’${paramText(p.to)} (une colonne ajoutée à côté du tableau) après la régénération, puis effacez-la ici et ` +
        'recommencez : le classeur n’a pas été modifié.',
  'kept-cell-column-gone': (p) =>
    `${paramText(p.sheet)}, cellule ${paramText(p.cell)} : « ${paramText(p.value)} » est sous le tableau, dans une colonne que la ` +
    'réécriture retire (un trimestre hors de la nouvelle période). Déplacez ce contenu sous une autre colonne, ou ' +
    'effacez-le, puis recommencez : le classeur n’a pas été modifié.',
  'personal-data-erased': (p) => {
    const count = howMany(p.count);
    const kinds = howMany(p.kinds);
    return (
      `${paramText(p.sheet)} : ${countOf(count, 'valeur gardée contenait', 'valeurs gardées contenaient')} ` +
      `${personalDataWords(p.kinds)} qui ${agree(kinds, 'n’est', 'ne sont')} plus dans le suivi ; ` +
      // The data, not the values, is replaced: « donnée » agrees whatever kind (« un numéro ») was found.
      `${count === 1 && kinds === 1 ? 'cette donnée y est remplacée' : 'ces données y sont remplacées'} par ` +
      `« ${ERASED_PERSONAL_DATA} » (ligne « ${journalWords.sources.erasure} » du Journal).`
    );
  },
  'kept-formula-reference-gone': (p) => {
    const count = howMany(p.references);
    return (
      `${paramText(p.sheet)}, cellule ${paramText(p.cell)} : la formule désignait ${referencesOf(p)}, que le classeur réécrit ` +
      `n’a plus (ligne retirée du plan, trimestre hors de la période, feuille d’axe disparue). ` +
      `${agree(count, 'Cette référence devient', 'Ces références deviennent')} #REF!, comme dans Excel : corrigez ` +
      `la formule, maintenant « =${paramText(p.formula)} ».`
    );
  },
  'kept-formula-to-check': (p) => {
    const many = howMany(p.references) > 1;
    return (
      `${paramText(p.sheet)}, cellule ${paramText(p.cell)} : la formule « =${paramText(p.formula)} » porte sur ` +
      `${referencesOf(p)}, dont les cellules ne sont plus côte à côte dans le classeur réécrit (lignes remises dans ` +
      `l’ordre du plan). ${many ? 'Ces plages sont laissées telles quelles' : 'Cette plage est laissée telle quelle'}` +
      ` : vérifiez que la formule désigne toujours les bonnes cellules.`
    );
  },
  // `first`: the convention's first quarter, when it has not begun (today's quarter is none of it).
  'quarter-chosen-ahead': (p, surface) => {
    const wanted = p.first === undefined ? paramText(p.today) : paramText(p.first);
    return (
      `Le trimestre en cours choisi, ${paramText(p.quarter)}, ` +
      (p.first === undefined
        ? `est loin devant la date du jour : aujourd’hui est en ${paramText(p.today)}. `
        : `est loin devant le début de la convention : son premier trimestre, ${paramText(p.first)}, commence le ` +
          `${frenchDay(paramText(p.firstStartsOn))}. `) +
      `Les taux comptent comme dues les valeurs de tous les trimestres jusqu’à ${paramText(p.quarter)}. ` +
      (surface === 'task-pane'
        ? `Si ce choix n’est pas voulu, choisissez ${wanted} dans la liste « Trimestre en cours », puis « Calculer ».`
        : `Si ce choix n’est pas voulu, relancez avec --quarter ${wanted}.`)
    );
  },
  'quarter-is-last': (p, surface) =>
    `Le trimestre ${paramText(p.quarter)} est le dernier de la convention : il n’y a pas de trimestre suivant. ` +
    `Le classeur n’a pas été modifié. ${finalBilanStep(surface, p.workbook === undefined ? undefined : paramText(p.workbook))}`,
  // The quarter moved on by a closing too many (a command run twice) is the usual cause: the way back is said. Before
  // the convention begins (`first`, its first quarter), today's quarter is none of it: that first quarter is named.
  'quarter-not-begun': (p, surface) => {
    const startsOn = frenchDay(paramText(p.startsOn));
    const before = p.first !== undefined;
    if (before && Number(p.isFirst) === 1)
      return (
        `Le trimestre en cours, ${paramText(p.quarter)}, le premier de la convention, ne commence que le ${startsOn} : ` +
        `il ne peut pas encore être clôturé, car « Historique » garderait pour lui l’état des fiches ` +
        `d’aujourd’hui, d’avant la convention. Clôturez-le à partir du ${startsOn}. Le classeur n’a pas été modifié.`
      );
    const snapshot = before
      ? `d’avant la convention, dont le premier trimestre, ${paramText(p.first)}, commence le ` +
        `${frenchDay(paramText(p.firstStartsOn))}`
      : `du trimestre ${paramText(p.today)}`;
    const wanted = before
      ? `${paramText(p.first)}, le premier de la convention`
      : `${paramText(p.today)} pour celui d’aujourd’hui`;
    return (
      `Le trimestre en cours, ${paramText(p.quarter)}, ne commence que le ${startsOn} : il ne peut pas encore être ` +
      `clôturé, car « Historique » garderait pour lui l’état des fiches d’aujourd’hui, ${snapshot}. Clôturez-le ` +
      `à partir du ${startsOn}. S’il a été avancé par erreur (une clôture de trop), remettez le trimestre voulu ` +
      (surface === 'task-pane'
        ? 'dans la liste « Trimestre en cours », puis « Calculer ».'
        : `avec « compute --quarter » (${wanted}), ou dans la cellule B9 de « Paramètres ».`) +
      ' Le classeur n’a pas été modifié.'
    );
  },
  'quarter-after-convention': (p, surface) =>
    `Le trimestre en cours, ${paramText(p.quarter)}, est après la fin de la convention, dont le dernier trimestre est ` +
    `${paramText(p.last)} : il n’y a rien à clôturer après elle. ` +
    (surface === 'task-pane'
      ? `Choisissez un trimestre de la convention (de ${paramText(p.first)} à ${paramText(p.last)}) dans la liste « Trimestre en cours », puis « Calculer ».`
      : `Remettez un trimestre de la convention (de ${paramText(p.first)} à ${paramText(p.last)}) avec « compute --quarter ».`) +
    ' Le classeur n’a pas été modifié.',
  'quarter-closed-again': (p) => {
    const [added, changed, removed] = [howMany(p.added), howMany(p.changed), howMany(p.removed)];
    if (added + changed + removed === 0) {
      return `Le trimestre ${paramText(p.quarter)} avait déjà été clôturé, et rien n’a changé depuis : son historique reste le même.`;
    }
    const parts = [
      ...(added > 0 ? [countOf(added, 'valeur ajoutée', 'valeurs ajoutées')] : []),
      ...(changed > 0 ? [countOf(changed, 'valeur modifiée', 'valeurs modifiées')] : []),
      ...(removed > 0 ? [countOf(removed, 'valeur effacée', 'valeurs effacées')] : []),
    ];
    const list = frenchList(parts);
    return (
      `Le trimestre ${paramText(p.quarter)} avait déjà été clôturé : son historique est remplacé par l’état actuel, avec ` +
      `${list} depuis, ${added + changed + removed > 1 ? 'chacune notée' : 'notée'} dans le Journal (ancienne → ` +
      'nouvelle valeur).'
    );
  },
  // On the command line, the command that puts the quarter back, on the workbook the command named (`workbook`, a
  // shell word), as `merge-closed-quarter` gives it; the pane has its field.
  'quarter-closed-before-end': (p, surface) =>
    `Le trimestre ${paramText(p.quarter)} ne se termine que le ${frenchDay(paramText(p.endsOn))} : il est clôturé avant sa fin, et le ` +
    `trimestre en cours passe déjà à ${paramText(p.next)}. « Historique » garde l’état des fiches et les commentaires ` +
    `d’aujourd’hui ; ce qui changera d’ici le ${frenchDay(paramText(p.endsOn))} n’y sera pas. Pour une clôture qui le compte, ` +
    `remettez ${paramText(p.quarter)} comme trimestre en cours après cette date${surface === 'task-pane' ? '' : ` (« npx ctg-suivi compute ${p.workbook === undefined ? 'suivi.xlsx' : paramText(p.workbook)} --quarter ${paramText(p.quarter)} »)`} et clôturez-le à nouveau : la nouvelle ` +
    'clôture remplace celle-ci, chaque changement noté dans le Journal.',
  'ao-table-unavailable': () =>
    'La feuille « Compétences AO » est absente ou sa ligne d’en-tête est introuvable : les populations et les ' +
    'obligations des autorités organisatrices ne sont pas calculées.',
  'rows-archived': (p) =>
    `${countOf(howMany(p.count), 'ligne retirée', 'lignes retirées')} du plan ` +
    `${agree(howMany(p.count), 'avait', 'avaient')} des valeurs saisies : ces valeurs sont gardées dans la ` +
    `feuille « Archives » (${paramText(p.keys)}).`,
  'rows-removed': (p) =>
    `${agree(howMany(p.keys), 'Ligne retirée', 'Lignes retirées')} du plan, sans valeur saisie : ${paramText(p.keys)}.`,
  'rows-added': (p) => `${agree(howMany(p.keys), 'Ligne ajoutée', 'Lignes ajoutées')} au plan : ${paramText(p.keys)}.`,
  'rows-changed': (p) =>
    `${agree(howMany(p.keys), 'Ligne', 'Lignes')} dont le texte du plan a changé (valeurs saisies gardées) : ` +
    `${paramText(p.keys)}.`,
  // A criterion row whose cells were cleared, its key typed back: the plan did not change, its Intitulé was emptied.
  'rows-restored': (p) =>
    `${agree(howMany(p.keys), 'Ligne', 'Lignes')} dont l’intitulé, vide, a été remis depuis le plan, avec dans ` +
    `${agree(howMany(p.keys), 'ses cellules laissées vides', 'leurs cellules laissées vides')} ce que la génération ` +
    `y écrit (noté au Journal ; valeurs saisies gardées) : ${paramText(p.keys)}.`,
  // A kept row's plan cell found empty, given the plan's text: the workbook keeps no other copy of the plan's texts,
  // so whether a person emptied it or the plan gave none before is not known; either way the plan did not replace a text.
  'plan-cells-restored': (p) =>
    `${agree(howMany(p.cells), 'Cellule du plan trouvée vide, remplie', 'Cellules du plan trouvées vides, remplies')} ` +
    `depuis le plan (${agree(howMany(p.cells), 'notée', 'notées')} au Journal ; valeurs saisies gardées) : ${paramText(p.cells)}.`,
  'unreferenced-fiche-not-found': (p) =>
    `La fiche ${paramText(p.key)} (${paramText(p.title) ? `« ${paramText(p.title)} »` : 'sans intitulé'}), clé donnée faute de référence, ` +
    'n’est plus retrouvée dans le plan par son intitulé : elle n’est pas prise pour une autre' +
    // « Archives » is named only when values of the fiche or of its criteria went there, with their keys.
    (howMany(p.archived) > 0
      ? `, ses valeurs saisies sont gardées dans « Archives » (${paramText(p.archived)}). Si elle a seulement changé ` +
        'd’intitulé, reportez-les dans sa nouvelle ligne, ou donnez-lui une référence dans le plan.'
      : '. Aucune valeur n’y était saisie.'),
  'fiches-moved': (p) =>
    `${agree(howMany(p.moves), 'Fiche déplacée', 'Fiches déplacées')} dans un autre axe (valeurs saisies gardées) : ` +
    `${paramText(p.moves)}.`,
  'alike-criteria-count-changed': (p) =>
    `Fiche ${paramText(p.fiche)} : « ${paramText(p.text)} » figurait ${frenchNumber(howMany(p.before))} fois parmi ses critères, ` +
    `le nouveau plan l’écrit ${frenchNumber(howMany(p.after))} fois. Les valeurs saisies sont gardées dans l’ordre des lignes ` +
    `ainsi libellées, sans certitude que chacune soit sur la bonne : vérifiez ${agree(howMany(p.keys), 'la ligne', 'les lignes')} ` +
    `${paramText(p.keys)}.`,
  'axis-title-replaced': (p) =>
    `Titre de l’axe remplacé par celui du plan : ${paramText(p.sheet)}, « ${paramText(p.before)} » → « ${paramText(p.after)} ».`,
  'ao-rows-removed': (p) => {
    const [communes, values] = [howMany(p.names), howMany(p.values)];
    const kept =
      values === 0
        ? 'Aucune valeur n’y était saisie.'
        : communes > 1
          ? `Leurs ${countOf(values, 'valeur saisie', 'valeurs saisies')} ${agree(values, 'est notée', 'sont notées')} dans le Journal.`
          : `${values > 1 ? `Ses ${values} valeurs saisies sont notées` : 'Sa valeur saisie est notée'} dans le Journal.`;
    return (
      `${agree(communes, 'Commune absente', 'Communes absentes')} du nouveau plan, ` +
      `${agree(communes, 'retirée', 'retirées')} de « Compétences AO » : ${paramText(p.names)}. ${kept}`
    );
  },
  'period-changed': (p) => {
    const archived = Number(p.archived ?? 0);
    const kept =
      archived > 0
        ? ` : ${countOf(archived, 'valeur', 'valeurs')} des trimestres hors de la nouvelle période ` +
          `${agree(archived, 'est gardée', 'sont gardées')} dans « Archives ».`
        : '.';
    const quarter = p.quarterFrom
      ? ` Trimestre en cours : ${paramText(p.quarterFrom)} → ${paramText(p.quarterTo)}.`
      : '';
    return (
      `La période du nouveau plan (${paramText(p.newPeriod)}) diffère de celle du classeur (${paramText(p.oldPeriod)})${kept}` +
      quarter
    );
  },
} satisfies Partial<Record<IssueCode, MessageTemplate>>;
