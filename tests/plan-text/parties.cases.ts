import { renderMessage } from '../../src/domain/messages';
import { codes, ficheByKey, fiches, parsedOk, replaceOnce } from './seed-helpers';
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

describe('the EPCI named before its kind, or its short name between dashes', () => {
  test.each([
    ['- Dombes Agglo (CCD), communauté d’agglomération, représentée par son président', 'Dombes Agglo'],
    [
      '- La Communauté de communes de la Dombes - CCD - représentée par son président',
      'Communauté de communes de la Dombes',
    ],
  ])('« %s » is the EPCI « %s », CCD its short name', (written, epci) => {
    const { plan, warnings } = parsedOk(replaceOnce(smallConvention, CCD_PARTY, written));
    expect([plan.parties.epci, plan.parties.epciShortName, plan.territory]).toEqual([epci, 'CCD', epci]);
    expect(codes(warnings)).not.toContain('epci-not-found');
    expect(codes(warnings)).not.toContain('unknown-territory');
  });

  test.each([
    '- La Communauté de communes, établissement public de coopération intercommunale, et ses communes membres ;',
    '- La Communauté de communes, ci-après dénommée la CCD, représentée par son président ;',
  ])('the words after « communauté de communes, » on a line before the EPCI’s are no name: « %s »', (written) => {
    const { plan } = parsedOk(replaceOnce(smallConvention, CCD_PARTY, `${written}\n${CCD_PARTY}`));
    const epci = 'Communauté de communes de la Dombes';
    expect([plan.parties.epci, plan.parties.epciShortName, plan.territory]).toEqual([epci, 'CCD', epci]);
  });
});

describe('the EPCI whose name ends with its kind, as métropoles are named (« Bordeaux Métropole »)', () => {
  test.each([
    ['- Bordeaux Métropole, représentée par son président', 'Bordeaux Métropole', ''],
    ['- Saint-Étienne Métropole (SEM), représentée par son président', 'Saint-Étienne Métropole', 'SEM'],
    ['- Grand Besançon Métropole représentée par sa présidente', 'Grand Besançon Métropole', ''],
    ['- Le Mans Métropole, représentée par son président', 'Le Mans Métropole', ''],
    ['- Bordeaux Métropole\nreprésentée par son président', 'Bordeaux Métropole', ''],
    [
      '- Monts de la Dombes Communauté de communes (CCD)\nreprésentée par son président',
      'Monts de la Dombes Communauté de communes',
      'CCD',
    ],
  ])('« %s » is the EPCI « %s », found by its kind', (written, epci, short) => {
    const territory = short || epci;
    const text = replaceOnce(
      smallConvention.replace(/Chalamont; CCD/g, `Chalamont; ${territory}`).replace(/: CCD$/gm, `: ${territory}`),
      CCD_PARTY,
      written,
    );
    const { plan, warnings } = parsedOk(text);
    expect([plan.parties.epci, plan.parties.epciShortName, plan.territory]).toEqual([epci, short, epci]);
    expect(codes(warnings)).not.toContain('epci-not-found');
    expect(codes(warnings)).not.toContain('epci-without-kind');
    expect(codes(warnings)).not.toContain('unknown-territory');
  });

  test('nor a list of communes, nor the title, named before a métropole are its name', () => {
    const { plan } = parsedOk(
      replaceOnce(
        smallConvention,
        CCD_PARTY,
        `${CCD_PARTY}\n- Les communes membres de Bordeaux Métropole, représentées par leurs maires`,
      ),
    );
    expect(plan.parties.epci).toBe('Communauté de communes de la Dombes');
    const alone = parsedOk(
      replaceOnce(smallConvention, CCD_PARTY, '- Les communes et Bordeaux Métropole, représentées par leurs maires'),
    );
    expect(alone.plan.parties.epci).toBe('');
    // The title, which no one represents, is no party.
    const titled = parsedOk(
      replaceOnce(
        smallConvention,
        'CONVENTION TERRITORIALE GLOBALE',
        'CONVENTION TERRITORIALE GLOBALE DE BORDEAUX MÉTROPOLE, 2026-2029',
      ).replace(CCD_PARTY, '- Bordeaux Métropole, représentée par son président'),
    );
    expect(titled.plan.parties.epci).toBe('Bordeaux Métropole');
  });
});

describe('the EPCI written without its kind (« Grand Lac », « Le Grand Annecy »)', () => {
  /** The small convention with the EPCI's party line replaced by `party`, its short name CCD in the fiches by `short`. */
  const withParty = (party: string, short: string) =>
    replaceOnce(
      smallConvention.replace(/Chalamont; CCD/g, `Chalamont; ${short}`).replace(/: CCD$/gm, `: ${short}`),
      CCD_PARTY,
      party,
    );
  const shown = (warnings: ReturnType<typeof parsedOk>['warnings']) =>
    warnings
      .filter((w) => w.code === 'epci-without-kind')
      .map((w) => `${w.line} ${renderMessage('epci-without-kind', w.params).replace(/\u00A0/g, ' ')}`);

  /** The warning as the officer reads it: what the one party is not, as the reader passes those over. */
  const toldWithoutKind = (epci: string) =>
    `L’EPCI signataire est lu sans sa nature (communauté de communes, d’agglomération…) : « ${epci} », la seule ` +
    'partie représentée par son président qui ne soit ni la Caf, ni une commune, ni un organisme d’une autre nature ' +
    '(Département, Région, MSA, CCAS, syndicat, association…). Vérifiez-le ; si ce n’est pas l’EPCI, écrivez dans ' +
    'les parties la nature de l’EPCI devant son nom (« Communauté d’agglomération … »), puis relisez le plan.';

  test.each([
    [
      '- Grand Lac, représenté par sa présidente, dûment habilitée par délibération du conseil communautaire ;',
      'Grand Lac',
      'Grand Lac',
      '',
    ],
    ['- Le Grand Annecy (GA)\nreprésenté par Monsieur Jean DUPONT, Président', 'GA', 'Grand Annecy', 'GA'],
    [
      '- L’Agglo du Pays de Dreux représentée par son président',
      'Agglo du Pays de Dreux',
      'Agglo du Pays de Dreux',
      '',
    ],
  ])(
    '« %s » is the EPCI, the one party but the Caf and the communes its président represents, said so',
    (party, short, epci, epciShort) => {
      const { plan, warnings } = parsedOk(withParty(party, short));
      expect([plan.parties.epci, plan.parties.epciShortName, plan.territory]).toEqual([epci, epciShort, epci]);
      expect(ficheByKey(plan, 'I1').territories).toEqual(['Chalamont', short]);
      expect(codes(warnings)).not.toContain('epci-not-found');
      expect(codes(warnings)).not.toContain('unknown-territory');
      expect(shown(warnings)).toEqual([`4 ${toldWithoutKind(epci)}`]);
    },
  );

  test('a Département or an MSA beside it, represented by their président too, are no EPCI', () => {
    const party = [
      "- Le Département de l'Ain, représenté par le président du conseil départemental",
      '- La Mutualité sociale agricole Ain-Rhône, représentée par son président',
      '- Grand Lac, représenté par son président',
    ].join('\n');
    const { plan, warnings } = parsedOk(withParty(party, 'Grand Lac'));
    expect(plan.parties.epci).toBe('Grand Lac');
    // Not « the one party its président represents »: the MSA's is too, which the warning must not deny.
    expect(shown(warnings)).toEqual([`6 ${toldWithoutKind('Grand Lac')}`]);
  });

  test('two parties that may each be it: none is taken, the EPCI not found as before', () => {
    const party = ['- Grand Lac, représenté par son président', '- Alpes Loisirs, représentée par son président'].join(
      '\n',
    );
    const { plan, warnings } = parsedOk(withParty(party, 'Grand Lac'));
    expect(plan.parties.epci).toBe('');
    expect(plan.territory).toBe('Chalamont');
    expect(codes(warnings)).toContain('epci-not-found');
    expect(codes(warnings)).not.toContain('epci-without-kind');
  });

  test('a line naming a kind of EPCI with no name is no EPCI without its kind', () => {
    const { plan, warnings } = parsedOk(
      withParty('- La Communauté d’agglomération, représentée par son président', 'Chalamont'),
    );
    expect(plan.parties.epci).toBe('');
    expect(codes(warnings)).toContain('epci-not-found');
    expect(codes(warnings)).not.toContain('epci-without-kind');
  });

  describe('a line that goes on with the Caf’s party, above its « représentée par », is no party', () => {
    const CAF_PARTY = "- La Caisse d'Allocations familiales de l'Ain, représentée par sa directrice ;";
    const cafOver = (second: string) =>
      [
        "- La Caisse d'Allocations familiales de l'Ain",
        second,
        'représentée par sa présidente, Madame Anne MARTIN, et par son directeur',
      ].join('\n');
    const seconds = [
      'Ci-après dénommée « la Caf »',
      'Dont le siège est situé 4 avenue de la Victoire à Bourg-en-Bresse',
    ];

    test.each(seconds)('« %s »: a convention without EPCI has none', (second) => {
      const { plan, warnings } = parsedOk(replaceOnce(withParty('', 'Chalamont'), CAF_PARTY, cafOver(second)));
      expect([plan.parties.caf, plan.parties.epci, plan.territory]).toEqual(["Caf de l'Ain", '', 'Chalamont']);
      expect(codes(warnings)).toContain('epci-not-found');
      expect(codes(warnings)).not.toContain('epci-without-kind');
    });

    test.each(seconds)('« %s »: the EPCI without its kind is still found', (second) => {
      const text = replaceOnce(
        withParty('- Grand Lac, représenté par son président', 'Grand Lac'),
        CAF_PARTY,
        cafOver(second),
      );
      const { plan, warnings } = parsedOk(text);
      expect([plan.parties.epci, plan.territory]).toEqual(['Grand Lac', 'Grand Lac']);
      expect(codes(warnings)).toContain('epci-without-kind');
    });
  });

  test.each([
    '- Familles Rurales de l’Ain, représentée par sa présidente',
    '- L’UDAF de l’Ain, représentée par son président',
    '- La Mission locale de la Dombes, représentée par son président',
    '- Le SIVU Enfance Jeunesse, représenté par son président',
    '- L’Office public de l’habitat de l’Ain, représenté par son président',
  ])('« %s », beside the EPCI without its kind, is no EPCI, nor without one', (other) => {
    const beside = parsedOk(withParty(`${other}\n- Grand Lac, représenté par son président`, 'Grand Lac'));
    expect(beside.plan.parties.epci).toBe('Grand Lac');
    const alone = parsedOk(withParty(other, 'Chalamont'));
    expect([alone.plan.parties.epci, alone.plan.territory]).toEqual(['', 'Chalamont']);
    expect(codes(alone.warnings)).toContain('epci-not-found');
  });

  test('a convention without EPCI, an MSA among its parties, has none', () => {
    const { plan, warnings } = parsedOk(
      withParty('- La Mutualité sociale agricole Ain-Rhône, représentée par son président', 'Chalamont'),
    );
    expect(plan.parties.epci).toBe('');
    expect(codes(warnings)).toContain('epci-not-found');
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

  describe('a list ending « X et Y »: one commune whose name holds « et », or two', () => {
    // Names written without their hyphens, as the seed writes its own (« SAINT GENEST MALIFAUX », « BOURG ARGENTAL »):
    // « Saint Jean et Saint Paul » may be Saint-Jean-et-Saint-Paul, or the list's last two communes.
    const LIST = '- Les communes de Vailly, Saint Jean et Saint Paul, représentées par leurs maires ;';
    const withList = (text: string) => replaceOnce(text, COMMUNE_PARTIES, LIST);
    const signing = (text: string, ...mayors: string[]) =>
      replaceOnce(
        text,
        'ARTICLE 10 : DUREE',
        [...mayors.map((name) => `Le Maire de ${name}`), '', 'ARTICLE 10 : DUREE'].join('\n'),
      );
    const communesOf = (text: string) => {
      const { plan, warnings } = parsedOk(text);
      const unknown = warnings.filter((warning) => warning.code === 'unknown-commune');
      return {
        communes: plan.parties.communes.map((commune) => commune.name),
        unknownCommunes: unknown.map((warning) => warning.params.name),
      };
    };

    test('one commune when the convention names it whole elsewhere: its mayor signs', () => {
      const { communes, unknownCommunes } = communesOf(
        signing(withList(smallConvention), 'VAILLY', 'SAINT JEAN ET SAINT PAUL'),
      );
      expect(communes).toEqual(['Vailly', 'Saint Jean et Saint Paul']);
      // Only the Annexe 2's Chalamont, no party now, is unknown: every mayor signs for a commune of the list.
      expect(unknownCommunes).toEqual(['CHALAMONT']);
    });

    test('one commune when a fiche names it as its territory', () => {
      const text = withList(smallConvention).replace(
        'Territoire(s) cible(s) : Chalamont; CCD',
        'Territoire(s) cible(s) : Saint-Jean-et-Saint-Paul; CCD',
      );
      const { plan, warnings } = parsedOk(text);
      expect(plan.parties.communes.map((commune) => commune.name)).toEqual(['Vailly', 'Saint-Jean-et-Saint-Paul']);
      expect(fiches(plan)[0].territories).toEqual(['Saint-Jean-et-Saint-Paul', 'CCD']);
      const unknown = warnings.filter((warning) => warning.code === 'unknown-territory');
      expect(unknown.map((warning) => warning.params.territory)).not.toContain('Saint-Jean-et-Saint-Paul');
    });

    test('two communes when each is named by itself, or when nothing names either: the list’s « et »', () => {
      expect(communesOf(signing(withList(smallConvention), 'VAILLY', 'SAINT JEAN', 'SAINT PAUL')).communes).toEqual([
        'Vailly',
        'Saint Jean',
        'Saint Paul',
      ]);
      expect(communesOf(withList(smallConvention)).communes).toEqual(['Vailly', 'Saint Jean', 'Saint Paul']);
    });

    test('two communes when each mayor signs, though a fiche names the two together as its territory', () => {
      const LIST_OF_TWO = '- Les communes de Vailly, Soupir et Chavonne, représentées par leurs maires ;';
      const text = signing(
        replaceOnce(smallConvention, COMMUNE_PARTIES, LIST_OF_TWO),
        'VAILLY',
        'SOUPIR',
        'CHAVONNE',
      ).replace('Territoire(s) cible(s) : Chalamont; CCD', 'Territoire(s) cible(s) : Soupir et Chavonne; CCD');
      const { communes, unknownCommunes } = communesOf(text);
      expect(communes).toEqual(['Vailly', 'Soupir', 'Chavonne']);
      expect(unknownCommunes).toEqual(['CHALAMONT']);
    });
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

describe('the Caf among the parties', () => {
  const CAF_PARTY = "- La Caisse d'Allocations familiales de l'Ain, représentée par sa directrice ;";
  test.each([
    [
      '- La Caisse d’allocations familiales (Caf) de la Haute-Savoie, représentée par son directeur,',
      'Caf de la Haute-Savoie',
    ],
    ['- La Caisse d’Allocations Familiales (CAF) du Rhône, représentée par sa directrice,', 'Caf du Rhône'],
    ['- La CAF du Rhône, représentée par sa directrice,', 'Caf du Rhône'],
    ['- La Caf de l’Isère, représentée par son directeur,', 'Caf de l’Isère'],
  ])('« %s » is the Caf « %s »', (written, caf) => {
    const { plan, warnings } = parsedOk(replaceOnce(smallConvention, CAF_PARTY, written));
    expect(plan.parties.caf).toBe(caf);
    expect(codes(warnings)).not.toContain('caf-not-found');
  });
});
