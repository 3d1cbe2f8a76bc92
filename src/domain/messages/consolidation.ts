import type { IssueCode } from '../issue-codes';
import type { MessageSurface, MessageTemplate } from './types';

/** How a person gives the one quarter every file is measured at: the command's option, or the pane's field. */
const quarterForAll = (surface: MessageSurface) =>
  surface === 'task-pane' ? 'dans le champ « Trimestre (facultatif) »' : 'avec --quarter AAAA-Tn';

/** Messages of the consolidation of many territories (src/app/consolidate). */
export const consolidationMessages = {
  'consolidation-file-is-extract': (p) =>
    `Ce fichier est l’extrait envoyé à « ${String(p.partner ?? '')} », pas le classeur de suivi d’un territoire : ` +
    'il est écarté. Consolidez les classeurs de suivi (les classeurs maîtres) des territoires.',
  // The command line may find one in the territories' folder; the pane, among the files picked.
  'consolidation-file-is-consolidation': (_, surface) =>
    surface === 'task-pane'
      ? 'Ce fichier est un classeur de consolidation, pas le classeur de suivi d’un territoire : il est écarté. Ne ' +
        'choisissez que les classeurs de suivi (les classeurs maîtres) des territoires.'
      : 'Ce fichier est un classeur de consolidation (écrit par ctg-suivi consolidate), pas le classeur de suivi d’un ' +
        'territoire : il est écarté. Rangez les consolidations hors du dossier des territoires, ou donnez les classeurs un par un.',
  'consolidation-quarter-unknown': (p, surface) =>
    typeof p.formula === 'string'
      ? `Le trimestre en cours de « Paramètres » est une formule sans valeur calculée (« =${p.formula} ») : ` +
        'le classeur est écarté. Ouvrez et enregistrez le fichier dans Excel ou LibreOffice, ou donnez le trimestre ' +
        `à mesurer pour tous ${quarterForAll(surface)}.`
      : String(p.value ?? '') === ''
        ? 'Le trimestre en cours de « Paramètres » est vide : le classeur est écarté. Saisissez-le dans le ' +
          `classeur (AAAA-Tn, par exemple 2027-T2), ou donnez le trimestre à mesurer pour tous ${quarterForAll(surface)}.`
        : `Le trimestre en cours de « Paramètres » (valeur lue : « ${String(p.value)} ») n’est pas un ` +
          'trimestre de la forme AAAA-Tn (par exemple 2027-T2) : le classeur est écarté. Corrigez-le dans le ' +
          `classeur, ou donnez le trimestre à mesurer pour tous ${quarterForAll(surface)}.`,
} satisfies Partial<Record<IssueCode, MessageTemplate>>;
