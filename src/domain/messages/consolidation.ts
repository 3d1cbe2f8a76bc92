import type { IssueCode } from '../issue-codes';
import type { MessageTemplate } from './types';

/** What to do with a consolidation workbook met among the territories', by how it came. */
const consolidationAdvice: Record<string, string> = {
  folder: 'Rangez les consolidations hors du dossier des territoires, ou donnez les classeurs un par un.',
  given: 'Retirez-le des fichiers donnés à la commande.',
  picked: 'Ne le choisissez pas parmi les classeurs à consolider.',
};

/** Messages of the consolidation of many territories (src/app/consolidate). */
export const consolidationMessages = {
  'consolidation-file-is-extract': (p) =>
    `Ce fichier est l’extrait envoyé à « ${String(p.partner ?? '')} », pas le classeur de suivi d’un territoire : ` +
    'il est écarté. Consolidez les classeurs de suivi (les classeurs maîtres) des territoires.',
  // `origin`: how the file came (`FileOrigin`'s kind); the advice to put it away fits a file found in a folder only.
  'consolidation-file-is-consolidation': (p) =>
    'Ce fichier est un classeur de consolidation (écrit par ctg-suivi consolidate), pas le classeur de suivi d’un ' +
    `territoire : il est écarté. ${consolidationAdvice[String(p.origin)] ?? consolidationAdvice.folder}`,
  'consolidation-quarter-unknown': (p) =>
    typeof p.formula === 'string'
      ? `Le trimestre en cours de « Paramètres » est une formule sans valeur calculée (« =${p.formula} ») : ` +
        'le classeur est écarté. Ouvrez et enregistrez le fichier dans Excel ou LibreOffice, ou donnez le trimestre ' +
        'à mesurer pour tous avec --quarter AAAA-Tn.'
      : String(p.value ?? '') === ''
        ? 'Le trimestre en cours de « Paramètres » est vide : le classeur est écarté. Saisissez-le dans le ' +
          'classeur (AAAA-Tn, par exemple 2027-T2), ou donnez le trimestre à mesurer pour tous avec --quarter AAAA-Tn.'
        : `Le trimestre en cours de « Paramètres » (valeur lue : « ${String(p.value)} ») n’est pas un ` +
          'trimestre de la forme AAAA-Tn (par exemple 2027-T2) : le classeur est écarté. Corrigez-le dans le ' +
          'classeur, ou donnez le trimestre à mesurer pour tous avec --quarter AAAA-Tn.',
} satisfies Partial<Record<IssueCode, MessageTemplate>>;
