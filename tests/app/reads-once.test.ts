import * as trackingReader from '../../src/app/read-tracking-workbook';
import { embeddedPlan } from '../../src/app/plan-source';
import { closeQuarterAndWrite, computeAndWrite, regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import type { WorkbookGrids } from '../../src/domain/grid';
import * as aoReader from '../../src/layout/sheets/ao/ao-sheet-read';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { roundTrip } from '../rewrite/helpers';

/**
 * A rewrite parses the workbook's sheets once: validation and the state are made from one reading (the axis
 * sheets, `_ctg`, Paramètres and Compétences AO are not read again for each).
 */

const generatedOn = new Date('2026-05-10T10:00:00Z');
const later = new Date('2026-06-02T10:00:00Z');

describe('a rewrite reads the workbook once', () => {
  let grids: WorkbookGrids;
  const port = () => ({ read: async () => grids, write: async (_spec: WorkbookSpec) => undefined });

  beforeAll(async () => {
    grids = await roundTrip((await buildNewWorkbook(embeddedPlan().plan, { today: generatedOn })).spec);
  }, 30_000);

  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['compute', () => computeAndWrite(port(), { now: later })],
    ['close-quarter', () => closeQuarterAndWrite(port(), { now: later })],
    ['generate over it', () => regenerateAndWrite(port(), embeddedPlan().plan, { now: later })],
  ])(
    '%s: the sheets are read once, Compétences AO once',
    async (_name, run) => {
      const readTracking = jest.spyOn(trackingReader, 'readTrackingWorkbook');
      const readAo = jest.spyOn(aoReader, 'readAoSheet');
      const outcome = await run();
      expect(outcome.status).toBe('done');
      expect(readTracking).toHaveBeenCalledTimes(1);
      expect(readAo).toHaveBeenCalledTimes(1);
    },
    60_000,
  );
});
