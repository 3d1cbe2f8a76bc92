import { renderMessage } from '../../src/domain/messages';
import { codes, ficheByKey, parsedOk, replaceOnce } from './seed-helpers';
import { smallConvention, withQuantitative } from './small-convention';

/**
 * The Unité a criteria table gives its quantitative criteria (docs/DOMAIN.md, « The plan »): the unit its Référence
 * and Cible columns' headers name in brackets, or their cells' sign, as a person would type it in the workbook's
 * `Unité` cell.
 */

/** Fiche I1's criteria with the unit the plan gives them (`-` where it gives none). */
const units = (rows: string[]) =>
  ficheByKey(parsedOk(withQuantitative(rows)).plan, 'I1').criteria.map((criterion) => [
    criterion.kind,
    criterion.unit ?? '-',
  ]);

describe('the Unité a criteria table gives', () => {
  test.each([
    ['Cible (en %)', '%'],
    ['Cible 2030 (%)', '%'],
    ['Valeur cible (en pourcentage)', '%'],
    ['Objectif (en euros)', '€'],
    ['Cible fin 2029 (€)', '€'],
    ['Référence (en nombre)', 'nombre'],
    ['OBJECTIF (EN NOMBRE)', 'nombre'],
    ['Cible (nb)', 'nombre'],
    ['Cible (en volume)', 'nombre'],
    ['Cible (nombre de familles)', 'familles'],
    ['Cible (nombre d’heures d’accueil)', 'heures'],
    ['Cible (nombre de publics)', 'nombre'],
    ['Cible (en places)', 'places'],
    ['Cible (places d’accueil)', 'places'],
    ['Objectif (bénéficiaires)', 'bénéficiaires'],
    ['Objectif (BENEFICIAIRES)', 'bénéficiaires'],
    ['Cible 2030 (en séances)', 'séances'],
    ['Cible (heures)', 'heures'],
    ['Cible (jours)', 'jours'],
    ['Objectif (exprimé en familles)', 'familles'],
    // A count of more than one thing the list has is a count: naming one of them would be wrong.
    ['Cible (nombre de parents et d’enfants)', 'nombre'],
    ['Cible (nombre de familles ou de jeunes)', 'nombre'],
    ['Cible (nombre de familles / enfants)', 'nombre'],
    ['Cible (nombre de jeunes parents)', 'nombre'],
    ['Cible (nombre d’heures d’accueil des enfants)', 'heures'],
    ['Cible (nombre de places pour les familles)', 'places'],
  ])('« %s » over a criterion gives it « %s »', (header, unit) => {
    expect(units([`Indicateur\t${header}`, 'Nombre d’accueils\t40'])).toEqual([
      ['quantitative', unit],
      ['qualitative', '-'],
    ]);
  });

  test('the unit of both columns, or of the one that names it, and the sign of a plain number in the cell', () => {
    expect(
      units([
        'Indicateur\tRéférence (en %)\tCible 2029 (%)',
        'Taux d’occupation\t60\t80 %',
        'Taux de couverture\tnon connu\t',
      ]),
    ).toEqual([
      ['quantitative', '%'],
      ['quantitative', '%'],
      ['qualitative', '-'],
    ]);
    expect(
      units([
        'Indicateur\tRéférence 2023\tCible 2029',
        'Taux d’occupation\t60 %\t80 %',
        'Montant des aides\t\t15 000 €',
        'Nombre de places\t310\t430',
        'Part des familles\t+10 %\t',
      ]),
    ).toEqual([
      ['quantitative', '%'],
      ['quantitative', '€'],
      ['quantitative', '-'],
      ['quantitative', '-'],
      ['qualitative', '-'],
    ]);
  });

  test('a column whose cell in the row holds words gives its unit; an empty cell says nothing of the row', () => {
    expect(
      units([
        'Indicateur\tRéférence\tCible (en places)',
        'Nombre de places\t310\tà définir',
        'Nombre de séances\t12\t',
        'Nombre de familles\t\t',
      ]),
    ).toEqual([
      ['quantitative', 'places'],
      ['quantitative', '-'],
      ['quantitative', '-'],
      ['qualitative', '-'],
    ]);
  });

  test('a cell that says its column is not the row’s (« - », « / », « sans objet ») says nothing of its unit', () => {
    expect(
      units([
        'Indicateur\tRéférence\tCible (en %)',
        'Nombre de places\t310\t-',
        'Nombre de séances\t12\t/',
        'Nombre d’ateliers\t8\tSans objet',
        'Nombre de familles\t40\t—',
        'Nombre de jeunes\t25\tn/a',
        'Taux d’occupation\tSO\t80',
      ]),
    ).toEqual([
      ['quantitative', '-'],
      ['quantitative', '-'],
      ['quantitative', '-'],
      ['quantitative', '-'],
      ['quantitative', '-'],
      ['quantitative', '%'],
      ['qualitative', '-'],
    ]);
  });

  test('a Unité column gives its cell, in the spelling of the headers’ units or as written', () => {
    expect(
      units([
        'Indicateur\tUnité\tRéférence 2024\tCible 2029',
        'Nombre de places\tplaces\t310\t430',
        'Taux d’occupation\t%\t72\t85',
        'Montant des aides\tEuros\t\t15 000 €',
        'Nombre de familles\tnombre de familles\t\t',
        'Temps d’ouverture\theures / semaine\t\t40',
        'Nombre de séances\t-\t12\t',
        'Part des familles\tnombre\t\t45 %',
        'Taux de couverture\tpart des familles allocataires du territoire\t38\t',
      ]),
    ).toEqual([
      ['quantitative', 'places'],
      ['quantitative', '%'],
      ['quantitative', '€'],
      ['quantitative', 'familles'],
      ['quantitative', 'heures / semaine'],
      ['quantitative', '-'],
      // Two units said, and one longer than an Unité holds: the officer's to write.
      ['quantitative', '-'],
      ['quantitative', '-'],
      ['qualitative', '-'],
    ]);
  });

  test('a table of two columns, « Indicateur⇥Unité »: a criterion a row with its unit, the header none', () => {
    const text = withQuantitative([
      'Indicateur\tUnité',
      'Nombre de familles accueillies\tfamilles',
      'Taux d’occupation\t%',
      'Montant des aides\tEuros',
      'Nombre de séances\t',
    ]);
    const { plan, warnings } = parsedOk(text);
    expect(ficheByKey(plan, 'I1').criteria.map((criterion) => [criterion.text, criterion.unit ?? '-'])).toEqual([
      ['Nombre de familles accueillies (Unité : familles)', 'familles'],
      ['Taux d’occupation (Unité : %)', '%'],
      ['Montant des aides (Unité : Euros)', '€'],
      ['Nombre de séances', '-'],
      ['Satisfaction des familles', '-'],
    ]);
    expect(codes(warnings)).toEqual(codes(parsedOk(smallConvention).warnings));
    // Exported from a Word table: the label's cell, then the header, then rows under an empty label cell.
    const cells = replaceOnce(
      smallConvention,
      'Critères quantitatifs :\n- Nombre de places ouvertes\nCritères qualitatifs :\n- Satisfaction des familles\n\nII)',
      'Critères quantitatifs\tIndicateurs\tUnités\n\tNombre de familles accueillies\tfamilles\n' +
        '\tNombre d’heures d’ouverture\theures / semaine\nCritères qualitatifs\t- Satisfaction des familles\n\nII)',
    );
    expect(
      ficheByKey(parsedOk(cells).plan, 'I1').criteria.map((criterion) => [criterion.text, criterion.unit ?? '-']),
    ).toEqual([
      ['Nombre de familles accueillies (Unités : familles)', 'familles'],
      ['Nombre d’heures d’ouverture (Unités : heures / semaine)', 'heures / semaine'],
      ['Satisfaction des familles', '-'],
    ]);
  });

  test('« Indicateur⇥Unité » without its header line: its first row is a criterion all the same', () => {
    const text = withQuantitative(['Nombre de familles accueillies\tfamilles', 'Taux d’occupation\t%']);
    const { plan, warnings } = parsedOk(text);
    expect(ficheByKey(plan, 'I1').criteria.map((criterion) => criterion.text)).toEqual([
      'Nombre de familles accueillies (familles)',
      'Taux d’occupation (%)',
      'Satisfaction des familles',
    ]);
    expect(codes(warnings)).toEqual(codes(parsedOk(smallConvention).warnings));
  });

  test('a number in a Unité cell is no unit: not taken, and said at its row', () => {
    const text = withQuantitative([
      'Indicateur\tUnité',
      'Nombre de familles accueillies\t40',
      'Taux d’occupation\t80 %',
      'Nombre de séances\tséances',
    ]);
    const { plan, warnings } = parsedOk(text);
    expect(ficheByKey(plan, 'I1').criteria.map((criterion) => criterion.unit ?? '-')).toEqual([
      '-',
      '-',
      'séances',
      '-',
    ]);
    const said = warnings.filter((warning) => warning.code === 'unit-looks-like-number');
    expect(said.map((warning) => renderMessage(warning.code, warning.params).replace(/\u00a0/g, ' '))).toEqual([
      '« 40 » sous « Unité » (fiche I1), critère « Nombre de familles accueillies » : un nombre n’est pas une ' +
        'unité, il n’est pas repris dans le classeur. Si c’est la référence ou la cible du critère, saisissez-le ' +
        'dans la cellule « Référence » ou « Cible » de sa ligne, et son unité dans la cellule « Unité ».',
      '« 80 % » sous « Unité » (fiche I1), critère « Taux d’occupation » : un nombre n’est pas une unité, il ' +
        'n’est pas repris dans le classeur. Si c’est la référence ou la cible du critère, saisissez-le dans la ' +
        'cellule « Référence » ou « Cible » de sa ligne, et son unité dans la cellule « Unité ».',
    ]);
    expect(said.map((warning) => warning.line)).toEqual(
      ['Nombre de familles accueillies\t', 'Taux d’occupation\t'].map(
        (row) => text.split('\n').findIndex((line) => line.startsWith(row)) + 1,
      ),
    );
  });

  test('a unit written with a number in it is a unit all the same, taken without a word', () => {
    const text = withQuantitative([
      'Indicateur\tUnité',
      'Surface des locaux\tm²',
      'Familles reçues\t1er accueil',
      'Taux d’équipement\tplaces pour 1 000 enfants',
      'Permanences\t24 h / 24',
      'Volume d’eau\tm3',
    ]);
    const { plan, warnings } = parsedOk(text);
    expect(ficheByKey(plan, 'I1').criteria.map((criterion) => criterion.unit ?? '-')).toEqual([
      'm²',
      '1er accueil',
      'places pour 1 000 enfants',
      '24 h / 24',
      'm3',
      '-',
    ]);
    expect(codes(warnings)).toEqual(codes(parsedOk(smallConvention).warnings));
  });

  test('two units in a row, from two headers or a header and a sign, give none: the officer says which', () => {
    expect(
      units([
        'Indicateur\tRéférence (en nombre)\tCible (en %)\tCible (en places)',
        'Taux de couverture\t38\t45\t',
        'Taux d’occupation\t\t80\t',
        'Nombre de places\t\t\t30',
        'Nombre de familles\t120 €\t\t',
      ]),
    ).toEqual([
      ['quantitative', '-'],
      ['quantitative', '%'],
      ['quantitative', 'places'],
      ['quantitative', '-'],
      ['qualitative', '-'],
    ]);
  });

  test('brackets that name no unit, a column that names no figure, and a qualitative criterion give none', () => {
    expect(
      units(['Indicateur\tRéférence (année)\tRéalisé 2024 (en %)\tCible (publics)', 'Nombre de places\t2023\t40\t45']),
    ).toEqual([
      ['quantitative', '-'],
      ['qualitative', '-'],
    ]);
    const qualitative = replaceOnce(
      smallConvention,
      'Critères qualitatifs :\n- Satisfaction des familles\n\nII) Jeunesse',
      'Critères qualitatifs :\nIndicateur\tCible (en %)\nSatisfaction des familles\t80\n\nII) Jeunesse',
    );
    expect(ficheByKey(parsedOk(qualitative).plan, 'I1').criteria.map((criterion) => criterion.unit)).toEqual([
      undefined,
      undefined,
    ]);
  });
});
