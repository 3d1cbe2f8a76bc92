import { embeddedPlan } from '../../src/app/plan-source';
import { createExcelPort } from '../../src/excel';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { generateOnFake, measured, validateOnFake, WITHOUT_PAYLOAD_LIMITS } from './helpers/run-on-fake';
import { scaledPlan } from './helpers/scaled-plan';
import { readFigures } from '../../src/app/read-figures';
import { figureSheets, statusSheets } from '../../src/app/sheet-selections';
import type { FakeExcel } from '../fake-excel';

const freshPort = (fake: FakeExcel) => createExcelPort({ excel: fake.officeJs.Excel, office: fake.officeJs.Office });

/**
 * Round trips of the use cases through the Office.js back end, counted by the fake (syncs that carry operations):
 * generate, validate and compute take exactly 2 each (validate 1 once the port knows the sheets), and the same for
 * a plan ten times larger; only Excel on the web's 5 MB limits split a request, by size.
 */
const today = new Date('2026-11-28T10:00:00Z');
const AXIS_SHEET = 'Axe 1';
const FIRST_FICHE_ROW = 4;

type Fake = Awaited<ReturnType<typeof generateOnFake>>['fake'];

const headerColumn = (fake: Fake, header: string): number => {
  const headers = fake.inspect.snapshotGrid(AXIS_SHEET).rows[FIRST_FICHE_ROW - 2] ?? [];
  const index = headers.findIndex((cell) => cell?.value === header);
  if (index < 0) throw new Error(`no header ${header}`);
  return index;
};

/** A person sets the first fiche's Statut to « Abandonnée » (compute then writes « Abandonnée en » and the Journal). */
async function abandonFirstFiche(fake: Fake): Promise<void> {
  const column = headerColumn(fake, 'Statut');
  await fake.officeJs.Excel.run(async (context) => {
    context.workbook.worksheets.getItem(AXIS_SHEET).getCell(FIRST_FICHE_ROW - 1, column).values = [['Abandonnée']];
    await context.sync();
  });
}

const abandonedInOfFirstFiche = (fake: Fake) =>
  fake.inspect.snapshotGrid(AXIS_SHEET).rows[FIRST_FICHE_ROW - 1]?.[headerColumn(fake, 'Abandonnée en')]?.value;
const FIVE_MB = 5 * 1024 * 1024;

type Generated = Awaited<ReturnType<typeof generateOnFake>>;
/** The embedded plan generated where requests have no size limit, as it was just after: its requests, its grids. */
type Whole = Pick<Generated, 'requestBytes'> & { grids: ReturnType<Fake['inspect']['snapshotWorkbook']> };
let embeddedWhole: Whole | undefined;
const wholeOf = (generated: Generated): Whole => ({
  requestBytes: generated.requestBytes,
  grids: generated.fake.inspect.snapshotWorkbook(),
});

describe('the embedded plan and a plan ten times larger, where requests have no size limit', () => {
  const runs: Record<
    number,
    {
      generate: number;
      validate: number;
      validateKnown: number;
      computeUnchanged: number;
      compute: number;
      computeWriteSyncs: number;
      statusFirst: number;
      figuresFirst: number;
      figuresKnown: number;
      operations: number;
    }
  > = {};

  beforeAll(async () => {
    for (const factor of [1, 10]) {
      const generated = await generateOnFake(scaledPlan(embeddedPlan().plan, factor), today, WITHOUT_PAYLOAD_LIMITS);
      // Kept for the split request's comparison below, rather than generated again there.
      if (factor === 1) embeddedWhole = wholeOf(generated);
      // A port that has never seen the workbook (the pane just opened), then the one that wrote it.
      const stranger = createExcelPort({
        excel: generated.fake.officeJs.Excel,
        office: generated.fake.officeJs.Office,
      });
      const validated = await validateOnFake(generated.fake, stranger, today);
      const validatedKnown = await validateOnFake(generated.fake, generated.port, today);
      expect(validated.result.errors).toBe(0);
      expect(validatedKnown.result).toEqual(validated.result);
      // The pane's status on open (`_ctg` and Paramètres) and the figures (the sheets they need), read in part.
      const statusFirst = await measured(generated.fake, () =>
        freshPort(generated.fake).read({ sheets: statusSheets }),
      );
      const figuresFirst = await measured(generated.fake, () => readFigures(freshPort(generated.fake)));
      const figuresKnown = await measured(generated.fake, () => readFigures(generated.port));
      expect(figuresKnown.result.ok && figuresFirst.result.ok).toBe(true);
      const unchanged = await measured(generated.fake, () => computeAndWrite(generated.port, { now: today }));
      expect(unchanged.result.status).toBe('done');
      await abandonFirstFiche(generated.fake);
      const computed = await measured(generated.fake, () => computeAndWrite(generated.port, { now: today }));
      expect(computed.result.status).toBe('done');
      expect(abandonedInOfFirstFiche(generated.fake)).toMatch(/^\d{4}-T[1-4]$/);
      runs[factor] = {
        computeUnchanged: unchanged.roundTrips,
        compute: computed.roundTrips,
        computeWriteSyncs: generated.port.lastWriteSyncs(),
        generate: generated.roundTrips,
        validate: validated.roundTrips,
        validateKnown: validatedKnown.roundTrips,
        statusFirst: statusFirst.roundTrips,
        figuresFirst: figuresFirst.roundTrips,
        figuresKnown: figuresKnown.roundTrips,
        operations: generated.operations,
      };
    }
  }, 420_000);

  // The facts; the content, with the look at the new workbook's empty sheet the switch deletes; the switch.
  test('generate takes exactly 3 round trips, for ten times the fiches too', () => {
    expect(runs[1].generate).toBe(3);
    expect(runs[10].generate).toBe(3);
    // The larger plan did write more (the count is of round trips, not of work).
    expect(runs[10].operations).toBeGreaterThan(runs[1].operations * 3);
  });

  test('validate takes exactly 2 round trips, for ten times the fiches too', () => {
    expect(runs[1].validate).toBe(2);
    expect(runs[10].validate).toBe(2);
  });

  test('compute (« Calculer ») on a workbook where nothing changed takes 1 round trip: the read (Excel computes its formulas)', () => {
    expect(runs[1].computeUnchanged).toBe(1);
    expect(runs[10].computeUnchanged).toBe(1);
  });

  test('compute (« Calculer ») takes exactly 2 round trips, one read and one write, for ten times the fiches too', () => {
    expect(runs[1].compute).toBe(2);
    expect(runs[10].compute).toBe(2);
    expect(runs[1].computeWriteSyncs).toBe(1);
    expect(runs[10].computeWriteSyncs).toBe(1);
  });

  test('validate takes 1 round trip when the port already knows the sheets (the guess is checked in it)', () => {
    expect(runs[1].validateKnown).toBe(1);
    expect(runs[10].validateKnown).toBe(1);
  });

  test('a read of some sheets (the status on open, the figures) takes the round trips of a whole read', () => {
    for (const factor of [1, 10]) {
      expect(runs[factor].statusFirst).toBe(runs[factor].validate);
      expect(runs[factor].figuresFirst).toBe(runs[factor].validate);
      expect(runs[factor].figuresKnown).toBe(runs[factor].validateKnown);
    }
  });
});

describe("Excel on the web's 5 MB limit", () => {
  test('the embedded plan fits: 3 round trips, every request under 5 MB', async () => {
    const { roundTrips, requestBytes, port } = await generateOnFake(embeddedPlan().plan, today);
    expect(roundTrips).toBe(3);
    expect(port.lastWriteSyncs()).toBe(3);
    expect(Math.max(...requestBytes)).toBeLessThan(FIVE_MB);
  }, 120_000);

  test('a request that would pass the limit is split by size and writes the same workbook', async () => {
    const plan = embeddedPlan().plan;
    // Generated by the first block's setup, unless only this test runs.
    const whole = embeddedWhole ?? wholeOf(await generateOnFake(plan, today, WITHOUT_PAYLOAD_LIMITS));
    const limit = 400_000;
    const split = await generateOnFake(plan, today, { requestPayloadLimit: limit, requestBudgetBytes: 300_000 });
    const largest = Math.max(...whole.requestBytes);
    expect(largest).toBeGreaterThan(limit);
    expect(split.roundTrips).toBeGreaterThanOrEqual(1 + Math.ceil(largest / limit));
    expect(split.port.lastWriteSyncs()).toBe(split.roundTrips);
    expect(Math.max(...split.requestBytes)).toBeLessThanOrEqual(limit);
    expect(split.fake.inspect.snapshotWorkbook()).toEqual(whole.grids);
  }, 120_000);

  test('an answer that would pass the limit is read in bands, to the same grids', async () => {
    const responseLimit = 200_000;
    const { fake, port } = await generateOnFake(embeddedPlan().plan, today, {
      ...WITHOUT_PAYLOAD_LIMITS,
      responsePayloadLimit: responseLimit,
    });
    fake.stats.reset();
    const grids = await port.read();
    expect(grids).toEqual(fake.inspect.snapshotWorkbook());
    // Refused once whole, then the extents and several bands.
    expect(fake.stats.roundTrips).toBeGreaterThan(3);
    expect(fake.stats.history.filter((sync) => !sync.ok)).not.toHaveLength(0);

    // A read of the figures' sheets, too large as well, is read in bands of those sheets only.
    fake.stats.reset();
    const partial = await freshPort(fake).read({ sheets: figureSheets });
    expect(fake.stats.history.filter((sync) => !sync.ok)).not.toHaveLength(0);
    const snapshot = fake.inspect.snapshotWorkbook();
    expect(partial.sheets.map((sheet) => sheet.name)).toEqual(snapshot.sheets.map((sheet) => sheet.name));
    for (const [index, sheet] of partial.sheets.entries())
      expect(sheet).toEqual(
        figureSheets(
          sheet.name,
          partial.sheets.map((listed) => listed.name),
        )
          ? snapshot.sheets[index]
          : { name: sheet.name, visibility: sheet.visibility, skipped: true },
      );
  }, 120_000);
});
