import { recipientsOfRow, type RecipientParties } from '../../src/domain/recipients';
import { codes, ficheByKey, parsedOk, replaceOnce } from './seed-helpers';
import { smallConvention } from './small-convention';

/**
 * A fiche's territory written as the whole territory without naming the EPCI — « Ensemble du territoire », « Toutes les
 * communes », « Territoire intercommunal », « L'ensemble des communes de la CCD » — is the whole EPCI: kept as written,
 * no warning, and a mairie fiche on it goes to every commune, as one on « CCD » does.
 */

const withTerritories = (value: string): string =>
  replaceOnce(
    smallConvention,
    "Porteur de l'action : CCD\nTerritoire(s) cible(s) : Chalamont; CCD\nChamp(s) d'intervention(s) : Besoin de garde\nContexte de l'action :\n\nLes assistantes",
    `Porteur de l'action : Mairie (s)\nTerritoire(s) cible(s) : ${value}\nChamp(s) d'intervention(s) : Besoin de garde\nContexte de l'action :\n\nLes assistantes`,
  );

const WHOLE = [
  'Ensemble du territoire',
  "L'ensemble du territoire",
  'ENSEMBLE DU TERRITOIRE DE LA CCD',
  'Tout le territoire',
  'Toutes les communes',
  "L'ensemble des communes de la Communauté de communes de la Dombes",
  'Territoire intercommunal',
  'Intercommunalité',
  'Toutes les communes du territoire',
  'Ensemble du territoire CTG',
];

describe('a territory that is the whole EPCI without naming it', () => {
  test.each(WHOLE)(
    '« %s » is kept as written, without a warning, and sends a mairie fiche to every commune',
    (value) => {
      const { plan, warnings } = parsedOk(withTerritories(value));
      const fiche = ficheByKey(plan, 'I1');
      expect(fiche.territories).toEqual([value]);
      expect(codes(warnings)).not.toContain('unknown-territory');
      const parties: RecipientParties = plan.parties;
      const communes = recipientsOfRow(
        { key: fiche.key, carriers: fiche.carriers, territories: fiche.territories, partners: '' },
        parties,
      ).filter((recipient) => recipient.kind === 'commune');
      expect(communes.map((recipient) => recipient.name)).toEqual(plan.parties.communes.map((commune) => commune.name));
    },
  );

  test('the whole territory of a commune, or of another body, is no whole EPCI: reported as before', () => {
    const { plan, warnings } = parsedOk(withTerritories('Ensemble du territoire de Marlieux; Tout le département'));
    expect(ficheByKey(plan, 'I1').territories).toEqual(['Ensemble du territoire de Marlieux', 'Tout le département']);
    expect(warnings.filter((w) => w.code === 'unknown-territory').map((w) => w.params.territory)).toEqual([
      'Ensemble du territoire de Marlieux',
      'Tout le département',
    ]);
  });
});
