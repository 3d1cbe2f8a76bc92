import type { WorkbookPort } from '../../src/app/port';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { validateWorkbook } from '../../src/app/validate';
import { generateWorkbook } from '../../src/app/generate';
import { createExcelPort, ExcelWorkbookError, explainExcelError } from '../../src/excel';
import { degradationNotes, excelErrorTexts } from '../../src/excel/excel-texts';
import { cellAddress } from '../../src/layout/a1';
import type { FakeActionKind, FakeExcel } from '../fake-excel';
import { failingEachActionKind, failingEachRequest } from './helpers/failing-each';
import { generateOnFake } from './helpers/run-on-fake';
import { samplePlan } from '../layout/helpers/sample-plan';

/**
 * Office.js does not roll a failed request back: the actions before the failing one stay applied (learn.microsoft.com,
 * OfficeExtension.Error `traceMessages`: the commands of a batch before its error ran). A rewrite that fails at any request, or at any
 * kind of action, must leave the workbook the person had — every value they typed, sheets protected, `_ctg` hidden —
 * or the new one, whole; and say in French what to do.
 */
const today = new Date('2026-11-28T10:00:00Z');
const now = new Date('2026-11-28T11:00:00Z');
/**
 * A small plan (every rewrite below runs whole, some fifty times) and a small request budget: the write is split
 * into several requests, each of which may fail.
 */
const requestBudgetBytes = 48 * 1024;
const TYPED = ['Atelier parents', 'Réunion du comité', 'Bilan partagé', 'Café des familles'];

interface Workbook {
  grids: ReturnType<FakeExcel['inspect']['snapshotWorkbook']>;
  sheets: ReturnType<FakeExcel['inspect']['sheets']>;
  names: ReturnType<FakeExcel['inspect']['names']>;
  protection: Record<string, boolean>;
  issues: string[];
}

/**
 * The workbook as the tests compare it. Validation is a function of the cells read (the snapshot is what a read
 * gets: grid-parity.cases.ts), so it is run on the old and the new workbook only; any other state equal to one of
 * them in cells, sheets, names and protection validates as it does.
 */
async function stateOf(fake: FakeExcel, validate = false): Promise<Workbook> {
  const port = createExcelPort({ excel: fake.officeJs.Excel, office: fake.officeJs.Office });
  const issues = validate
    ? (await validateWorkbook(port, { today: now })).issues.map((issue) => `${issue.severity} ${issue.code}`).sort()
    : [];
  return {
    grids: fake.inspect.snapshotWorkbook(),
    sheets: fake.inspect.sheets(),
    names: fake.inspect.names(),
    protection: Object.fromEntries(
      fake.inspect.sheetNames().map((name) => [name, fake.inspect.protection(name).protected]),
    ),
    issues,
  };
}

/** Types texts into the Commentaire cells of the first criteria of Axe 1, as a person would. */
async function typeComments(fake: FakeExcel): Promise<void> {
  const grid = fake.inspect.snapshotGrid('Axe 1');
  const header = grid.rows.findIndex((row) => row?.some((cell) => cell?.value === 'Commentaire'));
  const column = grid.rows[header]!.findIndex((cell) => cell?.value === 'Commentaire');
  const rows = grid.rows
    .map((cells, index) => ({ cells, index }))
    .filter(({ cells, index }) => index > header && cells?.[1]?.value === 'Quantitatif')
    .slice(0, TYPED.length);
  await fake.officeJs.Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('Axe 1');
    rows.forEach(({ index }, i) => (sheet.getRange(cellAddress(index + 1, column + 1)).values = [[TYPED[i]]]));
    await context.sync();
  });
}

/** The rewrite under test: the whole spec written (no cell-by-cell change), the failure armed just before it. */
function rewritingPort(fake: FakeExcel, arm: () => void): WorkbookPort & { notes(): readonly string[] } {
  const port = createExcelPort({ excel: fake.officeJs.Excel, office: fake.officeJs.Office, requestBudgetBytes });
  return {
    ...port,
    read: port.read,
    write: (spec, context) => {
      arm();
      return port.write(spec, context?.after ? { after: context.after } : undefined);
    },
  };
}

type Rewrite = (port: WorkbookPort) => Promise<unknown>;
const rewrites: Record<string, Rewrite> = {
  Calculer: (port) => computeAndWrite(port, { now }),
  'generate --force': (port) => generateWorkbook(samplePlan(), port, { today: now }),
};

let fake: FakeExcel;
let restore: () => void;
let old: Workbook;

beforeAll(async () => {
  ({ fake } = await generateOnFake(samplePlan(), today));
  await typeComments(fake);
  const port = createExcelPort({ excel: fake.officeJs.Excel, office: fake.officeJs.Office });
  expect(await computeAndWrite(port, { now })).toMatchObject({ status: 'done' });
  restore = fake.checkpoint();
  old = await stateOf(fake, true);
  expect(old.issues.filter((issue) => issue.startsWith('error'))).toEqual([]);
  // The filled workbook: typed values, protected sheets, `_ctg` hidden.
  expect(JSON.stringify(old.grids)).toContain(TYPED[0]);
  old = { ...old, issues: [] };
  expect(old.protection['Axe 1']).toBe(true);
  expect(old.sheets.find((sheet) => sheet.name === '_ctg')?.visibility).toBe('Hidden');
}, 120_000);

/** Runs a rewrite with a failure armed; returns the error (null when it went through) and the workbook after. */
async function tryRewrite(rewrite: Rewrite, arm: (fake: FakeExcel) => void, validate = false) {
  restore();
  let error: unknown = null;
  const port = rewritingPort(fake, () => arm(fake));
  try {
    await rewrite(port);
  } catch (caught) {
    error = caught;
  }
  const fired = fake.failures.fired;
  fake.failures.clear();
  return { error, fired, notes: port.notes(), after: await stateOf(fake, validate) };
}

const PRESENTATION: FakeActionKind[] = ['dataBar', 'chartAdd', 'chartSetting', 'pageLayout'];
const frenchTexts = new Set<string>(Object.values(excelErrorTexts));

describe.each(Object.entries(rewrites))('%s failing anywhere', (_, rewrite) => {
  let written: Workbook;
  beforeAll(async () => {
    const clean = await tryRewrite(rewrite, () => undefined, true);
    expect(clean.error).toBeNull();
    expect(clean.after.issues.filter((issue) => issue.startsWith('error'))).toEqual([]);
    written = { ...clean.after, issues: [] };
  }, 60_000);

  /** What is wrong with the workbook after a failure (empty when it is the old one or the new one, whole). */
  function problems(outcome: { error: unknown; after: Workbook }, where: string): string[] {
    const expected = outcome.error ? old : written;
    const which = outcome.error ? 'old' : 'new';
    const found: string[] = [];
    if (outcome.error) {
      // The message the pane and the command line show: French, and says what to do.
      if (!(outcome.error instanceof ExcelWorkbookError) || !frenchTexts.has(outcome.error.message))
        found.push(`${where}: not a French explanation: ${String(outcome.error)}`);
      // What the pane says the failure left: the workbook as it was, which the checks below hold it to.
      const left = (outcome.error as ExcelWorkbookError).workbook;
      if (left !== 'untouched' && left !== 'restored') found.push(`${where}: says the workbook was left ${left}`);
    }
    for (const key of ['sheets', 'names', 'protection'] as const)
      if (JSON.stringify(outcome.after[key]) !== JSON.stringify(expected[key]))
        found.push(`${where}: ${key} differ from the ${which} workbook's: ${JSON.stringify(outcome.after[key])}`);
    for (const grid of expected.grids.sheets) {
      const after = outcome.after.grids.sheets.find((candidate) => candidate.name === grid.name);
      if (JSON.stringify(after) !== JSON.stringify(grid))
        found.push(`${where}: ${grid.name} differs from the ${which} one`);
    }
    return found;
  }

  test('at each request of the write, the old workbook or the new one, whole', async () => {
    const outcomes = await failingEachRequest((request) => tryRewrite(rewrite, (f) => f.failures.failRequest(request)));
    expect(outcomes.flatMap(({ where, outcome }) => problems(outcome, where))).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(1);
  }, 120_000);

  test('at each kind of action, the old workbook or the new one, whole', async () => {
    const outcomes = await failingEachActionKind((kind) => tryRewrite(rewrite, (f) => f.failures.failAction(kind)));
    const found = outcomes.flatMap(({ where, outcome }) => problems(outcome, where));
    // Presentation refused: the workbook is written without it, and the outcome says so in French.
    for (const { where, outcome } of outcomes)
      if (PRESENTATION.includes(where) && (outcome.error || !outcome.notes.includes(degradationNotes.presentation)))
        found.push(`${where}: no note on the presentation left out`);
    expect(found).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(15);
  }, 120_000);
});

describe('a whole rewrite whose recovery fails too', () => {
  test('says the workbook may be partly changed, with the sheets that may stay', async () => {
    const outcomes = await failingEachRequest(async (request) => {
      const outcome = await tryRewrite(rewrites['generate --force'], (f) => {
        f.failures.failRequest(request);
        // The request after the failing one (the recovery's look) fails too.
        f.personEdits.beforeRoundTrip(request + 1, () => f.failures.failRequest(1));
      });
      fake.personEdits.clear();
      return { ...outcome, fired: outcome.error !== null };
    });
    const said = (outcome: { error: unknown }) => (outcome.error as ExcelWorkbookError).workbook;
    const maybe = outcomes.filter(({ outcome }) => said(outcome) === 'sheets-maybe-changed');
    expect(maybe.length).toBeGreaterThan(0);
    for (const { outcome } of outcomes.filter(({ outcome }) => said(outcome) === 'untouched'))
      expect(outcome.after.sheets).toEqual(old.sheets);
    // A write that got its new sheets in before failing leaves them, hidden under temporary names: as said.
    const left = maybe.map(({ outcome }) => outcome.after.sheets.map((sheet) => sheet.name));
    expect(left.some((names) => names.some((name) => name.startsWith('ctg-nouvelle-')))).toBe(true);
    expect(explainExcelError(maybe[0].outcome.error).workbook).toContain('ctg-nouvelle-');
  }, 120_000);
});

describe('a sheet named like a temporary one', () => {
  test('is a sheet like any other a person added: a whole rewrite keeps it with what it holds', async () => {
    restore();
    await fake.officeJs.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add('ctg-nouvelle-1');
      sheet.getRange('A1').values = [['Mes notes de réunion']];
      await context.sync();
    });
    // A whole write, whose new sheets take temporary names beside this one.
    const port = rewritingPort(fake, () => undefined);
    const written = fake.stats.syncs;
    await rewrites['generate --force'](port);
    expect(fake.stats.syncs).toBeGreaterThan(written);
    expect(fake.inspect.sheetNames()).toContain('ctg-nouvelle-1');
    expect(fake.inspect.snapshotGrid('ctg-nouvelle-1').rows[0]?.[0]?.value).toBe('Mes notes de réunion');
  });
});
