import { codes, ficheByKey, parsedOk, replaceOnce } from './seed-helpers';
import { smallConvention } from './small-convention';

/**
 * A territory with a detail in brackets, « Chalamont (quartier de la gare, hameau des Bruyères) »: the commune, its
 * detail kept after its name; commas and « ; » inside the brackets part nothing.
 */

const withTerritories = (value: string): string =>
  replaceOnce(
    smallConvention,
    "Porteur de l'action : CCD\nTerritoire(s) cible(s) : Chalamont; CCD\nChamp(s) d'intervention(s) : Besoin de garde\nContexte de l'action :\n\nLes assistantes",
    `Porteur de l'action : CCD\nTerritoire(s) cible(s) : ${value}\nChamp(s) d'intervention(s) : Besoin de garde\nContexte de l'action :\n\nLes assistantes`,
  );

describe('a territory with a detail in brackets', () => {
  test('commas and « ; » in the brackets part nothing; the commune is recognised, its detail kept', () => {
    const text = withTerritories(
      'chalamont (quartier de la gare, hameau des Bruyères; écarts), Villars-les-Dombes (centre-bourg)',
    );
    const { plan, warnings } = parsedOk(text);
    expect(ficheByKey(plan, 'I1').territories).toEqual([
      'Chalamont (quartier de la gare, hameau des Bruyères; écarts)',
      'Villars-les-Dombes (centre-bourg)',
    ]);
    expect(codes(warnings)).not.toContain('unknown-territory');
    expect(codes(warnings)).not.toContain('commune-spelling');
  });

  test('the EPCI with a detail is the EPCI, its detail kept', () => {
    const { plan, warnings } = parsedOk(withTerritories('CCD (toutes les communes)'));
    expect(ficheByKey(plan, 'I1').territories).toEqual(['CCD (toutes les communes)']);
    expect(codes(warnings)).not.toContain('unknown-territory');
  });

  test('an unknown place with a detail is reported whole', () => {
    const { plan, warnings } = parsedOk(withTerritories('Chalamont; Marlieux (hameau, écarts)'));
    expect(ficheByKey(plan, 'I1').territories).toEqual(['Chalamont', 'Marlieux (hameau, écarts)']);
    expect(warnings.filter((w) => w.code === 'unknown-territory').map((w) => w.params.territory)).toEqual([
      'Marlieux (hameau, écarts)',
    ]);
  });
});

describe('a commune named as a body', () => {
  test('« Commune de Chalamont », « Ville de Villars-les-Dombes », « Mairie de Chalamont » are the communes', () => {
    const text = withTerritories('Commune de Chalamont; Ville de Villars-les-Dombes; Mairie de CHALAMONT');
    const { plan, warnings } = parsedOk(text);
    expect(ficheByKey(plan, 'I1').territories).toEqual(['Chalamont', 'Villars-les-Dombes', 'Chalamont']);
    expect(codes(warnings)).not.toContain('unknown-territory');
  });

  test('« Ville de » before no commune of the convention is reported whole', () => {
    const { plan, warnings } = parsedOk(withTerritories('Chalamont; Ville de Bourg-en-Bresse'));
    expect(ficheByKey(plan, 'I1').territories).toEqual(['Chalamont', 'Ville de Bourg-en-Bresse']);
    expect(warnings.filter((w) => w.code === 'unknown-territory').map((w) => w.params.territory)).toEqual([
      'Ville de Bourg-en-Bresse',
    ]);
  });
});
