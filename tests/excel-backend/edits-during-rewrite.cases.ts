import type { CellChange, WorkbookChanges } from '../../src/app/port';
import { computeAndWrite, regenerateAndWrite } from '../../src/app/rewrite-use-cases';
import { createExcelPort, ExcelWorkbookError, explainExcelError, type ExcelPort } from '../../src/excel';
import { cellAddress } from '../../src/layout/a1';
import type { FakeExcel } from '../fake-excel';
import { generateOnFake } from './helpers/run-on-fake';
import { samplePlan, samplePlanWithoutG1QL1 } from '../layout/helpers/sample-plan';

/**
 * Excel does not lock the workbook while an add-in works: a person may type between two requests of a rewrite
 * (between its read and its write, or between two requests of a write split by size). What they typed is never
 * lost: it is in the workbook after the rewrite, where its key and header put it, or the rewrite is refused with a
 * French message naming the cell, the workbook as the person left it.
 */
const today = new Date('2026-11-28T10:00:00Z');
const now = new Date('2026-11-28T11:00:00Z');
const AXIS = 'Axe 1';
const HEADER_ROW = 3;

let fake: FakeExcel;
let restore: () => void;

beforeAll(async () => {
  ({ fake } = await generateOnFake(samplePlan(), today));
  // A fiche abandoned: Calculer writes « Abandonnée en » beside it, a cell a person may type in.
  fake.seed.sheet(AXIS, [['Abandonnée']], cellAddress(rowOf('G1'), columnOf('Statut')));
  restore = fake.checkpoint();
}, 60_000);

/** 1-based column of a header of the axis sheet. */
function columnOf(header: string): number {
  const index = (fake.inspect.snapshotGrid(AXIS).rows[HEADER_ROW - 1] ?? []).findIndex(
    (cell) => cell?.value === header,
  );
  if (index < 0) throw new Error(`no header ${header}`);
  return index + 1;
}

/** 1-based row of the axis sheet's row with this key. */
function rowOf(key: string): number {
  const index = fake.inspect.snapshotGrid(AXIS).rows.findIndex((cells) => cells?.[0]?.value === key);
  if (index < 0) throw new Error(`no row ${key}`);
  return index + 1;
}

/** The text of the axis sheet's cell at a key's row, under a header (the layout may move both). */
function axisCell(key: string, header: string): unknown {
  return fake.inspect.snapshotGrid(AXIS).rows[rowOf(key) - 1]?.[columnOf(header) - 1]?.value ?? null;
}

/** A port that has seen the workbook (the pane reads it when it opens): a rewrite is its read, then its write. */
async function seeingPort(
  requestBudgetBytes?: number,
  /** Called when the rewrite's read is done and its write starts. */
  onWrite: () => void = () => undefined,
): Promise<{ port: ExcelPort; written: () => WorkbookChanges | undefined }> {
  const port = createExcelPort({ excel: fake.officeJs.Excel, office: fake.officeJs.Office, requestBudgetBytes });
  await port.read();
  let changes: WorkbookChanges | undefined;
  return {
    port: {
      ...port,
      write: (spec, context) => {
        changes = context?.changes;
        onWrite();
        return port.write(spec, context);
      },
    },
    written: () => changes,
  };
}

async function outcomeOf(work: () => Promise<unknown>): Promise<{ error: unknown; result: unknown }> {
  try {
    return { error: null, result: await work() };
  } catch (error) {
    return { error, result: null };
  }
}

/** The person's value is in the workbook, or the rewrite was refused naming its cell. */
function expectKeptOrNamed(outcome: { error: unknown }, where: string, kept: boolean): void {
  if (outcome.error) {
    expect(outcome.error).toBeInstanceOf(ExcelWorkbookError);
    expect((outcome.error as Error).message).toContain(where);
  }
  expect(kept).toBe(true);
}

const amendedPlan = samplePlanWithoutG1QL1;

describe('a person types while « Calculer » writes its cells (the shape is kept)', () => {
  test('in a cell the change writes over: their value stays, or the change is refused naming the cell', async () => {
    restore();
    // Which cells Calculer writes, and one of them a person can type in (not locked).
    const probe = await seeingPort();
    expect(await computeAndWrite(probe.port, { now })).toMatchObject({ status: 'done' });
    const typable = (probe.written()?.cells ?? []).filter(
      (cell: CellChange) =>
        !fake.inspect.protection(cell.sheet).protected ||
        fake.inspect.format(cell.sheet, cellAddress(cell.row, cell.column)).locked === false,
    );
    expect(typable.length).toBeGreaterThan(0);
    const target = typable[0];
    const address = cellAddress(target.row, target.column);

    restore();
    const { port } = await seeingPort();
    // The read was its own round trip: the edit lands just before the write's first request.
    fake.personEdits.beforeRoundTrip(2, () => fake.seed.sheet(target.sheet, [['Saisi pendant le calcul']], address));
    const outcome = await outcomeOf(() => computeAndWrite(port, { now }));
    expect(fake.personEdits.pending()).toBe(0);
    expectKeptOrNamed(
      outcome,
      `${target.sheet}!${address}`,
      JSON.stringify(fake.inspect.values(target.sheet, address)) === JSON.stringify([['Saisi pendant le calcul']]),
    );
  }, 60_000);

  test('in a cell the change writes over, and the undo refused: it does not say the operation was undone', async () => {
    restore();
    const probe = await seeingPort();
    expect(await computeAndWrite(probe.port, { now })).toMatchObject({ status: 'done' });
    const target = (probe.written()?.cells ?? []).find(
      (cell: CellChange) =>
        !fake.inspect.protection(cell.sheet).protected ||
        fake.inspect.format(cell.sheet, cellAddress(cell.row, cell.column)).locked === false,
    )!;
    const address = cellAddress(target.row, target.column);

    restore();
    const { port } = await seeingPort();
    // The edit lands just before the write; the undo's request, the one after, is refused.
    fake.personEdits.beforeRoundTrip(2, () => fake.seed.sheet(target.sheet, [['Saisi pendant le calcul']], address));
    fake.personEdits.beforeRoundTrip(3, () => fake.failures.failRequest(1));
    const outcome = await outcomeOf(() => computeAndWrite(port, { now }));
    fake.failures.clear();
    expect(outcome.error).toMatchObject({ code: 'EditedDuringRewrite', workbook: 'cells-maybe-changed' });
    const { message, workbook } = explainExcelError(outcome.error);
    expect(message).toContain(`${target.sheet}!${address}`);
    // The person's value was written over and not given back: the pane must not say it is kept.
    expect(fake.inspect.values(target.sheet, address)).not.toEqual([['Saisi pendant le calcul']]);
    expect(message).not.toContain('annulée');
    expect(message).not.toContain('conservée');
    expect(message).toContain('retapez');
    expect(workbook).toContain('peut-être été modifié en partie');
  }, 60_000);

  test('in a cell the change does not write: it is kept', async () => {
    restore();
    const { port } = await seeingPort();
    const address = cellAddress(rowOf('G1-QN1'), columnOf('Commentaire'));
    fake.personEdits.beforeRoundTrip(2, () => fake.seed.sheet(AXIS, [['Atelier parents']], address));
    expect(await computeAndWrite(port, { now })).toMatchObject({ status: 'done' });
    expect(axisCell('G1-QN1', 'Commentaire')).toBe('Atelier parents');
  }, 60_000);
});

const kept = () => axisCell('G1-QN1', 'Commentaire') === 'Atelier parents';

describe('a person types while « Calculer » writes its cells in several requests (Excel on the web, large changes)', () => {
  /** Small, so that the change is split into several requests. */
  const budget = 2048;

  test('whichever request the edit lands before, in whichever written cell, it is kept or named', async () => {
    restore();
    const probe = await seeingPort(budget);
    fake.stats.reset();
    expect(await computeAndWrite(probe.port, { now })).toMatchObject({ status: 'done' });
    const requests = fake.stats.roundTrips;
    expect(requests).toBeGreaterThan(3);
    const cells = probe.written()?.cells ?? [];
    // The first cell written and the last (written in the change's last requests).
    const targets = [cells[0], cells[cells.length - 1]];
    const lost: string[] = [];
    for (const target of targets)
      for (let at = 2; at <= requests; at += 1) {
        restore();
        const address = cellAddress(target.row, target.column);
        const { port } = await seeingPort(budget);
        fake.personEdits.beforeRoundTrip(at, () => fake.seed.sheet(target.sheet, [['Saisi à la main']], address));
        const outcome = await outcomeOf(() => computeAndWrite(port, { now }));
        fake.personEdits.clear();
        const where = `${target.sheet}!${address}`;
        const kept =
          JSON.stringify(fake.inspect.values(target.sheet, address)) === JSON.stringify([['Saisi à la main']]);
        if (!kept) lost.push(`${where} typed before request ${at}: lost`);
        else if (outcome.error && !(outcome.error as Error).message.includes(where))
          lost.push(`${where} typed before request ${at}: refused without naming it`);
      }
    expect(lost).toEqual([]);
  }, 120_000);

  test('a change that fails after the edit is undone with the person’s value, not the one read', async () => {
    restore();
    const probe = await seeingPort(budget);
    fake.stats.reset();
    expect(await computeAndWrite(probe.port, { now })).toMatchObject({ status: 'done' });
    const requests = fake.stats.roundTrips;
    const target = (probe.written()?.cells ?? [])[0];
    const address = cellAddress(target.row, target.column);
    const lost: string[] = [];
    for (let at = 2; at < requests; at += 1) {
      restore();
      const { port } = await seeingPort(budget);
      fake.personEdits.beforeRoundTrip(at, () => fake.seed.sheet(target.sheet, [['Saisi à la main']], address));
      // The change's last request is refused: everything written is undone.
      fake.failures.failRequest(requests);
      const outcome = await outcomeOf(() => computeAndWrite(port, { now }));
      fake.personEdits.clear();
      const fired = fake.failures.fired;
      fake.failures.clear();
      expect(fired).toBe(true);
      expect(outcome.error).toBeInstanceOf(ExcelWorkbookError);
      if (JSON.stringify(fake.inspect.values(target.sheet, address)) !== JSON.stringify([['Saisi à la main']]))
        lost.push(`typed before request ${at}: lost by the undo`);
    }
    expect(lost).toEqual([]);
  }, 120_000);
});

describe('a person types while a regeneration rebuilds the sheets', () => {
  test('between the read and the write', async () => {
    restore();
    const { port } = await seeingPort();
    const where = `${AXIS}!${cellAddress(rowOf('G1-QN1'), columnOf('Commentaire'))}`;
    const address = cellAddress(rowOf('G1-QN1'), columnOf('Commentaire'));
    fake.personEdits.beforeRoundTrip(2, () => fake.seed.sheet(AXIS, [['Atelier parents']], address));
    const outcome = await outcomeOf(() => regenerateAndWrite(port, amendedPlan(), { now }));
    expect(fake.personEdits.pending()).toBe(0);
    expectKeptOrNamed(outcome, where, kept());
  }, 60_000);

  test('between the read and the write, the removal of the new sheets refused: it does not say it was undone', async () => {
    restore();
    const { port } = await seeingPort();
    const address = cellAddress(rowOf('G1-QN1'), columnOf('Commentaire'));
    // The edit lands before the write's request; the recovery's, the one after, is refused.
    fake.personEdits.beforeRoundTrip(2, () => fake.seed.sheet(AXIS, [['Atelier parents']], address));
    fake.personEdits.beforeRoundTrip(3, () => fake.failures.failRequest(1));
    const outcome = await outcomeOf(() => regenerateAndWrite(port, amendedPlan(), { now }));
    fake.personEdits.clear();
    fake.failures.clear();
    expect(outcome.error).toMatchObject({ code: 'EditedDuringRewrite', workbook: 'sheets-maybe-changed' });
    // Their sheets were not switched: their value is there. The new sheets may be too, hidden: not undone.
    expect(kept()).toBe(true);
    expect(fake.inspect.sheetNames().some((name) => name.startsWith('ctg-nouvelle-'))).toBe(true);
    const { message, workbook } = explainExcelError(outcome.error);
    expect(message).toContain(`${AXIS}!${address}`);
    expect(message).not.toContain('annulée');
    expect(message).toContain('votre saisie est conservée');
    expect(workbook).toContain('ctg-nouvelle-');
  }, 60_000);

  test('between two requests of a write split by size', async () => {
    restore();
    const budget = 64 * 1024;
    const probe = await seeingPort(budget);
    fake.stats.reset();
    expect(await regenerateAndWrite(probe.port, amendedPlan(), { now })).toMatchObject({ status: 'done' });
    // The read, then the new sheets in several requests.
    expect(fake.stats.roundTrips).toBeGreaterThan(4);

    restore();
    const { port } = await seeingPort(budget);
    const address = cellAddress(rowOf('G1-QN1'), columnOf('Commentaire'));
    const where = `${AXIS}!${address}`;
    // After the read and the write's first request, before its second.
    fake.personEdits.beforeRoundTrip(3, () => fake.seed.sheet(AXIS, [['Atelier parents']], address));
    const outcome = await outcomeOf(() => regenerateAndWrite(port, amendedPlan(), { now }));
    expect(fake.personEdits.pending()).toBe(0);
    expectKeptOrNamed(outcome, where, kept());
  }, 60_000);
});

describe('a person types while a regeneration rebuilds the sheets of a workbook read in bands', () => {
  // An answer limit below the workbook's size: the read comes in bands, as a large workbook on Excel on the web.
  const smallAnswers = 24 * 1024;
  afterEach(() => fake.setResponsePayloadLimit(5 * 1024 * 1024));

  test('the old sheets are looked at again in bands, and the edit is seen', async () => {
    restore();
    fake.setResponsePayloadLimit(smallAnswers);
    const address = cellAddress(rowOf('G1-QN1'), columnOf('Commentaire'));
    // Just after the rewrite's read (in bands, several round trips), before its write's first request.
    const { port } = await seeingPort(undefined, () =>
      fake.personEdits.beforeRoundTrip(1, () => fake.seed.sheet(AXIS, [['Atelier parents']], address)),
    );
    fake.stats.reset();
    const outcome = await outcomeOf(() => regenerateAndWrite(port, amendedPlan(), { now }));
    expect(fake.personEdits.pending()).toBe(0);
    expect(outcome.error).toBeInstanceOf(ExcelWorkbookError);
    expectKeptOrNamed(outcome, `${AXIS}!${address}`, kept());
    // Answers were refused as too large: the read and the look went by bands.
    expect(fake.stats.history.some((request) => !request.ok)).toBe(true);
  }, 60_000);

  test('without an edit the regeneration goes through', async () => {
    restore();
    fake.setResponsePayloadLimit(smallAnswers);
    const { port } = await seeingPort();
    expect(await regenerateAndWrite(port, amendedPlan(), { now })).toMatchObject({ status: 'done' });
    expect(fake.personEdits.pending()).toBe(0);
  }, 60_000);
});

describe('what the look costs', () => {
  test('a regeneration that rebuilds the sheets: the read, the new sheets with the look at the old ones, the switch', async () => {
    restore();
    const { port } = await seeingPort();
    fake.stats.reset();
    expect(await regenerateAndWrite(port, amendedPlan(), { now })).toMatchObject({ status: 'done' });
    expect(fake.stats.roundTrips).toBe(3);
  }, 60_000);

  test('« Calculer » that writes cells: the read, then the cells with what they hold loaded first (2)', async () => {
    restore();
    const { port } = await seeingPort();
    fake.stats.reset();
    expect(await computeAndWrite(port, { now })).toMatchObject({ status: 'done' });
    expect(fake.stats.roundTrips).toBe(2);
  }, 60_000);
});

describe('a person in a cell (cell-edit mode) when a request arrives', () => {
  afterEach(() => fake.setCellEditMode(false));

  test('where Excel can wait (DelayForCellEdit): « Calculer » waits, what they typed is entered first and kept', async () => {
    restore();
    const { port } = await seeingPort();
    const address = cellAddress(rowOf('G1-QN1'), columnOf('Commentaire'));
    fake.setCellEditMode(true, () => fake.seed.sheet(AXIS, [['Atelier parents']], address));
    expect(await computeAndWrite(port, { now })).toMatchObject({ status: 'done' });
    expect(kept()).toBe(true);
  }, 60_000);

  test('entering the cell between the read and the write of a regeneration: refused, naming it', async () => {
    restore();
    const address = cellAddress(rowOf('G1-QN1'), columnOf('Commentaire'));
    const { port } = await seeingPort(undefined, () =>
      fake.setCellEditMode(true, () => fake.seed.sheet(AXIS, [['Atelier parents']], address)),
    );
    const outcome = await outcomeOf(() => regenerateAndWrite(port, amendedPlan(), { now }));
    expect(outcome.error).toBeInstanceOf(ExcelWorkbookError);
    expectKeptOrNamed(outcome, `${AXIS}!${address}`, kept());
  }, 60_000);

  test('where Excel cannot wait: the French explanation, nothing written', async () => {
    restore();
    const { port } = await seeingPort();
    const before = fake.inspect.snapshotWorkbook();
    fake.setCellEditMode(true);
    const outcome = await outcomeOf(() => computeAndWrite(port, { now }));
    expect(outcome.error).toBeInstanceOf(ExcelWorkbookError);
    expect((outcome.error as ExcelWorkbookError).code).toBe('InvalidOperationInCellEditMode');
    fake.setCellEditMode(false);
    expect(fake.inspect.snapshotWorkbook()).toEqual(before);
  }, 60_000);
});
