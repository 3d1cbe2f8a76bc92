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
