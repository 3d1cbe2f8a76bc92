import { conventionFields, conventionPublics } from '../../src/domain/consolidation/convention-vocabulary';
import { renderMessage } from '../../src/domain/messages';
import { codes, ficheByKey, fiches, parsedOk, replaceOnce, seedText, seedWithF2, withoutLines } from './seed-helpers';
import { ficheLines, smallConvention } from './small-convention';

/** Ways other Cafs' conventions write what the seed writes otherwise: read as a person reading the text would. */

const seed = parsedOk(seedText);
/** The axis headings as the seed writes them, "I)" for 1 and "I 2)" for 12 included. */
const SEED_HEADING = /^(\**)(I|\d{1,2}|I \d)\) /gm;

/** The seed with its axis headings numbered « 1. », « 2. »… (or « 1 – »…) between `from` and `to`. */
function dottedBetween(text: string, from: string, to: string, mark = '.'): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start);
  let axis = 0;
  const part = text.slice(start, end).replace(SEED_HEADING, (_, bold: string) => `${bold}${(axis += 1)}${mark} `);
  expect(axis).toBe(13);
  return text.slice(0, start) + part + text.slice(end);
}

describe('axes numbered « 1. », « 2. »', () => {
  test.each(['.', ' –', ' -'])(
    '« 1%s » in the fiches and in Article 4 are the axes, with their fiches and criteria',
    (mark) => {
      const fichesDotted = dottedBetween(seedText, '\nI) Accompagner', '\nANNEXE 5', mark);
      const text = dottedBetween(fichesDotted, '\nARTICLE 4', '\nARTICLE 5', mark);
      expect(text).toContain(`\n2${mark} Structurer`);
      const { plan, warnings } = parsedOk(text);
      expect(withoutLines(plan)).toEqual(withoutLines(seed.plan));
      expect(codes(warnings)).toEqual(codes(seed.warnings).filter((code) => code !== 'axis-number-noise'));
    },
  );

  test('in Article 4, objectives numbered « 1. », « 2. » with blank lines between them stay objectives', () => {
    const fichesDotted = dottedBetween(seedText, '\nI) Accompagner', '\nANNEXE 5');
    const withAxes = dottedBetween(fichesDotted, '\nARTICLE 4', '\nARTICLE 5');
    const start = withAxes.indexOf('\nARTICLE 4');
    const end = withAxes.indexOf('\nARTICLE 5', start);
    let item = 0;
    const article = withAxes
      .slice(start, end)
      .split('\n')
      .map((line) => {
        if (/^\d{1,2}\. /.test(line)) item = 0;
        return line.startsWith('- ') ? `${(item += 1)}. ${line.slice(2)}\n` : line;
      })
      .join('\n');
    expect(article).toContain('\n2. Répondre aux besoins de garde des parents.\n\n');
    const { plan, warnings } = parsedOk(withAxes.slice(0, start) + article + withAxes.slice(end));
    expect(withoutLines(plan)).toEqual(withoutLines(seed.plan));
    expect(codes(warnings)).toEqual(codes(seed.warnings).filter((code) => code !== 'axis-number-noise'));
  });

  test('criteria numbered « 1. », « 2. » above a fiche stay criteria; the axis « 2. » after them is an axis', () => {
    const numbered = (ref: string, title: string) =>
      ficheLines(ref, title, 'Un besoin.').map((line) =>
        line === '- Nombre de places ouvertes' ? '1. Nombre de places ouvertes\n2. Nombre de familles' : line,
      );
    const text = replaceOnce(
      replaceOnce(
        smallConvention,
        ficheLines('I1', 'Un relais petite enfance itinérant', 'Les assistantes maternelles travaillent seules.').join(
          '\n',
        ),
        numbered('I1', 'Un relais petite enfance itinérant').join('\n'),
      ),
      'I) Petite enfance',
      '1. Petite enfance',
    )
      .replace('II) Jeunesse', '2. Jeunesse')
      .replace(
        '- Satisfaction des familles\n\nRéf de la fiche action : I1',
        '1. Satisfaction des familles\n\nRéf de la fiche action : I1',
      );
    const { plan, warnings } = parsedOk(text);
    expect(plan.axes.map((axis) => [axis.number, axis.title, axis.fiches.map((f) => f.key)])).toEqual([
      [1, 'Petite enfance', ['F1-1', 'I1']],
      [2, 'Jeunesse', ['F2-1']],
    ]);
    expect(ficheByKey(plan, 'I1').criteria.map((c) => c.text)).toEqual([
      'Nombre de places ouvertes',
      'Nombre de familles',
      'Satisfaction des familles',
    ]);
    expect(ficheByKey(plan, 'F1-1').criteria.map((c) => c.text)).toEqual([
      'Nombre de places ouvertes',
      'Satisfaction des familles',
    ]);
    expect(codes(warnings)).not.toContain('text-outside-fiche');
  });
});

describe('a list numbered « 1. », « 2. » with blank lines between its items, above a fiche', () => {
  test('its item « 2. » stays a criterion: the axis « 2. » is the one below', () => {
    const text = replaceOnce(
      smallConvention.replace('I) Petite enfance', '1. Petite enfance').replace('II) Jeunesse', '2. Jeunesse'),
      'Critères qualitatifs :\n- Satisfaction des familles\n\nRéf de la fiche action : I1',
      'Critères qualitatifs :\n1. Satisfaction des familles\n\n2. Nombre d’avis recueillis\n\nRéf de la fiche action : I1',
    );
    const { plan } = parsedOk(text);
    expect(plan.axes.map((axis) => [axis.number, axis.title, axis.fiches.map((f) => f.key)])).toEqual([
      [1, 'Petite enfance', ['F1-1', 'I1']],
      [2, 'Jeunesse', ['F2-1']],
    ]);
    expect(ficheByKey(plan, 'F1-1').criteria.map((c) => c.text)).toEqual([
      'Nombre de places ouvertes',
      'Satisfaction des familles',
      'Nombre d’avis recueillis',
    ]);
  });
});

describe('a target written under a criterion', () => {
  test('« Objectif : 80 % » or « (objectif : 2 par an) » on the line below a criterion is that criterion’s', () => {
    const text = replaceOnce(
      seedText,
      '- Taux de satisfaction global\n',
      '- Taux de satisfaction global\n  Objectif : 80 %\n- Nombre de prêts\n  (objectif : 2 par an)\n',
    );
    const { plan, warnings } = parsedOk(text);
    const g1 = ficheByKey(plan, 'G1');
    const seedG1 = ficheByKey(seed.plan, 'G1');
    expect(g1.objectives).toEqual(seedG1.objectives);
    const quantitative = g1.criteria.filter((c) => c.kind === 'quantitative').map((c) => c.text);
    expect(quantitative).toEqual([
      'Nombre de permanences dans les communes',
      "Nombre d'animations, temps fort",
      'Nombre de projets en partenariat formalisés et coconstruit',
      'Taux de satisfaction global Objectif : 80 %',
      'Nombre de prêts (objectif : 2 par an)',
      'nombre de temps de formation ou ateliers partagés pour les professionnels du territoire',
    ]);
    expect(codes(warnings)).toEqual(codes(seed.warnings));
  });
});

describe('publics written over several lines', () => {
  test('a public after « ; » at the end of the line above, or one per line, is a public, not the title', () => {
    for (const publics of ['Familles ;\nPetite enfance', 'Familles\nPetite enfance', 'Familles,\npetite enfance']) {
      const text = replaceOnce(
        seedText,
        'Public cible :\n\nFamilles\n\nRenforcer',
        `Public cible :\n\n${publics}\n\nRenforcer`,
      );
      const f2 = ficheByKey(parsedOk(text).plan, 'F2');
      expect(f2.publics).toEqual([
        'Familles',
        publics.endsWith('petite enfance') ? 'petite enfance' : 'Petite enfance',
      ]);
      expect(f2.title).toBe("Renforcer l'accompagnement à la parentalité sur le territoire");
    }
  });

  test('« Intitulé : … » under publics over several lines is the title', () => {
    const text = replaceOnce(
      seedText,
      "Public cible :\n\nFamilles\n\nRenforcer l'accompagnement",
      "Public cible :\n\nFamilles ;\nPetite enfance\n\nIntitulé : Renforcer l'accompagnement",
    );
    const f2 = ficheByKey(parsedOk(text).plan, 'F2');
    expect(f2.publics).toEqual(['Familles', 'Petite enfance']);
    expect(f2.title).toBe("Renforcer l'accompagnement à la parentalité sur le territoire");
  });

  test('a title under publics ending with « ; » stays the title', () => {
    const text = replaceOnce(
      seedText,
      'Public cible :\n\nFamilles\n\nRenforcer',
      'Public cible :\n\nFamilles ;\n\nRenforcer',
    );
    const { plan, warnings } = parsedOk(text);
    expect(ficheByKey(plan, 'F2').publics).toEqual(['Familles']);
    expect(ficheByKey(plan, 'F2').title).toBe("Renforcer l'accompagnement à la parentalité sur le territoire");
    expect(codes(warnings)).toEqual(codes(seed.warnings));
  });

  test('a title that is not the Caf’s publics stays the title', () => {
    const text = replaceOnce(
      seedText,
      'Public cible :\n\nFamilles\n\nRenforcer',
      'Public cible :\n\nFamilles\n\nEnfance et familles\nRenforcer',
    );
    const f2 = ficheByKey(parsedOk(text).plan, 'F2');
    expect(f2.publics).toEqual(['Familles']);
    expect(f2.title).toBe("Enfance et familles Renforcer l'accompagnement à la parentalité sur le territoire");
    expect(fiches(parsedOk(text).plan)).toHaveLength(48);
  });
});

describe('champs and publics outside the Caf’s list', () => {
  test('are kept as written and reported with their line, the name of the list they may stand for, what to do', () => {
    const text = replaceOnce(
      replaceOnce(
        seedText,
        "Champ(s) d'intervention(s) : Soutien à la parentalité; Coordination et stratégie",
        "Champ(s) d'intervention(s) : soutien a la parentalite; Coordinations et stratégie; Jeux en famille",
      ),
      'Public cible :\n\nFamilles\n\nRenforcer',
      'Public cible :\n\nFamille\n\nRenforcer',
    );
    const { plan, warnings } = parsedOk(text);
    const f2 = ficheByKey(plan, 'F2');
    expect(f2.fields).toEqual(['soutien a la parentalite', 'Coordinations et stratégie', 'Jeux en famille']);
    expect(f2.publics).toEqual(['Famille']);
    const outside = warnings.filter((w) => w.code === 'outside-vocabulary');
    const publicLine = text.split('\n').indexOf('Famille') + 1;
    const fieldLine = text.split('\n').findIndex((line) => line.includes('Jeux en famille')) + 1;
    expect(outside.map((w) => w.line)).toEqual([publicLine, fieldLine, fieldLine]);
    expect(outside.map((w) => renderMessage('outside-vocabulary', w.params).replace(/\u00A0/g, ' '))).toEqual([
      'Public cible « Famille » (fiche F2) hors de la liste de la Caf : il est gardé tel quel, mais ne se compare pas ' +
        'aux autres territoires. S’il s’agit de « Familles », écrivez-le ainsi dans le texte du plan, puis relisez-le.',
      'Champ d’intervention « Coordinations et stratégie » (fiche F2) hors de la liste de la Caf : il est gardé tel ' +
        'quel, mais ne se compare pas aux autres territoires. S’il s’agit de « Coordination et stratégie », ' +
        'écrivez-le ainsi dans le texte du plan, puis relisez-le.',
      // No champ shares a word with it: the list named whole, for the officer to find the one meant.
      'Champ d’intervention « Jeux en famille » (fiche F2) hors de la liste de la Caf : il est gardé tel quel, mais ' +
        `ne se compare pas aux autres territoires. Les champs de la liste : ${quotedNames(conventionFields)}. S’il ` +
        's’agit de l’un d’eux, écrivez-le ainsi dans le texte du plan, puis relisez-le.',
    ]);
    expect(codes(warnings).filter((code) => code !== 'outside-vocabulary')).toEqual(codes(seed.warnings));
  });

  /** The messages of F2's champs and publics outside the list, the seed's F2 given these instead. */
  function outsideOfF2(fields: string, publics: string): string[] {
    const text = seedWithF2(fields, publics);
    return parsedOk(text)
      .warnings.filter((w) => w.code === 'outside-vocabulary')
      .map((w) => renderMessage('outside-vocabulary', w.params).replace(/\u00A0/g, ' '));
  }

  const outside = (kind: string, name: string) =>
    `${kind} « ${name} » (fiche F2) hors de la liste de la Caf : il est gardé tel quel, mais ne se compare pas aux ` +
    'autres territoires. ';
  const writeIt = ' dans le texte du plan, puis relisez-le.';

  test('name the list’s values: the publics whole, the champs nearest by a shared word, or whole when none is', () => {
    expect(outsideOfF2('Santé des jeunes; Parentalité et jeux', 'Tout public')).toEqual([
      outside('Public cible', 'Tout public') +
        `Les publics de la liste : ${quotedNames(conventionPublics)}. S’il s’agit de l’un d’eux, écrivez-le ainsi` +
        writeIt,
      outside('Champ d’intervention', 'Santé des jeunes') +
        'Les champs de la liste les plus proches : « Santé et bien-être », « Santé mentale ». S’il s’agit de l’un ' +
        `d’eux, écrivez-le ainsi${writeIt}`,
      outside('Champ d’intervention', 'Parentalité et jeux') +
        `S’il s’agit de « Soutien à la parentalité », écrivez-le ainsi${writeIt}`,
    ]);
  });

  test('say when a champ is a public of the list, or a public a champ, and under which label it goes', () => {
    expect(outsideOfF2('Petite enfance', 'Numérique')).toEqual([
      outside('Public cible', 'Numérique') +
        '« Numérique » est un champ d’intervention de la liste, pas un public cible : s’il dit dans quel domaine ' +
        'agit la fiche, placez-le sous « Champ(s) d’intervention ». ' +
        `Les publics de la liste : ${quotedNames(conventionPublics)}. S’il s’agit de l’un d’eux, écrivez-le ainsi` +
        writeIt,
      outside('Champ d’intervention', 'Petite enfance') +
        '« Petite enfance » est un public cible de la liste, pas un champ d’intervention : s’il dit à qui ' +
        's’adresse la fiche, placez-le sous « Public cible ». ' +
        `S’il s’agit de « Protection de l’enfance », écrivez-le ainsi${writeIt}`,
    ]);
    // A public that shares no word with a champ: where it goes is said, not the 21 champs after it.
    expect(outsideOfF2('Jeunesse', 'Familles')).toEqual([
      outside('Champ d’intervention', 'Jeunesse') +
        '« Jeunesse » est un public cible de la liste, pas un champ d’intervention : s’il dit à qui s’adresse la ' +
        'fiche, placez-le sous « Public cible ». S’il s’agit d’un champ de la liste, écrivez-le comme elle' +
        writeIt,
    ]);
  });
});

/** « A », « B »: names as a message lists them, spaces plain. */
const quotedNames = (names: readonly string[]) => names.map((name) => `« ${name} »`).join(', ');

describe('list items apart from one another', () => {
  test('criteria marked « 1) », « o » or « a. » with a blank line between them are criteria, the fiche goes on', () => {
    const g1 = ficheByKey(seed.plan, 'G1');
    const quantitative = g1.criteria.filter((c) => c.kind === 'quantitative').map((c) => c.text);
    const written = ['Critères quantitatifs :', '', ...quantitative.map((text) => `- ${text}`), ''].join('\n');
    for (const mark of [(i: number) => `${i + 1})`, () => 'o', (i: number) => `${'abcde'[i]}.`]) {
      const apart = ['Critères quantitatifs :', '', ...quantitative.flatMap((text, i) => [`${mark(i)} ${text}`, ''])];
      const read = parsedOk(replaceOnce(seedText, written, apart.join('\n')));
      expect(withoutLines(read.plan)).toEqual(withoutLines(seed.plan));
      expect(codes(read.warnings)).toEqual(codes(seed.warnings));
    }
  });
});

describe('a line without marker after a list, a blank line between', () => {
  test('is reported as outside the fiche, and the fields below it are still the fiche’s', () => {
    const text = replaceOnce(
      seedText,
      '- nombre de temps de formation ou ateliers partagés pour les professionnels du territoire\n',
      '- nombre de temps de formation ou ateliers partagés pour les professionnels du territoire\n\nNombre de prêts\n',
    );
    const { plan, warnings } = parsedOk(text);
    expect(ficheByKey(plan, 'G1').criteria).toEqual(
      ficheByKey(seed.plan, 'G1').criteria.map((c) => ({ ...c, line: c.line > 650 ? c.line + 2 : c.line })),
    );
    expect(warnings.filter((w) => w.code === 'text-outside-fiche')).toEqual([
      { code: 'text-outside-fiche', line: 651, params: { text: 'Nombre de prêts', count: 1 } },
    ]);
    expect(codes(warnings).filter((code) => code !== 'text-outside-fiche')).toEqual(codes(seed.warnings));
  });

  test('the lines left out with it are counted, and the warning says what to do', () => {
    const text = replaceOnce(
      seedText,
      '- nombre de temps de formation ou ateliers partagés pour les professionnels du territoire\n',
      '- nombre de temps de formation ou ateliers partagés pour les professionnels du territoire\n\nNombre de prêts\n' +
        'Nombre de jeux réparés\n\n- Nombre de ludothécaires\n',
    );
    const outside = parsedOk(text).warnings.filter((w) => w.code === 'text-outside-fiche');
    expect(outside.map((w) => [w.line, w.params.count])).toEqual([[651, 3]]);
    expect(renderMessage('text-outside-fiche', outside[0].params).replace(/\u00A0/g, ' ')).toBe(
      'Texte hors fiche dans le plan d’actions (« Nombre de prêts »), et les 2 lignes qui le suivent : ils ne sont ' +
        'pas repris. S’ils appartiennent à une fiche, placez-les sous sa rubrique, une puce « - » devant chaque ' +
        'critère ou objectif, puis relisez le plan.',
    );
  });
});

describe('an axis named « Axe 2 » on a line of its own', () => {
  test('takes its title from the line below', () => {
    const text = smallConvention
      .replace('I) Petite enfance\n', 'AXE 1\nPetite enfance\n')
      .replace('II) Jeunesse\n', 'Axe n° 2 :\n\nJeunesse\n');
    const { plan, warnings } = parsedOk(text);
    expect(plan.axes.map((axis) => [axis.number, axis.title, axis.fiches.map((f) => f.key)])).toEqual([
      [1, 'Petite enfance', ['F1-1', 'I1']],
      [2, 'Jeunesse', ['F2-1']],
    ]);
    expect(codes(warnings)).not.toContain('text-outside-fiche');
  });
});

describe('bullets other exports write', () => {
  test('« · », « ● », « ○ », « ♦ », « ❖ » or « Ø » (a Wingdings arrow) before each criterion are bullets', () => {
    const g1 = ficheByKey(seed.plan, 'G1');
    const quantitative = g1.criteria.filter((c) => c.kind === 'quantitative').map((c) => c.text);
    const block = (mark: string) =>
      ['Critères quantitatifs :', '', ...quantitative.map((text) => `${mark} ${text}`), ''].join('\n');
    for (const mark of ['·', '●', '○', '♦', '❖', 'Ø']) {
      const read = parsedOk(replaceOnce(seedText, block('-'), block(mark)));
      expect(withoutLines(read.plan)).toEqual(withoutLines(seed.plan));
      expect(codes(read.warnings)).toEqual(codes(seed.warnings));
    }
  });
});

describe('the AO table as other exports write it', () => {
  const heading =
    "Option : Tableau récapitulatif des compétences des autorités organisatrices des modes d'accueil des jeunes enfants :";
  const header = ['Nom de la Commune', "Nb d'habitants", 'Recenser', 'Informer', 'Planifier', 'Soutenir la qualité'];

  test('boxes written ■ / □, [x] / [ ] or in Wingdings are ticked as shown; a sentence naming the table is none', () => {
    const cell = (checked: string, empty: string) =>
      `${checked} Exercée par la commune ${empty} Transférée par l'ensemble des communes à l'EPCI ${empty} Transférée par certaines communes`;
    const rows = [
      ['■', '□'],
      ['[x]', '[ ]'],
      ['\uF0FE', '\uF0A8'],
      ['\uF078', '\uF06F'],
    ].map(([checked, empty]) => cell(checked, empty));
    const mention = 'Le tableau récapitulatif des compétences des autorités organisatrices figure ci-après.';
    const text = [
      smallConvention,
      mention,
      '',
      heading,
      '',
      header.join('\t'),
      ['Chalamont', '2 500', ...rows].join('\t'),
    ].join('\n');
    const { plan, warnings } = parsedOk(text);
    expect(plan.aoTable.map((row) => [row.name, row.population, Object.values(row.competences)])).toEqual([
      ['Chalamont', 2500, ['commune', 'commune', 'commune', 'commune']],
    ]);
    expect(codes(warnings)).not.toContain('ao-no-choice');
  });

  test('a table whose cells the export did not keep apart is reported, not left out without a word', () => {
    const text = [smallConvention, heading, '', ...header, 'Chalamont', '2 500', '☒ Exercée par la commune'].join('\n');
    const { plan, warnings } = parsedOk(text);
    expect(plan.aoTable).toEqual([]);
    const line = text.split('\n').indexOf(heading) + 1;
    const unreadable = warnings.filter((w) => w.code === 'ao-table-unreadable');
    expect(unreadable.map((w) => w.line)).toEqual([line]);
    expect(renderMessage('ao-table-unreadable', unreadable[0].params).replace(/\u00A0/g, ' ')).toBe(
      'Tableau des compétences des AO sans lignes lisibles (une ligne par commune, ses cellules séparées par des ' +
        'tabulations) : il n’est pas repris. Remplissez la feuille « Compétences AO » du classeur, ou exportez de ' +
        'nouveau la convention en gardant le tableau, puis relisez-la.',
    );
  });
});

describe('a title written under its own label', () => {
  test('« Intitulé de l’action : … », on its line or the next, is the fiche’s title, wherever it comes', () => {
    const title = "Renforcer l'accompagnement à la parentalité sur le territoire";
    for (const written of [
      `Public cible :\n\nFamilles\n\nIntitulé de l’action : ${title}\n`,
      `Public cible :\n\nFamilles\n\nIntitulé de l'action :\n\n${title}\n`,
      `Public cible :\n\nFamilles\n\nIntitulé\t${title}\n`,
    ]) {
      const text = replaceOnce(seedText, `Public cible :\n\nFamilles\n\n${title}\n`, written);
      const { plan, warnings } = parsedOk(text);
      expect(ficheByKey(plan, 'F2').title).toBe(title);
      expect(ficheByKey(plan, 'F2').publics).toEqual(['Familles']);
      expect(codes(warnings)).toEqual(codes(seed.warnings));
    }
    const before = replaceOnce(
      seedText,
      `Réf de la fiche action :\n\nF2\n\nIntérêt :`,
      `Réf de la fiche action :\n\nF2\n\nTitre de l'action : Une fiche titrée\n\nIntérêt :`,
    );
    const f2 = ficheByKey(parsedOk(replaceOnce(before, `Familles\n\n${title}\n`, 'Familles\n')).plan, 'F2');
    expect(f2.title).toBe('Une fiche titrée');
  });
});

describe('labels as other conventions word them', () => {
  test.each([
    ['Public cible :', 'Public(s) visé(s) :'],
    ['Public cible :', 'Publics :'],
    ['Budget :', 'Budget prévisionnel :'],
    ["Porteur de l'action :", 'Porteur(s) :'],
    ["Porteur de l'action :", "Pilote de l'action :"],
    ['Territoire(s) cible(s) :', 'Territoire(s) concerné(s) :'],
    ['Territoire(s) cible(s) :', 'Territoire :'],
    ["Champ(s) d'intervention(s) :", "Champs d'intervention :"],
    ["Contexte de l'action :", 'Contexte :'],
    ['Objectif(s)', 'Objectifs opérationnels :'],
    ['Critères\n', "Indicateurs d'évaluation\n"],
    ['Critères quantitatifs :', 'Indicateurs quantitatifs :'],
    ['Critères qualitatifs :', 'Critère qualitatif :'],
    ['Critères quantitatifs :', 'Quantitatifs :'],
    ['Critères qualitatifs :', 'Qualitatif(s) :'],
  ])('« %s » written « %s » is read as it, without a word', (label, written) => {
    const start = seedText.indexOf('Réf de la fiche action :\n\nF2\n');
    const end = seedText.indexOf('Réf de la fiche action :', start + 1);
    const fiche = seedText.slice(start, end);
    expect(fiche.split(label)).toHaveLength(2);
    const text = seedText.slice(0, start) + fiche.replace(label, written) + seedText.slice(end);
    const { plan, warnings } = parsedOk(text);
    expect(withoutLines(plan)).toEqual(withoutLines(seed.plan));
    expect(codes(warnings)).toEqual(codes(seed.warnings));
  });
});

describe('a line of the context that begins as a label the fiche has had', () => {
  const context = 'La ludothèque et le ludobus itinérant sont des nouveaux services à pérenniser.';
  test.each([
    'Public : les familles monoparentales sont 20 % des foyers.',
    'Territoire : le nord est peu desservi.',
    'Contexte : la commune a ouvert un service en 2024.',
    'Intitulé : « Jouer ensemble » est le nom que les bénévoles lui donnent.',
    'Budget prévisionnel : 12 000 € par an, à partager entre les communes.',
    'Public visé : les familles, puis les assistantes maternelles.',
  ])('« %s » in the context of a fiche that has the field already stays in the context', (prose) => {
    const at = seedText.indexOf(context);
    const end = seedText.indexOf('\n', at);
    const text = `${seedText.slice(0, end)}\n\n${prose}\n${seedText.slice(end)}`;
    const g1 = ficheByKey(parsedOk(text).plan, 'G1');
    const seedG1 = ficheByKey(seed.plan, 'G1');
    expect(g1.context).toBe(`${seedG1.context}\n${prose}`);
    expect(withoutLines({ ...g1, context: '' })).toEqual(withoutLines({ ...seedG1, context: '' }));
  });
});

describe('warnings about a defect of the text say what to do', () => {
  const rendered = (code: Parameters<typeof renderMessage>[0], params: Parameters<typeof renderMessage>[1]) =>
    renderMessage(code, params).replace(/\u00A0/g, ' ');

  test.each([
    [
      'missing-field',
      { ref: 'F2', field: 'Critères qualitatifs' },
      'Rubrique « Critères qualitatifs » absente (fiche F2) : ajoutez-la à la fiche dans le texte du plan, puis relisez-le.',
    ],
    [
      'empty-field',
      { ref: 'F2', field: 'Critères qualitatifs' },
      'Rubrique « Critères qualitatifs » vide (fiche F2) : si elle doit avoir un contenu, écrivez-le dans le texte du ' +
        'plan, puis relisez-le.',
    ],
    [
      'missing-title',
      { ref: 'F2' },
      'La fiche F2 n’a pas d’intitulé (ligne attendue après le public cible) : écrivez-le sur la ligne qui suit le ' +
        'public cible, ou sous « Intitulé de l’action : », puis relisez le plan.',
    ],
    [
      'unknown-territory',
      { ref: 'F2', territory: 'Lyon' },
      'Territoire cible « Lyon » (fiche F2) : ni une commune signataire, ni l’EPCI, ni un bassin de vie d’une ' +
        'commune. Il est gardé tel quel ; vérifiez son orthographe dans le texte du plan.',
    ],
    [
      'ao-no-choice',
      { name: 'Mamers', competence: 'Planifier' },
      'Tableau des AO, « Mamers » : aucune case cochée pour « Planifier ». Choisissez qui l’exerce dans la feuille ' +
        '« Compétences AO » du classeur.',
    ],
    [
      'ao-several-choices',
      { name: 'Mamers', competence: 'Planifier' },
      'Tableau des AO, « Mamers » : plusieurs cases cochées pour « Planifier ». Choisissez qui l’exerce dans la ' +
        'feuille « Compétences AO » du classeur.',
    ],
  ] as const)('%s', (code, params, message) => {
    expect(rendered(code, params)).toBe(message);
  });
});

describe('axes numbered « 1 – » in a text without blank lines', () => {
  test('are the axes, in Article 4 as among the fiches', () => {
    const text = smallConvention
      .replace(
        'ARTICLE 10 : DUREE',
        'ARTICLE 4 - OBJECTIFS\n1 – Petite enfance\n- Ouvrir des places\n2 – Jeunesse\n- Aider\nARTICLE 10 : DUREE',
      )
      .replace('I) Petite enfance\n\n', '1 – Petite enfance\n')
      .replace('II) Jeunesse\n\n', '2 – Jeunesse\n');
    const { plan, warnings } = parsedOk(text);
    expect(plan.axes.map((axis) => [axis.number, axis.title, axis.objectives, axis.fiches.length])).toEqual([
      [1, 'Petite enfance', ['Ouvrir des places'], 2],
      [2, 'Jeunesse', ['Aider'], 1],
    ]);
    expect(codes(warnings)).not.toContain('axis-not-in-article4');
  });
});

describe('axis headings written in capitals among the fiches', () => {
  // The headings among the fiches replaced before Article 4 is put in, which writes them too.
  const withArticle4 = (article4: string[], headings: [string, string]) =>
    smallConvention
      .replace('I) Petite enfance\n', `${headings[0]}\n`)
      .replace('II) Jeunesse\n', `${headings[1]}\n`)
      .replace('ARTICLE 10 : DUREE', ['ARTICLE 4 – OBJECTIFS', '', ...article4, '', 'ARTICLE 10 : DUREE'].join('\n'));
  const titles = (text: string) => parsedOk(text).plan.axes.map((axis) => axis.title);

  test('take the title as Article 4 writes it, the same words in small letters', () => {
    const article4 = ['I) Petite enfance', '', '- Ouvrir des places', '', 'II) Jeunesse', '', '- Aider', ''];
    const text = withArticle4(article4, ['I) PETITE ENFANCE', 'II) JEUNESSE']);
    expect(titles(text)).toEqual(['Petite enfance', 'Jeunesse']);
    expect(codes(parsedOk(text).warnings)).not.toContain('axis-title-mismatch');
  });

  test('keep their own words when Article 4 has other ones, or writes them in capitals too', () => {
    const other = ['I) Accueil du jeune enfant', '', '- Ouvrir des places', '', 'II) JEUNESSE', '', '- Aider', ''];
    const text = withArticle4(other, ['I) PETITE ENFANCE', 'II) JEUNESSE']);
    expect(titles(text)).toEqual(['PETITE ENFANCE', 'JEUNESSE']);
    expect(codes(parsedOk(text).warnings)).toContain('axis-title-mismatch');
  });
});
