import type { CellChange, WorkbookChanges } from '../../src/app/port';
import { closeQuarterAndWrite, computeAndWrite } from '../../src/app/rewrite-use-cases';
import { createExcelPort, ExcelWorkbookError, type ExcelPort } from '../../src/excel';
import { excelErrorTexts } from '../../src/excel/excel-texts';
import { cellAddress } from '../../src/layout/a1';
import type { FakeExcel } from '../fake-excel';
import { failingEachActionKind, failingEachRequest } from './helpers/failing-each';
import { generateOnFake } from './helpers/run-on-fake';
import { samplePlan } from '../layout/helpers/sample-plan';

/**
 * A cell change (« Calculer » or « Clôturer » on a workbook whose shape is kept, or `port.change`) writes cell by
 * cell, unprotecting the sheets it must and protecting them again. Office.js does not roll a failed request back:
 * what ran before the failing action stays. Failing at any request, or at any kind of action, must leave the
 * workbook the person had — values, formulas, number formats, sheets protected with their options — or the new
 * one, whole; and say in French what to do.
 */
const today = new Date('2026-11-28T10:00:00Z');
const now = new Date('2026-11-28T11:00:00Z');
/** Small, so that each change is split into several requests, each of which may fail. */
const requestBudgetBytes = 2048;
const AXIS = 'Axe 1';
const HEADER_ROW = 3;

interface Workbook {
  grids: ReturnType<FakeExcel['inspect']['snapshotWorkbook']>;
  protection: Record<string, ReturnType<FakeExcel['inspect']['protection']>>;
  /** Number formats of the cells the change writes, by `sheet!A1`. */
  formats: Record<string, string>;
}

const keyOf = (cell: { sheet: string; row: number; column: number }) =>
  `${cell.sheet}!${cellAddress(cell.row, cell.column)}`;

function stateOf(fake: FakeExcel, touched: readonly CellChange[]): Workbook {
  return {
    grids: fake.inspect.snapshotWorkbook(),
    protection: Object.fromEntries(fake.inspect.sheetNames().map((name) => [name, fake.inspect.protection(name)])),
    formats: Object.fromEntries(
      touched.map((cell) => [
        keyOf(cell),
        fake.inspect.format(cell.sheet, cellAddress(cell.row, cell.column)).numberFormat,
      ]),
    ),
  };
}

/** 1-based column of a header of the axis sheet. */
function columnOf(fake: FakeExcel, header: string): number {
  const index = (fake.inspect.snapshotGrid(AXIS).rows[HEADER_ROW - 1] ?? []).findIndex(
    (cell) => cell?.value === header,
  );
  if (index < 0) throw new Error(`no header ${header}`);
  return index + 1;
}

/** 1-based rows of the axis sheet's quantitative criteria. */
const criterionRows = (fake: FakeExcel): number[] =>
  fake.inspect
    .snapshotGrid(AXIS)
    .rows.map((cells, index) => ({ cells, row: index + 1 }))
    .filter(({ cells, row }) => row > HEADER_ROW && cells?.[1]?.value === 'Quantitatif')
    .map(({ row }) => row);

const firstFicheRow = HEADER_ROW + 1;

async function type(fake: FakeExcel, sheet: string, row: number, column: number, value: unknown): Promise<void> {
  await fake.officeJs.Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getCell(row - 1, column - 1).values = [[value]];
    await context.sync();
  });
}

/** The port under test: small requests, the failure armed just before the change, the changes recorded. */
function changingPort(fake: FakeExcel, arm: () => void) {
  const port = createExcelPort({ excel: fake.officeJs.Excel, office: fake.officeJs.Office, requestBudgetBytes });
  const seen: { changes: WorkbookChanges | undefined } = { changes: undefined };
  const wrapped: ExcelPort = {
    ...port,
    write: (spec, context) => {
      seen.changes = context?.changes;
      arm();
      return port.write(spec, context);
    },
    change: (changes) => {
      seen.changes = changes;
      arm();
      return port.change(changes);
    },
  };
  return { port: wrapped, seen };
}

/** A hand-made change with no read before: texts Excel would retype, numbers, a formula, locked cells, two sheets. */
function handMadeChanges(fake: FakeExcel): WorkbookChanges {
  const [first, second] = criterionRows(fake);
  const t4 = columnOf(fake, '2026-T4');
  const comment = columnOf(fake, 'Commentaire');
  return {
    cells: [
      // Held the number 12: `@` goes before the text.
      { sheet: AXIS, row: first, column: t4, content: '+12 familles' },
      { sheet: AXIS, row: second, column: t4, content: 7 },
      { sheet: AXIS, row: first, column: comment, content: '-5 en attente' },
      { sheet: AXIS, row: second, column: comment, content: '=pas une formule' },
      // Locked cells: the sheet's protection is lifted.
      { sheet: AXIS, row: firstFicheRow, column: columnOf(fake, 'Intitulé'), content: 'Nouvel intitulé' },
      {
        sheet: AXIS,
        row: first,
        column: columnOf(fake, 'Renseignement cumulé'),
        content: { formula: '1/4', result: 0.25 },
      },
      { sheet: 'Paramètres', row: 5, column: 2, content: 123456789 },
      { sheet: 'Paramètres', row: 3, column: 2, content: '=Pilat' },
    ],
    ranges: [],
  };
}

type Rewrite = (port: ExcelPort, fake: FakeExcel) => Promise<unknown>;
const rewrites: Record<string, Rewrite> = {
  Calculer: (port) => computeAndWrite(port, { now }),
  Clôturer: (port) => closeQuarterAndWrite(port, { now }),
  'port.change': (port, fake) => port.change(handMadeChanges(fake)),
};

let fake: FakeExcel;
let restore: () => void;
/** The cell that held 12 and that the hand-made change writes a text into. */
let twelve: { sheet: string; row: number; column: number };

beforeAll(async () => {
  ({ fake } = await generateOnFake(samplePlan(), today));
  const port = createExcelPort({ excel: fake.officeJs.Excel, office: fake.officeJs.Office });
  expect(await computeAndWrite(port, { now })).toMatchObject({ status: 'done' });
  // What a person typed since: figures, comments, a fiche abandoned (compute writes « Abandonnée en » and the Journal).
  const [first, second] = criterionRows(fake);
  twelve = { sheet: AXIS, row: first, column: columnOf(fake, '2026-T4') };
  await type(fake, AXIS, first, columnOf(fake, '2026-T4'), 12);
  await type(fake, AXIS, second, columnOf(fake, '2026-T3'), 4);
  await type(fake, AXIS, first, columnOf(fake, 'Commentaire'), 'Atelier parents');
  await type(fake, AXIS, firstFicheRow, columnOf(fake, 'Statut'), 'Abandonnée');
  restore = fake.checkpoint();
}, 60_000);

/** Runs a rewrite with a failure armed; returns the error (null when it went through) and the workbook after. */
async function tryRewrite(rewrite: Rewrite, arm: (fake: FakeExcel) => void, touched: readonly CellChange[]) {
  restore();
  let error: unknown = null;
  const { port, seen } = changingPort(fake, () => arm(fake));
  try {
    await rewrite(port, fake);
  } catch (caught) {
    error = caught;
  }
  const fired = fake.failures.fired;
  fake.failures.clear();
  return { error, fired, port, seen, after: stateOf(fake, touched) };
}

const frenchTexts = new Set<string>(Object.values(excelErrorTexts));

describe.each(Object.entries(rewrites))('%s failing anywhere in its cell change', (name, rewrite) => {
  let touched: CellChange[];
  let old: Workbook;
  let written: Workbook;
  beforeAll(async () => {
    const clean = await tryRewrite(rewrite, () => undefined, []);
    expect(clean.error).toBeNull();
    // It went through the cell change, in several requests, lifting protection.
    expect(clean.seen.changes?.cells.length).toBeGreaterThan(0);
    touched = clean.seen.changes!.cells;
    expect(clean.port.lastWriteSyncs()).toBeGreaterThan(2);
    restore();
    old = stateOf(fake, touched);
    expect(Object.values(old.protection).some((sheet) => sheet.protected)).toBe(true);
    written = (await tryRewrite(rewrite, () => undefined, touched)).after;
    expect(JSON.stringify(written.grids)).not.toEqual(JSON.stringify(old.grids));
  }, 60_000);

  /** What is wrong with the workbook after a failure (empty when it is the old one or the new one, whole). */
  function problems(outcome: { error: unknown; after: Workbook }, where: string): string[] {
    const expected = outcome.error ? old : written;
    const which = outcome.error ? 'old' : 'new';
    const found: string[] = [];
    if (outcome.error && (!(outcome.error instanceof ExcelWorkbookError) || !frenchTexts.has(outcome.error.message)))
      found.push(`${where}: not a French explanation: ${String(outcome.error)}`);
    // What the pane says the failure left: the workbook as it was, which the checks below hold it to.
    const left = (outcome.error as ExcelWorkbookError | null)?.workbook;
    if (outcome.error && left !== 'untouched' && left !== 'restored')
      found.push(`${where}: says the workbook was left ${String(left)}`);
    for (const [sheet, protection] of Object.entries(expected.protection))
      if (JSON.stringify(outcome.after.protection[sheet]) !== JSON.stringify(protection))
        found.push(`${where}: ${sheet}'s protection differs from the ${which} workbook's`);
    for (const [cell, format] of Object.entries(expected.formats))
      if (outcome.after.formats[cell] !== format)
        found.push(`${where}: ${cell} formatted ${outcome.after.formats[cell]}, ${format} in the ${which} workbook`);
    for (const grid of expected.grids.sheets) {
      const after = outcome.after.grids.sheets.find((candidate) => candidate.name === grid.name);
      if (JSON.stringify(after) !== JSON.stringify(grid))
        found.push(`${where}: ${grid.name}'s cells differ from the ${which} one's`);
    }
    return found;
  }

  test('at each request of the change, the old workbook or the new one, whole', async () => {
    const outcomes = await failingEachRequest((request) =>
      tryRewrite(rewrite, (f) => f.failures.failRequest(request), touched),
    );
    expect(outcomes.flatMap(({ where, outcome }) => problems(outcome, where))).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(2);
  }, 60_000);

  test('at each kind of action, the old workbook or the new one, whole', async () => {
    const outcomes = await failingEachActionKind((kind) =>
      tryRewrite(rewrite, (f) => f.failures.failAction(kind), touched),
    );
    expect(outcomes.flatMap(({ where, outcome }) => problems(outcome, where))).toEqual([]);
    const fired = outcomes.map(({ where }) => where);
    // The kinds a cell change queues (autofilter: the record sheets' ranges when lines are added).
    expect(fired).toEqual(expect.arrayContaining(['numberFormat', 'values', 'protection']));
    if (name !== 'port.change') expect(fired).toContain('formulas');
  }, 60_000);

  test('the undo failing too, it says the workbook may be partly changed, and it is', async () => {
    const outcomes = await failingEachRequest(async (request) => {
      const outcome = await tryRewrite(
        rewrite,
        (f) => {
          f.failures.failRequest(request);
          // The request after the failing one (the undo's first) fails too.
          f.personEdits.beforeRoundTrip(request + 1, () => f.failures.failRequest(1));
        },
        touched,
      );
      fake.personEdits.clear();
      return { ...outcome, fired: outcome.error !== null };
    });
    const said = (outcome: { error: unknown }) => (outcome.error as ExcelWorkbookError).workbook;
    const maybe = outcomes.filter(({ outcome }) => said(outcome) === 'cells-maybe-changed');
    // Failures before the first write change nothing, and say so; after it, the undo's failure is said.
    expect(maybe.length).toBeGreaterThan(0);
    expect(outcomes.every(({ outcome }) => ['untouched', 'cells-maybe-changed'].includes(said(outcome)!))).toBe(true);
    for (const { outcome } of outcomes.filter(({ outcome }) => said(outcome) === 'untouched'))
      expect(JSON.stringify(outcome.after.grids)).toBe(JSON.stringify(old.grids));
    // Where a write went through before the failure, the workbook is indeed not the one the person had.
    expect(maybe.some(({ outcome }) => JSON.stringify(outcome.after.grids) !== JSON.stringify(old.grids))).toBe(true);
  }, 60_000);

  if (name === 'port.change')
    test('a number given back into a cell the failed change had set to `@` is a number again', async () => {
      // Fails at the values: the `@` before the text is in, the text not.
      const outcome = await tryRewrite(rewrite, (f) => f.failures.failAction('values'), touched);
      expect(outcome.error).toBeInstanceOf(ExcelWorkbookError);
      const key = keyOf(twelve);
      expect(outcome.after.formats[key]).toBe(old.formats[key]);
      expect(outcome.after.formats[key]).not.toBe('@');
      expect(fake.inspect.values(twelve.sheet, cellAddress(twelve.row, twelve.column))).toEqual([[12]]);
    });
});
