import type { MessageTemplate } from './types';

/** Messages about a plan given as JSON (the output of `ctg-suivi plan --json`). */
export const planSourceMessages = {
  'plan-json-unreadable': ({ detail }) =>
    `Ce fichier JSON est illisible (${String(detail)}) : donnez la convention en texte ou un plan produit par « ctg-suivi plan --json ».`,
  'plan-json-invalid': ({ path, detail }) =>
    `Ce fichier JSON n’est pas un plan de CTG (champ « ${String(path) || 'racine'} » : ${String(detail)}) : ` +
    `donnez la convention en texte ou un plan produit par « ctg-suivi plan --json ».`,
} satisfies Record<string, MessageTemplate>;

/** Why a file that starts like JSON is not a plan. */
export type PlanJsonErrorCode = keyof typeof planSourceMessages;
