import type { MessageSurface, MessageTemplate } from './types';

/** What to give instead: in the pane, the convention's text (a plan JSON is made by the command line only). */
function whatToGive(surface: MessageSurface | undefined): string {
  return surface === 'task-pane'
    ? 'donnez plutôt le texte de la convention (collé, ou dans un fichier .txt).'
    : 'donnez la convention en texte ou un plan produit par « ctg-suivi plan --json ».';
}

/** Messages about a plan given as JSON (the output of `ctg-suivi plan --json`). */
export const planSourceMessages = {
  'plan-json-unreadable': ({ detail }, surface) =>
    `Ce fichier JSON est illisible (${String(detail)}) : ${whatToGive(surface)}`,
  'plan-json-invalid': ({ path, detail }, surface) =>
    `Ce fichier JSON n’est pas un plan de CTG (champ « ${String(path) || 'racine'} » : ${String(detail)}) : ` +
    whatToGive(surface),
} satisfies Record<string, MessageTemplate>;

/** Why a file that starts like JSON is not a plan. */
export type PlanJsonErrorCode = keyof typeof planSourceMessages;
