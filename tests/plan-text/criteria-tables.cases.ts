import { renderMessage } from '../../src/domain/messages';
import { codes, ficheByKey, parsedOk, replaceOnce } from './seed-helpers';
import { smallConvention, withQuantitative } from './small-convention';

/**
 * Criteria written as a table (a Word table exported with tabs, or a text table with « | »): a row is a criterion,
 * its first cell the criterion and the others, named by the header row, its baseline and target — what a reader
 * sees in the row, kept in the criterion's text.
 */

const quantitative = (text: string) =>
  ficheByKey(parsedOk(text).plan, 'I1')
    .criteria.filter((criterion) => criterion.kind === 'quantitative')
    .map((criterion) => criterion.text);

/** Fiche I1's criteria with the Référence and Cible the plan gives them (`-` where it gives none). */
const figures = (text: string, key = 'I1') =>
  ficheByKey(parsedOk(text).plan, key).criteria.map((criterion) => [
    criterion.kind,
    criterion.baseline ?? '-',
    criterion.target ?? '-',
  ]);

describe('criteria written as a table', () => {
  test('a tab-separated table: a criterion a row, with its header’s baseline and target', () => {
    const text = withQuantitative([
      'Indicateur\tRéférence 2023\tCible 2027',
      'Nombre de places d’accueil collectif\t310\t430',
      'Taux de couverture global\t38 %\t45 %',
    ]);
    const { warnings } = parsedOk(text);
    expect(quantitative(text)).toEqual([
      'Nombre de places d’accueil collectif (Référence 2023 : 310 ; Cible 2027 : 430)',
      'Taux de couverture global (Référence 2023 : 38 % ; Cible 2027 : 45 %)',
    ]);
    expect(codes(warnings)).not.toContain('label-typo');
    expect(codes(warnings)).not.toContain('unexpected-text');
    expect(codes(warnings)).not.toContain('items-without-bullets');
    // A percentage is given without its sign, as the workbook's number cells take it (85, not 85 %).
    expect(figures(text)).toEqual([
      ['quantitative', 310, 430],
      ['quantitative', 38, 45],
      ['qualitative', '-', '-'],
    ]);
  });

  test('a table written with « | », its rule row aside, and an empty cell left out', () => {
    const text = withQuantitative([
      '| Indicateur | Valeur de départ | Objectif |',
      '|---|---|---|',
      '| Nombre de séances du LAEP itinérant | 0 | 80 par an |',
      '| Nombre de familles accueillies |  | 150 |',
    ]);
    expect(quantitative(text)).toEqual([
      'Nombre de séances du LAEP itinérant (Valeur de départ : 0 ; Objectif : 80 par an)',
      'Nombre de familles accueillies (Objectif : 150)',
    ]);
    expect(codes(parsedOk(text).warnings)).not.toContain('items-without-bullets');
    // « 80 par an » is no plain number: that Cible is left to the officer.
    expect(figures(text)).toEqual([
      ['quantitative', 0, '-'],
      ['quantitative', '-', 150],
      ['qualitative', '-', '-'],
    ]);
  });

  test('a table after bulleted criteria, a blank line between, is the field’s too', () => {
    const text = withQuantitative([
      '- Nombre de places ouvertes',
      '',
      'Indicateur\tCible 2027\tRéférence',
      'Nombre de familles\t40\t25',
    ]);
    expect(quantitative(text)).toEqual([
      'Nombre de places ouvertes',
      'Nombre de familles (Cible 2027 : 40 ; Référence : 25)',
    ]);
    expect(codes(parsedOk(text).warnings)).not.toContain('text-outside-fiche');
    expect(figures(text)).toEqual([
      ['quantitative', '-', '-'],
      ['quantitative', 25, 40],
      ['qualitative', '-', '-'],
    ]);
  });

  test('a fiche exported from a Word table: the label cell, then the criteria table’s header on its row', () => {
    const text = replaceOnce(
      smallConvention,
      'Critères quantitatifs :\n- Nombre de places ouvertes\nCritères qualitatifs :\n- Satisfaction des familles\n\nRéf de la fiche action : I1',
      'Critères quantitatifs\tIndicateur\tValeur 2025\tCible 2029\n\tNombre de places ouvertes\t0\t12\nNombre de familles\t10\t40\n' +
        'Critères qualitatifs\t- Satisfaction des familles\n\nRéf de la fiche action : I1',
    );
    const { plan, warnings } = parsedOk(text);
    expect(
      ficheByKey(plan, 'F1-1')
        .criteria.filter((criterion) => criterion.kind === 'quantitative')
        .map((criterion) => criterion.text),
    ).toEqual([
      'Nombre de places ouvertes (Valeur 2025 : 0 ; Cible 2029 : 12)',
      'Nombre de familles (Valeur 2025 : 10 ; Cible 2029 : 40)',
    ]);
    expect(ficheByKey(plan, 'F1-1').objectives).toEqual(['Ouvrir des places']);
    expect(codes(warnings)).not.toContain('missing-field');
    // « Valeur 2025 » names no reference: only the Cible is the plan's.
    expect(figures(text, 'F1-1')).toEqual([
      ['quantitative', '-', 12],
      ['quantitative', '-', 40],
      ['qualitative', '-', '-'],
    ]);
  });

  test('a table without its header line, as text or from a Word table: its first row is a criterion', () => {
    const rows = ['Nombre de places ouvertes\t310\t430', 'Taux de couverture global\t38 %\t45 %'];
    const text = withQuantitative(rows);
    expect(quantitative(text)).toEqual([
      'Nombre de places ouvertes (310 ; 430)',
      'Taux de couverture global (38 % ; 45 %)',
    ]);
    expect(codes(parsedOk(text).warnings)).toEqual(codes(parsedOk(smallConvention).warnings));
    const cells = replaceOnce(
      smallConvention,
      'Critères quantitatifs :\n- Nombre de places ouvertes\nCritères qualitatifs :\n- Satisfaction des familles\n\nII)',
      `Critères quantitatifs\t${rows[0]}\n\t${rows[1]}\nCritères qualitatifs\t- Satisfaction des familles\n\nII)`,
    );
    expect(quantitative(cells)).toEqual([
      'Nombre de places ouvertes (310 ; 430)',
      'Taux de couverture global (38 % ; 45 %)',
    ]);
  });

  test('a header is told by its words, whatever their case, accents or year, not by its place', () => {
    expect(
      quantitative(
        withQuantitative(['INDICATEURS\tVALEUR 2024\tObjectif fin 2029', 'Nombre de places ouvertes\t310\t430']),
      ),
    ).toEqual(['Nombre de places ouvertes (VALEUR 2024 : 310 ; Objectif fin 2029 : 430)']);
    expect(
      quantitative(withQuantitative(['Critère\tSource\tCommentaire', 'Nombre de places ouvertes\tCaf\tà suivre'])),
    ).toEqual(['Nombre de places ouvertes (Source : Caf ; Commentaire : à suivre)']);
  });

  test('a first row of no known header’s words nor figure is taken as the header, and said at its line', () => {
    const text = withQuantitative(['Ateliers parents\tCentre social', 'Sorties familles\tCommune']);
    const { warnings } = parsedOk(text);
    expect(quantitative(text)).toEqual(['Sorties familles (Centre social : Commune)']);
    const said = warnings.filter((warning) => warning.code === 'table-header-assumed');
    expect(said.map((warning) => renderMessage(warning.code, warning.params).replace(/\u00a0/g, ' '))).toEqual([
      'La ligne « Ateliers parents | Centre social » de « Critères quantitatifs » (fiche I1) : lue comme l’en-tête ' +
        'de son tableau, non comme un élément de la liste, rien n’y disant sûrement l’un ou l’autre (en première ' +
        'cellule, un en-tête connu comme « Indicateur », « Unité », « Référence », « Cible » ou « Valeur » ; ou un nombre autre qu’une ' +
        'année). Si c’en est un, écrivez au-dessus d’elle la ligne d’en-tête du tableau (« Indicateur », puis le nom ' +
        'de chaque colonne, séparés comme ses cellules) dans le texte du plan, puis relisez-le.',
    ]);
    expect(said.map((warning) => warning.line)).toEqual([
      text.split('\n').indexOf('Ateliers parents\tCentre social') + 1,
    ]);
  });

  /**
   * Fiche I1's quantitative criteria, and whether a first row was said taken as its table's header, with `rows`
   * written as a tab table, a « | » text table and a Word table exported on its label's row.
   */
  const inEveryForm = (rows: readonly string[][]) => {
    const pipes = withQuantitative(rows.map((cells) => `| ${cells.join(' | ')} |`));
    const tabs = withQuantitative(rows.map((cells) => cells.join('\t')));
    const [first, ...others] = rows.map((cells) => cells.join('\t'));
    const word = replaceOnce(
      smallConvention,
      'Critères quantitatifs :\n- Nombre de places ouvertes\nCritères qualitatifs :\n- Satisfaction des familles\n\nII)',
      `Critères quantitatifs\t${first}\n${others.map((row) => `\t${row}\n`).join('')}` +
        'Critères qualitatifs\t- Satisfaction des familles\n\nII)',
    );
    return [tabs, pipes, word].map((text) => ({
      criteria: quantitative(text),
      said: codes(parsedOk(text).warnings).includes('table-header-assumed'),
    }));
  };

  test('a header of other words over years or units is no criterion: taken as the header, and said, in every form', () => {
    for (const header of [
      ['Action', '2023', '2027'],
      ['ACTION :', '(2023)', 'au 31/12/2027'],
      ['Objectifs opérationnels', 'Fin 2026', 'Fin 2029'],
      ['Action', 'Taux (en %)', 'Part des familles (en %)'],
      ['Action', 'Cible', 'Nombre de familles'],
    ]) {
      const read = inEveryForm([header, ['Nombre de places ouvertes', '310', '430']]);
      for (const form of read) {
        expect(form.criteria).toEqual([
          `Nombre de places ouvertes (${header[1]} : 310 ; ${header[2]} : 430)`.replace(/ {2,}/g, ' '),
        ]);
        expect(form.said).toBe(true);
      }
    }
  });

  test('headers of known words, in capitals, with « : », brackets or years, are headers, in every form', () => {
    for (const header of [
      ['Indicateurs de suivi', '2026', '2030'],
      ['Actions', 'Année 2023', 'Fin 2027'],
      ['Action menée', 'Situation 2023', 'Objectif visé 2029'],
      ['Objectif', 'Cible 2029'],
      ['Nom de l’indicateur', 'Unité de mesure', 'Valeur initiale', 'Valeur cible'],
      ["Nom de l'indicateur", 'Valeur initiale', 'Valeur cible'],
      ['INDICATEUR :', 'RÉFÉRENCE :', 'CIBLE :'],
      ['Indicateurs d’activité', '2026', '2030'],
      ['Action', 'Taux (en %)', 'Cible (en %)'],
    ]) {
      const read = inEveryForm([header, ['Nombre de places ouvertes', '310', '430', '', ''].slice(0, header.length)]);
      for (const form of read) {
        expect(form.criteria).toHaveLength(1);
        expect(form.criteria[0]).toMatch(/^Nombre de places ouvertes \(/);
        expect(form.criteria[0]).toContain(header[1].replace(/ :$/, ''));
        expect(form.said).toBe(false);
      }
    }
  });

  test('a criterion holding a header’s word is a criterion: whole cells are compared, in every form', () => {
    for (const first of [
      ['Valeur des subventions versées', '€'],
      ['Source des financements', '15 000 €', '20 000 €'],
      ['Nombre de places ouvertes', 'Existant', '430'],
      ['Nombre de places ouvertes', 'Réalisé', '430'],
    ]) {
      const read = inEveryForm([first, ['Taux de couverture global', '38 %', '45 %'].slice(0, first.length)]);
      for (const form of read) {
        expect(form.criteria).toHaveLength(2);
        expect(form.criteria[0]).toMatch(new RegExp(`^${first[0]} \\(`));
        expect(form.said).toBe(false);
      }
    }
  });

  test('a label and its value in two cells is still a label and its value', () => {
    const text = replaceOnce(
      smallConvention,
      'Réf de la fiche action : I1\nIntérêt : intérêt fort',
      'Réf de la fiche action : I1\nIntérêt\tintérêt fort',
    );
    expect(ficheByKey(parsedOk(text).plan, 'I1').interest).toBe('intérêt fort');
  });
});

describe('the Référence and Cible a criteria table gives', () => {
  test('a cell holding one plain number gives it; a text, a range, several numbers or a change give none', () => {
    const text = withQuantitative([
      'Indicateur\tSituation initiale\tValeur cible',
      'Nombre d’heures d’ouverture\t1 200\t1 500',
      'Taux d’occupation\t72,5 %\t80%',
      'Montant des aides\t15 000 €\t18\u00a0000 €',
      'Nombre de places\t300 à 400\t450',
      'Nombre d’ateliers\t4\t+10 %',
      'Nombre de permanences\tenviron 50\t60 ou 70',
      'Nombre de familles\t1.500\t2 000 familles',
      'Nombre de séances\t\t',
    ]);
    expect(figures(text)).toEqual([
      ['quantitative', 1200, 1500],
      ['quantitative', 72.5, 80],
      ['quantitative', 15000, 18000],
      ['quantitative', '-', 450],
      ['quantitative', 4, '-'],
      ['quantitative', '-', '-'],
      ['quantitative', '-', '-'],
      ['quantitative', '-', '-'],
      ['qualitative', '-', '-'],
    ]);
    // The text keeps what the convention says, figures taken or not.
    expect(quantitative(text)[3]).toBe('Nombre de places (Situation initiale : 300 à 400 ; Valeur cible : 450)');
  });

  test('headers are read without case or accents, with the year or date of the figure; other columns give none', () => {
    const text = withQuantitative([
      '| Critère | Année de référence | REFERENCE AU 31/12/2023 | Réalisé 2024 | Objectif à l’horizon 2029 |',
      '|---|---|---|---|---|',
      '| Nombre de places | 2023 | 310 | 320 | 430 |',
    ]);
    expect(figures(text)).toEqual([
      ['quantitative', 310, 430],
      ['qualitative', '-', '-'],
    ]);
  });

  test.each([
    [
      'with tabs',
      ['Indicateur\tCible', 'Nombre de places ouvertes\t12', 'Nombre de séances\t', 'Nombre de familles\t40'],
    ],
    [
      'with « | »',
      [
        '| Critère | Cible |',
        '|---|---|',
        '| Nombre de places ouvertes | 12 |',
        '| Nombre de séances | |',
        '| Nombre de familles | 40 |',
      ],
    ],
  ])('a table of two columns, the criteria and their Cible, %s: no Référence, an empty cell none', (_, rows) => {
    const text = withQuantitative(rows);
    expect(quantitative(text)).toEqual([
      'Nombre de places ouvertes (Cible : 12)',
      'Nombre de séances',
      'Nombre de familles (Cible : 40)',
    ]);
    expect(figures(text)).toEqual([
      ['quantitative', '-', 12],
      ['quantitative', '-', '-'],
      ['quantitative', '-', 40],
      ['qualitative', '-', '-'],
    ]);
    // Its header is no label « Indicateur » (« Critères ») and its value.
    expect(codes(parsedOk(text).warnings)).toEqual(codes(parsedOk(smallConvention).warnings));
  });

  test('of several targets, the latest year’s is the Cible; without years to tell them apart, none is', () => {
    const byYear = withQuantitative([
      'Indicateur\tRéférence 2024\tCible 2030\tCible 2027',
      'Nombre de places\t310\t450\t380',
      'Nombre de familles\t25\t\t40',
    ]);
    expect(figures(byYear)).toEqual([
      ['quantitative', 310, 450],
      ['quantitative', 25, 40],
      ['qualitative', '-', '-'],
    ]);
    const undated = withQuantitative(['Indicateur\tObjectif\tCible', 'Nombre de places\t400\t450']);
    expect(figures(undated)).toEqual([
      ['quantitative', '-', '-'],
      ['qualitative', '-', '-'],
    ]);
  });

  test.each([
    [
      'with tabs',
      ['Indicateur\tRéférence\tCible', '\t2023\t2027', 'Nombre de places\t310\t430'],
      'Nombre de places (Référence 2023 : 310 ; Cible 2027 : 430)',
    ],
    [
      'with « | »',
      ['| Indicateur | Référence | Cible |', '|---|---|---|', '| | 2023 | 2027 |', '| Nombre de places | 310 | 430 |'],
      'Nombre de places (Référence 2023 : 310 ; Cible 2027 : 430)',
    ],
    [
      'from a Word table, its label column empty',
      ['\tIndicateur\tValeur de référence\tCible', '\t\t(2023)\tfin 2027', '\tNombre de places\t310\t430'],
      'Nombre de places (Valeur de référence (2023) : 310 ; Cible fin 2027 : 430)',
    ],
  ])(
    'a header on two lines, the years under the figures’ names, %s: no criterion, the years the columns’',
    (_, rows, read) => {
      const text = withQuantitative(rows);
      expect(quantitative(text)).toEqual([read]);
      expect(figures(text)).toEqual([
        ['quantitative', 310, 430],
        ['qualitative', '-', '-'],
      ]);
    },
  );

  test.each([
    [
      'with tabs',
      ['\tRéférence 2023\tCible 2027', 'Nombre de places\t310\t430', 'Nombre de familles\t25'],
      ['Nombre de places (Référence 2023 : 310 ; Cible 2027 : 430)', 'Nombre de familles (Référence 2023 : 25)'],
      [
        ['quantitative', 310, 430],
        ['quantitative', 25, '-'],
      ],
    ],
    [
      'with « | », a column before the figures',
      ['| | Unité | Référence | Cible |', '|---|---|---|---|', '| Nombre de places | places | 310 | 430 |'],
      ['Nombre de places (Unité : places ; Référence : 310 ; Cible : 430)'],
      [['quantitative', 310, 430]],
    ],
  ])('a header whose criterion cell is empty, %s: each figure under its own name', (_, rows, read, given) => {
    const text = withQuantitative(rows);
    expect(quantitative(text)).toEqual(read);
    expect(figures(text)).toEqual([...given, ['qualitative', '-', '-']]);
  });

  test('a row whose criterion cell is empty gives no criterion its cells as figures', () => {
    const text = withQuantitative([
      'Indicateur\tRéférence\tCible',
      'Nombre de places\t310\t430',
      '\t320\t440',
      'Nombre de familles\t25\t40',
    ]);
    const given = figures(text).flatMap(([, baseline, target]) => [baseline, target]);
    expect(given).not.toContain(440);
    expect(given).not.toContain(320);
    expect(figures(text)).toContainEqual(['quantitative', 25, 40]);
    // A Word table's row whose last cell was dropped, under its header, is still its criterion.
    const dropped = withQuantitative(['\tIndicateur\tRéférence\tCible', '\tNombre de places\tnon connu']);
    expect(quantitative(dropped)).toEqual(['Nombre de places (Référence : non connu)']);
  });

  // The workbook's readers take a minus sign typed otherwise (`numberOfText`); a convention's figure stays unsigned.
  test.each(['-5', '\u22125', '\u20135'])('a signed figure, %p, is left to the officer, in the text', (cell) => {
    const text = withQuantitative(['Indicateur\tRéférence\tCible', `Nombre de places\t310\t${cell}`]);
    expect(figures(text)).toContainEqual(['quantitative', 310, '-']);
    expect(quantitative(text)).toEqual([`Nombre de places (Référence : 310 ; Cible : ${cell})`]);
  });

  test('a qualitative criterion’s table gives no figures, its text keeping them', () => {
    const text = replaceOnce(
      smallConvention,
      'Critères qualitatifs :\n- Satisfaction des familles\n\nII) Jeunesse',
      'Critères qualitatifs :\nIndicateur\tRéférence\tCible\nNote de satisfaction des familles\t3\t4\n\nII) Jeunesse',
    );
    const { plan } = parsedOk(text);
    expect(
      ficheByKey(plan, 'I1').criteria.map((criterion) => [criterion.text, criterion.baseline, criterion.target]),
    ).toEqual([
      ['Nombre de places ouvertes', undefined, undefined],
      ['Note de satisfaction des familles (Référence : 3 ; Cible : 4)', undefined, undefined],
    ]);
  });
});

describe('a criteria table’s headers with a unit in brackets', () => {
  test.each([
    ['Cible (en %)', '80', 80],
    ['Cible (%)', '80 %', 80],
    ['Cible 2030 (en %)', '45', 45],
    ['Valeur cible (en pourcentage)', '72,5', 72.5],
    ['Objectif (en euros)', '15 000 €', 15000],
    ['Cible fin 2029 (€)', '15 000', 15000],
    ['Cible (nombre de familles)', '40', 40],
    ['OBJECTIF (EN NOMBRE)', '40', 40],
    ['Cible (en nombre) 2030', '40', 40],
    ['Cible (en places)', '40', 40],
    ['Cible (places)', '1 200', 1200],
    ['Cible 2030 (en séances)', '12', 12],
    ['Objectif (bénéficiaires)', '40', 40],
    ['Cible (en jeunes)', '40', 40],
    ['Valeur cible (logements)', '15', 15],
    ['Cible (places d’accueil)', '40', 40],
    ['Objectif (exprimé en familles)', '40', 40],
  ])('« %s » heads a Cible column: « %s » gives %p', (header, cell, target) => {
    const text = withQuantitative([`Indicateur\tRéférence (en nombre)\t${header}`, `Taux de couverture\t38\t${cell}`]);
    expect(quantitative(text)).toEqual([`Taux de couverture (Référence (en nombre) : 38 ; ${header} : ${cell})`]);
    expect(figures(text)).toEqual([
      ['quantitative', 38, target],
      ['qualitative', '-', '-'],
    ]);
  });

  test('a table of two columns whose second has a unit is a table, not a label and its value', () => {
    const text = withQuantitative(['Indicateur\tCible 2029 (en %)', 'Taux de couverture\t45', 'Taux d’occupation\t80']);
    expect(quantitative(text)).toEqual([
      'Taux de couverture (Cible 2029 (en %) : 45)',
      'Taux d’occupation (Cible 2029 (en %) : 80)',
    ]);
    expect(figures(text)).toEqual([
      ['quantitative', '-', 45],
      ['quantitative', '-', 80],
      ['qualitative', '-', '-'],
    ]);
    expect(codes(parsedOk(text).warnings)).toEqual(codes(parsedOk(smallConvention).warnings));
  });

  test('a sign in the cell that says another unit than its header’s gives no figure', () => {
    const text = withQuantitative([
      'Indicateur\tRéférence (en nombre)\tCible (en %)',
      'Taux de couverture\t38 %\t45 €',
      'Nombre de places\t310 €\t80 %',
    ]);
    expect(figures(text)).toEqual([
      ['quantitative', '-', '-'],
      ['quantitative', '-', 80],
      ['qualitative', '-', '-'],
    ]);
  });

  test.each([
    ['Référence (année)', 'Cible (public visé)'],
    ['Référence (source)', 'Cible (à préciser)'],
    ['Référence (date)', 'Objectif(s)'],
    ['Référence (en cours)', 'Cible (mois)'],
    ['Année (en %)', 'Réalisé 2024 (en %)'],
    ['Référence (%) (année)', 'Cible (en %) (public)'],
    ['Objectifs (opérationnels)', 'Objectifs (spécifiques)'],
    ['Cible (visées)', 'Objectifs (généraux)'],
    ['Référence (en attente)', 'Cible (territoire)'],
    ['Référence (en cours)', 'Cible (taux)'],
    // Plural words that count nothing, or adjectives: not guessed at (a year or a rank under them is no figure).
    ['Référence (dates)', 'Cible (publics)'],
    ['Référence (sources)', 'Objectifs (prioritaires)'],
    ['Référence (pages du diagnostic)', 'Cible (échéances)'],
    ['Références (documents)', 'Objectifs (communs)'],
    ['Référence (indicateurs)', 'Objectifs (partenaires)'],
    ['Référence (textes)', 'Objectifs (intermédiaires)'],
    ['Référence (actions)', 'Cible (territoires)'],
  ])(
    'brackets that name no unit, or a unit after no figure’s name, make no figures column: « %s », « %s »',
    (...headers) => {
      const text = withQuantitative([`Indicateur\t${headers.join('\t')}`, 'Nombre de places\t40\t45']);
      expect(quantitative(text)).toEqual([`Nombre de places (${headers[0]} : 40 ; ${headers[1]} : 45)`]);
      expect(figures(text)).toEqual([
        ['quantitative', '-', '-'],
        ['qualitative', '-', '-'],
      ]);
    },
  );

  test.each(['Objectif(s)', 'Cible (public visé)', 'Référence (année)', 'Objectifs (opérationnels)'])(
    'a row of two cells whose second is « %s » reads as before: no table',
    (second) => {
      const read = (cell: string) => {
        const text = withQuantitative(['- Nombre de places ouvertes', `Nombre de familles\t${cell}`]);
        return { criteria: quantitative(text), figures: figures(text), warnings: codes(parsedOk(text).warnings) };
      };
      const plain = read('Satisfaction');
      expect(JSON.stringify(read(second))).toBe(JSON.stringify(plain).replace('Satisfaction', second));
    },
  );
});

describe('a year alone in a Référence or Cible cell', () => {
  test('under a header without year, is taken for the reference year, not a figure, and said', () => {
    const text = withQuantitative([
      'Indicateur\tRéférence\tCible',
      'Nombre de places\t2023\t430',
      'Nombre d’heures d’accueil\t1990\t2 100',
      'Nombre de séances\t12\t2027',
      'Nombre de passages\t1989\t2101',
      'Nombre de familles\t2023,5\t2100 €',
    ]);
    expect(figures(text)).toEqual([
      ['quantitative', '-', 430],
      ['quantitative', '-', 2100],
      ['quantitative', 12, '-'],
      ['quantitative', 1989, 2101],
      ['quantitative', 2023.5, 2100],
      ['qualitative', '-', '-'],
    ]);
    const years = parsedOk(text).warnings.filter((warning) => warning.code === 'figure-looks-like-year');
    // Nothing said of the cell itself: a regeneration keeps what a kept row's cell holds, typed or not.
    expect(years.map((warning) => renderMessage(warning.code, warning.params).replace(/\u00a0/g, ' '))).toEqual([
      '« 2023 » sous « Référence » (fiche I1), critère « Nombre de places » : lu comme une année, ce nombre ' +
        'n’est pas repris dans le classeur. Si c’est bien la référence du critère, saisissez-le dans la cellule ' +
        '« Référence » de sa ligne.',
      '« 1990 » sous « Référence » (fiche I1), critère « Nombre d’heures d’accueil » : lu comme une année, ce ' +
        'nombre n’est pas repris dans le classeur. Si c’est bien la référence du critère, saisissez-le dans la ' +
        'cellule « Référence » de sa ligne.',
      '« 2027 » sous « Cible » (fiche I1), critère « Nombre de séances » : lu comme une année, ce nombre n’est ' +
        'pas repris dans le classeur. Si c’est bien la cible du critère, saisissez-le dans la cellule « Cible » de ' +
        'sa ligne.',
    ]);
    expect(years.map((warning) => warning.line)).toEqual(
      ['Nombre de places\t2023', 'Nombre d’heures d’accueil\t1990', 'Nombre de séances\t12'].map(
        (row) => text.split('\n').findIndex((line) => line.startsWith(row)) + 1,
      ),
    );
  });

  test('under a header that names its year, or of a qualitative criterion, is a figure, and nothing is said', () => {
    const text = withQuantitative([
      'Indicateur\tRéférence 2023\tCible 2030 (en nombre)',
      'Nombre de places\t2023\t2030',
    ]);
    expect(figures(text)).toEqual([
      ['quantitative', 2023, 2030],
      ['qualitative', '-', '-'],
    ]);
    const qualitative = replaceOnce(
      smallConvention,
      'Critères qualitatifs :\n- Satisfaction des familles\n\nII) Jeunesse',
      'Critères qualitatifs :\nIndicateur\tRéférence\tCible\nSatisfaction des familles\t2023\t4\n\nII) Jeunesse',
    );
    for (const read of [text, qualitative])
      expect(codes(parsedOk(read).warnings)).not.toContain('figure-looks-like-year');
  });

  test('under a header that names its unit, is an amount of that unit, and nothing is said', () => {
    const text = withQuantitative([
      'Indicateur\tRéférence (en nombre)\tCible (heures)',
      'Nombre d’heures d’accueil\t1995\t2000',
    ]);
    expect(figures(text)).toEqual([
      ['quantitative', 1995, 2000],
      ['qualitative', '-', '-'],
    ]);
    expect(codes(parsedOk(text).warnings)).not.toContain('figure-looks-like-year');
  });
});

describe('the criteria kinds named after any wording of « Critères »', () => {
  test.each([
    ["Critères d'évaluation quantitatifs :", "Critères d'évaluation qualitatifs :"],
    ["Indicateurs d'évaluation quantitatifs :", "Indicateurs d'évaluation qualitatifs :"],
    ['CRITERES D’EVALUATION QUANTITATIFS :', 'CRITERES D’EVALUATION QUALITATIFS :'],
  ])('« %s » and « %s » are the quantitative and qualitative criteria', (quantitativeLabel, qualitativeLabel) => {
    const text = smallConvention
      .replace(/^Critères quantitatifs :$/gm, quantitativeLabel)
      .replace(/^Critères qualitatifs :$/gm, qualitativeLabel);
    expect(text).toContain(quantitativeLabel);
    const { plan, warnings } = parsedOk(text);
    expect(ficheByKey(plan, 'I1').criteria.map((criterion) => [criterion.kind, criterion.text])).toEqual([
      ['quantitative', 'Nombre de places ouvertes'],
      ['qualitative', 'Satisfaction des familles'],
    ]);
    expect(codes(warnings)).toEqual(codes(parsedOk(smallConvention).warnings));
  });
});

describe('the convention’s tables written between « | »', () => {
  /** `rows` of cells as a text table: each between « | », a rule under the first. */
  const piped = (rows: string[][]): string[] => {
    const lines = rows.map((row) => `| ${row.join(' | ')} |`);
    return [lines[0], `|${rows[0].map(() => '---').join('|')}|`, ...lines.slice(1)];
  };

  test('Annexe 2 is read as with tabs: its authority, its types (carried down) and its structures', () => {
    const tabbed = [
      'COMMUNE DE CHALAMONT\t',
      'TYPE DE STRUCTURE\tNOM ET ADRESSE DE LA STRUCTURE',
      'EAJE\tMulti-accueil Les Lutins, 01320 Chalamont',
      '\tMicro-crèche Les Petits Pas',
      'RPE\tRelais petite enfance de la Dombes, 01330 Villars-les-Dombes',
    ].join('\n');
    const text = replaceOnce(
      smallConvention,
      tabbed,
      [
        '| COMMUNE DE CHALAMONT | |',
        ...piped([
          ['TYPE DE STRUCTURE', 'NOM ET ADRESSE DE LA STRUCTURE'],
          ['EAJE', 'Multi-accueil Les Lutins, 01320 Chalamont'],
          ['', 'Micro-crèche Les Petits Pas'],
          ['RPE', 'Relais petite enfance de la Dombes, 01330 Villars-les-Dombes'],
        ]),
      ].join('\n'),
    );
    const facilities = (plan: ReturnType<typeof parsedOk>['plan']) =>
      plan.facilities.map((f) => [f.authority, f.type, f.name, f.commune]);
    expect(facilities(parsedOk(text).plan)).toEqual(facilities(parsedOk(smallConvention).plan));
    expect(parsedOk(text).plan.facilities).toHaveLength(3);
  });

  test('the AO table is read as with tabs', () => {
    const text = replaceOnce(
      smallConvention,
      'ANNEXE 5 –',
      [
        "Option : Tableau récapitulatif des compétences des autorités organisatrices des modes d'accueil :",
        '',
        ...piped([
          ['Nom de la Commune', "Nb d'habitants", 'Recenser', 'Informer', 'Planifier', 'Soutenir la qualité'],
          ['Chalamont', '2 500', ...Array(4).fill('☒ Exercée par la commune')],
        ]),
        '',
        'ANNEXE 5 –',
      ].join('\n'),
    );
    const { plan, warnings } = parsedOk(text);
    expect(plan.aoTable.map((row) => [row.name, row.population, Object.values(row.competences)])).toEqual([
      ['Chalamont', 2500, ['commune', 'commune', 'commune', 'commune']],
    ]);
    expect(codes(warnings)).not.toContain('ao-table-unreadable');
  });
});
