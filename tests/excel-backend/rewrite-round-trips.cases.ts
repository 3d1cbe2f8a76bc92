import { embeddedPlan } from '../../src/app/plan-source';
import { closeQuarterAndWrite, computeAndWrite, regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import { createExcelPort, ExcelWorkbookError, type ExcelPort } from '../../src/excel';
import { excelErrorTexts } from '../../src/excel/excel-texts';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import type { FakeExcel } from '../fake-excel';
import { generateOnFake, measured, WITHOUT_PAYLOAD_LIMITS } from './helpers/run-on-fake';

/**
 * Round trips of the use cases that rewrite the open workbook (Calculer, Clôturer, regenerate): the read learns,
 * in the same request as the cells, what the write needs to know, so a rewrite is one read and one write — two
 * round trips once the port has seen the workbook (the pane reads it when it opens), whatever the plan's size.
 * What the user changed by hand in between costs a round trip more, never a wrong result.
 */
const today = new Date('2026-11-28T10:00:00Z');
const now = new Date('2026-11-28T11:00:00Z');

// Calculer on the plan and on a plan ten times larger: sync-counts.test.ts.
async function generated() {
  return generateOnFake(embeddedPlan().plan, today, WITHOUT_PAYLOAD_LIMITS);
}

/** A port that has never seen the workbook, as right after the pane opens, before its first read. */
const strangerOn = (fake: FakeExcel): ExcelPort =>
  createExcelPort({ excel: fake.officeJs.Excel, office: fake.officeJs.Office });

async function byHand(fake: FakeExcel, change: (context: Excel.RequestContext) => void): Promise<void> {
  await fake.officeJs.Excel.run(async (context) => {
    change(context);
    await context.sync();
  });
}

describe('Calculer after the workbook was read once', () => {
  test('writes the same workbook as a port that had to learn the sheets first (3 round trips)', async () => {
    const warm = await generated();
    const cold = await generated();
    const stranger = strangerOn(cold.fake);
    const warmRun = await measured(warm.fake, () => computeAndWrite(warm.port, { now }));
    const coldRun = await measured(cold.fake, () => computeAndWrite(stranger, { now }));
    expect(coldRun.roundTrips).toBe(3);
    expect(warmRun.roundTrips).toBe(2);
    expect(warm.fake.inspect.snapshotWorkbook()).toEqual(cold.fake.inspect.snapshotWorkbook());
    expect(warm.fake.inspect.names()).toEqual(cold.fake.inspect.names());
    expect(warm.fake.inspect.sheets()).toEqual(cold.fake.inspect.sheets());
  }, 120_000);

  test('closing the quarter takes 2 round trips too; regenerating from the same plan finds nothing to write: the read alone', async () => {
    const { fake, port } = await generated();
    const closed = await measured(fake, () => closeQuarterAndWrite(port, { now }));
    expect(closed.result.status).toBe('done');
    expect(closed.roundTrips).toBe(2);
    expect(fake.inspect.values('Paramètres', 'B9')).toEqual([['2027-T1']]);
    const regenerated = await measured(fake, () => regenerateAndWrite(port, embeddedPlan().plan, { now }));
    expect(regenerated.result.status).toBe('done');
    expect(regenerated.roundTrips).toBe(1);
  }, 120_000);
});

describe('what the user changed by hand between two steps', () => {
  test('a sheet added since costs one round trip more, and is kept with its values', async () => {
    const { fake, port } = await generated();
    await byHand(fake, (context) => {
      const notes = context.workbook.worksheets.add('Notes COPIL');
      notes.getRange('A1:B1').values = [['Réunion', 42]];
    });
    const run = await measured(fake, () => computeAndWrite(port, { now }));
    expect(run.result.status).toBe('done');
    expect(run.roundTrips).toBe(3);
    expect(fake.inspect.values('Notes COPIL', 'A1:B1')).toEqual([['Réunion', 42]]);
  }, 120_000);

  test('a sheet removed since: the guess fails before anything is read, and the read starts again', async () => {
    const { fake, port } = await generated();
    await byHand(fake, (context) => void context.workbook.worksheets.add('Brouillon'));
    await port.read();
    await byHand(fake, (context) => context.workbook.worksheets.getItem('Brouillon').delete());
    fake.stats.reset();
    const grids = await port.read();
    expect(grids).toEqual(fake.inspect.snapshotWorkbook());
    expect(grids.sheets.map((sheet) => sheet.name)).not.toContain('Brouillon');
    // The refused guess, then the sheets and their cells.
    expect(fake.stats.roundTrips).toBe(3);
    expect(fake.stats.history.map((sync) => sync.ok)).toEqual([false, true, true]);
  }, 120_000);

  test('a sheet renamed between the read and the write: the write stops before changing anything', async () => {
    const { fake, port } = await generated();
    const grids = await port.read();
    await byHand(fake, (context) => {
      context.workbook.worksheets.getItem('Guide').name = 'Guide ancien';
    });
    const before = fake.inspect.snapshotWorkbook();
    const namesBefore = fake.inspect.names();
    const { spec } = await buildNewWorkbook(embeddedPlan().plan, { today });
    const failure = await port.write(spec, { after: grids }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ExcelWorkbookError);
    expect(failure).toMatchObject({ code: 'ItemNotFound', message: excelErrorTexts.ItemNotFound });
    expect(fake.inspect.snapshotWorkbook()).toEqual(before);
    expect(fake.inspect.names()).toEqual(namesBefore);
    // The next rewrite learns the workbook again and goes through.
    const run = await measured(fake, () => computeAndWrite(port, { now }));
    expect(run.result.status).toBe('done');
  }, 120_000);
});
