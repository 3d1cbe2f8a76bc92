import { renderMessage } from '../../src/domain/messages';
import { codes, fiches, parsedOk, withoutLines } from './seed-helpers';
import { smallConvention } from './small-convention';

/**
 * Fiches headed by their ref and title, « FICHE ACTION N° PE1 : titre » or « Fiche action n°3 – titre », with no
 * « Réf de la fiche action » label line: the heading is the fiche's start, its ref and its title.
 */

/** The small convention with each fiche's ref label and unlabelled title replaced by one heading, `heading(ref)`. */
function headed(heading: (ref: string, title: string) => string, text = smallConvention): string {
  return text.replace(
    /Réf de la fiche action : (\S+)\n((?:.*\n){3})(.*)\n/g,
    (_, ref: string, fields: string, title: string) => `${heading(ref, title)}\n${fields}`,
  );
}

const summary = (text: string) => fiches(parsedOk(text).plan).map((fiche) => ({ key: fiche.key, title: fiche.title }));

describe('fiches headed « FICHE ACTION N° … : titre », without a ref label', () => {
  const labelled = parsedOk(smallConvention);

  test('read as the same fiches as with « Réf de la fiche action », the heading giving ref and title', () => {
    const text = headed((ref, title) => `**FICHE ACTION N° ${ref} : ${title}**`);
    const { plan, warnings } = parsedOk(text);
    expect(summary(text)).toEqual([
      { key: 'F1-1', title: 'Un multi-accueil à Chalamont' },
      { key: 'I1', title: 'Un relais petite enfance itinérant' },
      { key: 'F2-1', title: 'Un accueil de jeunes à Villars-les-Dombes' },
    ]);
    // The whole plan as the labelled text gives it, line numbers aside, and no other warning.
    expect(withoutLines(plan)).toEqual(withoutLines(labelled.plan));
    expect(codes(warnings)).toEqual(codes(labelled.warnings));
  });

  test('a heading right under its axis’s heading, no blank line between, is the fiche’s, not the axis title’s end', () => {
    const text = headed((ref, title) => `FICHE ACTION N° ${ref} : ${title}`).replace(
      /\) (Petite enfance|Jeunesse)\n\n/g,
      ') $1\n',
    );
    const { plan, warnings } = parsedOk(text);
    expect(plan.axes.map((axis) => axis.title)).toEqual(['Petite enfance', 'Jeunesse']);
    expect(withoutLines(plan)).toEqual(withoutLines(labelled.plan));
    expect(codes(warnings)).toEqual(codes(labelled.warnings));
  });

  test.each([
    ['Fiche action n°3 – titre', (ref: string, title: string) => `Fiche action n°${ref} – ${title}`],
    ['Fiche-action N° … : titre', (ref: string, title: string) => `Fiche-action N° ${ref} : ${title}`],
    ['FICHE ACTION … - titre', (ref: string, title: string) => `FICHE ACTION ${ref} - ${title}`],
  ])('the other ways of writing it: %s', (_, heading) => {
    expect(summary(headed(heading))).toEqual(summary(headed((ref, title) => `FICHE ACTION N° ${ref} : ${title}`)));
  });

  test('refs written « PE1 » or « 3 » are keyed from the ref alone, and named so in the warnings', () => {
    const text = headed((ref, title) => {
      const written = { 'I.1': 'PE1', I1: '3', 'II.1': 'J 2' }[ref];
      return `FICHE ACTION N° ${written} : ${title}`;
    }).replaceAll('Budget : Existant\n', '');
    expect(summary(text).map((fiche) => fiche.key)).toEqual(['PE1', 'F3', 'J2']);
    const { warnings } = parsedOk(text);
    const shown = (code: 'missing-field' | 'invalid-ref') =>
      warnings
        .filter((w) => w.code === code)
        .map((w) => renderMessage(code, w.params).replace(/\u00A0/g, ' '))
        .join('\n');
    expect(shown('missing-field')).toBe(
      [
        'Rubrique « Budget » absente (fiche PE1) : ajoutez-la à la fiche dans le texte du plan, puis relisez-le.',
        'Rubrique « Budget » absente (fiche 3) : ajoutez-la à la fiche dans le texte du plan, puis relisez-le.',
        'Rubrique « Budget » absente (fiche J 2) : ajoutez-la à la fiche dans le texte du plan, puis relisez-le.',
      ].join('\n'),
    );
    // As under a ref label: a ref of another form than letters then digits is said with the key it gives.
    expect(shown('invalid-ref')).toBe(
      [
        'Référence de fiche « 3 » hors de la forme lettres puis chiffres (ex. G1) : la fiche a la clé « F3 », tirée de cette référence.',
        'Référence de fiche « J 2 » hors de la forme lettres puis chiffres (ex. G1) : la fiche a la clé « J2 », tirée de cette référence.',
      ].join('\n'),
    );
  });

  test('a title after the heading’s ref on the next line is read as it is under a ref label', () => {
    const text = headed((ref, title) => `FICHE ACTION N° ${ref}\n${title}`);
    const { warnings } = parsedOk(text);
    expect(summary(text).map((fiche) => fiche.title)).toEqual(summary(smallConvention).map((fiche) => fiche.title));
    expect(codes(warnings).filter((code) => code === 'title-after-ref')).toHaveLength(3);
  });

  test.each([
    ['under its own label', (title: string) => `Intitulé de l'action : ${title}`],
    ['after the publics, as the export writes it', (title: string) => title],
  ])('a title the fiche also gives %s is read once, without a warning', (_, below) => {
    // The heading names the fiche, and the fiche its title where the export puts it: one title, written twice.
    const text = smallConvention.replace(
      /Réf de la fiche action : (\S+)\n((?:.*\n){3})(.*)\n/g,
      (_all, ref: string, fields: string, title: string) =>
        `FICHE ACTION N° ${ref} : ${title}\n${fields}${below(title)}\n`,
    );
    const { warnings } = parsedOk(text);
    expect(summary(text)).toEqual(summary(smallConvention));
    expect(codes(warnings)).toEqual(codes(labelled.warnings));
  });

  test('a fiche’s own « Intitulé de l’action » is its title, the heading’s words aside', () => {
    const text = smallConvention.replace(
      /Réf de la fiche action : (\S+)\n((?:.*\n){3})(.*)\n/g,
      (_all, ref: string, fields: string, title: string) =>
        `FICHE ACTION N° ${ref} : ${title.split(' ').slice(0, 2).join(' ')}\n${fields}Intitulé de l'action : ${title}\n`,
    );
    expect(summary(text)).toEqual(summary(smallConvention));
    expect(codes(parsedOk(text).warnings)).toEqual(codes(labelled.warnings));
  });

  test.each([
    ['after a blank line', '\n\n'],
    ['right under the fiche above', '\n'],
  ])('a heading over the « Réf de la fiche action » of its fiche, %s, is that fiche’s heading', (_, before) => {
    const text = smallConvention.replace(
      /\n\nRéf de la fiche action : (\S+)\n/g,
      (_all, ref: string) => `${before}FICHE ACTION N° ${ref} : une fiche\nRéf de la fiche action : ${ref}\n`,
    );
    const { plan, warnings } = parsedOk(text);
    // Neither text outside the fiches nor a line of the fiche above: the plan is the labelled text's.
    expect(withoutLines(plan)).toEqual(withoutLines(labelled.plan));
    expect(codes(warnings)).toEqual(codes(labelled.warnings));
  });

  test('a line of the context that begins as such a heading stays the context’s', () => {
    const mention = 'Fiche action n° 2 : ce projet prolonge le relais petite enfance.';
    const text = headed((ref, title) => `FICHE ACTION N° ${ref} : ${title}`).replace(
      'Peu de places d’accueil pour les moins de trois ans.',
      `Peu de places d’accueil pour les moins de trois ans.\n${mention}`,
    );
    const { plan, warnings } = parsedOk(text);
    expect(fiches(plan).map((fiche) => fiche.key)).toEqual(['F1-1', 'I1', 'F2-1']);
    expect(fiches(plan)[0].context).toBe(`Peu de places d’accueil pour les moins de trois ans.\n${mention}`);
    expect(codes(warnings)).not.toContain('duplicate-field');
  });

  test('a fiche under a heading follows one that lacks its first field, that fiche’s lack said', () => {
    const text = headed((ref, title) => `FICHE ACTION N° ${ref} : ${title}`).replace('Intérêt : intérêt fort\n', '');
    const { plan, warnings } = parsedOk(text);
    expect(fiches(plan).map((fiche) => fiche.key)).toEqual(['F1-1', 'I1', 'F2-1']);
    const missing = warnings.filter((w) => w.code === 'missing-field');
    expect(missing.map((w) => renderMessage('missing-field', w.params).replace(/\u00A0/g, ' '))).toEqual([
      'Rubrique « Intérêt » absente (fiche I.1) : ajoutez-la à la fiche dans le texte du plan, puis relisez-le.',
    ]);
    expect(codes(warnings)).not.toContain('duplicate-field');
  });

  test.each([
    ['under « Réf de la fiche action » labels', smallConvention],
    ['headed « FICHE ACTION N° … : titre »', headed((ref, title) => `FICHE ACTION N° ${ref} : ${title}`)],
  ])('a line of the preamble written as a heading, a label or two under it, starts no fiche: %s', (_, text) => {
    const read = parsedOk(text);
    const preamble = [
      'Il est convenu et arrêté ce qui suit :',
      'Fiche action n° 1 : le diagnostic partagé',
      'Objectifs :',
      '- partager le diagnostic avec les communes',
      'Public cible : les familles du territoire',
    ].join('\n');
    const withPreamble = text.replace('Il est convenu et arrêté ce qui suit :', preamble);
    expect(summary(withPreamble)).toEqual(summary(text));
    expect(codes(parsedOk(withPreamble).warnings)).toEqual(codes(read.warnings));
  });

  test('a list of the fiches in the preamble, written as headings, starts no fiche', () => {
    const text = headed((ref, title) => `FICHE ACTION N° ${ref} : ${title}`).replace(
      'Il est convenu et arrêté ce qui suit :',
      'Il est convenu et arrêté ce qui suit :\nFiche action n° 1 : Un multi-accueil\nFiche action n° 2 : Un relais',
    );
    const { plan, warnings } = parsedOk(text);
    expect(fiches(plan).map((fiche) => fiche.key)).toEqual(['F1-1', 'I1', 'F2-1']);
    expect(codes(warnings)).toEqual(codes(labelled.warnings));
  });
});
