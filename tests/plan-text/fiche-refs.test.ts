import { readWrittenRef } from '../../src/plan-text/fiche-refs';
import { isRowKey } from '../../src/domain/plan';

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
  ])('« %s » is the ref %s (then « %s »)', (written, ref, rest) => {
    expect(readWrittenRef(written)).toEqual({ ref, rest });
    expect(isRowKey(ref)).toBe(true);
    expect(isRowKey(`${ref}-B-QN2`)).toBe(true);
  });

  it.each(['', '—', '?', 'Permanences d’accès aux droits', 'Accueil-jeunes-2026-et-plus'])(
    '« %s » is no ref',
    (written) => {
      expect(readWrittenRef(written).ref).toBeNull();
    },
  );
});
