import { frenchList } from './french-list';
import { journalWords } from '../journal';
import { regenerationCommand, workbookNamed } from './consolidation-unmatched';
import type { IssueCode } from '../issue-codes';
import { headerText, paramText } from './param-text';
import type { MessageParams, MessageSurface, MessageTemplate } from './types';
import { quoted, rewriteByCompute, where } from './workbook';

/**
 * Messages of a criterion row found without its Intitulé, its key and Type typed back by hand (src/app/
 * lost-criterion-titles.ts): what the next rewrite puts back from the embedded plan, or how to bring the plan's texts
 * back. `restores`: what that rewrite writes in the row's empty cells besides, as `Header=value`.
 */

const listOf = (value: MessageParams[string]): string[] => (Array.isArray(value) ? value.map(String) : []);

/** « , avec dans leurs cellules vides « Trimestrielle » en « Fréquence » et « Somme » en « Règle d'agrégation » … ». */
function restoredValuesWords(p: MessageParams): string {
  const values = listOf(p.restores).map((pair) => {
    const at = pair.indexOf('=');
    return `${quoted(pair.slice(at + 1))} en « ${headerText(pair.slice(0, at))} »`;
  });
  if (values.length === 0) return '';
  const listed = frenchList(values);
  return `, avec dans ${values.length === 1 ? 'sa cellule vide' : 'leurs cellules vides'} ${listed} que la génération y écrit`;
}

/** The row's Fréquence and Règle d'agrégation cells found empty, by their headers and addresses. */
function emptyChoiceCells(p: MessageParams): string[] {
  return [
    ...(paramText(p.frequencyCell) === '' ? [] : [`sa « Fréquence » (${paramText(p.frequencyCell)})`]),
    ...(paramText(p.aggregationCell) === '' ? [] : [`sa « Règle d’agrégation » (${paramText(p.aggregationCell)})`]),
  ];
}

/**
 * How to regenerate the workbook from its plan, the reader's way: the plan's texts come back, the values stay. On the
 * command line, the command on `workbook` (a shell word: the file the command named), when known.
 */
function regenerateHow(p: MessageParams, surface: MessageSurface): string {
  return surface === 'task-pane'
    ? 'choisissez dans le volet le plan de la convention dont il est tiré, puis « Créer le classeur de suivi » et ' +
        '« Reconstruire le classeur »'
    : 'donnez le plan de la convention dont il est tiré et ce classeur à ' + regenerationCommand(workbookNamed(p));
}

export const criterionTitleMessages = {
  // `text`: the embedded plan's Intitulé, when the workbook is made from it (the next rewrite writes it); `written`: 1
  // in a rewrite's note, the Intitulé left empty.
  'criterion-title-empty': (p, surface) => {
    const head = `${where(p)}l’intitulé du critère ${quoted(p.key)} ${p.written ? 'est resté vide' : 'est vide'}`;
    if (paramText(p.text) !== '')
      return (
        `${head}. Ce classeur est tiré du plan intégré, qui le donne : ${quoted(p.text)}. La prochaine réécriture du ` +
        `classeur (${rewriteByCompute(surface)}, une clôture, une fusion) l’y remettra${restoredValuesWords(p)}, et le ` +
        'notera au Journal ; les valeurs saisies dans la ligne sont gardées.'
      );
    const choices = emptyChoiceCells(p).join(' et ');
    return (
      `${head}${choices === '' ? '' : `, ainsi que ${choices}`}. Le classeur ne garde les textes du plan que dans ` +
      'ses lignes, et l’outil n’écrit pas la clé à la place de l’intitulé. Pour remettre l’intitulé du plan, ' +
      `régénérez le classeur depuis son plan : ${regenerateHow(p, surface)} ; les valeurs saisies sont gardées, ` +
      'clé par clé, et la régénération remplit depuis le plan ' +
      (choices === '' ? '' : `${choices}, comme `) +
      'les cellules de la ligne laissées vides que la génération écrit (Fréquence, Règle d’agrégation, Unité, ' +
      'Référence, Cible).'
    );
  },
  'criterion-title-restored': (p) =>
    `${where(p)}l’intitulé du critère ${quoted(p.key)} était vide ; l’outil y a remis celui du plan intégré, dont le ` +
    `classeur est tiré : ${quoted(p.text)}${restoredValuesWords(p)}. Le Journal le note (source ` +
    `« ${journalWords.sources['text-restored']} ») ; les valeurs saisies dans la ligne sont gardées.`,
} satisfies Partial<Record<IssueCode, MessageTemplate>>;
