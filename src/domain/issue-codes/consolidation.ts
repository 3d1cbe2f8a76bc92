import type { IssueCodeEntry } from '.';

/**
 * The codes of the consolidation of many territories (src/app/consolidate): why a file is left out, beside the
 * reader's and validation's own. Part of the one table `issueCodes` (./index.ts); the messages are in
 * src/domain/messages/consolidation.ts.
 */
export const consolidationIssueCodes = {
  'consolidation-file-is-extract': {
    severity: 'error',
    description:
      'Le fichier est l’extrait d’un partenaire, pas un classeur de suivi : il est écarté de la consolidation.',
  },
  'consolidation-file-is-consolidation': {
    severity: 'error',
    description:
      'Le fichier est un classeur de consolidation (écrit par ctg-suivi consolidate ou par le volet), pas le classeur de suivi d’un territoire : il est écarté.',
  },
  'consolidation-file-is-bilan': {
    severity: 'error',
    description:
      'Le fichier est un bilan (écrit par ctg-suivi bilan ou par le volet, à côté du classeur de suivi), pas le classeur de suivi d’un territoire : il est écarté.',
  },
  'consolidation-quarter-unknown': {
    severity: 'error',
    description:
      'Le trimestre en cours du classeur est illisible et aucun trimestre n’est demandé (--quarter, ou « Trimestre » dans le volet) : il est écarté de la consolidation.',
  },
} as const satisfies Record<string, IssueCodeEntry>;
