import { paramText } from './param-text';
import { quoted } from './workbook';
import type { IssueCode } from '../issue-codes';
import type { MessageTemplate } from './types';

/** Messages of choosing the current quarter (src/app/choose-quarter.ts): the quarters a user may choose. */

export const quarterChoiceMessages = {
  'quarter-malformed': (p) =>
    `${quoted(p.value)} n’est pas un trimestre de la forme AAAA-Tn (par exemple ${paramText(p.first)}). ` +
    `Choisissez un trimestre de la convention, de ${paramText(p.first)} à ${paramText(p.last)}.`,
  'quarter-outside-convention': (p) =>
    `Le trimestre ${paramText(p.value)} est en dehors de la convention. ` +
    `Choisissez un trimestre de ${paramText(p.first)} à ${paramText(p.last)}.`,
} satisfies Partial<Record<IssueCode, MessageTemplate>>;
