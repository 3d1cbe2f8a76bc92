import { parseQuarterLabel } from '../../src/domain/periods';
import { achievementRate, latestValue, meanAchievement, rateWindow } from '../../src/domain/rates';
import { period2026to2027T2, qualitative, quantitative } from './rates-cases';

const at = (label: string) => rateWindow(period2026to2027T2, parseQuarterLabel(label)!);

describe('taux de réalisation of a criterion', () => {
  const quarterly = quantitative('Trimestrielle', { '2026-T1': 5, '2026-T2': '7', '2026-T4': 4 }, null, 10);

  it('reads the latest filled value up to Q against an empty Référence (0)', () => {
    expect(achievementRate(quarterly, at('2026-T4'))).toBeCloseTo(0.4, 12);
    // In 2026-T2 the cell holds "7" as text: the latest number is T1's 5.
    expect(latestValue(quarterly, at('2026-T2'))).toBe(5);
    expect(achievementRate(quarterly, at('2026-T3'))).toBeCloseTo(0.5, 12);
  });

  it('ignores values after Q and values in quarters that expect none', () => {
    const annual = quantitative('Annuelle', { '2026-T2': 10, '2027-T1': 99, '2027-T2': 7 }, 2, 12);
    expect(achievementRate(annual, at('2026-T4'))).toBeNull(); // T2's 10 is not expected
    expect(achievementRate(annual, at('2027-T1'))).toBeNull(); // 2027-T1 expects no annual value
    expect(achievementRate(annual, at('2027-T2'))).toBeCloseTo((7 - 2) / (12 - 2), 12); // last quarter
  });

  it('works toward a target below the baseline', () => {
    const decreasing = quantitative('Trimestrielle', { '2026-T1': 8 }, 10, 5);
    expect(achievementRate(decreasing, at('2026-T1'))).toBeCloseTo(0.4, 12);
  });

  it('is clamped to [0, 1]', () => {
    expect(achievementRate(quantitative('Trimestrielle', { '2026-T1': 25 }, 0, 10), at('2026-T1'))).toBe(1);
    expect(achievementRate(quantitative('Trimestrielle', { '2026-T1': -3 }, 0, 10), at('2026-T1'))).toBe(0);
    expect(achievementRate(quantitative('Trimestrielle', { '2026-T1': 0 }, 0, 10), at('2026-T1'))).toBe(0);
  });

  it('is undefined without a Cible, when Cible = Référence, without a value, or for a qualitative criterion', () => {
    expect(achievementRate(quantitative('Trimestrielle', { '2026-T1': 5 }, 0, null), at('2026-T1'))).toBeNull();
    expect(achievementRate(quantitative('Trimestrielle', { '2026-T1': 5 }, 3, 3), at('2026-T1'))).toBeNull();
    // Cible 0 and an empty Référence (0): T = B.
    expect(achievementRate(quantitative('Trimestrielle', { '2026-T1': 5 }, null, 0), at('2026-T1'))).toBeNull();
    expect(achievementRate(quantitative('Trimestrielle', { '2026-T1': '5' }, 0, 10), at('2026-T1'))).toBeNull();
    expect(achievementRate(qualitative('Trimestrielle', { '2026-T1': 'Satisfaisant' }), at('2026-T1'))).toBeNull();
  });
});

describe('taux de réalisation of a set', () => {
  it('is the mean over the criteria with a defined value, not the mean of fiche means', () => {
    const full = quantitative('Trimestrielle', { '2026-T1': 10 }, 0, 10); // 1
    const none = quantitative('Trimestrielle', { '2026-T1': 0 }, 0, 10); // 0
    const undefinedOne = quantitative('Trimestrielle', {}, 0, 10); // no value: left out
    const other = quantitative('Trimestrielle', { '2026-T1': 10 }, 0, 10); // 1
    const window = at('2026-T1');
    const ficheA = [full, none, undefinedOne];
    const ficheB = [other];
    expect(meanAchievement(ficheA, window)).toBeCloseTo(0.5, 12);
    expect(meanAchievement([...ficheA, ...ficheB], window)).toBeCloseTo(2 / 3, 12);
    expect((meanAchievement(ficheA, window)! + meanAchievement(ficheB, window)!) / 2).toBeCloseTo(0.75, 12);
  });

  it('is undefined when no criterion has one', () => {
    expect(meanAchievement([quantitative('Annuelle', {}, 0, 5)], at('2026-T4'))).toBeNull();
    expect(meanAchievement([], at('2026-T4'))).toBeNull();
  });
});
