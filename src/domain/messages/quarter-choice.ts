import type { IssueCode } from '../issue-codes';
import type { MessageParams, MessageTemplate } from './types';

/** Messages of choosing the current quarter (src/app/choose-quarter.ts): the quarters a user may choose. */

const text = (value: MessageParams[string]) => (value === null || value === undefined ? '' : String(value));

export const quarterChoiceMessages = {
  'quarter-malformed': (p) =>
    `« ${text(p.value)} » n’est pas un trimestre de la forme AAAA-Tn (par exemple ${text(p.first)}). ` +
    `Choisissez un trimestre de la convention, de ${text(p.first)} à ${text(p.last)}.`,
  'quarter-outside-convention': (p) =>
    `Le trimestre ${text(p.value)} est en dehors de la convention. ` +
    `Choisissez un trimestre de ${text(p.first)} à ${text(p.last)}.`,
} satisfies Partial<Record<IssueCode, MessageTemplate>>;
