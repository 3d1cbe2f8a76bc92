import { renderMessage } from '../../src/domain/messages';
import { codes, ficheByKey, parsedOk, replaceOnce } from './seed-helpers';
import { smallConvention } from './small-convention';

/**
 * « Indicateurs de réalisation » and « Indicateurs de résultat », the evaluation's own words for what is counted, head
 * the criteria of many conventions, as do « Indicateurs de suivi », « d'activité » and « de moyens » in others: read
 * as « Critères quantitatifs », with a warning at the line, since an indicator may be one to appreciate rather than
 * count.
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
  'Indicateurs de suivi',
  'Indicateur de suivi',
  "Indicateurs d'activité",
  'Indicateurs d’activités',
  'Indicateurs de moyens',
])('« %s : » heads quantitative criteria, said at its line', (label) => {
  const text = headedBy(label);
  const { plan } = parsedOk(text);
  expect(ficheByKey(plan, 'I1').criteria.map(({ kind, text: wording }) => [kind, wording])).toEqual([
    ['quantitative', 'Nombre de places ouvertes'],
    ['qualitative', 'Satisfaction des familles'],
  ]);
  const warnings = assumed(text);
  expect(codes(parsedOk(text).warnings)).not.toContain('unknown-label');
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

test.each(['Indicateurs de suivi', 'Indicateurs de réalisation'])(
  '« %s : » above « Quantitatifs : » and « Qualitatifs : » is their heading, as « Critères » is',
  (label) => {
    const text = replaceOnce(
      smallConvention,
      `${I1_CRITERIA}Critères quantitatifs :\n- Nombre de places ouvertes\nCritères qualitatifs :\n`,
      `${I1_CRITERIA}${label} :\n\nQuantitatifs :\n- Nombre de places ouvertes\nQualitatifs :\n`,
    );
    const { plan, warnings } = parsedOk(text);
    expect(ficheByKey(plan, 'I1').criteria.map(({ kind, text: wording }) => [kind, wording])).toEqual([
      ['quantitative', 'Nombre de places ouvertes'],
      ['qualitative', 'Satisfaction des familles'],
    ]);
    expect(ficheByKey(plan, 'I1').context).toBe('Les assistantes maternelles travaillent seules.');
    // No warning but those of the convention as written with « Critères quantitatifs » and « Critères qualitatifs ».
    expect(codes(warnings)).toEqual(codes(parsedOk(smallConvention).warnings));
  },
);
