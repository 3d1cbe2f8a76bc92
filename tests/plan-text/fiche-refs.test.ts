import { readWrittenRef } from '../../src/plan-text/fiche-refs';
import { isRowKey } from '../../src/domain/plan';
import { ficheByKey, parsedOk, replaceOnce, seedText } from './seed-helpers';

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
    ['AD-1 Permanences d’accès aux droits', 'AD1', 'Permanences d’accès aux droits'],
    ['PE 12 Accueil des familles', 'PE12', 'Accueil des familles'],
    ['Fiche 3 Un lieu', 'FICHE3', 'Un lieu'],
    ['A3 bis Le RPE', 'A3BIS', 'Le RPE'],
    ['B2 TER Le RPE', 'B2TER', 'Le RPE'],
  ])('« %s » is the ref %s (then « %s »)', (written, ref, rest) => {
    expect(readWrittenRef(written)).toEqual({ ref, rest });
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
    expect(readWrittenRef(written)).toEqual({ ref, rest });
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
});
