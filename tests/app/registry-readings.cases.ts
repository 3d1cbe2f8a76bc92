import { embeddedPlan } from '../../src/app/plan-source';
import { readTrackingWorkbook } from '../../src/app/read-tracking-workbook';
import { figureSheets } from '../../src/app/sheet-selections';
import { gridText } from '../../src/domain/grid';
import { quartersOfPeriod } from '../../src/domain/periods';
import { cell, emptySheet, setCell } from '../../src/layout/sheet-building';
import { trackingSheets } from '../../src/layout/sheets/tracking-registry';
import { trackingModule } from '../../src/layout/tracking-build';
import { buildWorkbook } from '../../src/layout/workbook-layout';
import { createXlsxReaderPort } from '../../src/xlsx/reader';
import { writeXlsx } from '../../src/xlsx/writer';

/**
 * Reading a tracking workbook loops over its sheet registry: a module added to the list is read with the others,
 * against the same header, and its reading comes back under its id with its reader's type, with no change to the
 * reader of the workbook (src/app/read-tracking-workbook.ts).
 */

const plan = embeddedPlan().plan;
const now = new Date('2026-05-10T10:00:00Z');

/** A module of one sheet, `Notes`: its first cell, and how many quarter columns its header would have. */
let notesReads = 0;
const notesModule = trackingModule({
  id: 'notes',
  owns: (name) => name === 'Notes',
  build: () => [],
  carried: 'never',
  read: ([grid], { header }) => {
    notesReads += 1;
    return { title: grid ? gridText(grid, 1, 1) : null, quarters: header().quarters.length };
  },
});
const registry = [...trackingSheets, notesModule] as const;

describe('the readings of a registry with one more module', () => {
  let bytes: Uint8Array;

  beforeAll(async () => {
    const notes = emptySheet('Notes');
    setCell(notes, 1, 1, cell('À relire avant le comité'));
    const contents = { currentQuarter: { year: 2026, q: 2 as const }, now, journal: [], extraSheets: [notes] };
    bytes = await writeXlsx((await buildWorkbook(plan, contents)).spec);
  }, 60_000);

  beforeEach(() => {
    notesReads = 0;
  });

  it('reads the added sheet once, when asked, against the workbook’s header, typed by its reader', async () => {
    const reading = await readTrackingWorkbook(await createXlsxReaderPort(bytes).read(), registry);
    if (!reading.ok) throw new Error(`not readable: ${reading.issues.map((issue) => issue.code).join(', ')}`);
    expect(notesReads).toBe(0);
    const notes: { title: string | null; quarters: number } = reading.readings.notes;
    expect(notes).toEqual({ title: 'À relire avant le comité', quarters: quartersOfPeriod(plan.period).length });
    expect(reading.readings.notes).toBe(notes);
    expect(notesReads).toBe(1);
    // The tracking workbook's own readings are there too, from the same loop.
    expect(reading.readings.axis.sheets.map((sheet) => sheet.sheet)).toEqual(plan.axes.map((a) => `Axe ${a.number}`));
    expect(reading.readings.history).toMatchObject({ entries: [], keepSheet: false });
    expect(reading.readings.contributions).toEqual({ entries: [], issues: [], keepSheet: false });
    expect(Object.keys(reading.readings)).toEqual([
      'settings',
      'axis',
      'ao',
      'journal',
      'history',
      'archives',
      'contributions',
      'ctg-meta',
      'notes',
    ]);
  });

  it('two workbooks’ readings share their getters: nothing in how a reading is shaped holds its workbook', async () => {
    // A getter made for each reading, closed over its grids, went into the engine's shape of the object: every
    // file of a consolidation stayed reachable until the next full collection, and each minor one copied them all.
    const grids = await createXlsxReaderPort(bytes).read();
    const [first, second] = [await readTrackingWorkbook(grids, registry), await readTrackingWorkbook(grids, registry)];
    if (!first.ok || !second.ok) throw new Error('not readable');
    const getterOf = (readings: object, id: string) => Object.getOwnPropertyDescriptor(readings, id)?.get;
    for (const id of ['settings', 'axis', 'ctg-meta', 'notes']) {
      expect(getterOf(first.readings, id)).toBeInstanceOf(Function);
      expect(getterOf(second.readings, id)).toBe(getterOf(first.readings, id));
    }
    expect(second.readings.notes).not.toBe(first.readings.notes);
    expect(second.readings.notes).toEqual(first.readings.notes);
    // Where the getters find the workbook is no key of the readings: a copy holds the readings only.
    const enumerable = Reflect.ownKeys(first.readings).filter((key) =>
      Object.prototype.propertyIsEnumerable.call(first.readings, key),
    );
    expect(enumerable).toEqual(Object.keys(first.readings));
    expect(Object.keys({ ...first.readings })).toEqual(Object.keys(first.readings));
    expect(Object.getOwnPropertySymbols({ ...first.readings })).toEqual([]);
  });

  it('a workbook without the sheet gives the reader none', async () => {
    const { spec } = await buildWorkbook(plan, { currentQuarter: { year: 2026, q: 2 }, now, journal: [] });
    const reading = await readTrackingWorkbook(await createXlsxReaderPort(await writeXlsx(spec)).read(), registry);
    expect(reading.ok && reading.readings.notes.title).toBeNull();
  });

  it('a read that skipped the sheet reads the others; asking for its reading throws, naming it', async () => {
    const reading = await readTrackingWorkbook(
      await createXlsxReaderPort(bytes).read({ sheets: figureSheets }),
      registry,
    );
    if (!reading.ok) throw new Error('not readable');
    expect(reading.axisSheets).toHaveLength(plan.axes.length);
    expect(() => reading.readings.notes).toThrow('"Notes" is needed but the read skipped it');
    expect(notesReads).toBe(0);
  });

  it('the tracking workbook’s reading has no such module', async () => {
    const reading = await readTrackingWorkbook(await createXlsxReaderPort(bytes).read());
    if (!reading.ok) throw new Error('not readable');
    // @ts-expect-error: `notes` is not a module of `trackingSheets`.
    expect(reading.readings.notes).toBeUndefined();
    expect(notesReads).toBe(0);
  });
});
