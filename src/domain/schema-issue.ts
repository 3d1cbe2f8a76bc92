import type { z } from 'zod';
import { frenchNumber } from './messages/numbers';

/**
 * A schema refusal said in French: what the schema library says is English and never reaches a user. Only the
 * kinds of refusal the plan's schemas can give are worded; any other is a value refused, without more.
 */

const TYPE_NAMES: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'true ou false',
  array: 'une liste [ … ]',
  object: 'un objet { … }',
  null: 'null',
};

const quoted = (value: unknown) => (typeof value === 'string' ? `« ${value} »` : JSON.stringify(value));

function bound(issue: { origin: string; minimum?: unknown; maximum?: unknown }, side: 'min' | 'max'): string {
  const limit = Number(side === 'min' ? issue.minimum : issue.maximum);
  if (issue.origin === 'string' && side === 'min' && limit === 1) return 'ce texte ne doit pas être vide';
  if (issue.origin === 'array' && side === 'min' && limit === 1) return 'cette liste ne doit pas être vide';
  const what = issue.origin === 'string' ? 'caractères' : issue.origin === 'array' ? 'éléments' : null;
  const word = side === 'min' ? 'au moins' : 'au plus';
  return what ? `${word} ${frenchNumber(limit)} ${what} attendus` : `${word} ${frenchNumber(limit)} attendu`;
}

/** The French words for one issue of a schema, without its path. */
export function schemaIssueInFrench(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `il faut ici ${TYPE_NAMES[issue.expected] ?? 'une autre valeur'}`;
    case 'invalid_value':
      return `la valeur doit être ${issue.values.map(quoted).join(' ou ')}`;
    case 'too_small':
      return bound(issue, 'min');
    case 'too_big':
      return bound(issue, 'max');
    case 'invalid_format':
      return 'la valeur n’a pas la forme attendue';
    case 'unrecognized_keys':
      return `champ${issue.keys.length > 1 ? 's' : ''} inconnu${issue.keys.length > 1 ? 's' : ''} : ${issue.keys.map(quoted).join(', ')}`;
    case 'custom':
      // The plan's own refinements are written in French (src/domain/plan.ts).
      return issue.message;
    default:
      return 'valeur refusée';
  }
}
