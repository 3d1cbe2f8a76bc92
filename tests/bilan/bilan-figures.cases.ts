import { bilanJson, bilanSheets, buildBilan, type BilanOptions } from '../../src/app/bilan';
import type { Bilan } from '../../src/domain/bilan/bilan';
import { skippedSheet, type PartialWorkbookGrids, type WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage } from '../../src/domain/issues';
import { periodNotes } from '../../src/layout/bilan/synthesis-sheet';
import { regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { roundTrip } from '../rewrite/helpers';
import { bilanDay, bilanPlan, closedWorkbook, earlyChildhoodKeys, withCurrentQuarter } from './helpers/closed-workbook';
import { expectedCounts, expectedFiches, type ExpectedPeriod } from './helpers/independent-bilan';

/**
 * Each bilan of a workbook closed quarter by quarter, checked against the tracking rows and Historique read by the
 * test alone (helpers/independent-bilan.ts): the period's counts by axis and for the plan, each fiche's state at the
 * period's end, each criterion's values, latest value, réalisation, renseignement and comment.
 */

let grids: WorkbookGrids;

beforeAll(async () => {
  grids = await closedWorkbook();
}, 60_000);

async function bilanOf(options: Partial<BilanOptions> & Pick<BilanOptions, 'kind'>, of = grids) {
  const outcome = await buildBilan(of, { cdsf: false, today: bilanDay, ...options });
  if (!outcome.ok) throw new Error(outcome.issues.map(renderIssueMessage).join('\n'));
  return outcome;
}

/** Every figure of the bilan against the independent ones. */
function expectFigures(bilan: Bilan, workbook: WorkbookGrids, period: ExpectedPeriod, keys?: readonly string[]) {
  const fiches = expectedFiches(workbook, period, keys);
  const round = (counts: ReturnType<typeof expectedCounts>) => ({
    ...counts,
    achievementSum: Math.round(counts.achievementSum * 1e9),
  });
  const actual = (counts: Bilan['plan']) => {
    const { criteriaWithTarget: _unused, ...rest } = counts;
    return { ...rest, achievementSum: Math.round(counts.achievementSum * 1e9) };
  };
  expect(actual(bilan.plan)).toEqual(round(expectedCounts(fiches)));
  for (const axis of bilan.axes) {
    expect(actual(axis.counts)).toEqual(round(expectedCounts(fiches.filter((fiche) => fiche.axis === axis.number))));
  }
  expect(bilan.fiches.map((fiche) => fiche.key).sort()).toEqual(fiches.map((fiche) => fiche.key).sort());
  for (const fiche of bilan.fiches) {
    const expected = fiches.find((candidate) => candidate.key === fiche.key)!;
    expect({ key: fiche.key, axis: fiche.axis, status: fiche.status, progress: fiche.progress }).toEqual({
      key: expected.key,
      axis: expected.axis,
      status: expected.status,
      progress: expected.progress,
    });
    expect([fiche.implementation, fiche.difficulties]).toEqual([expected.implementation, expected.difficulties]);
    expect(actual(fiche.counts)).toEqual(round(expectedCounts([expected])));
    expect(
      fiche.criteria.map(({ key, values, latest, achievement, fillPeriod, comment }) => ({
        key,
        values,
        latest,
        achievement: achievement === null ? null : Math.round(achievement * 1e9),
        fillPeriod,
        comment,
      })),
    ).toEqual(
      expected.criteria.map((criterion) => ({
        ...criterion,
        achievement: criterion.achievement === null ? null : Math.round(criterion.achievement * 1e9),
      })),
    );
  }
}

const fiche = (bilan: Bilan, key: string) => bilan.fiches.find((candidate) => candidate.key === key)!;

describe('the bilan of a workbook closed quarter by quarter', () => {
  it('annual, a past year: the year’s quarters, states from Historique’s 2026-T4 snapshot, not from the sheets', async () => {
    const { bilan, warnings } = await bilanOf({ kind: 'annual', year: 2026 });
    expect(bilan.period).toEqual({
      kind: 'annual',
      year: 2026,
      first: '2026-T1',
      last: '2026-T4',
      measuredTo: '2026-T4',
      state: 'over',
      statesFrom: 'history',
    });
    expect(warnings).toEqual([]);
    expectFigures(bilan, grids, { first: '2026-T1', measuredTo: '2026-T4', statesOf: '2026-T4' });
    // The sheets say Réalisée, 100, « Clos », « Nouveau retard » now: the year ended otherwise.
    expect(fiche(bilan, 'G1')).toMatchObject({ status: 'En cours', progress: 60, implementation: 'Deux réunions' });
    expect(fiche(bilan, 'G1').criteria.find((c) => c.key === 'G1-QL1')!.comment).toBe('Bons échanges');
    expect(fiche(bilan, 'G2')).toMatchObject({ status: 'Reportée', difficulties: '' });
    expect(fiche(bilan, 'G1').criteria[0]).toMatchObject({
      values: [
        { quarter: '2026-T1', value: 2 },
        { quarter: '2026-T2', value: 4 },
        { quarter: '2026-T3', value: 6 },
      ],
      latest: 6,
      achievement: 0.6,
    });
  });

  it('annual, a year whose last quarter was closed before its end: in progress until its last day, then over', async () => {
    // 2026-T4 closed early (the workbook's current quarter is 2027-T1), the bilan made on 5 December 2026.
    const early = await bilanOf({ kind: 'annual', year: 2026, today: new Date('2026-12-05T10:00:00Z') });
    expect(early.bilan.period).toMatchObject({ measuredTo: '2026-T4', state: 'current', statesFrom: 'sheets' });
    expect(early.warnings.map((warning) => [warning.code, warning.sheet, warning.cell])).toEqual([
      ['bilan-period-not-ended', 'Paramètres', 'B9'],
    ]);
    expect(renderIssueMessage(early.warnings[0])).toBe(
      'Période en cours\u00a0: elle se termine le 31/12/2026, bien que le classeur soit ' +
        'déjà passé au trimestre 2027-T1. Les chiffres sont arrêtés à 2026-T4 et l’état des fiches est celui des ' +
        'feuilles d’axe\u00a0; refaites le bilan après le 31/12/2026 pour ses chiffres définitifs.',
    );
    expectFigures(early.bilan, grids, { first: '2026-T1', measuredTo: '2026-T4', statesOf: null });
    const after = await bilanOf({ kind: 'annual', year: 2026, today: new Date('2027-01-01T08:00:00Z') });
    expect(after.bilan.period).toMatchObject({ state: 'over', statesFrom: 'history' });
    expect(after.warnings).toEqual([]);
  });

  it('annual, the current year by default: measured to the current quarter, states from the sheets, and says so', async () => {
    const { bilan, warnings } = await bilanOf({ kind: 'annual' });
    expect(bilan.period).toMatchObject({
      year: 2027,
      first: '2027-T1',
      last: '2027-T4',
      measuredTo: '2027-T1',
      state: 'current',
      statesFrom: 'sheets',
    });
    expect(warnings.map(renderIssueMessage)).toEqual([
      'Période en cours\u00a0: les chiffres sont arrêtés au trimestre en cours, 2027-T1.',
    ]);
    expectFigures(bilan, grids, { first: '2027-T1', measuredTo: '2027-T1', statesOf: null });
    expect(fiche(bilan, 'G1')).toMatchObject({ status: 'Réalisée', progress: 100 });
  });

  it('annual, a year to come: nothing expected in the period yet, the cumulative figure to the current quarter', async () => {
    const { bilan, warnings } = await bilanOf({ kind: 'annual', year: 2028 });
    expect(bilan.period).toMatchObject({ first: '2028-T1', measuredTo: '2027-T1', state: 'future' });
    expect(warnings.map((warning) => warning.code)).toEqual(['bilan-period-not-over']);
    expect(renderIssueMessage(warnings[0])).toContain('Période à venir');
    expect(bilan.plan.period).toEqual({ filled: 0, expected: 0 });
    expect(bilanJson(bilan).plan.fillPeriod).toBeNull();
    expectFigures(bilan, grids, { first: '2028-T1', measuredTo: '2027-T1', statesOf: null });
  });

  it('intermédiaire: from the first quarter to the mid-term quarter of the steering calendar', async () => {
    const { bilan } = await bilanOf({ kind: 'midterm' });
    expect(bilan.period).toMatchObject({ year: null, first: '2026-T1', last: '2028-T3', measuredTo: '2027-T1' });
    expectFigures(bilan, grids, { first: '2026-T1', measuredTo: '2027-T1', statesOf: null });
  });

  it('final: the whole convention', async () => {
    const { bilan } = await bilanOf({ kind: 'final' });
    expect(bilan.period).toMatchObject({ first: '2026-T1', last: '2030-T4', state: 'current' });
    expectFigures(bilan, grids, { first: '2026-T1', measuredTo: '2027-T1', statesOf: null });
    expect(fiche(bilan, 'G1').criteria[0]).toMatchObject({ latest: 9, achievement: 0.9 });
    // S13 was abandoned in 2026-T3: the bilan says when; a fiche not abandoned has no such quarter.
    expect(fiche(bilan, 'S13')).toMatchObject({ status: 'Abandonnée', abandonedIn: '2026-T3' });
    expect(fiche(bilan, 'G1').abandonedIn).toBeNull();
  });

  it('final and the last year, after the convention’s end: over, with the sheets’ states (its last quarter is never closed)', async () => {
    // The convention's last quarter cannot be closed: the current quarter stays 2030-T4 after the convention's end.
    const ended = withCurrentQuarter(grids, '2030-T4');
    const afterEnd = new Date('2031-02-10T09:00:00Z');
    const { bilan, warnings } = await bilanOf({ kind: 'final', today: afterEnd }, ended);
    expect(bilan.period).toMatchObject({ last: '2030-T4', measuredTo: '2030-T4', state: 'over', statesFrom: 'sheets' });
    expect(warnings.map(renderIssueMessage)).toEqual([]);
    expect(periodNotes(bilan)).toEqual([]);
    expectFigures(bilan, ended, { first: '2026-T1', measuredTo: '2030-T4', statesOf: null });
    const lastYear = await bilanOf({ kind: 'annual', year: 2030, today: afterEnd }, ended);
    expect(lastYear.bilan.period).toMatchObject({ first: '2030-T1', state: 'over', statesFrom: 'sheets' });
    expect(lastYear.warnings).toEqual([]);
    // Before the convention's last day, it is still in progress.
    const before = await bilanOf({ kind: 'final', today: new Date('2030-12-20T09:00:00Z') }, ended);
    expect(before.bilan.period.state).toBe('current');
    expect(before.warnings.map(renderIssueMessage)).toEqual([
      'Période en cours\u00a0: les chiffres sont arrêtés au trimestre en cours, 2030-T4.',
    ]);
  });

  it('final and the last year, once an amendment ended the convention at a quarter closed: Historique’s states', async () => {
    // The convention shortened to 2026 after 2026-T4 was closed: 2026-T4 is now its last quarter, Q brought back to
    // it, and the sheets hold what was typed in 2027-T1 since. The closing's snapshot is the year's end, as it was.
    let amended = grids;
    const port = {
      read: async () => amended,
      write: async (spec: WorkbookSpec) => {
        amended = await roundTrip(spec);
      },
    };
    const shorter = bilanPlan();
    shorter.period = { start: '2026-01-01', end: '2026-12-31' };
    const outcome = await regenerateAndWrite(port, shorter, { now: bilanDay });
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
    for (const options of [{ kind: 'final' as const }, { kind: 'annual' as const, year: 2026 }]) {
      const { bilan, warnings } = await bilanOf(options, amended);
      expect(bilan.period).toMatchObject({ last: '2026-T4', state: 'over', statesFrom: 'history' });
      expect(warnings).toEqual([]);
      expectFigures(bilan, amended, { first: '2026-T1', measuredTo: '2026-T4', statesOf: '2026-T4' });
      expect(fiche(bilan, 'G1')).toMatchObject({ status: 'En cours', progress: 60 });
    }
    // Its rows deleted since, the Journal still recording the closing: the sheets' states, and the bilan says why.
    const rowsLost: WorkbookGrids = {
      sheets: amended.sheets.map((sheet) =>
        sheet.name !== 'Historique'
          ? sheet
          : { ...sheet, rows: sheet.rows.filter((row) => row?.[0]?.value !== '2026-T4') },
      ),
    };
    const lost = await bilanOf({ kind: 'final' }, rowsLost);
    expect(lost.bilan.period).toMatchObject({ state: 'over', statesFrom: 'sheets', closingJournalled: true });
    expect(lost.warnings.map((warning) => [warning.code, warning.params.journalled])).toEqual([
      ['bilan-quarter-not-closed', 1],
    ]);
    expect(periodNotes(lost.bilan)).toEqual([renderIssueMessage(lost.warnings[0])]);
  });

  it('puts the « Top 5 » fiches first, then the others, each group axis by axis in plan order', async () => {
    const { bilan } = await bilanOf({ kind: 'final' });
    expect(bilan.fiches.map((entry) => [entry.key, entry.topFive])).toEqual([
      ['G1', true],
      ['S13', true],
      ['G2', false],
      ['G1-B', false],
      ['S14', false],
    ]);
    expect(bilan.axes.map((axis) => [axis.number, axis.title])).toEqual([
      [1, 'Gouvernance et animation de la CTG'],
      [13, 'Accès aux droits'],
    ]);
    expect(bilan).toMatchObject({ territory: 'Monts du Pilat', caf: 'Caf de la Loire', currentQuarter: '2027-T1' });
    expect(bilan.ao.length).toBeGreaterThan(0);
  });

  it('CDSF: the petite-enfance fiches alone, their figures computed over them, axes without one left out', async () => {
    const { bilan, warnings } = await bilanOf({ kind: 'annual', year: 2026, cdsf: true });
    expect(bilan.cdsf).toBe(true);
    expect(warnings).toEqual([]);
    expect(bilan.fiches.map((entry) => entry.key)).toEqual(earlyChildhoodKeys);
    expect(bilan.axes.map((axis) => axis.number)).toEqual([1]);
    expectFigures(bilan, grids, { first: '2026-T1', measuredTo: '2026-T4', statesOf: '2026-T4' }, earlyChildhoodKeys);
  });

  it('a period over whose last quarter was never closed: the sheets’ states, and a warning naming the quarter', async () => {
    const later = withCurrentQuarter(grids, '2028-T1');
    const { bilan, warnings } = await bilanOf({ kind: 'annual', year: 2027, today: new Date('2028-02-10') }, later);
    expect(bilan.period).toMatchObject({ last: '2027-T4', measuredTo: '2027-T4', state: 'over', statesFrom: 'sheets' });
    expect(warnings.map(renderIssueMessage)).toEqual([
      'Le trimestre 2027-T4 n’a pas été clôturé\u00a0: l’état des fiches est celui des feuilles d’axe.',
    ]);
    expectFigures(bilan, later, { first: '2027-T1', measuredTo: '2027-T4', statesOf: null });
    // The year before was closed: still Historique's.
    const before = await bilanOf({ kind: 'annual', year: 2026, today: new Date('2028-02-10') }, later);
    expect(before.bilan.period.statesFrom).toBe('history');
    expect(before.warnings).toEqual([]);
  });

  it('reads only the sheets it names: a partial read gives the same bilan', async () => {
    const listed = grids.sheets.map((sheet) => sheet.name);
    const partial: PartialWorkbookGrids = {
      sheets: grids.sheets.map((sheet) =>
        bilanSheets(sheet.name, listed) ? sheet : skippedSheet(sheet.name, sheet.visibility),
      ),
    };
    expect(grids.sheets.some((sheet) => !bilanSheets(sheet.name, listed))).toBe(true);
    const whole = await bilanOf({ kind: 'annual', year: 2026 });
    const outcome = await buildBilan(partial, { kind: 'annual', year: 2026, cdsf: false, today: bilanDay });
    expect(outcome).toEqual(whole);
  });

  it('gives its figures as JSON: rates as fractions beside their counts, null when undefined', async () => {
    const { bilan } = await bilanOf({ kind: 'annual', year: 2026 });
    const json = JSON.parse(JSON.stringify(bilanJson(bilan)));
    const counts = expectedCounts(
      expectedFiches(grids, { first: '2026-T1', measuredTo: '2026-T4', statesOf: '2026-T4' }),
    );
    expect(json.plan.fillPeriod).toBeCloseTo(counts.period.filled / counts.period.expected, 12);
    expect(json.plan.fillCumulative).toBeCloseTo(counts.cumulative.filled / counts.cumulative.expected, 12);
    expect(json.plan.achievement).toBeCloseTo(counts.achievementSum / counts.achieved, 12);
    expect(json.period).toMatchObject({ kind: 'annual', year: 2026, first: '2026-T1' });
    const s14 = json.fiches.find((entry: { key: string }) => entry.key === 'S14');
    expect(s14).toMatchObject({ fillPeriod: null, fillCumulative: null, achievement: null, criteria: [] });
    // The latest value comes with its quarter: the last of the period's values when the period has any.
    const criteria = json.fiches.flatMap((entry: { criteria: unknown[] }) => entry.criteria) as {
      values: { quarter: string }[];
      latest: unknown;
      latestQuarter: string | null;
    }[];
    for (const criterion of criteria) {
      expect(criterion.latestQuarter === null).toBe(criterion.latest === null);
      if (criterion.values.length > 0)
        expect(criterion.latestQuarter).toBe(criterion.values[criterion.values.length - 1].quarter);
    }
    expect(criteria.some((criterion) => criterion.values.length > 0)).toBe(true);
    expect(Object.keys(json.fiches[0].criteria[0])).toEqual([
      'key',
      'kind',
      'title',
      'unit',
      'baseline',
      'target',
      'values',
      'latest',
      'latestQuarter',
      'fillPeriod',
      'achievement',
      'comment',
    ]);
  });
});
