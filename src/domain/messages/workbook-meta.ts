import { frenchDay } from './numbers';
import { paramText } from './param-text';
import type { IssueCode } from '../issue-codes';
import { regenerationHow, workbookNamed } from './consolidation-unmatched';
import { editorOnly } from './editor-only';
import type { MessageParams, MessageReader, MessageTemplate } from './types';
import { quoted, where } from './workbook';

const NOT_WRITTEN = ' Le classeur n’est pas réécrit d’ici là.';
/** Said to the workbook's own user only: the Caf rewrites no territory's workbook (`editorOnly`). */
const notWrittenUntil = (reader: MessageReader) => editorOnly(reader, NOT_WRITTEN);

/** The undo of a typing, offered after what to retype, to the workbook's own user only (`editorOnly`). */
const undoTyping = (reader: MessageReader) => editorOnly(reader, ', ou annulez la saisie (Ctrl+Z)');

const HOW_TO_CHANGE_DATES = 'les dates de la convention se changent dans le plan, puis en régénérant le classeur.';

/**
 * A key list row whose key was cleared, or that was emptied, by hand: what to type back when its key was found at its
 * place in the axis sheets; else to undo, or take the key back from a copy, and never to delete a row of the axis
 * sheets meanwhile (their rows are the tools' to match against this list: deleting one loses its values).
 */
function clearedKeyMessage(p: MessageParams, isRecord: string, reader: MessageReader): string {
  const cell = String(p.cell);
  const axis = p.axis === undefined ? '' : `, axe ${String(p.axis)}`;
  const parent = p.parent ? `, clé parente ${quoted(p.parent)}` : '';
  const typeChanged = p.typeValue !== undefined;
  const left = typeChanged ? `${parent}${axis}`.slice(2) : `type ${quoted(p.type)}${parent}${axis}`;
  const typeToo = p.typeValue ? `, et son type remplacé par ${quoted(p.typeValue)}` : ', et son type aussi';
  const what =
    p.changed === 'emptied'
      ? `la ligne ${String(p.row)} de la liste des clés a été vidée`
      : `la clé de cette ligne de la liste des clés${left ? ` (${left})` : ''} a été effacée` +
        (typeChanged ? typeToo : '');
  const place = `la ligne ${String(p.axisRow)} de la feuille ${quoted(p.axisSheet)}, à sa place dans la liste`;
  let typeBack: string;
  if (!p.expected) {
    typeBack =
      editorOnly(reader, 'annulez la saisie (Ctrl+Z), ou ') +
      'reprenez la ligne dans une copie du classeur enregistrée avant. Ne supprimez ' +
      'aucune ligne des feuilles d’axe en attendant : leurs valeurs seraient perdues.';
  } else if (p.changed === 'emptied') {
    const values = [p.expected, p.expectedType, p.expectedParent, p.expectedAxis].filter(
      (value) => value !== undefined,
    );
    const shown = values.map((value) => (value === '' ? 'rien' : quoted(value)));
    typeBack =
      `retapez en ${cell}:${String(p.lastCell)} ${shown.slice(0, -1).join(', ')} et ${shown.at(-1) ?? ''} (la ` +
      `clé, le type, la clé parente et l’axe de ${place})${undoTyping(reader)}.`;
  } else if (p.typeCell) {
    typeBack =
      `retapez ${quoted(p.expected)} en ${cell} et ${quoted(p.expectedType)} en ${String(p.typeCell)} (la clé et ` +
      `le type de ${place})${undoTyping(reader)}.`;
  } else {
    typeBack = `retapez ${quoted(p.expected)} en ${cell} (la clé de ${place})${undoTyping(reader)}.`;
  }
  return `${where(p)}${what}. ${isRecord}${typeBack}${notWrittenUntil(reader)}`;
}

/** Messages about `Paramètres` and `_ctg` (src/layout/sheets/settings/settings-read.ts, src/layout/sheets/ctg-meta/ctg-meta-read.ts). */
export const workbookMetaMessages = {
  'settings-label-missing': (p) =>
    `La feuille « Paramètres » a été modifiée : l’intitulé « ${p.label} » n’est plus à sa place.`,
  'settings-label-moved': (p) => {
    const others = Number(p.count) > 1 ? `, et les ${Number(p.count) - 1} intitulés qui le suivent avec lui` : '';
    return (
      `${where(p)}l’intitulé ${quoted(p.label)} est passé de la ligne ${String(p.from)} à la ligne ` +
      `${String(p.to)}${others} : une ligne a été insérée ou supprimée dans la feuille. Supprimez la ligne ` +
      'insérée (ou rétablissez celle supprimée) : la feuille est réécrite à ses places d’origine. Les valeurs ' +
      'sont lues à côté de leur intitulé en attendant.'
    );
  },
  // `value`: what the label's cell holds, as shown; `valueCell`: the cell read beside it.
  'settings-label-edited': (p) =>
    `${where(p)}l’intitulé ${quoted(p.label)} a été remplacé par ${quoted(p.value)}. La cellule ` +
    `${String(p.valueCell)} reste lue comme ${quoted(p.label)}, et la prochaine réécriture du classeur remettra ` +
    `${quoted(p.label)} en ${String(p.cell)}, en gardant ${quoted(p.value)} dans le Journal. Retapez ` +
    `${quoted(p.label)} ou annulez la saisie (Ctrl+Z) ; pour noter autre chose, écrivez-le dans une cellule vide.`,
  // `value`: the cell as shown ('' when empty); `isText`: whether it is a text (a date typed into a cell formatted as
  // text stays a text); `stored`: the date `_ctg` records, to put back, when it is one.
  'settings-date-invalid': (p) => {
    const date = p.stored ? frenchDay(paramText(p.stored)) : 'la date de la convention';
    const label = `« ${String(p.label)} »`;
    const what =
      String(p.value ?? '') === ''
        ? `${label} est vide. Remettez-y ${date} ; `
        : p.isText === 'no'
          ? `${label} contient ${quoted(p.value)}, pas une date. Saisissez-y ${date} ; `
          : `${label} contient le texte ${quoted(p.value)}, pas une date. Remettez le format Date à la cellule, ` +
            `puis saisissez ${date} ; `;
    return what + HOW_TO_CHANGE_DATES;
  },
  'settings-quarter-invalid': (p) =>
    `Le trimestre en cours ${quoted(p.value)} n’est pas de la forme AAAA-Tn : saisissez ` +
    (p.meant
      ? `${paramText(p.meant)}.`
      : 'l’année, un tiret, T et le numéro du trimestre (de 1 à 4), par exemple 2026-T3.'),
  'settings-quarter-outside-period': (p) =>
    `Le trimestre en cours ${p.value} est en dehors de la convention (du ${frenchDay(paramText(p.start))} au ${frenchDay(paramText(p.end))}).`,
  'settings-list-value-changed': (p) =>
    `${where(p)}la liste ${quoted(p.list)} de l’outil a ${quoted(p.expected)} à cette place, et la cellule contient ` +
    `${quoted(p.value)}. Les listes ne se modifient pas : les feuilles d’axe, les taux et la fusion ne connaissent que ` +
    `les valeurs de l’outil, et une réécriture y remettrait ${quoted(p.expected)}. Remettez ${quoted(p.expected)} ; ` +
    'pour noter autre chose, écrivez-le dans une cellule vide, hors des listes. Le classeur n’est pas réécrit d’ici là.',
  'settings-siren-invalid': (p) => `Le SIREN de l’EPCI ${quoted(p.value)} ne compte pas 9 chiffres.`,
  'ctg-period-changed': (p) =>
    `${where(p)}${quoted(p.label)} a été modifié à la main (valeur lue : ${quoted(p.value)}) : il ne correspond ` +
    (p.first
      ? `plus aux colonnes des trimestres des feuilles d’axe, de ${String(p.first)} à ${String(p.last)}. `
      : 'plus à la date écrite par l’outil. ') +
    (p.backTo ? `Remettez ${quoted(p.backTo)} ; ` : 'Remettez la date d’origine (texte AAAA-MM-JJ) ; ') +
    HOW_TO_CHANGE_DATES,
  'settings-period-mismatch': (p) =>
    `${where(p)}${quoted(p.label)} (${frenchDay(paramText(p.value))}) n’est plus la date enregistrée par l’outil ` +
    `(${frenchDay(paramText(p.stored))}) : elle a été modifiée à la main. Remettez ${frenchDay(paramText(p.stored))} ; ${HOW_TO_CHANGE_DATES}`,
  // A copy made for another territory gets its own name by a regeneration from that territory's text, once the
  // recorded name is back (a workbook with this error is not rewritten): until then it is the first one's copy, and
  // a consolidation joins it to that territory, unless its own valid SIREN (`siren`) keeps it apart
  // (territory-copies.ts).
  'settings-territory-mismatch': (p, surface) =>
    `${where(p)}le territoire ${quoted(p.value)} n’est plus celui enregistré par l’outil (${quoted(p.stored)}) : ` +
    `il a été modifié à la main. Si ce classeur est celui de ${quoted(p.stored)}, remettez ${quoted(p.stored)} ; ` +
    'son nom se change dans le texte du plan, puis en régénérant le classeur. S’il a été copié pour en faire celui ' +
    `d’un autre territoire, remettez d’abord ${quoted(p.stored)}, puis régénérez-le depuis le texte de la ` +
    `convention de ce territoire ${regenerationHow(surface, workbookNamed(p), 'ce texte')}, qui lui donne son nom : ` +
    (p.siren
      ? `jusque-là, pour l’outil, il reste une copie du classeur de ${quoted(p.stored)}. La consolidation de la Caf ` +
        `le compte déjà comme un territoire à part, par son SIREN (${quoted(p.siren)}, cellule ${paramText(p.sirenCell)}), ` +
        `sauf si le classeur de ${quoted(p.stored)} porte le même.`
      : `jusque-là, pour l’outil et pour la consolidation de la Caf, il reste une copie du classeur de ${quoted(p.stored)}.`) +
    ' Le classeur n’est pas réécrit d’ici là.',
  // `value`: what the cell holds when it is not a version (absent or empty: nothing there); `current`: the version
  // this code writes.
  'ctg-format-version-missing': (p) =>
    (p.value === undefined || p.value === ''
      ? 'La feuille technique « _ctg » n’indique pas de version de format'
      : `La feuille technique « _ctg » indique ${quoted(p.value)} comme version de format, qui n’en est pas une`) +
    ` : ce classeur n’est pas un suivi CTG lisible. Cette feuille masquée, que l’outil écrit, a été modifiée : ` +
    `remettez en B2 le numéro qui s’y trouvait (${paramText(p.current)} pour un classeur écrit par cette version ` +
    'de l’outil), ou reprenez une copie du classeur enregistrée avant cette modification.',
  // How to update differs: the command line is updated in the project's folder (README, « Démarrage »), the pane
  // by whoever deployed it for the organisation (README, « Déploiement »).
  'format-too-new': (p, surface) =>
    `Ce classeur a été créé par une version plus récente de l’outil (format ${p.found}, cette version lit jusqu’au format ${p.supported}). ` +
    (surface === 'task-pane'
      ? 'Le complément doit être mis à jour\u00a0: demandez à qui l’a installé pour votre organisation (son ' +
        'administrateur Microsoft 365) d’en publier la nouvelle version, puis rouvrez le classeur.'
      : 'Mettez l’outil à jour\u00a0: prenez sa nouvelle version auprès de qui vous l’a fourni, mettez-la dans le ' +
        'dossier du projet, puis lancez-y npm ci && npm run build, et relancez la commande.'),
  // `changed`: 'type' when the row's type alone was changed by hand (`value`: the type cell as shown, '' when empty;
  // `expected`: the type its key gives), 'either' for a criterion key with the other criterion's type (`type`; the key
  // cell or the type cell, `typeCell`, changed; `expected`: the type the key gives), 'key-cleared' when the row's key
  // was cleared (`type`, `parent`, `axis`: what is left of it; `typeValue` in place of `type`, the type cell as shown,
  // '' when empty, when the type was changed too, then `expectedType` and `typeCell` with a key found) or 'emptied' for
  // the row emptied (`row`), both with `expected`, the key found in the axis sheets at its place when it was
  // (`axisSheet`, `axisRow`: that row; an emptied row's `lastCell`, `expectedType`, `expectedParent`, `expectedAxis`:
  // the rest of it), else absent.
  'ctg-key-list-invalid': (p, _surface, reader) => {
    const isRecord =
      'Cette liste est l’enregistrement des clés du classeur, que l’outil écrit seul, pas une saisie à déplacer : ';
    if (p.changed === 'key-cleared' || p.changed === 'emptied') return clearedKeyMessage(p, isRecord, reader);
    if (p.changed === 'type') {
      return (
        `${where(p)}le type de la clé ${quoted(p.key)} dans la liste des clés ` +
        `${p.value ? `a été remplacé par ${quoted(p.value)}` : 'a été effacé'}. ${isRecord}retapez ` +
        `${quoted(p.expected)} en ${String(p.cell)}, le type que donne sa clé${undoTyping(reader)}.${notWrittenUntil(reader)}`
      );
    }
    if (p.changed === 'either') {
      return (
        `${where(p)}la clé ${quoted(p.key)} et le type ${quoted(p.type)} de cette ligne de la liste des clés ne ` +
        `vont pas ensemble : l’un des deux a été modifié à la main. ${isRecord}retapez celui qui a changé, en ` +
        `${String(p.cell)} la clé qui s’y trouvait ou en ${String(p.typeCell)} le type ${quoted(p.expected)} que ` +
        `donne la clé${undoTyping(reader)}.${notWrittenUntil(reader)}`
      );
    }
    return `La liste des clés de la feuille « _ctg » contient une ligne illisible (« ${p.key} »).`;
  },
  'ctg-fingerprint-mismatch': () =>
    'La liste des clés de la feuille « _ctg » a été modifiée : son empreinte ne correspond plus.',
  // `value`: the typed cell as a person sees it.
  'ctg-cell-typed': (p) =>
    `${where(p)}${quoted(p.value)} a été saisi dans la feuille masquée « _ctg », que l’outil réécrit seul à chaque ` +
    'écriture du classeur : il y serait perdu. Tant qu’il est là, le classeur n’est pas réécrit. Déplacez-le dans ' +
    'une autre feuille, puis relancez.',
  // `changed`: 'type' (`key`: the retired key, `value`: the type cell as shown, '' when empty, `expected`: the type its
  // key gives), 'key' (`value`: the key cell as shown, `isKey`: whether it is a key, of another type or parent;
  // `type`, `parent`: the row's type and parent key) or 'title' (`value`: the title cell as shown, `expected`: the
  // block's title) or 'title-row-deleted' (`row`: the block's first key, under which the title's row was; `expected`:
  // the block's title) or 'either' (`key` and `type`: a criterion key and the other criterion type, either of them the
  // cell changed; `typeCell`: where the type is, `expected`: the type the key gives) or 'both' (`value`, `type`: the
  // key and type cells as shown, '' when empty; `typeCell`; `parent`: the row's parent key; `expected`: « Fiche » for
  // a row without one, a fiche's, else '').
  'ctg-retired-key-changed': (p, _surface, reader) => {
    const cell = String(p.cell);
    const changed = (value: MessageParams[string], replaced: string, cleared: string) =>
      value ? `${replaced} par ${quoted(value)}` : cleared;
    if (p.changed === 'either') {
      return (
        `${where(p)}la clé ${quoted(p.key)} et le type ${quoted(p.type)} de cette ligne des clés retirées ne vont ` +
        'pas ensemble : l’un des deux a été modifié à la main. Cette ligne est l’enregistrement de l’outil qui ' +
        'garde cette clé pour ne jamais la réattribuer, pas une saisie à déplacer : retapez celui qui a changé, ' +
        `en ${cell} la clé qui s’y trouvait ou en ${String(p.typeCell)} le type ${quoted(p.expected)} que donne la ` +
        `clé, ou annulez la saisie (Ctrl+Z).${notWrittenUntil(reader)}`
      );
    }
    if (p.changed === 'both') {
      const parent = p.parent ? `, clé parente ${quoted(p.parent)}` : '';
      const typeCell = String(p.typeCell);
      const typeBack = p.expected
        ? `retapez en ${cell} la clé qui s’y trouvait et ${quoted(p.expected)} en ${typeCell}, ou annulez la saisie ` +
          '(Ctrl+Z), ou reprenez-la'
        : `retapez en ${cell} la clé et en ${typeCell} le type qui s’y trouvaient, ou annulez la saisie (Ctrl+Z), ` +
          'ou reprenez-les';
      return (
        `${where(p)}la clé et le type de cette ligne des clés retirées ont été modifiés à la main (clé ` +
        `${p.value ? quoted(p.value) : 'effacée'}, type ${p.type ? quoted(p.type) : 'effacé'}${parent}). Cette ligne ` +
        'est l’enregistrement de l’outil qui garde cette clé pour ne jamais la réattribuer, pas une saisie à ' +
        `déplacer : ${typeBack} dans une copie du classeur enregistrée avant.${notWrittenUntil(reader)}`
      );
    }
    if (p.changed === 'title-row-deleted') {
      return (
        `${where(p)}la ligne du titre du bloc des clés retirées a été supprimée. Ce bloc est l’enregistrement de ` +
        'l’outil qui garde ces clés pour ne jamais les réattribuer, pas une saisie à déplacer : insérez une ligne ' +
        `au-dessus de la ligne ${String(p.row)} et tapez-y ${quoted(p.expected)} en colonne A, ou annulez la ` +
        `suppression (Ctrl+Z).${notWrittenUntil(reader)}`
      );
    }
    if (p.changed === 'title') {
      return (
        `${where(p)}le titre du bloc des clés retirées ${changed(p.value, 'a été remplacé', 'a été effacé')}. Ce bloc ` +
        `est l’enregistrement de l’outil qui garde ces clés pour ne jamais les réattribuer, pas une saisie à ` +
        `déplacer : retapez ${quoted(p.expected)} en ${cell}, ou annulez la saisie (Ctrl+Z).${notWrittenUntil(reader)}`
      );
    }
    const what =
      p.changed === 'type'
        ? `le type de la clé retirée ${quoted(p.key)} ${changed(p.value, 'a été remplacé', 'a été effacé')}`
        : `la clé retirée de cette ligne (type ${quoted(p.type)}${p.parent ? `, clé parente ${quoted(p.parent)}` : ''}) ` +
          changed(p.value, 'a été remplacée', 'a été effacée') +
          (!p.value
            ? ''
            : p.isKey === 'yes'
              ? `, qui ne va pas avec ce type${p.parent ? ' et cette clé parente' : ''}`
              : ', qui n’est pas une clé');
    const typeBack =
      p.changed === 'type'
        ? `retapez ${quoted(p.expected)} en ${cell}, le type que donne sa clé, ou annulez la saisie (Ctrl+Z).`
        : `retapez en ${cell} la clé qui s’y trouvait, ou annulez la saisie (Ctrl+Z), ou reprenez-la dans une copie ` +
          'du classeur enregistrée avant.';
    return (
      `${where(p)}${what}. Cette ligne est l’enregistrement de l’outil qui garde cette clé pour ne jamais la ` +
      `réattribuer, pas une saisie à déplacer : ${typeBack}${notWrittenUntil(reader)}`
    );
  },
  // `row`: the emptied row of the retired keys block.
  'ctg-retired-key-cleared': (p) =>
    `${where(p)}la ligne ${String(p.row)} des clés retirées a été vidée. L’outil ne sait plus quelle clé elle ` +
    'gardait pour ne jamais la réattribuer. Annulez la saisie (Ctrl+Z) ou reprenez la ligne dans une copie du ' +
    'classeur enregistrée avant, si vous le pouvez ; sinon, la prochaine écriture du classeur supprimera la ligne ' +
    'vide.',
} satisfies Partial<Record<IssueCode, MessageTemplate>>;
