import { computeFigures } from '../../src/app/compute';
import { embeddedPlan } from '../../src/app/plan-source';
import type { PartialWorkbookGrids, ReadOptions, WorkbookGrids, WorkbookReader } from '../../src/app/port';
import { readFigures, type FiguresReading } from '../../src/app/read-figures';
import { figureSheets } from '../../src/app/sheet-selections';
import { readWorkbookState } from '../../src/app/workbook-state';
import { isSkipped } from '../../src/domain/grid';
import { parseQuarterLabel } from '../../src/domain/periods';
import { sheetNames } from '../../src/layout/texts';
import { createXlsxReaderPort } from '../../src/xlsx/reader';
import { writeXlsx } from '../../src/xlsx/writer';
import { createExcelPort } from '../../src/excel';
import { portOnFake, WITHOUT_PAYLOAD_LIMITS } from '../excel-backend/helpers/run-on-fake';
import { seedFromGrids } from '../excel-backend/helpers/seed-from-grids';
import { filledWorkbookSpec } from '../workbook-formulas/helpers/build-filled';

/**
 * The figures of a workbook read in part — `_ctg`, Paramètres, the axis sheets and Compétences AO (`figureSheets`),
 * what the consolidation of many workbooks reads — are those of the same workbook read whole (the figures `compute`
 * prints), on the embedded plan's generated and filled workbook, in a file and in the open workbook.
 */

const CURRENT = parseQuarterLabel('2027-T2')!;

/** The figures of a whole read, as `compute` gives them. */
async function wholeFigures(grids: WorkbookGrids) {
  const reading = await readWorkbookState(grids);
  if (!reading.ok) throw new Error(`unreadable: ${JSON.stringify(reading.issues)}`);
  return computeFigures(reading.state);
}

/** A reader that keeps what its selective reads gave. */
function recording(reader: WorkbookReader) {
  const partialReads: PartialWorkbookGrids[] = [];
  function read(): Promise<WorkbookGrids>;
  function read(options: ReadOptions): Promise<PartialWorkbookGrids>;
  async function read(options?: ReadOptions): Promise<PartialWorkbookGrids> {
    if (!options) return reader.read();
    const grids = await reader.read(options);
    partialReads.push(grids);
    return grids;
  }
  return { reader: { read } as WorkbookReader, partialReads };
}

function expectSameFigures(partial: FiguresReading, whole: Awaited<ReturnType<typeof wholeFigures>>) {
  if (!partial.ok) throw new Error(`unreadable: ${JSON.stringify(partial.issues)}`);
  expect(partial.figures).toEqual(whole.figures);
  expect(partial.notes).toEqual(whole.notes);
  // The case proves something: values were entered, and the AO table is there.
  expect(whole.figures.overall.fillCumulative).toBeGreaterThan(0);
  expect(whole.figures.overall.achievement).not.toBeNull();
  expect(whole.figures.ao.length).toBeGreaterThan(1);
}

/** Which sheets the partial read skipped, and that it read every sheet the figures need. */
function skippedOf(grids: PartialWorkbookGrids): string[] {
  const listed = grids.sheets.map((sheet) => sheet.name);
  for (const sheet of grids.sheets) expect(isSkipped(sheet)).toBe(!figureSheets(sheet.name, listed));
  return grids.sheets.filter(isSkipped).map((sheet) => sheet.name);
}

const SKIPPED = [sheetNames.guide, sheetNames.annexe4, sheetNames.journal];

describe('figures from the sheets they need equal those of a whole read', () => {
  let bytes: Uint8Array;

  beforeAll(async () => {
    const spec = await filledWorkbookSpec(embeddedPlan().plan, CURRENT, { seed: 11, density: 0.7 });
    bytes = await writeXlsx(spec);
  }, 60_000);

  it('in a file (the .xlsx back end)', async () => {
    const { reader, partialReads } = recording(createXlsxReaderPort(bytes));
    const whole = await wholeFigures(await reader.read());
    expectSameFigures(await readFigures(reader), whole);
    expect(partialReads).toHaveLength(1);
    expect(skippedOf(partialReads[0])).toEqual(expect.arrayContaining(SKIPPED));
  }, 60_000);

  it('in the open workbook (the Office.js back end), in as many round trips as a whole read', async () => {
    // The file opened in Excel: its sheets, values and formats as read.
    const { fake } = portOnFake(WITHOUT_PAYLOAD_LIMITS);
    seedFromGrids(fake, await createXlsxReaderPort(bytes).read());
    const freshPort = () => createExcelPort({ excel: fake.officeJs.Excel, office: fake.officeJs.Office });
    const counted = async <T>(work: () => Promise<T>) => {
      fake.stats.reset();
      const result = await work();
      return { result, roundTrips: fake.stats.roundTrips, reads: fake.stats.reads };
    };

    // A port that has never seen the workbook (the pane just opened), then one that knows its sheets.
    const wholeFirst = await counted(() => freshPort().read());
    const { reader, partialReads } = recording(freshPort());
    const partialFirst = await counted(() => readFigures(reader));
    const wholeKnown = await counted(() => reader.read());
    const partialKnown = await counted(() => readFigures(reader));

    const whole = await wholeFigures(wholeFirst.result);
    expectSameFigures(partialFirst.result, whole);
    expectSameFigures(partialKnown.result, whole);
    expect(skippedOf(partialReads[0])).toEqual(expect.arrayContaining(SKIPPED));
    expect([partialFirst.roundTrips, partialKnown.roundTrips]).toEqual([wholeFirst.roundTrips, wholeKnown.roundTrips]);
    expect([partialFirst.roundTrips, partialKnown.roundTrips]).toEqual([2, 1]);
    // The skipped sheets' used ranges were not loaded.
    expect(partialFirst.reads).toBeLessThan(wholeFirst.reads);
    expect(partialKnown.reads).toBeLessThan(wholeKnown.reads);
    const partial = partialKnown.result;

    // The same figures as the file's.
    const fromFile = await readFigures(createXlsxReaderPort(bytes));
    expect(fromFile.ok && fromFile.figures).toEqual(partial.ok && partial.figures);
  }, 120_000);
});
