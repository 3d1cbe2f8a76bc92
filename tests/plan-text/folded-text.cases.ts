import { codes, ficheByKey, fiches, parsedOk, replaceOnce, seedText, withoutLines } from './seed-helpers';
import { smallConvention } from './small-convention';

/** Text an export folded over several lines: an annexe heading, a fiche's context. */

const small = parsedOk(smallConvention);
const ANNEXE_2 = 'ANNEXE 2 – LISTE DES EQUIPEMENTS ET SERVICES SOUTENUS PAR LA COLLECTIVITE LOCALE COMPETENTE';
const facilitiesOf = (text: string) => parsedOk(text).plan.facilities.map((f) => [f.type, f.name, f.commune]);

describe('an annexe or article heading wrapped over two lines', () => {
  test('« ANNEXE » alone on its line, its number beginning the next, is the Annexe 2 heading: its table is read', () => {
    expect(facilitiesOf(smallConvention)).toEqual([
      ['EAJE', 'Multi-accueil Les Lutins, 01320 Chalamont', 'Chalamont'],
      ['EAJE', 'Micro-crèche Les Petits Pas', 'Chalamont'],
      ['RPE', 'Relais petite enfance de la Dombes, 01330 Villars-les-Dombes', 'VILLARS-LES-DOMBES'],
    ]);
    for (const wrapped of [
      'ANNEXE\n2 – LISTE DES EQUIPEMENTS ET SERVICES SOUTENUS PAR LA COLLECTIVITE LOCALE COMPETENTE',
      '**ANNEXE\n2 – LISTE DES EQUIPEMENTS ET SERVICES SOUTENUS PAR LA COLLECTIVITE LOCALE COMPETENTE**',
      'Annexe\n2',
    ]) {
      const { plan, warnings } = parsedOk(replaceOnce(smallConvention, ANNEXE_2, wrapped));
      expect(withoutLines(plan)).toEqual(withoutLines(small.plan));
      expect(codes(warnings)).toEqual(codes(small.warnings));
    }
  });

  test('the wrapped heading of the annexe after the fiches ends them', () => {
    const text = replaceOnce(
      smallConvention,
      'ANNEXE 5 – DECISION DU CONSEIL COMMUNAUTAIRE',
      'ANNEXE\n5 – DECISION DU CONSEIL COMMUNAUTAIRE',
    );
    const { plan, warnings } = parsedOk(text);
    expect(ficheByKey(plan, 'F2-1').criteria.map((c) => c.text)).toEqual([
      'Nombre de places ouvertes',
      'Satisfaction des familles',
    ]);
    expect(codes(warnings)).toEqual(codes(small.warnings));
  });

  test('« ARTICLE » alone on its line, then « 4 - LES OBJECTIFS … », is Article 4: the axes are checked against it', () => {
    const seed = parsedOk(seedText);
    const text = replaceOnce(
      seedText,
      'ARTICLE 4 - LES OBJECTIFS PARTAGES',
      'ARTICLE\n4 - LES OBJECTIFS PARTAGES',
    ).replace('\n2) Structurer, observer', '\n2) Observer');
    const { warnings } = parsedOk(text);
    expect(codes(warnings)).not.toContain('article4-not-found');
    expect(warnings.find((w) => w.code === 'axis-title-mismatch')?.params).toMatchObject({ number: 2 });
    expect(codes(seed.warnings)).not.toContain('axis-title-mismatch');
  });

  test('a sentence that ends with « annexe », or an « Annexe » line the number of which begins a sentence, is no heading', () => {
    // The small convention says « … figure en annexe » / « 2 : elle est tenue à jour … » before its Annexe 2.
    expect(smallConvention).toContain('figure en annexe\n2 : elle est tenue');
    const text = replaceOnce(smallConvention, 'Il est convenu', 'Voir l’\nAnnexe\n2 et 3 ci-après.\nIl est convenu');
    expect(facilitiesOf(text)).toEqual(facilitiesOf(smallConvention));
    expect(facilitiesOf(text)).toHaveLength(3);
  });

  test('« annexe » alone in a sentence of the preamble, its number beginning the next line, leaves Annexe 2 read', () => {
    const text = replaceOnce(smallConvention, 'figure en annexe\n2 : elle', 'figure en\nannexe\n2 : elle');
    const { plan, warnings } = parsedOk(text);
    expect(facilitiesOf(text)).toHaveLength(3);
    expect(withoutLines(plan)).toEqual(withoutLines(small.plan));
    expect(codes(warnings)).toEqual(codes(small.warnings));
  });

  test('« annexe » or « Annexe » alone in a sentence of a context leaves the fiches after it read', () => {
    for (const word of ['annexe', 'Annexe', 'ANNEXE']) {
      const context = `Peu de places d’accueil. Le budget est détaillé en\n${word}\n3 : il est voté chaque année.`;
      const text = replaceOnce(smallConvention, 'Peu de places d’accueil pour les moins de trois ans.', context);
      const { plan, warnings } = parsedOk(text);
      expect(fiches(plan).map((f) => f.key)).toEqual(['F1-1', 'I1', 'F2-1']);
      expect(ficheByKey(plan, 'F1-1').context.replace(/\n/g, ' ')).toBe(
        `Peu de places d’accueil. Le budget est détaillé en ${word} 3 : il est voté chaque année.`,
      );
      expect(ficheByKey(plan, 'F1-1').criteria).toHaveLength(2);
      expect(codes(warnings)).toEqual(codes(small.warnings));
    }
  });

  test('the heading wrapped at the top of a page, right under the page number taken out, is one heading', () => {
    for (const pageBreak of ['Page 3 / 9\n', 'Page 3 / 9\n\f', '\f']) {
      const text = replaceOnce(smallConvention, `\n\n${ANNEXE_2}`, `\n${pageBreak}ANNEXE\n2 – LISTE DES EQUIPEMENTS`);
      expect(facilitiesOf(text)).toEqual(facilitiesOf(smallConvention));
    }
  });
});

describe('a context folded over several lines', () => {
  const contextOf = (context: string) =>
    ficheByKey(
      parsedOk(replaceOnce(smallConvention, 'Peu de places d’accueil pour les moins de trois ans.', context)).plan,
      'F1-1',
    ).context;

  test('the lines of a paragraph are one text; a blank line or a list item begins another', () => {
    const folded = [
      'Le territoire compte peu de places d’accueil pour les',
      'enfants de moins de trois ans, et les familles de',
      'Chalamont se tournent vers le relais petite-',
      'enfance des communes voisines.',
      '',
      'Une enquête de la CCD montre :',
      '- des demandes sans réponse',
      'pour un accueil à temps partiel ;',
      '- des horaires atypiques.',
      'Les assistantes maternelles sont',
      'nombreuses à partir en retraite.',
    ].join('\n');
    expect(contextOf(folded).split('\n')).toEqual([
      'Le territoire compte peu de places d’accueil pour les enfants de moins de trois ans, et les familles de Chalamont se tournent vers le relais petite-enfance des communes voisines.',
      'Une enquête de la CCD montre :',
      '- des demandes sans réponse pour un accueil à temps partiel ;',
      '- des horaires atypiques.',
      'Les assistantes maternelles sont nombreuses à partir en retraite.',
    ]);
  });

  test('a line that does not plainly continue the one above it stays a line of its own', () => {
    const lines = [
      'Un comité de pilotage décide une fois par an ;',
      'Des commissions de travail préparent ses décisions.',
      'La chargée de coopération anime le réseau.',
    ];
    expect(contextOf(lines.join('\n')).split('\n')).toEqual(lines);
  });

  test('a lettered, numbered or Roman-numbered list, or Word sub-bullets, keep one item a line', () => {
    for (const items of [
      ['a) peu de places ;', 'b) des horaires atypiques.'],
      ['o des places en crèche', 'o des horaires atypiques.'],
      ['i. peu de places', 'ii. des horaires atypiques', 'iii. un relais éloigné', 'iv. une seule école.'],
      ['1) peu de places', '2) des horaires atypiques.'],
    ])
      expect(contextOf(['Les constats :', ...items].join('\n')).split('\n')).toEqual(['Les constats :', ...items]);
  });

  test('a line after one ending in « : » or « ; » begins a paragraph, a folded item still joined', () => {
    const lines = [
      'Les familles demandent :',
      'des places à temps partiel pour les',
      'enfants de moins de trois ans ;',
      'des horaires atypiques.',
    ];
    expect(contextOf(lines.join('\n')).split('\n')).toEqual([
      'Les familles demandent :',
      'des places à temps partiel pour les enfants de moins de trois ans ;',
      'des horaires atypiques.',
    ]);
  });

  test('the seed, whose contexts are not folded, reads as before: 13 axes, 48 fiches, 306 criteria', () => {
    const { plan } = parsedOk(seedText);
    const all = fiches(plan);
    expect([plan.axes.length, all.length, all.flatMap((f) => f.criteria).length]).toEqual([13, 48, 306]);
    // Each context as the seed writes it: its lines up to the objectives, blank lines left out.
    const written = seedText
      .split("Contexte de l'action :")
      .slice(1)
      .map((block) =>
        block
          .slice(0, block.search(/^Objectif/m))
          .split('\n')
          .filter((line) => line.trim())
          .join('\n'),
      );
    expect(all.map((f) => f.context)).toEqual(written);
  });
});
