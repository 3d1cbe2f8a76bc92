import { numberBeforeWords } from '../tracking-values';
import { quotedShort } from './shown-cell-value';
import type { MessageParams } from './types';

/**
 * What the merge says a number cell expects (`expected` of `merge-wrong-value`): the value the number's advice
 * (`numberAloneAdvice`) is given for, one text for both sides.
 */
export const NUMBER_EXPECTED = 'un nombre';

/**
 * A unit or a word typed alone where a number goes (« € », « enfants »): one short piece of text, no digit in it. A
 * longer one is no unit (a remark, a pasted text).
 */
const isWordAlone = (text: string): boolean => /^\S{1,20}$/u.test(text.trim()) && !/\d/.test(text);

/**
 * What to type for a number given with its unit or a word (« 12 enfants », « 3 500 € ») where a number alone goes:
 * that number, the rest in « Commentaire »; for a unit or a word alone (« € »), with no number to keep, the number
 * itself, or nothing; empty for any other value. Said alike by validation and the merge.
 */
export function numberAloneAdvice(value: MessageParams[string]): string {
  if (typeof value !== 'string') return '';
  if (isWordAlone(value))
    return (
      ' Il n’y a pas de nombre à garder : tapez le nombre lui-même, sans unité, ou laissez la cellule vide s’il ' +
      'n’est pas connu.'
    );
  const split = numberBeforeWords(value);
  return split === null
    ? ''
    : ` Tapez le nombre seul, ${quotedShort(split.number)}, et mettez le reste, ${quotedShort(split.rest)}, dans la ` +
        'colonne «\u00a0Commentaire\u00a0».';
}
