import { codes, ficheByKey, parsedOk, replaceOnce } from './seed-helpers';
import { smallConvention } from './small-convention';

/**
 * Criteria written as a table (a Word table exported with tabs, or a text table with « | »): a row is a criterion,
 * its first cell the criterion and the others, named by the header row, its baseline and target — what a reader
 * sees in the row, kept in the criterion's text.
 */

/** The small convention with fiche I1's quantitative criteria written as `rows`. */
function withQuantitative(rows: string[]): string {
  const text = smallConvention.replace(
    /(Réf de la fiche action : I1[\s\S]*?Critères quantitatifs :\n)- Nombre de places ouvertes\n/,
    (_, before: string) => `${before}${rows.join('\n')}\n`,
  );
  expect(text).not.toBe(smallConvention);
  return text;
}

const quantitative = (text: string) =>
  ficheByKey(parsedOk(text).plan, 'I1')
    .criteria.filter((criterion) => criterion.kind === 'quantitative')
    .map((criterion) => criterion.text);

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
