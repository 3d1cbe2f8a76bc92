import { readPlanFromBytes } from '../../src/app/plan-source';
import { renderMessage } from '../../src/domain/messages';
import type { PlanWarning } from '../../src/domain/plan';
import { parsedOk, replaceOnce } from './seed-helpers';
import { smallConvention } from './small-convention';

/**
 * A warning about a fiche names it by its ref as the convention writes it (« I.1 », « PE 2.1 »), the words a reader
 * finds in the text: never by the key derived from it (`F1-1`), nor by the whole line under « Réf de la fiche
 * action » (the ref, then the title), whichever part of the reader gives the warning.
 */

const rendered = (warnings: PlanWarning[]) =>
  warnings.map((warning) => renderMessage(warning.code, warning.params).replace(/\u00a0/g, ' '));

/**
 * The fiche « I.1 » (key `F1-1`) written under `refLine`, with no title below its public, « Méthodologie »
 * misspelt, « Budget » twice, a territory that is no commune, an unknown label, an empty bullet and its
 * quantitative criteria headed « Indicateurs de suivi ».
 */
function withDefects(refLine: string): string {
  const ficheStart = (ref: string, methodology: string) =>
    `Réf de la fiche action : ${ref}\nIntérêt : intérêt fort\n${methodology} : Collective\nPublic cible : Familles\n`;
  let text = replaceOnce(
    smallConvention,
    `${ficheStart('I.1', 'Méthodologie')}Un multi-accueil à Chalamont\nBudget : Existant\n` +
      "Porteur de l'action : CCD\nTerritoire(s) cible(s) : Chalamont; CCD\n",
    `${ficheStart(refLine, 'Méthodologe')}Budget : Existant\nBudget :\n` +
      "Porteur de l'action : CCD\nTerritoire(s) cible(s) : Chalamont; Lyon\n",
  );
  text = replaceOnce(
    text,
    'Peu de places d’accueil pour les moins de trois ans.\n\nObjectif(s) :\n- Ouvrir des places\nCritères quantitatifs :\n',
    'Peu de places d’accueil pour les moins de trois ans.\n\nPartenaires :\n- La PMI\n\nObjectif(s) :\n' +
      '- Ouvrir des places\nIndicateurs de suivi :\n-\n',
  );
  return text;
}

test.each([
  ['I.1', 'I.1'],
  ['I.1 : Un multi-accueil à Chalamont', 'I.1'],
  ['PE 2.1 – Un multi-accueil à Chalamont', 'PE 2.1'],
  // « fiche » is not said twice.
  ['Fiche action n° 1', 'n° 1'],
  ['Fiche 1 : Un multi-accueil à Chalamont', '1'],
])('every warning of the fiche written « %s » names it « fiche %s »', (refLine, name) => {
  const { warnings } = parsedOk(withDefects(refLine));
  const about = (code: string) => rendered(warnings.filter((warning) => warning.code === code));
  expect(about('label-typo')).toEqual([`Libellé « Méthodologe » lu comme « Méthodologie » (fiche ${name}).`]);
  expect(about('duplicate-field')).toEqual([
    `Rubrique « Budget » en double (fiche ${name}) : les deux contenus sont gardés.`,
  ]);
  expect(about('unknown-label')).toEqual([
    `Libellé inconnu « Partenaires » (fiche ${name}) : son contenu est gardé à la fin du contexte de la fiche.`,
  ]);
  expect(about('criteria-kind-assumed').map((message) => message.split(' : ')[0])).toEqual([
    `« Indicateurs de suivi » (fiche ${name})`,
  ]);
  expect(about('unknown-territory').map((message) => message.split(' : ')[0])).toEqual([
    `Territoire cible « Lyon » (fiche ${name})`,
  ]);
  expect(about('empty-bullet')).toEqual([`Puce vide ignorée dans « Critères quantitatifs » (fiche ${name}).`]);
  const titleWarning = [...about('missing-title'), ...about('title-after-ref')];
  expect(titleWarning).toHaveLength(1);
  expect(titleWarning[0]).toMatch(
    new RegExp(
      `^La fiche ${name.replace('.', '\\.')} n’a pas|^L’intitulé de la fiche ${name.replace('.', '\\.')} est lu`,
    ),
  );
});

test('a second fiche written « I.1 » is named as written, with the ref it is read as', () => {
  const text = replaceOnce(smallConvention, 'Réf de la fiche action : II.1\n', 'Réf de la fiche action : I.1\n');
  const first = text.split('\n').indexOf('Réf de la fiche action : I.1') + 1;
  const duplicates = parsedOk(text).warnings.filter((warning) => warning.code === 'duplicate-ref');
  expect(rendered(duplicates)).toEqual([
    `La référence I.1, lue F1-1, est déjà utilisée (ligne ${first}) : cette fiche reçoit la clé F1-1-B.`,
  ]);
});

test('a fiche written « I.1 » gives way to one written « F1-1 », the ref it is read as: it says so', () => {
  const text = replaceOnce(smallConvention, 'Réf de la fiche action : II.1\n', 'Réf de la fiche action : F1-1\n');
  const lines = text.split('\n');
  const duplicates = parsedOk(text).warnings.filter((warning) => warning.code === 'duplicate-ref');
  expect(duplicates.map((warning) => warning.line)).toEqual([lines.indexOf('Réf de la fiche action : I.1') + 1]);
  expect(rendered(duplicates)).toEqual([
    `La référence I.1, lue F1-1, est déjà utilisée (ligne ${lines.indexOf('Réf de la fiche action : F1-1') + 1}) : ` +
      'cette fiche reçoit la clé F1-1-B.',
  ]);
});

test.each([
  ['I.2 – Un lieu pour les familles', 'I.2'],
  ['Fiche action n° 12 – Un lieu pour les familles', 'n° 12'],
])('a fiche after the annexe that ends the plan, « %s », not read, is named « %s » all the same', (refLine, name) => {
  const text = `${smallConvention}\n\nRéf de la fiche action : ${refLine}\nIntérêt : intérêt fort\n`;
  const after = parsedOk(text).warnings.filter((warning) => warning.code === 'fiche-after-annexe');
  expect(rendered(after)).toEqual([
    `La fiche « ${name} » est après l’annexe 5, hors du plan d’actions : elle n’est pas reprise. Placez-la avec ` +
      'les autres fiches, dans son axe.',
  ]);
});

describe('a text of the fiche too long for a cell', () => {
  const context = 'Peu de places d’accueil pour les moins de trois ans.';
  const tooLong = Array.from({ length: 3_000 }, (_, index) => `Une phrase du contexte, la ${index + 1}e.`).join(' ');
  const refused = (text: string) => {
    const result = readPlanFromBytes(new TextEncoder().encode(text));
    if (result.ok) throw new Error('read');
    expect(result.error.code).toBe('plan-text-too-long');
    return renderMessage(result.error.code, result.error.params).replace(/\u00a0/g, ' ');
  };

  test.each([
    ['I.1', 'I.1'],
    ['PE 2.1 – Un multi-accueil à Chalamont', 'PE 2.1'],
    ['Fiche action n° 1', 'n° 1'],
  ])('names the fiche written « %s » « fiche %s », as its warnings do', (refLine, name) => {
    const text = replaceOnce(
      replaceOnce(smallConvention, context, tooLong),
      'Réf de la fiche action : I.1\n',
      `Réf de la fiche action : ${refLine}\n`,
    );
    expect(refused(text)).toMatch(
      new RegExp(`: le champ « contexte » de la fiche ${name.replace('.', '\\.')} en compte `),
    );
  });

  test('names a criterion’s fiche so too', () => {
    const text = replaceOnce(
      smallConvention,
      `${context}\n\nObjectif(s) :\n- Ouvrir des places\nCritères quantitatifs :\n- Nombre de places ouvertes`,
      `${context}\n\nObjectif(s) :\n- Ouvrir des places\nCritères quantitatifs :\n- ${tooLong}`,
    );
    expect(refused(text)).toContain(': le critère F1-1-QN1 (fiche I.1) en compte ');
  });
});
