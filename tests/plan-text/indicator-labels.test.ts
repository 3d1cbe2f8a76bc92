import { renderMessage } from '../../src/domain/messages';
import { ficheByKey, parsedOk, replaceOnce } from './seed-helpers';
import { smallConvention } from './small-convention';

/**
 * « Indicateurs de réalisation » and « Indicateurs de résultat », the evaluation's own words for what is counted, head
 * the criteria of many conventions: read as « Critères quantitatifs », with a warning at the line, since an indicator
 * of results may be one to appreciate rather than count.
 */

/** The fiche « I1 »'s criteria, headed by `label`. */
const I1_CRITERIA = 'Les assistantes maternelles travaillent seules.\n\nObjectif(s) :\n- Ouvrir des places\n';
const headedBy = (label: string) =>
  replaceOnce(smallConvention, `${I1_CRITERIA}Critères quantitatifs :`, `${I1_CRITERIA}${label} :`);

const assumed = (text: string) => parsedOk(text).warnings.filter((warning) => warning.code === 'criteria-kind-assumed');

test.each([
  'Indicateurs de réalisation',
  'Indicateur de réalisation',
  'Indicateurs de résultat',
  'INDICATEURS DE RESULTATS',
])('« %s : » heads quantitative criteria, said at its line', (label) => {
  const text = headedBy(label);
  const { plan } = parsedOk(text);
  expect(ficheByKey(plan, 'I1').criteria.map(({ kind, text: wording }) => [kind, wording])).toEqual([
    ['quantitative', 'Nombre de places ouvertes'],
    ['qualitative', 'Satisfaction des familles'],
  ]);
  const warnings = assumed(text);
  expect(warnings.map((warning) => warning.line)).toEqual([text.split('\n').indexOf(`${label} :`) + 1]);
  expect(renderMessage('criteria-kind-assumed', warnings[0].params).replace(/\u00a0/g, ' ')).toBe(
    `« ${label} » (fiche I1) : lus comme des critères quantitatifs, suivis chaque trimestre par un nombre. Si l’un ` +
      's’apprécie plutôt (de « Très satisfaisant » à « Pas satisfaisant »), placez-le sous « Critères qualitatifs : » ' +
      'dans le texte du plan, puis relisez-le.',
  );
});

test('« Critères quantitatifs » and « Indicateurs quantitatifs » need no warning', () => {
  expect(assumed(smallConvention)).toEqual([]);
  expect(assumed(headedBy('Indicateurs quantitatifs'))).toEqual([]);
});
