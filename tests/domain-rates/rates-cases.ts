import type { RateCriterion, RateFiche } from '../../src/domain/rates';
import type { RawValue } from '../../src/domain/tracking';
import type { FicheStatus, Frequency } from '../../src/domain/vocabulary';

/** Small hand-made rows shared by the rate tests. */

export const period2026to2027T2 = { start: '2026-01-01', end: '2027-06-30' };

export function quantitative(
  frequency: Frequency | null,
  values: Record<string, RawValue>,
  baseline: number | null = null,
  target: number | null = null,
): RateCriterion {
  return { kind: 'quantitative', frequency, baseline, target, values };
}

export function qualitative(frequency: Frequency | null, values: Record<string, RawValue>): RateCriterion {
  return { kind: 'qualitative', frequency, baseline: null, target: null, values };
}

export function fiche(criteria: RateCriterion[], fields: Partial<Omit<RateFiche, 'criteria'>> = {}): RateFiche {
  return {
    status: null as FicheStatus | null,
    progress: null,
    difficulties: '',
    carriers: [],
    ...fields,
    criteria,
  };
}
