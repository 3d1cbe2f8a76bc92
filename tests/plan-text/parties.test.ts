import { codes, ficheByKey, parsedOk, replaceOnce } from './seed-helpers';
import { smallConvention } from './small-convention';

/** The EPCI among the parties, whatever its kind: its name, and its short name as a fiche's territory. */

const CCD_PARTY = '- La Communauté de communes de la Dombes (CCD) représentée par son président';

describe('the EPCI among the parties', () => {
  test.each([
    [
      'La',
      'Communauté intercommunale des Villes Solidaires (CIVIS)',
      'Communauté intercommunale des Villes Solidaires',
      'CIVIS',
    ],
    [
      'La',
      'Communauté Intercommunale du Nord de La Réunion (CINOR)',
      'Communauté Intercommunale du Nord de La Réunion',
      'CINOR',
    ],
    [
      'L’',
      'Établissement public territorial Est Ensemble (EPT)',
      'Établissement public territorial Est Ensemble',
      'EPT',
    ],
  ])('« %s %s » is the EPCI, its short name a territory of its own', (article, written, epci, short) => {
    const text = replaceOnce(
      smallConvention.replace(/Chalamont; CCD/g, `Chalamont; ${short}`).replace(/: CCD$/gm, `: ${short}`),
      CCD_PARTY,
      `- ${article}${article.endsWith('’') ? '' : ' '}${written} représentée par son président`,
    );
    const { plan, warnings } = parsedOk(text);
    expect(plan.parties.epci).toBe(epci);
    expect(plan.parties.epciShortName).toBe(short);
    expect(plan.territory).toBe(epci);
    expect(ficheByKey(plan, 'I1').territories).toEqual(['Chalamont', short]);
    expect(codes(warnings)).not.toContain('epci-not-found');
    expect(codes(warnings)).not.toContain('unknown-territory');
  });
});

describe('the communes among the parties', () => {
  const COMMUNE_PARTIES =
    '- la commune de CHALAMONT représentée par son maire\n- la commune de VILLARS-LES-DOMBES représentée par son maire';

  test.each([
    '- Les communes de CHALAMONT et VILLARS-LES-DOMBES, représentées par leurs maires ;',
    '- les communes de Chalamont, Villars-les-Dombes, représentées par leurs maires',
    '- Les communes membres : CHALAMONT, VILLARS-LES-DOMBES ;',
  ])('« %s » names the communes, the fiches’ territories theirs', (written) => {
    const { plan, warnings } = parsedOk(replaceOnce(smallConvention, COMMUNE_PARTIES, written));
    expect(plan.parties.communes.map((commune) => commune.name.toLowerCase())).toEqual([
      'chalamont',
      'villars-les-dombes',
    ]);
    expect(codes(warnings)).not.toContain('no-commune');
    expect(codes(warnings)).not.toContain('unknown-territory');
  });

  test.each([
    ['- Communes : BOURG ET COMIN, VAILLY, SOUPIR', ['BOURG ET COMIN', 'VAILLY', 'SOUPIR']],
    ['- Communes: BOURG ET COMIN, VAILLY et SOUPIR ;', ['BOURG ET COMIN', 'VAILLY', 'SOUPIR']],
    [
      '- Les communes de SAINT JEAN ET SAINT PAUL, Bourg-et-Comin et VAILLY, représentées par leurs maires',
      ['SAINT JEAN ET SAINT PAUL', 'Bourg-et-Comin', 'VAILLY'],
    ],
    ['- Les communes de BOURG ET COMIN et VAILLY, représentées par leurs maires', ['BOURG ET COMIN', 'VAILLY']],
    [
      '- Les communes membres : Saint Jean et Saint Paul, Vailly, Soupir et Chavonne ;',
      ['Saint Jean et Saint Paul', 'Vailly', 'Soupir', 'Chavonne'],
    ],
    ['- Les communes de Vailly et Soupir, représentées par leurs maires', ['Vailly', 'Soupir']],
    // No space after the commas, as a hasty export writes them.
    ['- Les communes de Vailly,Soupir et Chavonne,représentées par leurs maires', ['Vailly', 'Soupir', 'Chavonne']],
  ])('« %s » names its communes whole, « et » parting only the last', (written, names) => {
    const { plan } = parsedOk(replaceOnce(smallConvention, COMMUNE_PARTIES, written));
    expect(plan.parties.communes.map((commune) => commune.name)).toEqual(names);
  });

  test('« la Communauté de communes de la Dombes » and « les communes représentées » name no commune', () => {
    const text = replaceOnce(
      smallConvention,
      COMMUNE_PARTIES,
      '- la commune de CHALAMONT représentée par son maire\n- les communes représentées par leurs maires ;\n' +
        '- la commune de VILLARS-LES-DOMBES représentée par son maire',
    );
    expect(parsedOk(text).plan.parties.communes.map((commune) => commune.name)).toEqual([
      'Chalamont',
      'VILLARS-LES-DOMBES',
    ]);
  });

  test.each([
    '- les communes signataires, représentées par leurs maires ;',
    '- les communes membres, représentées par leurs maires ;',
    '- les communes suivantes, représentées par leurs maires :',
  ])('« %s », which lists none on its line, names no commune', (written) => {
    const text = replaceOnce(
      smallConvention,
      COMMUNE_PARTIES,
      `- la commune de CHALAMONT représentée par son maire\n${written}\n` +
        '- la commune de VILLARS-LES-DOMBES représentée par son maire',
    );
    expect(parsedOk(text).plan.parties.communes.map((commune) => commune.name)).toEqual([
      'Chalamont',
      'VILLARS-LES-DOMBES',
    ]);
  });
});
