import { renderMessage } from '../../src/domain/messages';
import { codes, ficheByKey, parsedOk, replaceOnce } from './seed-helpers';
import { smallConvention } from './small-convention';

/**
 * Porteurs, territoires, champs and publics written one a line, each behind a list marker: the items are what
 * follows the marker, as a reader sees them, never « - CCD ».
 */

/** The small convention with fiche I1's `label` value replaced by `lines`. */
function withList(label: string, value: string, lines: string[]): string {
  const fiche = smallConvention.indexOf('Réf de la fiche action : I1\n');
  const at = smallConvention.indexOf(`${label} : ${value}\n`, fiche);
  expect(at).toBeGreaterThan(fiche);
  const line = `${label} : ${value}\n`;
  return smallConvention.slice(0, at) + `${label} :\n${lines.join('\n')}\n` + smallConvention.slice(at + line.length);
}

describe('lists written one item a line behind a marker', () => {
  test.each([['- '], ['• '], ['1) '], ['o ']])('porteurs behind « %s» are the porteurs', (marker) => {
    const text = withList("Porteur de l'action", 'CCD', [
      `${marker}CCD`,
      `${marker}Commune de Chalamont`,
      `${marker}Caf de l'Ain`,
    ]);
    expect(ficheByKey(parsedOk(text).plan, 'I1').carriers).toEqual(['CCD', 'Commune de Chalamont', "Caf de l'Ain"]);
  });

  test('territories behind bullets are the communes, shown in their spelling, with no unknown territory', () => {
    const text = withList('Territoire(s) cible(s)', 'Chalamont; CCD', ['- Chalamont', '- Villars-les-Dombes', '- CCD']);
    const { plan, warnings } = parsedOk(text);
    expect(ficheByKey(plan, 'I1').territories).toEqual(['Chalamont', 'Villars-les-Dombes', 'CCD']);
    expect(plan.parties.communes.map((commune) => commune.name)).not.toContain('- Chalamont');
    expect(codes(warnings)).not.toContain('unknown-territory');
  });

  test('champs behind bullets are the Caf’s champs', () => {
    const text = withList("Champ(s) d'intervention(s)", 'Besoin de garde', [
      '• Besoin de garde',
      '• Soutien à la parentalité',
    ]);
    const { plan, warnings } = parsedOk(text);
    expect(ficheByKey(plan, 'I1').fields).toEqual(['Besoin de garde', 'Soutien à la parentalité']);
    expect(codes(warnings)).not.toContain('outside-vocabulary');
  });

  test('publics behind bullets are the publics, and the line under them the title', () => {
    const text = replaceOnce(
      smallConvention,
      'Public cible : Familles\nUn relais petite enfance itinérant',
      'Public cible :\n- Familles\n- Petite enfance\nUn relais petite enfance itinérant',
    );
    const fiche = ficheByKey(parsedOk(text).plan, 'I1');
    expect(fiche.publics).toEqual(['Familles', 'Petite enfance']);
    expect(fiche.title).toBe('Un relais petite enfance itinérant');
  });

  test('a bulleted item folded over two lines stays one item', () => {
    const text = withList("Porteur de l'action", 'CCD', [
      '- CCD',
      '- Centre social de la Dombes et',
      'du Val de Saône',
      '- Caf',
    ]);
    expect(ficheByKey(parsedOk(text).plan, 'I1').carriers).toEqual([
      'CCD',
      'Centre social de la Dombes et du Val de Saône',
      'Caf',
    ]);
  });
});

describe('porteurs written with commas', () => {
  test('are kept as written, one porteur, and reported at their line with what to do', () => {
    const text = replaceOnce(
      smallConvention,
      "Réf de la fiche action : I1\nIntérêt : intérêt fort\nMéthodologie : Collective\nPublic cible : Familles\nUn relais petite enfance itinérant\nBudget : Existant\nPorteur de l'action : CCD",
      "Réf de la fiche action : I1\nIntérêt : intérêt fort\nMéthodologie : Collective\nPublic cible : Familles\nUn relais petite enfance itinérant\nBudget : Existant\nPorteur de l'action : CCD, Caf de l'Ain, MSA Ain-Rhône",
    );
    const { plan, warnings } = parsedOk(text);
    expect(ficheByKey(plan, 'I1').carriers).toEqual(["CCD, Caf de l'Ain, MSA Ain-Rhône"]);
    const reported = warnings.filter((warning) => warning.code === 'carrier-with-commas');
    expect(reported).toHaveLength(1);
    expect(text.split('\n')[reported[0].line - 1]).toContain("Porteur de l'action : CCD, Caf");
    expect(renderMessage('carrier-with-commas', reported[0].params).replace(/\u00A0/g, ' ')).toBe(
      "Porteur « CCD, Caf de l'Ain, MSA Ain-Rhône » (fiche I1) : lu comme un seul porteur, les virgules pouvant " +
        'faire partie d’un nom. S’il nomme plusieurs porteurs, séparez-les par « ; » dans le texte du plan, puis relisez-le.',
    );
  });

  test('porteurs parted by « ; » are not reported', () => {
    expect(codes(parsedOk(smallConvention).warnings)).not.toContain('carrier-with-commas');
  });
});

describe('a list that says it has nothing', () => {
  /** The small convention with fiche I1's qualitative criteria replaced by `lines`. */
  const withQualitative = (lines: string[]) => {
    const fiche = smallConvention.indexOf('Réf de la fiche action : I1\n');
    const criteria = 'Critères qualitatifs :\n- Satisfaction des familles\n';
    const at = smallConvention.indexOf(criteria, fiche);
    expect(at).toBeGreaterThan(fiche);
    return (
      smallConvention.slice(0, at) +
      `Critères qualitatifs :\n${lines.join('\n')}\n` +
      smallConvention.slice(at + criteria.length)
    );
  };
  test.each([['Néant'], ['À définir'], ['A préciser.'], ['Sans objet'], ['/'], ['…'], ['N/A'], ['- néant']])(
    'criteria written « %s » are none, and the warning says the word was left out',
    (word) => {
      const text = withQualitative([word]);
      const { plan, warnings } = parsedOk(text);
      expect(ficheByKey(plan, 'I1').criteria.map((criterion) => criterion.text)).toEqual(['Nombre de places ouvertes']);
      const warning = warnings.find((w) => w.code === 'placeholder-item');
      expect(warning && renderMessage('placeholder-item', warning.params).replace(/\u00A0/g, ' ')).toBe(
        `« ${word.replace(/^- /, '')} » ignoré dans « Critères qualitatifs » (fiche I1) : ce mot dit qu’il n’y a rien ` +
          'à suivre, il ne devient pas un élément de la liste.',
      );
    },
  );

  test('a criterion that only begins with such a word stays a criterion', () => {
    const text = withQualitative(['- À définir avec les familles : leur satisfaction', '- Aucun enfant sans solution']);
    const { plan, warnings } = parsedOk(text);
    expect(ficheByKey(plan, 'I1').criteria.map((criterion) => criterion.text)).toEqual([
      'Nombre de places ouvertes',
      'À définir avec les familles : leur satisfaction',
      'Aucun enfant sans solution',
    ]);
    expect(codes(warnings)).not.toContain('placeholder-item');
  });
});
