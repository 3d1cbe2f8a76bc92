import { paramText } from './param-text';
import { frenchDay } from './numbers';
import { frenchDayAndTime } from './paris-time';
import type { MessageParams, MessageTemplate } from './types';

/**
 * What a check says when the workbook checked is a partner's extract (`ctg-suivi validate`, the pane's « Vérifier un
 * fichier… », and its « Vérifier le classeur » on an extract open in Excel), from its facts
 * (src/app/checked-extract.ts): whose it is, and what the check looks at in it. Params: `recipient`, `territory`,
 * `madeAt` (an ISO instant), `quarter`, each but the first possibly null; `file`, the file as the command line's user
 * would type it; `checked`, in the pane, `open-workbook` when the extract checked is the workbook open in Excel.
 */

/** The day an extract was made, in Paris; an instant `_ctg` holds retouched (no date to read) by its written day. */
function madeOn(madeAt: string): string {
  return Number.isNaN(Date.parse(madeAt)) ? frenchDay(madeAt) : frenchDayAndTime(madeAt, 'day');
}

/** `fait le 05/12/2026 à partir du classeur de suivi du territoire « … », à compléter jusqu’au trimestre 2026-T4`. */
function origin(p: MessageParams): string {
  const day = paramText(p.madeAt) === '' ? '' : ` le ${madeOn(paramText(p.madeAt))}`;
  const master =
    paramText(p.territory) === '' ? '' : ` à partir du classeur de suivi du territoire « ${paramText(p.territory)} »`;
  const made = day || master ? `fait${day}${master}` : '';
  const upTo = paramText(p.quarter) === '' ? '' : `à compléter jusqu’au trimestre ${paramText(p.quarter)}`;
  return [made, upTo].filter(Boolean).join(', ');
}

export const checkedExtractMessages = {
  'checked-file-is-extract': (p) =>
    origin(p)
      ? `C’est l’extrait envoyé à « ${paramText(p.recipient)} », ${origin(p)} ; ce n’est pas le classeur de suivi.`
      : `C’est l’extrait envoyé à « ${paramText(p.recipient)} », pas le classeur de suivi.`,
  // Its problems are the recipient's; how to see what a merge would take, with the reader's tool. An extract open in
  // Excel reaches the merge as a file: saved first (one opened by « Ouvrir dans Excel » is not yet).
  'checked-extract-scope': (p, surface) => {
    const open = surface === 'task-pane' && p.checked === 'open-workbook';
    const check =
      surface === 'command-line' ? 'validate' : open ? '« Vérifier le classeur »' : '« Vérifier un fichier… »';
    return (
      `Dans un extrait, ${check} vérifie sa forme (feuilles, clés, en-têtes) et les cellules que ` +
      `« ${paramText(p.recipient)} » remplit (types, listes, valeurs attendues) : ses problèmes portent sur ce que ce ` +
      'destinataire remplit ou a changé, pas sur le classeur de suivi. Ce que la fusion en reprendrait : ' +
      (surface === 'task-pane'
        ? `${open ? 'enregistrez ce classeur au format .xlsx, ' : ''}ouvrez le classeur de suivi, puis, dans ` +
          'l’onglet « Partenaires », choisissez ce fichier sous « Fusion des retours » et cliquez sur « Voir les ' +
          'changements ».'
        : `npx ctg-suivi merge suivi.xlsx ${paramText(p.file)} --dry-run (suivi.xlsx : votre classeur de suivi).`)
    );
  },
} satisfies Record<string, MessageTemplate>;

/** What a check says of a partner's extract: one code per message above. */
export type CheckedExtractCode = keyof typeof checkedExtractMessages;
