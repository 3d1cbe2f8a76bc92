import { frenchFormula } from './french-formula';
import type { IssueCode } from '../issue-codes';
import { countOf } from './plural';
import { shellWord } from './shell-word';
import { quoted } from './workbook';
import type { MessageSurface, MessageTemplate } from './types';

/** How a person gives the one quarter every file is measured at: the command's option, or the pane's field. */
export const quarterForAll = (surface: MessageSurface) =>
  surface === 'task-pane' ? 'dans le champ « Trimestre (facultatif) »' : 'avec --quarter AAAA-Tn';

/** What to do with a consolidation workbook met among the territories' on the command line, by how it came. */
const consolidationAdvice: Record<string, string> = {
  folder: 'Rangez les consolidations hors du dossier des territoires, ou donnez les classeurs un par un.',
  given: 'Retirez-le des fichiers donnés à la commande.',
};

/** What to do with a bilan met among the territories' on the command line, by how it came. */
const bilanAdvice: Record<string, string> = {
  folder:
    'Un bilan s’écrit à côté de son classeur de suivi : rangez les bilans hors du dossier des territoires ' +
    '(avec -o pour les suivants), ou donnez les classeurs un par un.',
  given: consolidationAdvice.given,
};

/** Messages of the consolidation of many territories (src/app/consolidate). */
export const consolidationMessages = {
  // `territory`: the master's, as the extract's `_ctg` keeps it (empty when lost): whose master the Caf asks for.
  'consolidation-file-is-extract': (p) =>
    `Ce fichier est l’extrait envoyé à « ${String(p.partner ?? '')} », pas le classeur de suivi d’un territoire : ` +
    'il est écarté. ' +
    (String(p.territory ?? '') === ''
      ? 'Consolidez les classeurs de suivi (les classeurs maîtres) des territoires.'
      : `Consolidez à sa place le classeur de suivi du territoire « ${String(p.territory)} » (son classeur ` +
        'maître) : demandez-le à ce territoire s’il vous manque.'),
  // `origin`: how the file came (`FileOrigin`'s kind); the advice to put it away fits a file found in a folder only.
  // The pane's files are picked one by one.
  'consolidation-file-is-consolidation': (p, surface) =>
    surface === 'task-pane'
      ? 'Ce fichier est un classeur de consolidation, pas le classeur de suivi d’un territoire : il est écarté. Ne ' +
        'choisissez que les classeurs de suivi (les classeurs maîtres) des territoires.'
      : 'Ce fichier est un classeur de consolidation (écrit par ctg-suivi consolidate), pas le classeur de suivi d’un ' +
        `territoire : il est écarté. ${consolidationAdvice[String(p.origin)] ?? consolidationAdvice.folder}`,
  // `bilan` writes beside the tracking workbook by default: a folder of territories holds their bilans.
  'consolidation-file-is-bilan': (p, surface) =>
    surface === 'task-pane'
      ? 'Ce fichier est un bilan, pas le classeur de suivi d’un territoire : il est écarté. Ne choisissez que les ' +
        'classeurs de suivi (les classeurs maîtres) des territoires.'
      : 'Ce fichier est un bilan (écrit par ctg-suivi bilan), pas le classeur de suivi d’un territoire : il est ' +
        `écarté. ${bilanAdvice[String(p.origin)] ?? bilanAdvice.folder}`,
  'consolidation-quarter-unknown': (p, surface) =>
    typeof p.formula === 'string'
      ? `Le trimestre en cours de « Paramètres » est une formule sans valeur calculée (« =${frenchFormula(p.formula)} ») : ` +
        'le classeur est écarté. Ouvrez et enregistrez le fichier dans Excel ou LibreOffice, ou donnez le trimestre ' +
        `à mesurer pour tous ${quarterForAll(surface)}.`
      : String(p.value ?? '') === ''
        ? 'Le trimestre en cours de « Paramètres » est vide : le classeur est écarté. Saisissez-le dans le ' +
          `classeur (AAAA-Tn, par exemple 2027-T2), ou donnez le trimestre à mesurer pour tous ${quarterForAll(surface)}.`
        : `Le trimestre en cours de « Paramètres » (valeur lue : ${quoted(p.value)}) n’est pas un ` +
          // `meant`: the quarter validate suggests (what the text means, or today's), empty when none.
          (String(p.meant ?? '') === ''
            ? 'trimestre de la forme AAAA-Tn (par exemple 2027-T2) : le classeur est écarté. Corrigez-le dans le ' +
              'classeur'
            : `trimestre de la forme AAAA-Tn : le classeur est écarté. Saisissez ${String(p.meant)} dans le classeur`) +
          `, ou donnez le trimestre à mesurer pour tous ${quarterForAll(surface)}.`,
} satisfies Partial<Record<IssueCode, MessageTemplate>>;

/**
 * The codes whose messages speak to the Caf of what it does itself (the files it gives, the quarter it measures, its
 * own tool), rather than of a problem of the territory's workbook.
 */
const toTheConsolidator: ReadonlySet<string> = new Set<IssueCode>([
  'consolidation-file-is-extract',
  'consolidation-file-is-consolidation',
  'consolidation-file-is-bilan',
  'consolidation-quarter-unknown',
  'not-a-tracking-workbook',
  'format-too-new',
]);

/**
 * Said after a problem of a territory's workbook that a consolidation passes on (a file left out, its AO table
 * unread): the Caf did not make it and does not correct it, the territory does; empty for a code that speaks to the
 * Caf itself.
 */
export function territoryCorrects(code: string): string {
  return toTheConsolidator.has(code)
    ? ''
    : ' Cette correction est à faire par le territoire dans son classeur\u00a0: demandez-la-lui, puis consolidez à ' +
        'nouveau le fichier qu’il vous renverra.';
}

/**
 * Said after the reason of a file left out for its structure when it has `others` more such errors, so that the Caf
 * sees them all at once (validation lists every error of the file) rather than one per consolidation; empty when it
 * has none. `file`: the file's path as the command was given it, for the command that checks it.
 */
export function otherStructureErrors(others: number, surface: MessageSurface, file: string): string {
  if (others <= 0) return '';
  const count = `${countOf(others, 'autre erreur', 'autres erreurs')} de structure`;
  return surface === 'task-pane'
    ? ` Le classeur a ${count} : « Vérifier un fichier… » les montre toutes.`
    : ` Le classeur a ${count} : lancez « npx ctg-suivi validate ${shellWord(file)} » pour les voir toutes.`;
}

/**
 * A file left out, with the territory its Paramètres name when it could be read that far: the Caf knows whom to ask
 * for a corrected workbook, and which territory its consolidation lacks.
 */
export function leftOutFile(file: string, territory?: string): string {
  return territory ? `${file} (territoire ${quoted(territory)})` : file;
}
