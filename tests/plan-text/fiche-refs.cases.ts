import { readWrittenRef } from '../../src/plan-text/fiche-refs';
import { isRowKey } from '../../src/domain/plan';
import { renderMessage } from '../../src/domain/messages';
import { matchPlanKeys } from '../../src/domain/keys-matching';
import { codes, ficheByKey, fiches, parsedOk, replaceOnce, seedText } from './seed-helpers';
import { ficheLines, smallConvention } from './small-convention';

describe('a fiche ref as written in the plan', () => {
  it.each([
    ['G1', 'G1', ''],
    ['pe20', 'pe20', ''],
    ['AD-1', 'AD1', ''],
    ['1.2', 'F1-2', ''],
    ['0.9', 'F0-9', ''],
    ['A3bis', 'A3BIS', ''],
    ['A3 bis', 'A3BIS', ''],
    ['S 4', 'S4', ''],
    ['PE 2.1', 'PE2-1', ''],
    ['É-12', 'E12', ''],
    ['Fiche 3', 'FICHE3', ''],
    // « n° » (numéro) says nothing of the fiche: « Fiche n° 3 » is « Fiche 3 ».
    ['Fiche n° 3', 'FICHE3', ''],
    ['Fiche n°3', 'FICHE3', ''],
    ['FA N° 1.2', 'FA1-2', ''],
    // « Fiche action n° 3 » names the fiche as « Fiche n° 3 » does: the same key.
    ['Fiche action n°3', 'FICHE3', ''],
    ['Fiche-action n° 12 Un lieu', 'FICHE12', 'Un lieu'],
    ['FICHE ACTION N° 4', 'FICHE4', ''],
    ['Fiche nº 3 Un lieu', 'FICHE3', 'Un lieu'],
    ['AD-1 Permanences d’accès aux droits', 'AD1', 'Permanences d’accès aux droits'],
    ['PE 12 Accueil des familles', 'PE12', 'Accueil des familles'],
    ['Fiche 3 Un lieu', 'FICHE3', 'Un lieu'],
    ['A3 bis Le RPE', 'A3BIS', 'Le RPE'],
    ['B2 TER Le RPE', 'B2TER', 'Le RPE'],
    // A Roman numeral from I to XX, a dot, then the fiche's number: the axis's number then the fiche's, as « 1.2 ».
    ['I.1', 'F1-1', ''],
    ['II.3', 'F2-3', ''],
    ['XIV.12', 'F14-12', ''],
    ['IV.2', 'F4-2', ''],
    ['II. 3', 'F2-3', ''],
    ['II.3 Le RPE', 'F2-3', 'Le RPE'],
    // The same letters as a letter code (V for « vie sociale »…) read as Roman all the same: see docs/DOMAIN.md.
    ['V.1', 'F5-1', ''],
    // No dot after them, lower case, or no numeral from I to XX: letters of a code, as « AD-1 ».
    ['I-1', 'I1', ''],
    ['II 3', 'II3', ''],
    ['i.1', 'I1', ''],
    ['IIII.1', 'IIII1', ''],
    ['C.1', 'C1', ''],
  ])('« %s » is the ref %s (then « %s »)', (written, ref, rest) => {
    expect(readWrittenRef(written)).toMatchObject({ ref, rest });
    expect(isRowKey(ref)).toBe(true);
    expect(isRowKey(`${ref}-B-QN2`)).toBe(true);
  });

  // The ref ends with its digits (and a `bis`, `ter` or `quater`): a short word of the title is no part of it.
  it.each([
    ['G1 La parentalité', 'G1', 'La parentalité'],
    ['G1 Un lieu', 'G1', 'Un lieu'],
    ['G1 Aux familles', 'G1', 'Aux familles'],
    ['G1 : Le RPE', 'G1', 'Le RPE'],
    ['G1: Le RPE', 'G1', 'Le RPE'],
    ['G1 (suite)', 'G1', '(suite)'],
    ['G1 – RAM', 'G1', 'RAM'],
    ['G1 - RAM', 'G1', 'RAM'],
    ['G1 — RAM', 'G1', 'RAM'],
    ['pe20 Le RPE', 'pe20', 'Le RPE'],
    ['AD-1 : Le RPE', 'AD1', 'Le RPE'],
    ['PE 2.1 Le RPE', 'PE2-1', 'Le RPE'],
    ['A3bis – Le RPE', 'A3BIS', 'Le RPE'],
  ])('« %s » is the ref %s, then the title « %s »', (written, ref, rest) => {
    expect(readWrittenRef(written)).toMatchObject({ ref, rest });
  });

  test('fiches written « Fiche n° 1 », « Fiche n° 2 » keep keys of their own, not generated ones', () => {
    const text = replaceOnce(
      replaceOnce(seedText, 'Réf de la fiche action :\n\nG1\n', 'Réf de la fiche action :\n\nFiche n° 1\n'),
      'Réf de la fiche action :\n\nF2\n',
      'Réf de la fiche action :\n\nFiche n° 2\n',
    );
    const { plan, warnings } = parsedOk(text);
    expect(
      fiches(plan)
        .slice(0, 2)
        .map((f) => f.key),
    ).toEqual(['FICHE1', 'FICHE2']);
    expect(codes(warnings)).not.toContain('missing-ref');
    const invalid = warnings.filter((w) => w.code === 'invalid-ref');
    expect(renderMessage('invalid-ref', invalid[0].params)).toContain('FICHE1');
  });

  test('a ref followed by a short-worded title on its line keys the fiche by the ref alone', () => {
    const title = "Renforcer l'accompagnement à la parentalité sur le territoire";
    const withoutTitle = replaceOnce(seedText, `Familles\n\n${title}\n\nBudget`, 'Familles\n\nBudget');
    const text = replaceOnce(
      withoutTitle,
      'Réf de la fiche action :\n\nF2\n',
      'Réf de la fiche action :\n\nF2 : Le RPE\n',
    );
    const fiche = ficheByKey(parsedOk(text).plan, 'F2');
    expect(fiche.ref).toBe('F2');
    expect(fiche.title).toBe('Le RPE');
  });

  test('a fiche written « F2 » keeps the key F2 when a fiche written « F-2 » comes before it', () => {
    // The key derived from « F-2 » would be F2: the fiche whose ref is written so has it, wherever it comes.
    const text = replaceOnce(seedText, 'Réf de la fiche action :\n\nG1\n', 'Réf de la fiche action :\n\nF-2\n');
    const { plan, warnings } = parsedOk(text);
    const written = plan.axes
      .flatMap((axis) => axis.fiches)
      .find((fiche) => fiche.title.startsWith('Garantir la pérennité'));
    expect(ficheByKey(plan, 'F2').title).toBe("Renforcer l'accompagnement à la parentalité sur le territoire");
    expect(written?.key).toBe('F2-B');
    expect(warnings).toContainEqual(
      expect.objectContaining({ code: 'duplicate-ref', params: expect.objectContaining({ key: 'F2-B' }) }),
    );
  });

  it.each(['', '—', '?', 'Permanences d’accès aux droits', 'Accueil-jeunes-2026-et-plus', 'Un lieu G1'])(
    '« %s » is no ref',
    (written) => {
      expect(readWrittenRef(written).ref).toBeNull();
    },
  );

  describe('a ref written « I.1 », a Roman axis number then the fiche’s', () => {
    const keysOf = (text: string) => fiches(parsedOk(text).plan).map((f) => [f.key, f.title, f.criteria[0].key]);

    test('is keyed as « 1.2 » is, apart from a fiche written « I1 », with a notice naming both', () => {
      const { plan, warnings } = parsedOk(smallConvention);
      expect(keysOf(smallConvention)).toEqual([
        ['F1-1', 'Un multi-accueil à Chalamont', 'F1-1-QN1'],
        ['I1', 'Un relais petite enfance itinérant', 'I1-QN1'],
        ['F2-1', 'Un accueil de jeunes à Villars-les-Dombes', 'F2-1-QN1'],
      ]);
      expect(ficheByKey(plan, 'F1-1').ref).toBe('F1-1');
      expect(codes(warnings)).not.toContain('duplicate-ref');
      const notices = warnings.filter((w) => w.code === 'invalid-ref').map((w) => renderMessage(w.code, w.params));
      expect(notices).toEqual([
        'Référence de fiche «\u00a0I.1\u00a0» hors de la forme lettres puis chiffres (ex. G1)\u00a0: la fiche a la clé «\u00a0F1-1\u00a0», tirée de cette référence.',
        'Référence de fiche «\u00a0II.1\u00a0» hors de la forme lettres puis chiffres (ex. G1)\u00a0: la fiche a la clé «\u00a0F2-1\u00a0», tirée de cette référence.',
      ]);
    });

    test('keeps its key whatever the axes’ numbering and the fiches before it, so a regeneration finds it', () => {
      const stored = parsedOk(smallConvention).plan;
      // Axis headings now in digits (« II » would be 11 among digits) and a fiche inserted before « I.1 ».
      const amended = replaceOnce(
        replaceOnce(smallConvention, 'I) Petite enfance', '1) Petite enfance'),
        'II) Jeunesse',
        '2) Jeunesse',
      ).replace(
        'Réf de la fiche action : I.1\n',
        `${ficheLines('1.0', 'Une fiche ajoutée', 'Un besoin nouveau.').join('\n')}\nRéf de la fiche action : I.1\n`,
      );
      expect(keysOf(amended).map(([key]) => key)).toEqual(['F1-0', 'F1-1', 'I1', 'F2-1']);
      const matching = matchPlanKeys(stored, parsedOk(amended).plan, []);
      expect(matching.removed).toEqual([]);
      expect(matching.added).toEqual(['F1-0', 'F1-0-QN1', 'F1-0-QL1']);
    });
  });
});
