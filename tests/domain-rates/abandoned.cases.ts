import { parseQuarterLabel } from '../../src/domain/periods';
import {
  achievementRate,
  completionSummary,
  criterionRowRates,
  ficheRowRates,
  fillRateCumulative,
  fillRatePeriod,
  isMissing,
  rateWindow,
  type RateCriterion,
} from '../../src/domain/rates';
import { fiche, period2026to2027T2, qualitative, quantitative } from './rates-cases';

/**
 * A fiche set to « Abandonnée » (docs/WORKBOOK.md, « Abandoned fiches »): from its quarter of abandonment on, its
 * criteria expect no value (taux de renseignement, missing mark) and count in no réalisation; the quarters before
 * count as for any criterion.
 */

const q = (label: string) => parseQuarterLabel(label)!;
const windowAt = (label: string) => rateWindow(period2026to2027T2, q(label));
const abandonedIn = (criterion: RateCriterion, label: string): RateCriterion => ({
  ...criterion,
  abandonedIn: q(label),
});

// Abandoned in 2026-T3: T1 and T2 filled, T3 and T4 empty; Référence 0, Cible 8.
const counted = quantitative('Trimestrielle', { '2026-T1': 2, '2026-T2': 4 }, 0, 8);
const stopped = abandonedIn(counted, '2026-T3');

describe('criteria of an abandoned fiche', () => {
  it('expect no value from the quarter of abandonment on, and count as before in the quarters before it', () => {
    expect(fillRateCumulative([counted], windowAt('2026-T4'))).toBe(0.5);
    expect(fillRateCumulative([stopped], windowAt('2026-T4'))).toBe(1);
    expect(fillRatePeriod([stopped], windowAt('2026-T3'))).toBeNull();
    expect(fillRatePeriod([stopped], windowAt('2026-T2'))).toBe(1);
    expect(isMissing(counted, q('2026-T3'), windowAt('2026-T3'))).toBe(true);
    expect(isMissing(stopped, q('2026-T3'), windowAt('2026-T3'))).toBe(false);
    // Even the convention's last quarter, which expects every criterion, expects nothing of it.
    expect(fillRatePeriod([stopped], windowAt('2027-T2'))).toBeNull();
  });

  it('count in no réalisation once Q reaches the quarter of abandonment, and as before until then', () => {
    expect(achievementRate(counted, windowAt('2026-T3'))).toBe(0.5);
    expect(achievementRate(stopped, windowAt('2026-T3'))).toBeNull();
    expect(achievementRate(stopped, windowAt('2026-T2'))).toBe(0.5);
    expect(criterionRowRates(stopped, windowAt('2026-T4'))).toEqual({ fillCumulative: 1, achievement: null });
  });

  it('leave the other fiches’ figures as they were, and the pooled figures without them', () => {
    const other = fiche([quantitative('Trimestrielle', { '2026-T3': 6 }, 0, 8), qualitative('Annuelle', {})]);
    const gone = fiche([stopped, abandonedIn(qualitative('Trimestrielle', { '2026-T1': 'Satisfaisant' }), '2026-T3')], {
      status: 'Abandonnée',
    });
    const window = windowAt('2026-T3');
    expect(ficheRowRates(gone, window)).toEqual({ fillCumulative: 3 / 4, achievement: null });
    const summary = completionSummary([{ number: 1, title: 'Axe', fiches: [other, gone] }], window);
    // Q: only `other`'s quantitative criterion expects a value (filled); cumulé: its 3 cells (1 filled) + 4 of `gone`.
    expect(summary.overall).toMatchObject({
      fiches: 2,
      criteria: 4,
      fillPeriod: 1,
      achievement: 0.75,
      statusCounts: { abandoned: 1, notStarted: 0, inProgress: 0, done: 0, postponed: 0 },
    });
    expect(summary.overall.fillCumulative).toBeCloseTo(4 / 7, 12);
  });
});
