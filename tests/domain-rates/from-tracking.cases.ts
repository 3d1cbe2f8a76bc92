import { parseQuarterLabel } from '../../src/domain/periods';
import { completionSummary, rateAxisOf, rateWindow, splitCarriers } from '../../src/domain/rates';
import type { CriterionRow, FicheRow, TrackingRow } from '../../src/domain/tracking';

const base = (key: string, row: number) => ({ sheet: 'Axe 2', row, key, typeText: '', cells: {} });

function ficheRow(key: string, row: number, fields: Partial<FicheRow>): FicheRow {
  return {
    ...base(key, row),
    type: 'fiche',
    title: key,
    interest: '',
    carriers: '',
    partners: '',
    territories: '',
    fields: '',
    publics: '',
    budget: '',
    status: null,
    abandonedIn: null,
    progress: null,
    implementation: '',
    difficulties: '',
    updatedOn: null,
    updatedBy: '',
    ...fields,
  };
}

function criterionRow(key: string, row: number, values: CriterionRow['values']): CriterionRow {
  return {
    ...base(key, row),
    type: 'criterion',
    kind: key.includes('-QN') ? 'quantitative' : 'qualitative',
    title: key,
    unit: '',
    frequency: 'Trimestrielle',
    baseline: null,
    target: 4,
    aggregation: null,
    values,
    // The rates read values only, never cells.
    quarterCells: { labels: [], cell: () => undefined, forEachHeld: () => {} },
    comment: '',
  };
}

describe('rows read back from an axis sheet', () => {
  it('splits the Porteur(s) cell as the sheet writes it', () => {
    expect(splitCarriers('CCMP ; Mairie (s) ;; ')).toEqual(['CCMP', 'Mairie (s)']);
    expect(splitCarriers('')).toEqual([]);
  });

  it('gathers each fiche with the criteria whose key names it, whatever rows lie between', () => {
    const rows: TrackingRow[] = [
      ficheRow('F1', 5, { carriers: 'CCMP ; Mairie (s)', status: 'En cours', progress: 30, difficulties: 'Retard' }),
      criterionRow('F1-QN1', 6, { '2026-T1': 2 }),
      ficheRow('F2', 7, { carriers: 'Mairie (s)' }),
      criterionRow('F2-QL1', 8, { '2026-T1': 'Satisfaisant' }),
      criterionRow('F1-QN2', 9, {}), // out of place: still F1's
      criterionRow('F9-QN1', 10, { '2026-T1': 1 }), // no fiche F9: left out
      { ...base('', 11), type: 'unknown' },
    ];
    const axis = rateAxisOf(2, 'Jeunesse', rows);
    expect(axis.fiches.map((fiche) => [fiche.carriers, fiche.criteria.length])).toEqual([
      [['CCMP', 'Mairie (s)'], 2],
      [['Mairie (s)'], 1],
    ]);
    const summary = completionSummary(
      [axis],
      rateWindow({ start: '2026-01-01', end: '2026-12-31' }, parseQuarterLabel('2026-T1')!),
    );
    // F1: 1 of 2 filled, achievement 2/4; F2: 1 of 1.
    expect(summary.axes[0]).toMatchObject({
      number: 2,
      title: 'Jeunesse',
      fiches: 2,
      criteria: 3,
      fichesWithDifficulties: 1,
    });
    expect(summary.overall.fillPeriod).toBeCloseTo(2 / 3, 12);
    expect(summary.overall.achievement).toBeCloseTo(0.5, 12);
    expect(summary.carriers.map((carrier) => [carrier.name, carrier.fiches])).toEqual([
      ['CCMP', 1],
      ['Mairie (s)', 2],
    ]);
  });

  it('gives each criterion its fiche’s quarter of abandonment, which takes it out of the counts from then on', () => {
    const rows: TrackingRow[] = [
      ficheRow('F1', 5, { status: 'Abandonnée', abandonedIn: parseQuarterLabel('2026-T2') }),
      criterionRow('F1-QN1', 6, { '2026-T1': 2 }),
      ficheRow('F2', 7, {}),
      criterionRow('F2-QN1', 8, { '2026-T1': 1, '2026-T2': 3 }),
    ];
    const axis = rateAxisOf(2, 'Jeunesse', rows);
    expect(axis.fiches.map((fiche) => fiche.criteria.map((criterion) => criterion.abandonedIn ?? null))).toEqual([
      [{ year: 2026, q: 2 }],
      [null],
    ]);
    const period = { start: '2026-01-01', end: '2026-12-31' };
    const atT2 = completionSummary([axis], rateWindow(period, parseQuarterLabel('2026-T2')!)).overall;
    // F1-QN1 expects T1 only (filled), and counts in no réalisation; F2-QN1 expects T1 and T2 (both filled, 3/4).
    expect(atT2).toMatchObject({ fillPeriod: 1, fillCumulative: 1, achievement: 0.75 });
    const atT1 = completionSummary([axis], rateWindow(period, parseQuarterLabel('2026-T1')!)).overall;
    // Before the abandonment F1 counts as any fiche: achievements 2/4 and 1/4.
    expect(atT1.achievement).toBeCloseTo(0.375, 12);
  });
});
