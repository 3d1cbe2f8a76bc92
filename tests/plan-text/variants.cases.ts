import { renderMessage } from '../../src/domain/messages';
import { parseConvention } from '../../src/plan-text';
import { codes, ficheByKey, fiches, parsedOk, replaceOnce, seedText, seedWithF2, withoutLines } from './seed-helpers';
import { smallConvention } from './small-convention';

const seed = parsedOk(seedText);

/** The one warning that G1's quantitative criteria, written without bullets, were read item by item: to check. */
function expectUnbulletedWarning(warnings: ReturnType<typeof parsedOk>['warnings'], count: number): void {
  const unbulleted = warnings.filter((w) => w.code === 'items-without-bullets');
  expect(unbulleted).toHaveLength(1);
  expect(renderMessage('items-without-bullets', unbulleted[0].params).replace(/\u00A0/g, ' ')).toBe(
    `« Critères quantitatifs » (fiche G1) n’a pas de puces : chaque ligne, et chaque partie séparée par « ; », est ` +
      `lue comme un élément (${count} en tout). Vérifiez-les dans le classeur ; pour en réunir ou en séparer, mettez ` +
      'une puce « - » devant chacun dans le texte du plan, puis relisez-le.',
  );
}

/** Another territory in the same export format, written the way other exports come: other dates, other words. */
const otherConvention = [
  'CONVENTION TERRITORIALE GLOBALE',
  'Entre :',
  "- La Caisse d'Allocations familiales du Rhône, représentée par son directeur ;",
  '- La Communauté de communes du Pays de l’Arbresle (CCPA) représentée par son président',
  '- la commune de SAINT-GERMAIN-NUELLES représentée par son maire',
  "- la commune d'EVEUX représentée par son maire",
  '- la commune de L’ARBRESLE représentée par son maire',
  '- la commune de SAINTE CONSORCE représentée par son maire',
  'Il est convenu et arrêté ce qui suit :',
  'ARTICLE 4 – LES OBJECTIFS PARTAGES',
  '1) Petite enfance',
  '- Développer l’accueil',
  '2) Jeunesse et mobilité',
  '- Aider les jeunes',
  'ARTICLE 10 : DUREE',
  'La présente convention prend effet du 1er juillet 2025 au 30 juin 2029.',
  'ARTICLE 11 : AUTRE',
  'ANNEXE 2 - LISTE DES EQUIPEMENTS',
  'COMMUNE DE L ARBRESLE\t',
  'TYPE DE STRUCTURE\tNOM ET ADRESSE DE LA STRUCTURE',
  'EAJE\tCrèche Les Petits Pas, 69210 L’Arbresle',
  '\tMicro-crèche du centre',
  '1) Petite enfance',
  'Réf de la fiche action : PE1',
  'Intérêt : Top 5',
  'Méthodologie : Territoriale',
  'Public cible : Petite enfance; Familles',
  'Créer un guichet unique : accueil et information',
  'Budget : Supplémentaire à mobiliser',
  "Porteur de l'action : CCPA",
  'Territoire(s) cible(s) : St Germain Nuelles; Éveux; Bassin de vie de L’Arbresle; CCPA; Lyon',
  "Champ(s) d'intervention(s) : Besoin de garde",
  "Contexte de l'action : Peu de places.",
  'Objectif(s) :',
  '- Ouvrir un guichet',
  'Critères quantitatifs :',
  '- Nombre de demandes',
  '-',
  '- Délai de réponse',
  'Critères qualitatifs :',
  '- Satisfaction',
  '2) Jeunesse',
  'Réf de la fiche action : JA12',
  'Intérêt : intérêt',
  'Méthodologie : Collective',
  'Public cible : Jeunes',
  'Un titre',
  'Budget : Existant',
  "Porteur de l'action : Mairie (s)",
  'Territoire(s) cible(s) : Sainte-Consorce',
  "Champ(s) d'intervention(s) : Jeunesse",
  "Contexte de l'action : Rien.",
  'Objectif(s)',
  '- Aider',
  'Critères quantitatifs :',
  '- Nombre de jeunes',
  'Critères qualitatifs :',
  '- Avis des jeunes',
].join('\n');

describe('reading other exports of a convention', () => {
  test('CRLF line ends and non-breaking spaces give the same plan', () => {
    const crlf = parsedOk(seedText.replace(/\n/g, '\r\n'));
    expect(withoutLines(crlf.plan)).toEqual(withoutLines(seed.plan));
    expect(crlf.plan.axes[0].fiches[0].line).toBe(595);
    const nbsp = parsedOk(seedText.replace(/ :/g, '\u00A0:').replace(/de la fiche/g, 'de\u00A0la\u00A0fiche'));
    expect(withoutLines(nbsp.plan)).toEqual(withoutLines(seed.plan));
  });

  test('accents written decomposed (NFD, as some Mac exports write them) give the same plan and warnings', () => {
    const nfd = parsedOk(seedText.normalize('NFD'));
    expect(withoutLines(nfd.plan)).toEqual(withoutLines(seed.plan));
    expect(codes(nfd.warnings)).toEqual(codes(seed.warnings));
    expect(nfd.plan.territory).toBe('Communauté de communes des Monts du Pilat');
  });

  test('champs and publics listed with commas, as some exports write them, are one each when each is the Caf’s', () => {
    const commas = parsedOk(
      replaceOnce(
        replaceOnce(
          seedText,
          "Champ(s) d'intervention(s) : Soutien à la parentalité; Coordination et stratégie",
          "Champ(s) d'intervention(s) : Soutien à la parentalité, coordination et stratégie",
        ),
        'Public cible :\n\nFamilles\n\nRenforcer',
        'Public cible :\n\nFamilles, Petite enfance\n\nRenforcer',
      ),
    );
    const f2 = ficheByKey(commas.plan, 'F2');
    expect(f2.fields).toEqual(['Soutien à la parentalité', 'coordination et stratégie']);
    expect(f2.publics).toEqual(['Familles', 'Petite enfance']);
    // A champ of the Caf's that holds a comma stays whole, and so do names of the territory's own.
    const own = parsedOk(
      replaceOnce(
        seedText,
        "Champ(s) d'intervention(s) : Soutien à la parentalité; Coordination et stratégie",
        "Champ(s) d'intervention(s) : Environnement, écologie et développement durable; Parentalité, jeux, médiation",
      ),
    );
    expect(ficheByKey(own.plan, 'F2').fields).toEqual([
      'Environnement, écologie et développement durable',
      'Parentalité, jeux, médiation',
    ]);
  });

  test('champs and publics parted by « / » or « – », or ended by a full stop, are the Caf’s each', () => {
    const read = (fields: string, publics: string) => {
      const text = seedWithF2(fields, publics);
      const { plan, warnings } = parsedOk(text);
      const f2 = ficheByKey(plan, 'F2');
      const outside = warnings.filter((w) => w.code === 'outside-vocabulary' && w.params.ref === 'F2');
      return [f2.fields, f2.publics, outside.length];
    };
    const both = [['Soutien à la parentalité', 'Numérique'], ['Familles', 'Petite enfance'], 0];
    expect(read('Soutien à la parentalité / Numérique', 'Familles / Petite enfance')).toEqual(both);
    expect(read('Soutien à la parentalité – Numérique', 'Familles - Petite enfance')).toEqual(both);
    expect(read('Soutien à la parentalité; Numérique.', 'Familles; Petite enfance.')).toEqual(both);
    // A name of the Caf's that holds « et » or a hyphen stays whole, beside another one.
    expect(read('Culture et loisirs / Santé et bien-être', 'Jeunes adultes')).toEqual([
      ['Culture et loisirs', 'Santé et bien-être'],
      ['Jeunes adultes'],
      0,
    ]);
    // A name of the Caf's that holds a comma, beside another one after « / » or « – ».
    expect(
      read('Environnement, écologie et développement durable / Mobilité', 'Familles – Petite enfance, Enfance'),
    ).toEqual([
      ['Environnement, écologie et développement durable', 'Mobilité'],
      ['Familles', 'Petite enfance', 'Enfance'],
      0,
    ]);
    // A name of the territory's own is kept whole.
    expect(read('Jeux / ludothèque', 'Parents / grands-parents')).toEqual([
      ['Jeux / ludothèque'],
      ['Parents / grands-parents'],
      2,
    ]);
    // The full stop of an abbreviation or of initials is part of the name.
    expect(read('Numérique; Sport, culture, etc.', 'Familles; Bénéficiaires du R.S.A.')).toEqual([
      ['Numérique', 'Sport, culture, etc.'],
      ['Familles', 'Bénéficiaires du R.S.A.'],
      2,
    ]);
  });

  test('criteria marked by Word bullets (o, ➢, a Symbol-font dot) or numbered « 1) » are one criterion each', () => {
    const g1 = ficheByKey(seed.plan, 'G1');
    const quantitative = g1.criteria.filter((c) => c.kind === 'quantitative').map((c) => c.text);
    const block = (mark: (i: number) => string) =>
      ['Critères quantitatifs :', '', ...quantitative.map((text, i) => `${mark(i)} ${text}`), ''].join('\n');
    const written = block(() => '-');
    expect(seedText).toContain(written);
    for (const mark of [
      () => 'o',
      () => '➢',
      () => '\uF0B7',
      (i: number) => `${i + 1})`,
      (i: number) => `${'abcde'[i]})`,
    ]) {
      const read = parsedOk(replaceOnce(seedText, written, block(mark)));
      expect(withoutLines(read.plan)).toEqual(withoutLines(seed.plan));
      expect(codes(read.warnings)).toEqual(codes(seed.warnings));
    }
  });

  test('criteria written one per line without any bullet are one criterion each; one folded after « en » stays whole', () => {
    const g1 = ficheByKey(seed.plan, 'G1');
    const quantitative = g1.criteria.filter((c) => c.kind === 'quantitative').map((c) => c.text);
    const written = ['Critères quantitatifs :', '', ...quantitative.map((text) => `- ${text}`), ''].join('\n');
    const plain = ['Critères quantitatifs :', '', ...quantitative, ''].join('\n');
    const read = parsedOk(replaceOnce(seedText, written, plain));
    expect(withoutLines(read.plan)).toEqual(withoutLines(seed.plan));
    expectUnbulletedWarning(read.warnings, quantitative.length);
    const folded = plain.replace('projets en partenariat', 'projets en\npartenariat');
    expect(withoutLines(parsedOk(replaceOnce(seedText, written, folded)).plan)).toEqual(withoutLines(seed.plan));
  });

  test('criteria written under « Critères » without their kind heading are reported as left out, with what to do', () => {
    const text = replaceOnce(
      seedText,
      'Critères\n\nCritères quantitatifs :\n\n- Nombre de permanences',
      'Critères\n\n- Nombre de permanences',
    );
    const { plan, warnings } = parsedOk(text);
    const left = warnings.filter((w) => w.code === 'unexpected-text');
    expect(left.map((w) => w.line)).toEqual([643, 644, 645, 646, 647]);
    expect(ficheByKey(plan, 'G1').criteria.map((c) => c.text)).not.toContain('Nombre de permanences dans les communes');
    expect(renderMessage('unexpected-text', left[0].params).replace(/\u00A0/g, ' ')).toBe(
      'Texte inattendu sous « Critères » (fiche G1), non repris dans le classeur : « - Nombre de permanences dans ' +
        'les communes ». Placez-le sous « Critères quantitatifs : » ou « Critères qualitatifs : », puis relisez le plan.',
    );
  });

  test('fiches exported from Word tables, a label cell then a tab then its value, give the same plan', () => {
    const labels =
      /^(Réf de la fiche action|Intérêt|Méthodologie|Budget|Porteur de l'action|Territoire\(s\) cible\(s\)) :\n\n(?=\S)/gm;
    const tabbed = seedText.replace(labels, '$1\t');
    expect(tabbed).toContain('Réf de la fiche action\tG1\n');
    const read = parsedOk(tabbed);
    expect(withoutLines(read.plan)).toEqual(withoutLines(seed.plan));
    expect(codes(read.warnings)).toEqual(codes(seed.warnings));
  });

  test('criteria glued to their heading and separated by « ; » are one criterion each', () => {
    const g1 = ficheByKey(seed.plan, 'G1');
    const quantitative = g1.criteria.filter((c) => c.kind === 'quantitative').map((c) => c.text);
    const written = ['Critères quantitatifs :', '', ...quantitative.map((text) => `- ${text}`), ''].join('\n');
    const glued = `Critères quantitatifs : ${quantitative.join(' ; ')}\n`;
    const read = parsedOk(replaceOnce(seedText, written, glued));
    expect(withoutLines(read.plan)).toEqual(withoutLines(seed.plan));
    expectUnbulletedWarning(read.warnings, quantitative.length);
  });

  test('an export without blank lines, without bold, with upper-case labels or glued values gives the same plan', () => {
    const same = (text: string) => expect(withoutLines(parsedOk(text).plan)).toEqual(withoutLines(seed.plan));
    same(
      seedText
        .split('\n')
        .filter((line) => line.trim())
        .join('\n'),
    );
    same(seedText.replace(/\*\*/g, ''));
    same(seedText.replace(/^(Réf de la fiche action|Intérêt|Budget|Public cible) :/gm, (label) => label.toUpperCase()));
    same(
      seedText.replace(
        /^(Réf de la fiche action|Intérêt|Méthodologie|Budget|Porteur de l'action) :\n\n(?=\S)/gm,
        '$1 : ',
      ),
    );
  });

  test('another territory: its parties, dates, axes, communes, keys and warnings', () => {
    const { plan, warnings } = parsedOk(otherConvention);
    expect(plan.parties.caf).toBe('Caf du Rhône');
    expect(plan.parties.epci).toBe('Communauté de communes du Pays de l’Arbresle');
    expect(plan.parties.epciShortName).toBe('CCPA');
    expect(plan.territory).toBe('Communauté de communes du Pays de l’Arbresle');
    expect(plan.period).toEqual({ start: '2025-07-01', end: '2029-06-30' });
    expect(plan.axes.map((a) => [a.number, a.title])).toEqual([
      [1, 'Petite enfance'],
      [2, 'Jeunesse'],
    ]);
    const pe1 = ficheByKey(plan, 'PE1');
    expect(pe1).toMatchObject({
      title: 'Créer un guichet unique : accueil et information',
      interest: 'Top 5',
      publics: ['Petite enfance', 'Familles'],
      territories: ['St Germain Nuelles', 'Éveux', 'Bassin de vie de L’Arbresle', 'CCPA', 'Lyon'],
    });
    expect(pe1.criteria.map((c) => c.key)).toEqual(['PE1-QN1', 'PE1-QN2', 'PE1-QL1']);
    expect(ficheByKey(plan, 'JA12').territories).toEqual(['Sainte-Consorce']);
    // Display names: the spelling used in the fiches; L'Arbresle, named only in "Bassin de vie de …", keeps the parties' one.
    expect(plan.parties.communes.map((c) => c.name)).toEqual([
      'St Germain Nuelles',
      'Éveux',
      'L’ARBRESLE',
      'Sainte-Consorce',
    ]);
    expect(plan.parties.communes[2].spellings).toEqual(['L’ARBRESLE', 'L ARBRESLE']);
    expect(plan.facilities.map((f) => [f.type, f.name, f.commune])).toEqual([
      ['EAJE', 'Crèche Les Petits Pas, 69210 L’Arbresle', 'L’ARBRESLE'],
      ['EAJE', 'Micro-crèche du centre', 'L’ARBRESLE'],
    ]);
    const unknown = warnings.filter((w) => w.code === 'unknown-territory');
    expect(unknown.map((w) => w.params)).toEqual([{ ref: 'PE1', territory: 'Lyon' }]);
    expect(warnings.find((w) => w.code === 'empty-bullet')).toMatchObject({ line: 38, params: { ref: 'PE1' } });
    expect(warnings.find((w) => w.code === 'axis-title-mismatch')).toMatchObject({
      params: { number: 2, title: 'Jeunesse', article4Title: 'Jeunesse et mobilité' },
    });
    expect(warnings.filter((w) => w.code === 'commune-spelling').map((w) => w.params.spelling)).toEqual([
      'SAINT-GERMAIN-NUELLES',
      'EVEUX',
      'SAINTE CONSORCE',
      'L ARBRESLE',
    ]);
  });

  test('AO rows of communes: ticks read per competence, population as written, defects reported', () => {
    const box = (checked: boolean, label: string) => `<input${checked ? ' checked=""' : ''} type="checkbox"/> ${label}`;
    const cell = (holder: 0 | 1 | 2 | null, twice = false) =>
      [
        box(holder === 0 || twice, 'Exercée par la commune'),
        box(holder === 1 || twice, "Transférée par l'ensemble des communes à l'EPCI"),
        box(holder === 2, "Transférée par certaines communes à l'EPCI. Population totale : 8 200 Habitants"),
      ].join(' ');
    const text = [
      otherConvention,
      '',
      "Option : Tableau récapitulatif des compétences des autorités organisatrices des modes d'accueil :",
      '',
      ['Nom de la Commune', "Nb d'habitants", 'Recenser', 'Informer', 'Planifier', 'Soutenir la qualité'].join('\t'),
      ['Commune de Sainte-Consorce', '2 045', cell(0), cell(0), cell(2), cell(null)].join('\t'),
      ['EVEUX', 'environ mille', cell(0), cell(0, true), cell(1), cell(1)].join('\t'),
      ['Commune de Lentilly', '', cell(0), cell(0), cell(0), cell(0)].join('\t'),
    ].join('\n');
    const { plan, warnings } = parsedOk(text);
    expect(plan.aoTable.map((row) => [row.name, row.isEpci, row.population, Object.values(row.competences)])).toEqual([
      ['Commune de Sainte-Consorce', false, 2045, ['commune', 'commune', 'transferredBySome', 'unknown']],
      ['EVEUX', false, null, ['commune', 'unknown', 'transferredByAll', 'transferredByAll']],
      ['Commune de Lentilly', false, null, ['commune', 'commune', 'commune', 'commune']],
    ]);
    const row = (name: string, code: string) => warnings.filter((w) => w.code === code && w.params.name === name);
    expect(row('Commune de Sainte-Consorce', 'ao-no-choice').map((w) => w.params.competence)).toEqual([
      'Soutenir la qualité',
    ]);
    expect(row('EVEUX', 'ao-several-choices').map((w) => w.params.competence)).toEqual([
      'Informer et accompagner les familles',
    ]);
    expect(row('EVEUX', 'ao-population-unreadable')).toHaveLength(1);
    expect(row('Lentilly', 'unknown-commune')).toHaveLength(1);
  });

  test('fields in another order, values on the label line', () => {
    const reordered = replaceOnce(
      seedText,
      'Réf de la fiche action :\n\nG1\n\nIntérêt :\n\nintérêt fort\n\nMéthodologie :\n\nCollective\n\nPublic cible :\n\nGlobal\n\n',
      'Réf de la fiche action : G1\nPublic cible : Global\nGarantir la pérennité et l\'évolution du fonctionnement de la ludothèque "tu joues" et du ludobus itinérant\nMéthodologie : Collective\nIntérêt : intérêt fort\n',
    ).replace(
      'Garantir la pérennité et l\'évolution du fonctionnement de la ludothèque "tu joues" et du ludobus itinérant\n\nBudget',
      'Budget',
    );
    const { plan, warnings } = parsedOk(reordered);
    const g1 = ficheByKey(plan, 'G1');
    const original = ficheByKey(seed.plan, 'G1');
    expect(withoutLines(g1)).toEqual(withoutLines(original));
    expect(codes(warnings).filter((c) => c === 'missing-field' || c === 'missing-title')).toEqual([]);
  });

  test('a duplicated ref keeps both fiches, the later one keyed <ref>-B with its own criteria keys', () => {
    const text = replaceOnce(seedText, 'Réf de la fiche action :\n\nF3\n', 'Réf de la fiche action :\n\nF2\n');
    const { plan, warnings } = parsedOk(text);
    expect(fiches(plan)).toHaveLength(48);
    const later = ficheByKey(plan, 'F2-B');
    expect(later.ref).toBe('F2');
    expect(later.criteria[0].key).toBe('F2-B-QN1');
    expect(warnings.filter((w) => w.code === 'duplicate-ref')).toEqual([
      { code: 'duplicate-ref', line: 720, params: { ref: 'F2', key: 'F2-B', firstLine: 659 } },
    ]);
  });

  test('an unusual written ref keys its fiche by a cleaned form of itself, never by the fiche’s place', () => {
    const refs = (from: string, to: string, text: string) =>
      replaceOnce(text, `Réf de la fiche action :\n\n${from}\n`, `Réf de la fiche action :\n\n${to}\n`);
    const text = refs('PE4', 'A3bis', refs('F3', '1.2', refs('F2', 'AD-1', seedText)));
    const { plan, warnings } = parsedOk(text);
    expect(
      fiches(plan)
        .slice(1, 4)
        .map((f) => [f.ref, f.key, f.criteria[0]?.key]),
    ).toEqual([
      ['AD1', 'AD1', 'AD1-QN1'],
      ['F1-2', 'F1-2', 'F1-2-QN1'],
      ['A3BIS', 'A3BIS', 'A3BIS-QN1'],
    ]);
    const invalid = warnings.filter((w) => w.code === 'invalid-ref');
    expect(invalid.map((w) => w.params)).toEqual([
      { written: 'AD-1', ref: 'AD1' },
      { written: '1.2', ref: 'F1-2' },
      { written: 'A3bis', ref: 'A3BIS' },
    ]);
    const message = renderMessage('invalid-ref', invalid[0].params);
    expect(message).not.toContain('illisible');
    expect(message).toContain('«\u00a0AD-1\u00a0»');
    expect(message).toContain('«\u00a0AD1\u00a0»');
    // An odd ref before them changes none of their keys.
    const before = parsedOk(refs('G1', '0.9', text)).plan;
    expect(
      fiches(before)
        .slice(0, 4)
        .map((f) => f.key),
    ).toEqual(['F0-9', 'AD1', 'F1-2', 'A3BIS']);
  });

  test('a title written under the ref, or after it on its line, is the fiche’s title when none follows the public', () => {
    const title = "Renforcer l'accompagnement à la parentalité sur le territoire";
    const withoutTitle = replaceOnce(seedText, `Familles\n\n${title}\n\nBudget`, 'Familles\n\nBudget');
    for (const refLines of [`AD-1\n\n${title}\n`, `AD-1 ${title}\n`]) {
      const text = replaceOnce(
        withoutTitle,
        'Réf de la fiche action :\n\nF2\n',
        `Réf de la fiche action :\n\n${refLines}`,
      );
      const { plan, warnings } = parsedOk(text);
      expect(ficheByKey(plan, 'AD1').title).toBe(title);
      expect(codes(warnings)).not.toContain('missing-title');
      expect(codes(warnings)).not.toContain('unexpected-text');
      // The fiche named as written, « AD-1 », not by its key.
      expect(warnings.find((w) => w.code === 'title-after-ref')?.params).toEqual({ ref: 'AD-1', title });
    }
  });

  test('a fiche without a ref gets a generated key, said as such', () => {
    const text = replaceOnce(seedText, 'Réf de la fiche action :\n\nF2\n', 'Réf de la fiche action :\n\n');
    const { plan, warnings } = parsedOk(text);
    const unreferenced = fiches(plan).find((f) => f.title.startsWith('Renforcer l'));
    expect(unreferenced?.key).toBe('SANSREF1');
    const missing = warnings.find((w) => w.code === 'missing-ref');
    expect(missing?.params).toMatchObject({ ref: 'SANSREF1' });
    expect(renderMessage('missing-ref', missing!.params)).toContain('intitulé');
  });

  test('a misspelt label is read as the label, with a warning; an unknown one stays text', () => {
    const text = replaceOnce(
      seedText,
      'F2\n\nIntérêt :\n\nintérêt\n\nMéthodologie :',
      'F2\n\nIntérrêt :\n\nintérêt\n\nMéthodlogie :',
    ).replace(
      "Contexte de l'action :\n\nLes parents sont",
      "Informations diverses :\n\nContexte de l'action :\n\nLes parents sont",
    );
    const { plan, warnings } = parsedOk(text);
    const f2 = ficheByKey(plan, 'F2');
    expect(f2.interest).toBe('intérêt');
    expect(f2.methodology).toBe('Collective');
    expect(
      warnings.filter((w) => w.code === 'label-typo').map((w) => [w.line, w.params.written, w.params.label]),
    ).toEqual([
      [663, 'Intérrêt', 'Intérêt'],
      [667, 'Méthodlogie', 'Méthodologie'],
    ]);
    expect(f2.context.endsWith('\nInformations diverses :')).toBe(true);
    const unknown = warnings.find((w) => w.code === 'unknown-label');
    expect(unknown).toMatchObject({ params: { ref: 'F2', written: 'Informations diverses' } });
    expect(renderMessage('label-typo', { ref: 'F2', written: 'Intérrêt', label: 'Intérêt' })).toBe(
      'Libellé «\u00a0Intérrêt\u00a0» lu comme «\u00a0Intérêt\u00a0» (fiche F2).',
    );
  });

  test('other wordings of the labels are the labels; a list may run over several lines', () => {
    const text = replaceOnce(
      seedText,
      'Réf de la fiche action :\n\nF2\n',
      'Référence de la fiche action :\n\nF2\n',
    ).replace(
      'Territoire(s) cible(s) :\n\nColombier; Thélis-la-Combe; Graix; La Versanne',
      'Territoire cible :\n\nColombier; Thélis-la-Combe;\nGraix; La Versanne',
    );
    const { plan, warnings } = parsedOk(text);
    expect(ficheByKey(plan, 'F2').title).toBe("Renforcer l'accompagnement à la parentalité sur le territoire");
    expect(fiches(plan)).toHaveLength(48);
    expect(ficheByKey(plan, 'G12').territories).toEqual(['Colombier', 'Thélis-la-Combe', 'Graix', 'La Versanne']);
    expect(codes(warnings)).not.toContain('label-typo');
  });

  test('the ref labelled « Référence de la fiche », « Réf. fiche », « N° de la fiche action » heads its fiche', () => {
    for (const label of [
      'Référence de la fiche',
      'Réf. de la fiche',
      'Réf. fiche',
      'N° de la fiche action',
      'Numéro de fiche',
    ]) {
      const text = smallConvention.replaceAll('Réf de la fiche action :', `${label} :`);
      const { plan, warnings } = parsedOk(text);
      expect([label, fiches(plan).map((fiche) => fiche.key)]).toEqual([label, ['F1-1', 'I1', 'F2-1']]);
      expect([label, codes(warnings)]).toEqual([label, expect.not.arrayContaining(['label-typo', 'unknown-label'])]);
    }
  });

  test('a line a few letters from a short wording of the ref (« Nom de la fiche : », « Réf fiches : ») heads no fiche', () => {
    for (const line of [
      'Nom de la fiche : Crèche',
      'Nom de la fiche action : Crèche',
      'Réf fiches : I1',
      'Nb de fiches : 2',
    ]) {
      const at = smallConvention.indexOf("Contexte de l'action :");
      const text = `${smallConvention.slice(0, at)}${line}\n${smallConvention.slice(at)}`;
      const { plan } = parsedOk(text);
      expect([line, fiches(plan).map((fiche) => fiche.key)]).toEqual([line, ['F1-1', 'I1', 'F2-1']]);
    }
  });

  test('a fiche after the annexe of the fiches (here at the very end, under ANNEXE 5) is reported, not read', () => {
    const lastAnnexe = seedText.lastIndexOf('\nANNEXE ');
    expect(lastAnnexe).toBeGreaterThan(0);
    const extra = 'Réf de la fiche action : G49\n\nIntitulé de l’action\n\nUne fiche ajoutée au mauvais endroit\n';
    const text = `${seedText.trimEnd()}\n\n${extra}`;
    const { plan, warnings } = parsedOk(text);
    expect(fiches(plan)).toHaveLength(fiches(seed.plan).length);
    const line = text.split('\n').findIndex((one) => one.startsWith('Réf de la fiche action : G49')) + 1;
    const found = warnings.filter((w) => w.code === 'fiche-after-annexe');
    expect(found).toEqual([{ code: 'fiche-after-annexe', line, params: { ref: 'G49', annexe: expect.any(Number) } }]);
    expect(renderMessage(found[0].code, found[0].params)).toMatch(
      /^La fiche «\u00a0G49\u00a0» est après l’annexe \d+, hors du plan d’actions\u00a0: elle n’est pas reprise\. Placez-la avec les autres fiches, dans son axe\.$/,
    );
    expect(codes(seed.warnings)).not.toContain('fiche-after-annexe');
  });

  test('text between two fiches is reported, and the fiche after it stays in its axis', () => {
    const text = replaceOnce(
      seedText,
      '- Pertinence des thématiques abordées\n',
      '- Pertinence des thématiques abordées\n\nUn paragraphe égaré.\n',
    );
    const { plan, warnings } = parsedOk(text);
    expect(plan.axes[0].fiches.map((f) => f.key)).toEqual(['G1', 'F2', 'F3', 'PE4', 'PE5']);
    expect(ficheByKey(plan, 'F2').criteria.map((c) => c.text)).not.toContain('Un paragraphe égaré.');
    expect(warnings.filter((w) => w.code === 'text-outside-fiche')).toEqual([
      { code: 'text-outside-fiche', line: 720, params: { text: 'Un paragraphe égaré.', count: 1 } },
    ]);
    expect(warnings.find((w) => w.code === 'fiche-after-other-block')).toMatchObject({
      line: 722,
      params: { ref: 'F3', axis: 1, blockLine: 720 },
    });
  });

  test('bullets written with •, * or numbers are bullets too', () => {
    const text = replaceOnce(
      seedText,
      "- Nombre de permanences dans les communes\n- Nombre d'animations, temps fort\n- Nombre de projets",
      "• Nombre de permanences dans les communes\n* Nombre d'animations, temps fort\n3. Nombre de projets",
    );
    const g1 = ficheByKey(parsedOk(text).plan, 'G1');
    expect(withoutLines(g1)).toEqual(withoutLines(ficheByKey(seed.plan, 'G1')));
  });

  test('a field nobody knows after the criteria goes to the end of the context, the fiche stays whole', () => {
    const text = replaceOnce(
      seedText,
      '- Pertinence des thématiques abordées\n',
      '- Pertinence des thématiques abordées\n\nPartenaires :\n\nCaf; PMI\n',
    );
    const { plan, warnings } = parsedOk(text);
    const f2 = ficheByKey(plan, 'F2');
    expect(f2.context.split('\n').slice(-2)).toEqual(['Partenaires :', 'Caf; PMI']);
    expect(withoutLines(f2.criteria)).toEqual(withoutLines(ficheByKey(seed.plan, 'F2').criteria));
    expect(warnings.filter((w) => w.code === 'unknown-label')).toEqual([
      { code: 'unknown-label', line: 720, params: { ref: 'F2', written: 'Partenaires' } },
    ]);
    expect(codes(warnings)).not.toContain('text-outside-fiche');
    expect(codes(warnings).filter((c) => c === 'fiche-after-other-block')).toHaveLength(1);
  });

  test('a missing field is reported, the fiche is kept', () => {
    const text = replaceOnce(seedText, 'F2\n\nIntérêt :\n\nintérêt\n\n', 'F2\n\n');
    const { plan, warnings } = parsedOk(text);
    expect(ficheByKey(plan, 'F2').interest).toBe('');
    expect(warnings.filter((w) => w.code === 'missing-field')).toEqual([
      { code: 'missing-field', line: 659, params: { ref: 'F2', field: 'Intérêt' } },
    ]);
  });

  test('axis headings without number noise, with "l" or "|" for 1, bold or not', () => {
    const text = seedText
      .replace('\nI) Accompagner', '\n**l) Accompagner')
      .replace('**I 2) Promouvoir', '**| 2) Promouvoir');
    const { plan } = parsedOk(
      text.replace(
        '**l) Accompagner les familles et renforcer la parentalité\n',
        '**l) Accompagner les familles et renforcer la parentalité**\n',
      ),
    );
    expect(plan.axes.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(plan.axes[0].title).toBe('Accompagner les familles et renforcer la parentalité');
  });

  test('axes written "Axe 1 :" or "ENJEU 2 –", territories separated by commas', () => {
    const text = otherConvention
      .replace('\n1) Petite enfance\nRéf', '\nAxe 1 : Petite enfance\nRéf')
      .replace('\n2) Jeunesse\nRéf', '\nENJEU 2 – Jeunesse et mobilité\nRéf')
      .replace('St Germain Nuelles; Éveux;', 'St Germain Nuelles, Éveux,');
    const { plan, warnings } = parsedOk(text);
    expect(plan.axes.map((a) => [a.number, a.title])).toEqual([
      [1, 'Petite enfance'],
      [2, 'Jeunesse et mobilité'],
    ]);
    expect(ficheByKey(plan, 'PE1').territories.slice(0, 2)).toEqual(['St Germain Nuelles', 'Éveux']);
    expect(codes(warnings)).not.toContain('axis-title-mismatch');
  });

  test('axes written "AXE STRATÉGIQUE 1 :", "Axe thématique n° 2 –" or "Orientation 1 :" are axes', () => {
    for (const [first, second] of [
      ['AXE STRATÉGIQUE 1 : Petite enfance', 'Axe thématique n° 2 – Jeunesse et mobilité'],
      ['Axe prioritaire 1 : Petite enfance', 'Orientation 2 – Jeunesse et mobilité'],
    ]) {
      const text = otherConvention
        .replace('\n1) Petite enfance\nRéf', `\n${first}\nRéf`)
        .replace('\n2) Jeunesse\nRéf', `\n${second}\nRéf`);
      const { plan, warnings } = parsedOk(text);
      expect(plan.axes.map((a) => [a.number, a.title])).toEqual([
        [1, 'Petite enfance'],
        [2, 'Jeunesse et mobilité'],
      ]);
      expect(codes(warnings)).not.toContain('fiche-outside-axis');
    }
  });

  test('an axis heading wrapped over two lines without bold is joined', () => {
    const at = seedText.indexOf('3) Renforcer le rôle du Relais Petite Enfance (RPE)', seedText.indexOf('ANNEXE 2'));
    const text = `${seedText.slice(0, at)}3) Renforcer le rôle du Relais\nPetite Enfance (RPE)${seedText.slice(at + 51)}`;
    const { plan, warnings } = parsedOk(text);
    expect(plan.axes[2].title).toBe('Renforcer le rôle du Relais Petite Enfance (RPE)');
    expect(codes(warnings)).not.toContain('text-outside-fiche');
    expect(codes(warnings)).not.toContain('axis-title-mismatch');
  });

  test('a fiche before any axis heading is kept in an axis of its own, with a warning', () => {
    const body = otherConvention
      .replace('ANNEXE 2 - LISTE DES EQUIPEMENTS', 'ANNEXE 2 - LISTE')
      .split('\n1) Petite enfance\nRéf')
      .join('\nRéf');
    const { plan, warnings } = parsedOk(body);
    expect(plan.axes.map((a) => a.number)).toEqual([2, 3]);
    expect(plan.axes[1].fiches.map((f) => f.key)).toEqual(['PE1']);
    expect(warnings.find((w) => w.code === 'fiche-outside-axis')).toMatchObject({ params: { ref: 'PE1' } });
  });

  test('an Article 10 written in months and years is the period, whatever the years of a title', () => {
    const text = replaceOnce(seedText, '1 janvier 2026 au 31 décembre 2030', 'janvier 2026 à décembre 2029');
    const { plan, warnings } = parsedOk(text);
    expect(plan.period).toEqual({ start: '2026-01-01', end: '2029-12-31' });
    expect(codes(warnings)).not.toContain('period-from-years');
    const july = parsedOk(replaceOnce(seedText, '1 janvier 2026 au 31 décembre 2030', 'juillet 2025 à juin 2029'));
    expect(july.plan.period).toEqual({ start: '2025-07-01', end: '2029-06-30' });
    const february = parsedOk(replaceOnce(seedText, '1 janvier 2026 au 31 décembre 2030', 'mars 2024 à février 2028'));
    expect(february.plan.period).toEqual({ start: '2024-03-01', end: '2028-02-29' });
  });

  test('periods in other phrasings', () => {
    const withPeriod = (sentence: string) =>
      parseConvention(
        otherConvention.replace('La présente convention prend effet du 1er juillet 2025 au 30 juin 2029.', sentence),
      );
    const period = (sentence: string) => {
      const result = withPeriod(sentence);
      return result.ok ? result.plan.period : result.error.code;
    };
    expect(period('Elle est conclue du 01/01/2024 au 31/12/2027.')).toEqual({ start: '2024-01-01', end: '2027-12-31' });
    expect(period('conclue à compter du premier janvier 2026\njusqu’au 31 décembre 2030')).toEqual({
      start: '2026-01-01',
      end: '2030-12-31',
    });
    expect(period('Du 1 ^{er} février 2025 au 28 fevrier 2029.')).toEqual({ start: '2025-02-01', end: '2029-02-28' });
    expect(period('Du 31 décembre 2030 au 1er janvier 2026.')).toBe('period-invalid');
    expect(period('Pas de date.')).toBe('period-not-found');
    expect(period('Elle prend effet le 1er juillet 2025 pour une durée de quatre ans.')).toEqual({
      start: '2025-07-01',
      end: '2029-06-30',
    });
    const fromDuration = withPeriod('Elle prend effet le 1er juillet 2025 pour une durée de 4 ans.');
    expect(fromDuration.warnings.find((w) => w.code === 'period-from-duration')).toMatchObject({
      params: { start: '2025-07-01', end: '2029-06-30' },
    });
  });

  test('a start and a duration in the other words conventions use (années, période, mois, « quatre (4) ans »)', () => {
    const period = (sentence: string) => {
      const result = parseConvention(
        otherConvention.replace('La présente convention prend effet du 1er juillet 2025 au 30 juin 2029.', sentence),
      );
      return result.ok ? result.plan.period : result.error.code;
    };
    const fourYears = { start: '2025-07-01', end: '2029-06-30' };
    expect(period('Elle est conclue à compter du 1er juillet 2025 pour une durée de quatre années.')).toEqual(
      fourYears,
    );
    expect(period('Elle est conclue pour une durée de 4 années à compter du 1er juillet 2025.')).toEqual(fourYears);
    expect(period('Elle est conclue pour quatre années, à compter du 1er juillet 2025.')).toEqual(fourYears);
    expect(period('Elle est conclue pour 4 ans à compter du 1er juillet 2025.')).toEqual(fourYears);
    expect(period('Elle est conclue pour une période de quatre ans à compter du 1er juillet 2025.')).toEqual(fourYears);
    expect(period('Elle est conclue pour une durée de quatre (4) ans à compter du 1er juillet 2025.')).toEqual(
      fourYears,
    );
    expect(period('Elle prend effet au 1er juillet 2025 pour une durée de 48 mois.')).toEqual(fourYears);
    expect(period('Elle prend effet au 1er juillet 2025 pour une durée de 18 mois.')).toEqual({
      start: '2025-07-01',
      end: '2026-12-31',
    });
    // A number of years that is no duration of the convention is none.
    expect(period('Elle prend effet au 1er juillet 2025 ; les enfants de 4 ans sont accueillis.')).toBe(
      'period-not-found',
    );
  });

  test('a duration of one year, in the words conventions write it, ends the period a year on, with the warning', () => {
    const read = (sentence: string) =>
      parseConvention(
        otherConvention.replace('La présente convention prend effet du 1er juillet 2025 au 30 juin 2029.', sentence),
      );
    const oneYear = { start: '2025-07-01', end: '2026-06-30' };
    for (const sentence of [
      'Elle est conclue pour une année à compter du 1er juillet 2025.',
      'Elle est conclue pour une durée d’un an à compter du 1er juillet 2025.',
      "Elle est conclue pour une durée d'un an à compter du 1er juillet 2025.",
      'Elle est conclue pour une durée d’une (1) année à compter du 1er juillet 2025.',
      'Elle est conclue pour une période d’une année à compter du 1er juillet 2025.',
      'Elle est conclue pour un an à compter du 1er juillet 2025.',
    ]) {
      const result = read(sentence);
      expect(result.ok ? result.plan.period : result.error.code).toEqual(oneYear);
      const warning = result.warnings.find((w) => w.code === 'period-from-duration');
      expect(renderMessage('period-from-duration', warning!.params).replace(/\u00A0/g, ' ')).toBe(
        `Fin de la convention calculée : du 01/07/2025 au 30/06/2026 d’après « ${sentence} » ; vérifiez ces dates.`,
      );
    }
    // A renewal or a notice of one year is still no length of the convention.
    const notFound = (sentence: string) => {
      const result = read(sentence);
      return result.ok ? result.plan.period : result.error.code;
    };
    expect(notFound('Elle prend effet au 1er juillet 2025. Elle est renouvelable pour une durée d’un an.')).toBe(
      'period-not-found',
    );
    expect(notFound('Elle prend effet au 1er juillet 2025. Elle pourra être reconduite pour une année.')).toBe(
      'period-not-found',
    );
    expect(notFound('Elle prend effet au 1er juillet 2025, sous un préavis d’une durée d’un mois.')).toBe(
      'period-not-found',
    );
  });

  test('the length of a renewal or of a notice is not the length of the convention', () => {
    const period = (sentence: string) => {
      const result = parseConvention(
        otherConvention.replace('La présente convention prend effet du 1er juillet 2025 au 30 juin 2029.', sentence),
      );
      return result.ok ? result.plan.period : result.error.code;
    };
    expect(period('Elle prend effet au 1er juillet 2025. Elle pourra être reconduite pour 3 ans par avenant.')).toBe(
      'period-not-found',
    );
    expect(period('Elle prend effet au 1er juillet 2025. Elle est renouvelable pour une durée de 2 ans.')).toBe(
      'period-not-found',
    );
    expect(
      period(
        'Chaque partie peut la dénoncer avec un préavis d’une durée de 6 mois. ' +
          'Elle est conclue pour une durée de quatre ans à compter du 1er juillet 2025.',
      ),
    ).toEqual({ start: '2025-07-01', end: '2029-06-30' });
    // The convention's own length, with its renewal or ending in the same sentence, is its length.
    expect(
      period('Elle est conclue pour une durée de quatre ans à compter du 1er juillet 2025, renouvelable par avenant.'),
    ).toEqual({ start: '2025-07-01', end: '2029-06-30' });
    expect(period('Sauf dénonciation, elle est conclue pour 4 ans à compter du 1er juillet 2025.')).toEqual({
      start: '2025-07-01',
      end: '2029-06-30',
    });
    // Nor is an extension by one year (« prorogée », « prorogation »), the way conventions most often extend.
    expect(
      period(
        'Sauf prorogation pour une durée d’un an par avenant, elle est conclue pour quatre ans à compter du 1er juillet 2025.',
      ),
    ).toEqual({ start: '2025-07-01', end: '2029-06-30' });
    expect(
      period(
        'La présente convention couvre la période 2025-2029, à compter du 1er juillet 2025. ' +
          'Elle peut être prorogée pour une durée d’un an par avenant.',
      ),
    ).toEqual({ start: '2025-01-01', end: '2029-12-31' });
  });

  // How its time grows with the text is measured by `npm run bench` (« Lecture du plan »), not by the clock here.
  test('twenty copies of the fiches read as twenty copies: each fiche, its duplicates named', () => {
    const start = seedText.indexOf('\nI) Accompagner');
    const end = seedText.indexOf('\nANNEXE 5');
    const text = seedText.slice(0, end) + seedText.slice(start, end).repeat(19) + seedText.slice(end);
    const { plan, warnings } = parsedOk(text);
    expect(fiches(plan)).toHaveLength(48 * 20);
    expect(warnings.filter((w) => w.code === 'duplicate-ref')).toHaveLength(48 * 19);
    expect(ficheByKey(plan, 'G1-T').criteria[0].key).toBe('G1-T-QN1');
  });

  test('past 25 duplicates of one ref, keys go on as spreadsheet columns and stay distinct', () => {
    const start = seedText.indexOf('\nI) Accompagner');
    const end = seedText.indexOf('\nANNEXE 5');
    const text = seedText.slice(0, end) + seedText.slice(start, end).repeat(29) + seedText.slice(end);
    const { plan } = parsedOk(text);
    const keys = fiches(plan).map((fiche) => fiche.key);
    expect(new Set(keys).size).toBe(keys.length);
    const g1 = keys.filter((key) => key === 'G1' || key.startsWith('G1-'));
    expect(g1).toEqual([
      'G1',
      ...'BCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((l) => `G1-${l}`),
      'G1-AA',
      'G1-AB',
      'G1-AC',
      'G1-AD',
    ]);
    expect(ficheByKey(plan, 'G1-AD').criteria[0].key).toBe('G1-AD-QN1');
    expect(ficheByKey(plan, 'G1-AD').ref).toBe('G1');
  });

  test('empty text and a text without fiche are failures, not exceptions', () => {
    expect(parseConvention('')).toEqual({ ok: false, error: { code: 'empty-text', params: {} }, warnings: [] });
    expect(parseConvention(' \n\r\n ')).toMatchObject({ ok: false, error: { code: 'empty-text' } });
    const noFiche = parseConvention(seedText.slice(0, seedText.indexOf('Réf de la fiche action')));
    expect(noFiche).toMatchObject({ ok: false, error: { code: 'no-fiche' } });
    expect(renderMessage('no-fiche', {})).toContain('Aucune fiche action');
  });

  test('fiches headed « FICHE ACTION : … » without a ref, nor a ref label: the refusal names the first such line', () => {
    // Each fiche headed by its title alone, the title no longer under the publics: no ref anywhere.
    const text = smallConvention.replace(
      /Réf de la fiche action : (\S+)\n((?:.*\n){3})(.*)\n/g,
      (_, _ref: string, fields: string, title: string) => `**FICHE ACTION : ${title}**\n${fields}`,
    );
    const line = text.split('\n').findIndex((one) => one.startsWith('**FICHE ACTION : Un multi')) + 1;
    expect(line).toBeGreaterThan(0);
    const result = parseConvention(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual({
      code: 'no-fiche',
      params: { line, text: 'FICHE ACTION : Un multi-accueil à Chalamont' },
    });
    expect(renderMessage('no-fiche', result.error.params).replace(/\u00A0/g, ' ')).toBe(
      'Aucune fiche action trouvée : le texte doit contenir des fiches commençant par « Réf de la fiche action : », ' +
        'ou par un titre qui donne leur référence (« FICHE ACTION N° 3 : … »). ' +
        `La ligne ${line} (« FICHE ACTION : Un multi-accueil à Chalamont ») semble en commencer une : commencez ` +
        'chaque fiche par « FICHE ACTION N° » suivi de sa référence, de « : » et de son intitulé, ou par « Réf de la ' +
        'fiche action : » suivi de sa référence, son intitulé sous « Intitulé de l’action : », puis relisez le plan.',
    );
  });
});
