import { buildBilan } from '../../src/app/bilan';
import { bilanPeriod, periodNotOver } from '../../src/domain/bilan/bilan-period';
import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage } from '../../src/domain/issues';
import { planSchema, type Plan } from '../../src/domain/plan';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { roundTrip, typeInto } from '../rewrite/helpers';

/** The periods of each kind, and the bilans not made or made with a warning. */

const today = new Date('2026-05-10T09:00:00Z'); // Q = 2026-T2
let fresh: WorkbookGrids;

beforeAll(async () => {
  // No fiche of the petite-enfance part: no Public(s) « Petite enfance », no « Familles » with a champ of it.
  const plan = structuredClone(samplePlan()) as Plan;
  for (const fiche of plan.axes.flatMap((axis) => axis.fiches))
    Object.assign(fiche, { publics: ['Familles'], fields: ['Logement'] });
  fresh = await roundTrip((await buildNewWorkbook(planSchema.parse(plan), { today })).spec);
}, 30_000);

describe('the period of a bilan', () => {
  const convention = { start: '2026-01-01', end: '2030-12-31' };

  it('intermédiaire ends at the steering calendar’s mid-term quarter, of any convention', () => {
    const of = (start: string, end: string) =>
      bilanPeriod('midterm', null, { start, end }, { year: 2026, q: 1 }, today);
    expect(of('2026-01-01', '2030-12-31')).toMatchObject({ ok: true, period: { first: '2026-T1', last: '2028-T3' } });
    // 2025-07-01 … 2029-06-30: its midpoint, 2027-07-01, is in 2027-T3.
    expect(of('2025-07-01', '2029-06-30')).toMatchObject({ ok: true, period: { first: '2025-T3', last: '2027-T3' } });
    // 2024-01-01 … 2027-12-31, a leap day in its first half: 48 months, its midpoint 2026-01-01, in 2026-T1: the
    // bilan intermédiaire covers 9 of the 16 quarters, as for 2025–2028.
    expect(of('2024-01-01', '2027-12-31')).toMatchObject({ ok: true, period: { first: '2024-T1', last: '2026-T1' } });
    expect(of('2025-01-01', '2028-12-31')).toMatchObject({ ok: true, period: { first: '2025-T1', last: '2027-T1' } });
  });

  it('is over once its last quarter is left, current while it holds the current quarter, future before', () => {
    const state = (q: 1 | 2 | 3 | 4, year: number) => {
      const outcome = bilanPeriod('annual', 2027, convention, { year, q }, new Date('2028-02-10T09:00:00Z'));
      return outcome.ok ? [outcome.period.state, outcome.period.measuredTo, outcome.period.statesFrom] : null;
    };
    expect(state(4, 2026)).toEqual(['future', '2026-T4', 'sheets']);
    expect(state(1, 2027)).toEqual(['current', '2027-T1', 'sheets']);
    expect(state(4, 2027)).toEqual(['current', '2027-T4', 'sheets']);
    expect(state(1, 2028)).toEqual(['over', '2027-T4', 'history']);
  });

  it('is not over before its last day, however far the current quarter has moved (a quarter closed early)', () => {
    const on = (day: string) => {
      const outcome = bilanPeriod('annual', 2026, convention, { year: 2027, q: 1 }, new Date(day));
      return outcome.ok ? [outcome.period.state, outcome.period.measuredTo, outcome.period.statesFrom] : null;
    };
    expect(on('2026-12-05T10:00:00Z')).toEqual(['current', '2026-T4', 'sheets']);
    expect(on('2026-12-31T18:00:00Z')).toEqual(['current', '2026-T4', 'sheets']);
    expect(on('2027-01-01T08:00:00Z')).toEqual(['over', '2026-T4', 'history']);
  });

  it('ends at midnight on the machine’s clock, the day its first page is dated (today’s date of every command)', () => {
    // Instants made on the machine's clock, whatever its time zone: 23:30 on 31/12, then 00:30 on 01/01. Other
    // zones, run as processes of their own: tests/cli/today-in-local-time.test.ts.
    const on = (instant: Date) => {
      const outcome = bilanPeriod('annual', 2026, convention, { year: 2027, q: 1 }, instant);
      if (!outcome.ok) return null;
      return [outcome.period.state, periodNotOver(outcome.period, '2027-T1')?.code ?? null];
    };
    expect(on(new Date(2027, 0, 1, 0, 30))).toEqual(['over', null]);
    expect(on(new Date(2026, 11, 31, 23, 30))).toEqual(['current', 'bilan-period-not-ended']);
  });

  it('an annual bilan of a convention’s partial year covers its quarters in the convention only', () => {
    const outcome = bilanPeriod(
      'annual',
      2025,
      { start: '2025-07-01', end: '2029-06-30' },
      { year: 2026, q: 1 },
      today,
    );
    expect(outcome).toMatchObject({ ok: true, period: { first: '2025-T3', last: '2025-T4', state: 'over' } });
  });
});

describe('a bilan not made, or made with a warning', () => {
  it('refuses a year outside the convention, naming its years', async () => {
    const outcome = await buildBilan(fresh, { kind: 'annual', year: 2031, cdsf: false, today });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues.map(renderIssueMessage)).toEqual([
      'La convention n’a aucun trimestre en 2031\u00a0: un bilan annuel se fait pour une année de 2026 à 2030.',
    ]);
    expect(outcome.issues[0]).toMatchObject({ code: 'bilan-year-outside', severity: 'error' });
  });

  it('refuses a year given to another kind of bilan', async () => {
    const outcome = await buildBilan(fresh, { kind: 'midterm', year: 2027, cdsf: false, today });
    expect(outcome).toMatchObject({ ok: false, issues: [{ code: 'bilan-year-not-annual', params: { year: 2027 } }] });
    if (outcome.ok) return;
    expect(renderIssueMessage(outcome.issues[0])).toContain('bilan intermédiaire');
  });

  it('refuses a workbook with validation errors, giving those errors', async () => {
    const broken = typeInto(fresh, [{ key: 'G1', header: 'Statut', value: 'Peut-être' }]);
    const outcome = await buildBilan(broken, { kind: 'final', cdsf: false, today });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues.length).toBeGreaterThan(0);
    expect(outcome.issues.every((issue) => issue.severity === 'error')).toBe(true);
    expect(outcome.issues.some((issue) => issue.sheet === 'Axe 1' && issue.rowKey === 'G1')).toBe(true);
  });

  it('writes the CDSF’s bilan of a plan without a petite-enfance fiche, empty, with a warning', async () => {
    const outcome = await buildBilan(fresh, { kind: 'annual', cdsf: true, today });
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.bilan.fiches).toEqual([]);
    expect(outcome.bilan.axes).toEqual([]);
    expect(outcome.bilan.plan).toMatchObject({ fiches: 0, criteria: 0, period: { expected: 0, filled: 0 } });
    expect(outcome.warnings.map((warning) => warning.code)).toEqual(['bilan-period-not-over', 'bilan-cdsf-empty']);
  });
});
