import { planFailureDescriptions, planMessages, planWarningDescriptions } from '../../src/domain/messages/plan';
import { communeKey } from '../../src/plan-text';
import { CommuneDirectory } from '../../src/plan-text/communes';
import { WarningSink } from '../../src/plan-text/warnings';

describe('commune keys and matching', () => {
  test('ignore case, accents, hyphens, apostrophes and articles; ST/STE read as SAINT/SAINTE', () => {
    expect(communeKey('ST GENEST MALIFAUX')).toBe(communeKey('Saint-Genest-Malifaux'));
    expect(communeKey('du BESSAT')).toBe(communeKey('Le Bessat'));
    expect(communeKey('Marlhès')).toBe(communeKey('MARLHES'));
    expect(communeKey('STE CONSORCE')).toBe(communeKey('Sainte-Consorce'));
    expect(communeKey("L'Arbresle")).toBe(communeKey('L’ARBRESLE'));
    expect(communeKey('Saint-Sauveur-en-Rue')).toBe('saintsauveurenrue');
    expect(communeKey('Saint-Genest')).not.toBe(communeKey('Sainte-Genest'));
  });

  test('a near miss of two letters matches; exact beats near; short names need exact or one letter; ties match none', () => {
    const directory = new CommuneDirectory();
    for (const name of ['Marlhes', 'Tarentaise', 'Graix', 'Saint-Paul', 'Saint-Pal', 'Usson'])
      directory.addParty(name, 1);
    const nameOf = (spelling: string) => directory.find(spelling, false)?.mentions[0].spelling ?? null;
    expect(nameOf('Marllhes')).toBe('Marlhes');
    expect(nameOf('TARENTEISE')).toBe('Tarentaise');
    expect(nameOf('Saint-Pal')).toBe('Saint-Pal');
    expect(nameOf('Saint-Paul')).toBe('Saint-Paul');
    expect(nameOf('Grax')).toBe('Graix');
    expect(nameOf('Grx')).toBeNull();
    expect(nameOf('Ussonne')).toBeNull();
    expect(nameOf('Saint-Pael')).toBeNull(); // one letter from both Saint-Paul and Saint-Pal
    expect(nameOf('Lyon')).toBeNull();
  });

  test('the display name is the spelling most used in the fiches, ties to the first met, else the parties one', () => {
    const directory = new CommuneDirectory();
    directory.addParty('MARLHES', 10);
    directory.addParty('GRAIX', 11);
    directory.addParty('PLANFOY', 12);
    directory.mention('Marlhes', 100, true);
    directory.mention('Marlhès', 200, true);
    directory.mention('Marlhès', 300, true);
    directory.mention('Graix', 400, true);
    directory.mention('graix', 150, true);
    const warnings = new WarningSink();
    const communes = directory.finish(warnings);
    directory.mention('Marlhès', 500, false);
    directory.mention('MARLHÈS', 600, false);
    expect(communes).toEqual([
      // Marlhès 2 against Marlhes (MARLHES) 1; case-only variants are one spelling shown in its fiche form.
      { name: 'Marlhès', spellings: ['Marlhès', 'Marlhes'] },
      // Graix and graix are one spelling: 2 uses, shown as first met in the fiches (line 150).
      { name: 'graix', spellings: ['graix'] },
      { name: 'PLANFOY', spellings: ['PLANFOY'] },
    ]);
    expect(warnings.sorted().map((w) => [w.code, w.params.spelling, w.params.lines])).toEqual([
      ['commune-spelling', 'Marlhes', [10, 100]],
    ]);
  });

  test('a spelling of the same words with its accents and hyphens is shown rather than one typed without them', () => {
    const directory = new CommuneDirectory();
    directory.addParty('Maël-Carhaix', 10);
    directory.addParty('SAINT-NICOLAS-DU-PÉLEM', 11);
    directory.addParty('Le Bessat', 12);
    directory.mention('Mael Carhaix', 100, true);
    directory.mention('Mael Carhaix', 200, true);
    directory.mention('Saint Nicolas du Pelem', 300, true);
    directory.mention('Bessat', 400, true);
    const warnings = new WarningSink();
    expect(directory.finish(warnings)).toEqual([
      { name: 'Maël-Carhaix', spellings: ['Maël-Carhaix', 'Mael Carhaix'] },
      // A spelling in capitals is never shown, accents or not; an article more or less is another writing.
      { name: 'Saint Nicolas du Pelem', spellings: ['Saint Nicolas du Pelem', 'SAINT-NICOLAS-DU-PÉLEM'] },
      { name: 'Bessat', spellings: ['Bessat', 'Le Bessat'] },
    ]);
    expect(warnings.sorted().map((w) => [w.code, w.params.commune, w.params.spelling, w.params.lines])).toEqual([
      ['commune-spelling', 'Saint Nicolas du Pelem', 'SAINT-NICOLAS-DU-PÉLEM', [11]],
      ['commune-spelling', 'Bessat', 'Le Bessat', [12]],
      ['commune-spelling', 'Maël-Carhaix', 'Mael Carhaix', [100, 200]],
    ]);
  });

  test('a hyphen typed after a leading article does not make a spelling the one shown', () => {
    const directory = new CommuneDirectory();
    directory.addParty('Le Bessat', 12);
    directory.addParty('La Valla-en-Gier', 13);
    directory.mention('Le Bessat', 100, true);
    directory.mention('Le Bessat', 200, true);
    directory.mention('Le-Bessat', 300, true);
    directory.mention('La Valla-en-Gier', 400, true);
    directory.mention('La-Valla-en-Gier', 500, true);
    expect(directory.finish(new WarningSink()).map((commune) => commune.name)).toEqual([
      'Le Bessat',
      'La Valla-en-Gier',
    ]);
  });
});

describe('the catalogue of the reader', () => {
  test('every warning and failure code has a description and a French template, and nothing else is there', () => {
    const described = [...Object.keys(planWarningDescriptions), ...Object.keys(planFailureDescriptions)].sort();
    expect(Object.keys(planMessages).sort()).toEqual(described);
    for (const template of Object.values(planMessages)) expect(template({})).toMatch(/\S/);
  });
});
