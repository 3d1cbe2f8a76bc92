import { embeddedPlan } from '../../src/app/plan-source';
import type { WorkbookPort } from '../../src/app/port';
import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import { validateWorkbook } from '../../src/app/validate';
import { generateWorkbook } from '../../src/app/generate';
import { createExcelPort, ExcelWorkbookError } from '../../src/excel';
import { excelErrorTexts } from '../../src/excel/excel-texts';
import { cellAddress } from '../../src/layout/a1';
import { FAKE_ACTION_KINDS, type FakeActionKind, type FakeExcel } from '../fake-excel';
import { generateOnFake } from './helpers/run-on-fake';

/**
 * Office.js does not roll a failed request back: the actions before the failing one stay applied (learn.microsoft.com,
 * « Handle errors with the application-specific JavaScript APIs »). A rewrite that fails at any request, or at any
 * kind of action, must leave the workbook the person had — every value they typed, sheets protected, `_ctg` hidden —
 * or the new one, whole; and say in French what to do.
 */
const today = new Date('2026-11-28T10:00:00Z');
const now = new Date('2026-11-28T11:00:00Z');
/** A small request budget: the write is split into several requests, each of which may fail. */
const requestBudgetBytes = 96 * 1024;
const TYPED = ['Atelier parents', 'Réunion du comité', 'Bilan partagé', 'Café des familles'];

interface Workbook {
  grids: ReturnType<FakeExcel['inspect']['snapshotWorkbook']>;
  sheets: ReturnType<FakeExcel['inspect']['sheets']>;
  names: ReturnType<FakeExcel['inspect']['names']>;
  protection: Record<string, boolean>;
  issues: string[];
}

async function stateOf(fake: FakeExcel): Promise<Workbook> {
  const port = createExcelPort({ excel: fake.officeJs.Excel, office: fake.officeJs.Office });
  const validated = await validateWorkbook(port, { today: now });
  return {
    grids: fake.inspect.snapshotWorkbook(),
    sheets: fake.inspect.sheets(),
    names: fake.inspect.names(),
    protection: Object.fromEntries(
      fake.inspect.sheetNames().map((name) => [name, fake.inspect.protection(name).protected]),
    ),
    issues: validated.issues.map((issue) => `${issue.severity} ${issue.code}`).sort(),
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
function rewritingPort(fake: FakeExcel, arm: () => void): WorkbookPort {
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
  'generate --force': (port) => generateWorkbook(embeddedPlan().plan, port, { today: now }),
};

let fake: FakeExcel;
let restore: () => void;
let old: Workbook;

beforeAll(async () => {
  ({ fake } = await generateOnFake(embeddedPlan().plan, today));
  await typeComments(fake);
  const port = createExcelPort({ excel: fake.officeJs.Excel, office: fake.officeJs.Office });
  expect(await computeAndWrite(port, { now })).toMatchObject({ status: 'done' });
  restore = fake.checkpoint();
  old = await stateOf(fake);
  // The filled workbook: typed values, protected sheets, `_ctg` hidden.
  expect(JSON.stringify(old.grids)).toContain(TYPED[0]);
  expect(old.protection['Axe 1']).toBe(true);
  expect(old.sheets.find((sheet) => sheet.name === '_ctg')?.visibility).toBe('Hidden');
}, 120_000);

/** Runs a rewrite with a failure armed; returns the error (null when it went through) and the workbook after. */
async function tryRewrite(rewrite: Rewrite, arm: (fake: FakeExcel) => void) {
  restore();
  let error: unknown = null;
  try {
    await rewrite(rewritingPort(fake, () => arm(fake)));
  } catch (caught) {
    error = caught;
  }
  const fired = fake.failures.fired;
  fake.failures.clear();
  return { error, fired, after: await stateOf(fake) };
}

const frenchTexts = new Set<string>(Object.values(excelErrorTexts));

describe.each(Object.entries(rewrites))('%s failing anywhere', (_, rewrite) => {
  let written: Workbook;
  beforeAll(async () => {
    const clean = await tryRewrite(rewrite, () => undefined);
    expect(clean.error).toBeNull();
    written = clean.after;
  }, 60_000);

  function expectWhole(outcome: { error: unknown; after: Workbook }, where: string) {
    if (outcome.error) {
      // The message the pane and the command line show: French, and says what to do.
      expect(outcome.error).toBeInstanceOf(ExcelWorkbookError);
      expect(frenchTexts.has((outcome.error as ExcelWorkbookError).message)).toBe(true);
      expect({ where, ...outcome.after }).toEqual({ where, ...old });
    } else {
      expect({ where, ...outcome.after }).toEqual({ where, ...written });
    }
  }

  test('at each request of the write, the old workbook or the new one, whole', async () => {
    let failed = 0;
    for (let request = 1; request < 50; request++) {
      const outcome = await tryRewrite(rewrite, (f) => f.failures.failRequest(request));
      if (!outcome.fired) break;
      failed++;
      expectWhole(outcome, `request ${request}`);
    }
    expect(failed).toBeGreaterThan(1);
  }, 120_000);

  test('at each kind of action, the old workbook or the new one, whole', async () => {
    const kinds = Object.keys(FAKE_ACTION_KINDS) as FakeActionKind[];
    let failed = 0;
    for (const kind of kinds) {
      const outcome = await tryRewrite(rewrite, (f) => f.failures.failAction(kind));
      if (!outcome.fired) continue;
      failed++;
      expectWhole(outcome, kind);
    }
    expect(failed).toBeGreaterThan(15);
  }, 120_000);
});
