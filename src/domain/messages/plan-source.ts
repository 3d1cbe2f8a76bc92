import { parentKeyOf } from '../tracking';
import { frenchNumber } from './numbers';
import { paramText } from './param-text';
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
  'plan-json-duplicate-key': ({ key }) =>
    `Ce fichier JSON n’est pas un plan de CTG utilisable : la clé « ${String(key)} » y est donnée deux fois, or chaque ` +
    'fiche et chaque critère doit avoir la sienne. Corrigez l’une des deux, puis réessayez.',
  // `fiche`: the fiche of a fiche's or criterion's text as the plan's warnings name it (« I.1 »; absent, its key).
  'plan-text-too-long': ({ owner, key, fiche, field, length, limit }) =>
    `Un texte du plan dépasse ${frenchNumber(Number(limit))} caractères, la limite d’Excel pour une cellule : ` +
    `${textPlace(String(owner), String(key), paramText(fiche), String(field))} en compte ` +
    `${frenchNumber(Number(length))}. ` +
    'Raccourcissez-le dans le plan, puis réessayez : aucun classeur n’est écrit depuis ce plan.',
} satisfies Record<string, MessageTemplate>;

/** The French name of each plan field a cell shows (src/domain/plan-checks.ts). */
const FIELD_NAMES: Record<string, string> = {
  territory: 'territoire',
  caf: 'Caf',
  epci: 'EPCI',
  communes: 'communes',
  title: 'intitulé',
  objectives: 'objectifs',
  interest: 'intérêt',
  methodology: 'méthodologie',
  budget: 'budget',
  context: 'contexte',
  publics: 'publics',
  carriers: 'porteurs',
  territories: 'territoires cibles',
  fields: 'champs d’intervention',
  text: 'texte',
};

function textPlace(owner: string, key: string, fiche: string, field: string): string {
  const name = `« ${FIELD_NAMES[field] ?? field} »`;
  if (owner === 'criterion') return `le critère ${key} (fiche ${fiche || (parentKeyOf(key) ?? key)})`;
  if (owner === 'fiche') return `le champ ${name} de la fiche ${fiche || key}`;
  if (owner === 'axis') return `le champ ${name} de l’axe ${key}`;
  return `le champ ${name} du plan`;
}

/** Why a file that starts like JSON is not a plan. */
export type PlanJsonErrorCode = keyof typeof planSourceMessages;
