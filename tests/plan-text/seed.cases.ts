import { renderMessage } from '../../src/domain/messages';
import { planSchema, planWarningSchema } from '../../src/domain/plan';
import { codes, ficheByKey, fiches, parsedOk, seedText } from './seed-helpers';

const { plan, warnings } = parsedOk(seedText);
const warningsOf = (code: string) => warnings.filter((w) => w.code === code);

describe('the Monts du Pilat 2026–2030 convention', () => {
  test('is a valid plan with its parties and period', () => {
    expect(planSchema.safeParse(plan).success).toBe(true);
    expect(plan.parties.caf).toBe('Caf de la Loire');
    expect(plan.parties.epci).toBe('Communauté de communes des Monts du Pilat');
    expect(plan.parties.epciShortName).toBe('CCMP');
    expect(plan.territory).toBe('Communauté de communes des Monts du Pilat');
    expect(plan.period).toEqual({ start: '2026-01-01', end: '2030-12-31' });
  });

  test('has 13 axes numbered 1..13 with their titles, two-line bold headings joined', () => {
    expect(plan.axes.map((axis) => axis.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(plan.axes[0].title).toBe('Accompagner les familles et renforcer la parentalité');
    expect(plan.axes[5].title).toBe('Renforcer la cohérence territoriale et la coordination entre partenaires');
    expect(plan.axes[10].title).toBe("Accompagner le bien-vieillir et la perte d'autonomie");
    expect(plan.axes[11].title).toBe('Promouvoir un habitat durable et un cadre de vie de qualité');
    expect(plan.axes[12].title).toBe("Développer l'accès à la culture, aux loisirs et à la lecture pour tous");
    // The OCR-like numbers "I)", "I 2)", "I 3)" are reported as read.
    expect(warningsOf('axis-number-noise').map((w) => [w.line, w.params.written, w.params.number])).toEqual([
      [593, 'I', 1],
      [2982, 'I 2', 12],
      [3102, 'I 3', 13],
    ]);
    // Article 4 titles match (a trailing dot, a curly apostrophe are not differences).
    expect(warningsOf('axis-title-mismatch')).toEqual([]);
  });

  test('takes the objectives of each axis from Article 4', () => {
    expect(plan.axes[0].objectives).toEqual([
      "Garantir une égalité d'accès à l'information et aux solutions d'accueil pour toutes les familles.",
      'Répondre aux besoins de garde des parents.',
      'Soutenir les parents dans leurs compétences éducatives et renforcer la confiance parent-professionnel.',
    ]);
    expect(plan.axes[1].objectives).toHaveLength(9);
    expect(plan.axes[12].objectives[3]).toBe('Soutenir les bénévoles des médiathèques et les associations.');
  });

  test('has 48 fiches, G1 … G47, in document order', () => {
    const all = fiches(plan);
    expect(all).toHaveLength(48);
    expect(all[0].key).toBe('G1');
    expect(all[all.length - 1].key).toBe('G47');
    expect(new Set(all.map((f) => f.key)).size).toBe(48);
    expect(plan.axes[4].fiches.map((f) => f.ref)).toEqual(['E8', 'G9', 'E16', 'E19', 'E22']);
    expect(warningsOf('duplicate-ref')).toEqual([]);
  });

  test('reads every field of G1 and its criteria with keys, empty bullets warned with their lines', () => {
    const g1 = ficheByKey(plan, 'G1');
    expect(g1).toMatchObject({
      ref: 'G1',
      title:
        'Garantir la pérennité et l\'évolution du fonctionnement de la ludothèque "tu joues" et du ludobus itinérant',
      interest: 'intérêt fort',
      methodology: 'Collective',
      publics: ['Global'],
      budget: 'A compléter',
      carriers: ['Mairie (s)', 'CCMP'],
      territories: ['CCMP'],
      fields: ['Culture et loisirs', 'Lien social et intergénérationnel', 'Soutien à la parentalité'],
      line: 595,
    });
    expect(g1.context).toMatch(/^La ludothèque et le ludobus itinérant sont des nouveaux services/);
    expect(g1.objectives).toHaveLength(5);
    expect(g1.criteria.map((c) => [c.key, c.text])).toEqual([
      ['G1-QN1', 'Nombre de permanences dans les communes'],
      ['G1-QN2', "Nombre d'animations, temps fort"],
      ['G1-QN3', 'Nombre de projets en partenariat formalisés et coconstruit'],
      ['G1-QN4', 'Taux de satisfaction global'],
      ['G1-QN5', 'nombre de temps de formation ou ateliers partagés pour les professionnels du territoire'],
      ['G1-QL1', 'satisfaction des usagers lors des permanences et prêt de jeux'],
      ['G1-QL2', 'satisfaction des professionnels et acteurs du réseau lors des temps partagés'],
      ['G1-QL3', 'satisfaction des usagers lors des temps fort'],
    ]);
    const empty = warningsOf('empty-bullet').filter((w) => w.params.ref === 'G1');
    expect(empty.map((w) => w.line)).toEqual([656, 657]);
    expect(renderMessage(empty[0].code, empty[0].params)).toBe(
      'Puce vide ignorée dans «\u00a0Critères qualitatifs\u00a0» (fiche G1).',
    );
  });

  test('reads a value glued to its label (F2) and titles that contain " : "', () => {
    const f2 = ficheByKey(plan, 'F2');
    expect(f2.fields).toEqual(['Soutien à la parentalité', 'Coordination et stratégie']);
    expect(f2.title).toBe("Renforcer l'accompagnement à la parentalité sur le territoire");
    expect(fiches(plan).map((f) => f.title)).toEqual(
      expect.arrayContaining([
        'Transport à la demande : ajuster, promouvoir et pérenniser le service',
        'Favoriser le bien vieillir : des lieux et des temps pour nos aînés',
        "Accompagner les jeunes adultes vers l'autonomie : accès aux droits et démarches administratives",
      ]),
    );
    expect(warningsOf('unknown-label')).toEqual([]);
    expect(warningsOf('missing-field')).toEqual([]);
    expect(warningsOf('missing-title')).toEqual([]);
  });

  test('keeps G47, after the AO block, in axis 13 with a warning', () => {
    expect(plan.axes[12].fiches.map((f) => f.key)).toEqual(['G24', 'G25', 'G26', 'G27', 'F48', 'G47']);
    const [warning] = warningsOf('fiche-after-other-block');
    expect(warning).toEqual({
      code: 'fiche-after-other-block',
      line: 3402,
      params: { ref: 'G47', axis: 13, blockLine: 3394 },
    });
    expect(renderMessage(warning.code, warning.params)).toContain('rangée dans l’axe 13');
    const g47 = ficheByKey(plan, 'G47');
    expect(g47.title).toBe('Gouvernance et animation de la CTG');
    expect(g47.context.split('\n')).toHaveLength(3);
    expect(g47.criteria.filter((c) => c.kind === 'quantitative')).toHaveLength(4);
    expect(
      warningsOf('empty-bullet')
        .filter((w) => w.params.ref === 'G47')
        .map((w) => w.line),
    ).toEqual([3458, 3465, 3466]);
  });

  test('lists the 16 communes with the spelling most used in the fiches', () => {
    expect(plan.parties.communes.map((c) => c.name)).toEqual([
      'Le Bessat',
      'Bourg-Argental',
      'Burdignes',
      'Colombier',
      'Graix',
      'Jonzieux',
      'Marlhès',
      'Planfoy',
      'Saint-Genest-Malifaux',
      'Saint-Julien-Molin-Molette',
      'Saint-Régis-du-Coin',
      'Saint-Romain-les-Atheux',
      'Saint-Sauveur-en-Rue',
      'Tarentaise',
      'Thélis-la-Combe',
      'La Versanne',
    ]);
    const marlhes = plan.parties.communes.find((c) => c.name === 'Marlhès')!;
    // "MARLHES" (parties) and "Marlhes" (fiches) differ only by case: one spelling, in its fiche form.
    expect(marlhes.spellings).toEqual(['Marlhès', 'Marlhes', 'Marllhes']);
    expect(plan.parties.communes.find((c) => c.name === 'Burdignes')!.spellings).toEqual(['Burdignes']);
    const genest = plan.parties.communes.find((c) => c.name === 'Saint-Genest-Malifaux')!;
    expect(genest.spellings).toEqual(['Saint-Genest-Malifaux', 'SAINT GENEST MALIFAUX', 'ST GENEST MALIFAUX']);
    expect(plan.parties.communes.find((c) => c.name === 'Le Bessat')!.spellings).toEqual(['Le Bessat', 'du BESSAT']);
    // Fiche territories are shown in display spelling.
    expect(ficheByKey(plan, 'S15').territories).toContain('Marlhès');
    expect(ficheByKey(plan, 'S15').territories).not.toContain('Marllhes');
  });

  test('reports Marlhes, Marllhes and TARENTEISE once per spelling with all their lines', () => {
    const about = (spelling: string) => warnings.filter((w) => w.params.spelling === spelling);
    expect(about('Marlhes')).toEqual([
      {
        code: 'commune-spelling',
        line: 29,
        // "MARLHES" of the parties, the signatures and Annexe 2 and "Marlhes" of the fiches: one spelling.
        params: { commune: 'Marlhès', spelling: 'Marlhes', lines: [29, 483, 553, 1351, 1473, 1591] },
      },
    ]);
    expect(about('Marllhes')).toEqual([
      { code: 'commune-near-miss', line: 2774, params: { commune: 'Marlhès', spelling: 'Marllhes', lines: [2774] } },
    ]);
    expect(about('TARENTEISE')).toEqual([
      {
        code: 'commune-near-miss',
        line: 50,
        params: { commune: 'Tarentaise', spelling: 'TARENTEISE', lines: [50, 498] },
      },
    ]);
    expect(renderMessage('commune-near-miss', about('TARENTEISE')[0].params)).toBe(
      '«\u00a0TARENTEISE\u00a0» (lignes 50, 498) est lu comme la commune «\u00a0Tarentaise\u00a0»\u00a0: vérifiez l’orthographe.',
    );
    // Signatures are read too, a wrapped one joined: "Le Maire de SAINT JULIEN MOLIN" / "MOLETTE".
    expect(about('SAINT JULIEN MOLIN MOLETTE')[0].params.lines).toEqual([38, 489]);
    expect(about('SAINT-REGIS DU COIN')[0].params.lines).toEqual([492]);
    expect(warningsOf('unknown-commune')).toEqual([]);
    expect(warningsOf('unknown-territory')).toEqual([]);
  });

  test('reads the AO row: four competences transferred by all communes, 15431 inhabitants', () => {
    expect(plan.aoTable).toEqual([
      {
        name: 'EPCI Communauté de Communes des Monts du Pilat',
        isEpci: true,
        population: null,
        competences: {
          identify: 'transferredByAll',
          inform: 'transferredByAll',
          plan: 'transferredByAll',
          quality: 'transferredByAll',
        },
        transferredPopulation: 15431,
      },
    ]);
    expect(warningsOf('ao-header-typo')).toEqual([
      { code: 'ao-header-typo', line: 3396, params: { written: 'Informier', expected: 'Informer' } },
    ]);
  });

  test('lists the Annexe 2 facilities with authority, carried-down type and commune', () => {
    const rpe = plan.facilities.find((f) => f.name.startsWith('RPE des Monts du pilat'));
    expect(rpe).toMatchObject({
      authority: 'COMMUNAUTE DE COMMUNES DES MONTS DU PILAT',
      type: 'RPE/ Guichet unique',
      commune: 'Bourg-Argental',
      line: 524,
    });
    const loupiots = plan.facilities.find((f) => f.name.startsWith('Multi-accueil LES LOUPIOTS'));
    expect(loupiots).toMatchObject({ type: 'EAJE', commune: 'Saint-Genest-Malifaux' });
    const marlhes = plan.facilities.filter((f) => f.authority === 'COMMUNE DE MARLHES');
    expect(marlhes).toEqual([
      {
        authority: 'COMMUNE DE MARLHES',
        type: 'ALSH',
        name: 'Alsh extrascolaire AFR de Marlhes',
        commune: 'Marlhès',
        line: 555,
      },
    ]);
    expect(plan.facilities.find((f) => f.line === 565)).toMatchObject({ type: 'EVS', name: '' });
    expect(warnings.find((w) => w.code === 'facility-without-name')).toMatchObject({
      line: 565,
      params: { type: 'EVS' },
    });
    expect(plan.facilities).toHaveLength(36);
  });

  test('every warning has a French message and is tied to a line or the whole text', () => {
    for (const warning of warnings) {
      expect(planWarningSchema.safeParse(warning).success).toBe(true);
      expect(renderMessage(warning.code, warning.params)).not.toMatch(/Problème non décrit/);
    }
    expect(new Set(codes(warnings))).toEqual(
      new Set([
        'commune-spelling',
        'commune-near-miss',
        'axis-number-noise',
        'empty-bullet',
        'ao-header-typo',
        'fiche-after-other-block',
        'facility-without-name',
      ]),
    );
  });
});
