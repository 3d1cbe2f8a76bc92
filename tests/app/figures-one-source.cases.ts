import fc from 'fast-check';
import { embeddedPlan } from '../../src/app/plan-source';
import { computeWorkbook, type ComputedFigures, type RateFigures } from '../../src/app/compute';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { readWorkbookState } from '../../src/app/workbook-state';
import { gridValue, type CellValue, type SheetGrid, type WorkbookGrids } from '../../src/domain/grid';
import { parseQuarterLabel, quarterIndex, quarterLabel, quartersOfPeriod } from '../../src/domain/periods';
import type { Plan } from '../../src/domain/plan';
import { steeringCalendarAt } from '../../src/domain/steering-calendar';
import { annexe4Layout, summaryColumn } from '../../src/layout/sheets/annexe4/annexe4-layout';
import { AO_FIRST_DATA_ROW, aoColumnNumber } from '../../src/layout/sheets/ao/ao-layout';
import { metText, populationText, requirementText } from '../../src/layout/sheets/ao/ao-sheet';
import { sheetNames } from '../../src/layout/texts';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { planArbitrary } from '../layout/helpers/plan-arbitrary';
import { roundTrip, sheet, typeInto, type Entry } from '../rewrite/helpers';
import { filledWorkbookSpec } from '../workbook-formulas/helpers/build-filled';

/**
 * The figures `compute` prints (and the task pane shows) are the cached results it writes with the formulas: read
 * back from the written file with our reader, Annexe 4's rows by axis, total and by porteur, and Compétences AO's
 * derived cells show exactly the printed figures.
 */

const generatedOn = new Date('2026-05-10T10:00:00Z');
const computedOn = new Date('2027-05-12T10:00:00Z');

/** What a cell shows for a rate: the fraction, or nothing when the rate is undefined (the formula's ""). */
function shows(actual: CellValue, expected: number | string | null): boolean {
  if (expected === null || expected === '') return actual === null || actual === '';
  if (typeof expected === 'string') return actual === expected;
  return typeof actual === 'number' && Math.abs(actual - expected) <= 1e-9;
}

/** Every printed figure that its written cell does not show, as `Sheet!row,column what: printed …, shown …`. */
function mismatches(written: WorkbookGrids, plan: Plan, figures: ComputedFigures): string[] {
  const found: string[] = [];
  const check = (grid: SheetGrid, row: number, column: number, expected: number | string | null, what: string) => {
    const actual = gridValue(grid, row, column);
    if (!shows(actual, expected))
      found.push(`${grid.name}!${row},${column} ${what}: printed ${expected}, shown ${JSON.stringify(actual)}`);
  };
  const annexe = sheet(written, sheetNames.annexe4);
  const current = parseQuarterLabel(figures.quarter)!;
  const layout = annexe4Layout(plan, steeringCalendarAt(plan.period, current).length);
  const checkRates = (row: number, rates: RateFigures, what: string) => {
    for (const figure of ['fillPeriod', 'fillCumulative', 'achievement'] as const)
      check(annexe, row, summaryColumn(figure), rates[figure], `${what} ${figure}`);
  };
  figures.axes.forEach((axis, index) => {
    const row = layout.axisRows[index];
    check(annexe, row, 2, axis.title, `Axe ${axis.number} title`);
    checkRates(row, axis, `Axe ${axis.number}`);
    for (const [status, count] of Object.entries(axis.statusCounts))
      check(
        annexe,
        row,
        summaryColumn(status as keyof typeof axis.statusCounts),
        count,
        `Axe ${axis.number} ${status}`,
      );
  });
  checkRates(layout.totalRow, figures.overall, 'total');
  if (figures.carriers.length !== layout.carriers.length) found.push('porteurs: not as many printed as written');
  figures.carriers.forEach((carrier, index) => {
    const row = layout.carriers[index]?.row ?? 0;
    check(annexe, row, 1, carrier.name, 'porteur');
    checkRates(row, carrier, carrier.name);
  });

  const ao = sheet(written, sheetNames.ao);
  figures.ao.forEach((line, index) => {
    const row = AO_FIRST_DATA_ROW + index;
    check(ao, row, aoColumnNumber('name'), line.name, 'AO name');
    check(ao, row, aoColumnNumber('basis'), populationText(line.population), `${line.name} population`);
    for (const requirement of ['plan', 'quality', 'schema', 'rpe'] as const)
      check(ao, row, aoColumnNumber(`required:${requirement}`), requirementText(line.required[requirement]), line.name);
    for (const obligation of ['schema', 'rpe'] as const) {
      const text = metText(line.required[obligation], line.met[obligation]);
      check(ao, row, aoColumnNumber(`met:${obligation}`), text, `${line.name} met ${obligation}`);
    }
  });
  return found;
}

/** Clean values a person types in every criterion up to Q, statuses and progress on the fiches. */
function typedValues(plan: Plan, upTo: string): Entry[] {
  const last = quarterIndex(parseQuarterLabel(upTo)!);
  const quarters = quartersOfPeriod(plan.period).filter((quarter) => quarterIndex(quarter) <= last);
  const statuses = ['En cours', 'Réalisée', 'Non démarrée', 'Reportée', 'Abandonnée'];
  const levels = ['Satisfaisant', 'Peu satisfaisant', 'Très satisfaisant', 'Pas satisfaisant'];
  const entries: Entry[] = [];
  plan.axes
    .flatMap((axis) => axis.fiches)
    .forEach((fiche, ficheIndex) => {
      entries.push({ key: fiche.key, header: 'Statut', value: statuses[ficheIndex % statuses.length] });
      entries.push({ key: fiche.key, header: 'Avancement (%)', value: (ficheIndex * 17) % 101 });
      fiche.criteria.forEach((criterion, index) => {
        if ((ficheIndex + index) % 4 === 3) return; // some criteria left empty
        if (criterion.kind === 'quantitative') entries.push({ key: criterion.key, header: 'Cible', value: 40 + index });
        quarters.forEach((quarter, q) => {
          if ((q + index) % 3 === 2) return;
          const value = criterion.kind === 'quantitative' ? q * 5 + index : levels[(q + index) % levels.length];
          entries.push({ key: criterion.key, header: quarterLabel(quarter), value });
        });
      });
    });
  return entries;
}

/** A port over grids: what `compute` writes is kept. */
function portOver(grids: WorkbookGrids) {
  const written: WorkbookSpec[] = [];
  return {
    written,
    port: { read: async () => grids, write: async (spec: WorkbookSpec) => void written.push(spec) },
  };
}

describe('the figures compute prints are the cached results it writes', () => {
  it('on the embedded plan with values typed, through compute over a workbook', async () => {
    const { plan } = embeddedPlan();
    const generated = await roundTrip((await buildNewWorkbook(plan, { today: generatedOn })).spec);
    const typed = typeInto(generated, typedValues(plan, '2027-T1'));
    const { port, written } = portOver(typed);
    const outcome = await computeAndWrite(port, { now: computedOn, quarter: '2027-T2' });
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome.issues));
    const rewritten = await roundTrip(written[0]);
    const state = await readWorkbookState(rewritten);
    if (!state.ok) throw new Error('unreadable');
    expect(mismatches(rewritten, state.state.plan, outcome.figures)).toEqual([]);
    // The case proves something: typed values move the figures, and the AO table is printed.
    expect(outcome.figures.overall.fillCumulative).toBeGreaterThan(0);
    expect(outcome.figures.overall.achievement).not.toBeNull();
    expect(outcome.figures.carriers.length).toBeGreaterThan(1);
    expect(outcome.figures.ao.length).toBeGreaterThan(1);
  }, 60_000);

  it('on arbitrary plans and values, valid or not', async () => {
    await fc.assert(
      fc.asyncProperty(planArbitrary, fc.integer({ min: 1, max: 1e6 }), fc.nat(), async (plan, seed, pickQ) => {
        const quarters = quartersOfPeriod(plan.period);
        const grids = await roundTrip(await filledWorkbookSpec(plan, quarters[pickQ % quarters.length], { seed }));
        const state = await readWorkbookState(grids);
        if (!state.ok) throw new Error('unreadable');
        const result = await computeWorkbook(state.state, { now: computedOn });
        expect(mismatches(await roundTrip(result.spec), state.state.plan, result.figures)).toEqual([]);
      }),
      { numRuns: 5 },
    );
  }, 120_000);
});
