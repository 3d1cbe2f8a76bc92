import { inferAggregationRule, inferFrequency } from '../../src/domain/criterion-defaults';

describe('Fréquence inferred from a criterion’s wording', () => {
  test.each([
    ['Nombre de réunions par an', 'Annuelle'],
    ['Bilan annuel du RPE', 'Annuelle'],
    ['Montant des financements ANNUELS', 'Annuelle'],
    ['Taux de participation', 'Trimestrielle'],
    ['Nombre de participants par animation', 'Trimestrielle'],
    ['Nombre de familles accompagnées', 'Trimestrielle'],
  ])('"%s" → %s', (text, expected) => {
    expect(inferFrequency(text)).toBe(expected);
  });
});

describe('Règle d’agrégation inferred from a criterion’s wording and kind', () => {
  test.each([
    ['Nombre de participants', 'quantitative', 'Somme'],
    ['nombre de postes mutualisés', 'quantitative', 'Somme'],
    ['Le nombre de guides créés', 'quantitative', 'Somme'],
    ['Montant des subventions', 'quantitative', 'Somme'],
    ['Volume des financements mobilisés', 'quantitative', 'Somme'],
    ['Taux de satisfaction global', 'quantitative', 'Moyenne'],
    ['Taux de participation, Nombre de familles accompagnées', 'quantitative', 'Moyenne'],
    ["Évolution du nombre d'élèves inscrits", 'quantitative', 'Moyenne'],
    ['Evolution des effectifs', 'quantitative', 'Moyenne'],
    ['Part des familles orientées (%)', 'quantitative', 'Moyenne'],
    ['Statistiques RPE', 'quantitative', 'Somme'],
    ['Nombre de participants', 'qualitative', 'Médiane'],
    ['Satisfaction des usagers', 'qualitative', 'Médiane'],
  ] as const)('"%s" (%s) → %s', (text, kind, expected) => {
    expect(inferAggregationRule(text, kind)).toBe(expected);
  });
});
