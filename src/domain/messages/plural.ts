import { frenchNumber } from './numbers';

/**
 * French agreement with a count: 0 and 1 take the singular (« 0 erreur », « 1 ligne retirée »), 2 and more the
 * plural. Every count a user reads goes through here, never « ligne(s) ».
 */

/** The form agreeing with `count`: `agree(2, 'a été', 'ont été')` → `ont été`. */
export function agree(count: number, singular: string, plural = `${singular}s`): string {
  return count > 1 ? plural : singular;
}

/** The count followed by the agreeing form: `countOf(3, 'erreur')` → `3 erreurs`, `1 595 erreurs` past a thousand. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${frenchNumber(count)} ${agree(count, singular, plural)}`;
}
