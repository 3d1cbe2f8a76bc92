import { numberBeforeWords } from '../tracking-values';
import { quotedShort } from './shown-cell-value';
import type { MessageParams } from './types';

/**
 * What the merge says a number cell expects (`expected` of `merge-wrong-value`): the value the number's advice
 * (`numberAloneAdvice`) is given for, one text for both sides.
 */
export const NUMBER_EXPECTED = 'un nombre';

/**
 * What to type for a number given with its unit or a word (« 12 enfants », « 3 500 € ») where a number alone goes:
 * that number, the rest in « Commentaire »; empty for any other value. Said alike by validation and the merge.
 */
export function numberAloneAdvice(value: MessageParams[string]): string {
  const split = typeof value === 'string' ? numberBeforeWords(value) : null;
  return split === null
    ? ''
    : ` Tapez le nombre seul, ${quotedShort(split.number)}, et mettez le reste, ${quotedShort(split.rest)}, dans la ` +
        'colonne «\u00a0Commentaire\u00a0».';
}
