import fc from 'fast-check';
import { currentContributions, type ContributionEntry } from '../../src/domain/contributions';
import { recipientKey as partnerKey } from '../../src/domain/recipients';

/** The current contribution of a partner to a cell is its last line of `Contributions` (issue 7's contract). */

const entry = (partner: string, key: string, field: string, value: number, at = '2026-07-01T10:00:00Z') =>
  ({
    at,
    file: 'retour.xlsx',
    partner,
    key,
    label: field,
    field,
    value: { type: 'number', value },
  }) satisfies ContributionEntry;

describe('currentContributions', () => {
  it('keeps the last line of each partner, key and field, the partner’s name compared without case, accents or spacing', () => {
    const lines = [
      entry('Mairie de Pélussin', 'G1-QN1', '2026-T3', 1),
      entry('CCMP', 'G1-QN1', '2026-T3', 5),
      entry('mairie de  pelussin ', 'G1-QN1', '2026-T3', 2),
      entry('Mairie de Pélussin', 'G1-QN1', '2026-T4', 3),
      entry('Mairie de Pélussin', 'G1-QN2', '2026-T3', 4),
    ];
    expect(currentContributions(lines)).toEqual([lines[1], lines[2], lines[3], lines[4]]);
  });

  it('gives one line per partner, key and field, each the last one written', () => {
    const line = fc
      .record({
        partner: fc.constantFrom('CCMP', 'ccmp', 'Écoles', 'ecoles', 'Centre social X'),
        key: fc.constantFrom('G1', 'G1-QN1', 'G2'),
        field: fc.constantFrom('status', '2026-T3', 'comment'),
        value: fc.integer(),
      })
      .map(({ partner, key, field, value }) => entry(partner, key, field, value));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const current = currentContributions(lines);
        const identity = (one: ContributionEntry) => `${partnerKey(one.partner)}|${one.key}|${one.field}`;
        expect(new Set(current.map(identity)).size).toBe(current.length);
        expect(new Set(lines.map(identity)).size).toBe(current.length);
        for (const one of current) {
          const last = lines.filter((other) => identity(other) === identity(one)).at(-1);
          expect(one).toBe(last);
        }
      }),
    );
  });

  it('compares names without case, accents or spacing', () => {
    expect(partnerKey('  Centre\u00a0Social   Élan ')).toBe(partnerKey('centre social elan'));
    expect(partnerKey('CCMP')).not.toBe(partnerKey('CCPM'));
  });
});
