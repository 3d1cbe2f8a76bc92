import { coveringText } from '../../src/app/extract';

/**
 * The e-mail an extract goes with names the territory and the recipient as they are written: an EPCI's full name
 * (« Communauté de communes des Monts du Pilat ») as well as a place's (« Monts du Pilat »), a partner's name
 * (« Centre social Le Colibri ») as well as a commune's. Put in guillemets, each reads as French whatever word it
 * begins with: « du territoire Communauté de communes… » and « préparé pour Centre social… » did not.
 */

const NBSP = '\u00a0';
const quoted = (name: string) => `«${NBSP}${name}${NBSP}»`;
const today = new Date('2026-08-20T10:00:00Z');
const firstParagraph = (text: string) => text.split('\n')[2];

describe('the covering text of an extract', () => {
  it.each([
    ['an EPCI’s full name', 'Communauté de communes des Monts du Pilat'],
    ['a place’s name', 'Monts du Pilat'],
    ['a name with an article', 'Le Pilat'],
  ])('names a territory given as %s in guillemets, after « du territoire »', (_kind, territory) => {
    const text = coveringText(territory, { kind: 'commune', name: 'Jonzieux' }, { year: 2026, q: 3 }, 2, today);
    expect(firstParagraph(text)).toBe(
      'Vous trouverez ci-joint l’extrait du tableau de suivi de la Convention territoriale globale (CTG) du ' +
        `territoire ${quoted(territory)}, préparé pour ${quoted('Jonzieux')}${NBSP}: les 2 fiches actions qui vous ` +
        'concernent, avec leurs critères d’évaluation.',
    );
  });

  it('names a partner in guillemets too, whatever its name begins with', () => {
    const partner = { kind: 'partner' as const, name: 'Centre social Le Colibri' };
    const text = coveringText('Monts du Pilat', partner, { year: 2026, q: 3 }, 1, today);
    expect(firstParagraph(text)).toContain(
      `préparé pour ${quoted('Centre social Le Colibri')}${NBSP}: la fiche action qui vous concerne`,
    );
  });
});
