import { computeAndWrite } from '../../src/app/rewrite-use-cases';
import type { WriteContext } from '../../src/app/port';
import { createExcelPort, ExcelWorkbookError, type ExcelPort } from '../../src/excel';
import { cellAddress } from '../../src/layout/a1';
import { RATE_FORMAT } from '../../src/layout/styles';
import type { FakeExcel } from '../fake-excel';
import { samplePlan } from '../layout/helpers/sample-plan';
import { failingEachRequest } from './helpers/failing-each';
import { generateOnFake } from './helpers/run-on-fake';

/**
 * A workbook open in Excel whose rate cells still have `0%`, as the former layout wrote them: « Calculer », which
 * writes the changed cells only, brings them to the current rate format, and leaves every other format as it was
 * (a person's own format on a rate cell included); failing part way, it leaves the formats as they were.
 */

const today = new Date('2026-05-10T09:00:00Z');
const now = new Date('2026-05-12T09:00:00Z');

let fake: FakeExcel;
/** The cells the layout writes in the rate format, by `sheet!A1`. */
let rateCells: string[];
/** The rate cell a person gave a format of their own. */
let own: string;
/** The workbook with the former formats, put back before each attempt. */
let restore: () => void;

/** Every cell's number format, by `sheet!A1`; `filled`: only cells holding a value or a formula. */
function formats({ filled = false } = {}): Map<string, string> {
  const found = new Map<string, string>();
  for (const name of fake.inspect.sheetNames()) {
    const sheet = fake.inspect.sheet(name);
    const used = sheet.usedRect(false);
    if (!used) continue;
    for (let r = used.row; r < used.row + used.rowCount; r += 1)
      for (let c = used.column; c < used.column + used.columnCount; c += 1)
        if (!filled || sheet.cell(r, c))
          found.set(`${name}!${cellAddress(r + 1, c + 1)}`, sheet.formats.get(r, c, 'numberFormat'));
  }
  return found;
}

function setFormat(at: string, format: string): void {
  const [name, address] = at.split('!');
  const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
  const column = [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
  fake.inspect.sheet(name).formats.setCell(Number(row) - 1, column - 1, 'numberFormat', format);
}

/** A port on the fake whose writes are recorded, `arm` called just before each. */
function recordingPort(arm: () => void = () => undefined, requestBudgetBytes?: number) {
  const port = createExcelPort({ excel: fake.officeJs.Excel, office: fake.officeJs.Office, requestBudgetBytes });
  const contexts: (WriteContext | undefined)[] = [];
  const wrapped: ExcelPort = {
    ...port,
    write: (spec, context) => {
      contexts.push(context);
      arm();
      return port.write(spec, context);
    },
  };
  return { port: wrapped, contexts };
}

beforeAll(async () => {
  ({ fake } = await generateOnFake(samplePlan(), today));
  // The rates: the cells the layout writes in the rate format (empty cells of a rate column have it from the column).
  rateCells = [...formats({ filled: true })].filter(([, format]) => format === RATE_FORMAT).map(([at]) => at);
  expect(rateCells.some((at) => at.startsWith('Axe 1!'))).toBe(true);
  expect(rateCells.some((at) => at.startsWith('Annexe 4'))).toBe(true);
  // The former layout's 0% on every rate cell, but one a person gave a format of their own.
  own = rateCells[0];
  for (const at of rateCells) setFormat(at, at === own ? '0.00%' : '0%');
  restore = fake.checkpoint();
}, 60_000);

test('« Calculer » gives the rate cells that still have 0% the current rate format, and changes no other format', async () => {
  restore();
  const before = formats();
  const { port, contexts } = recordingPort();
  expect(await computeAndWrite(port, { now })).toMatchObject({ status: 'done' });
  expect(contexts[0]?.changes).toBeDefined();

  const after = formats();
  expect(rateCells.filter((at) => at !== own && after.get(at) !== RATE_FORMAT)).toEqual([]);
  expect(after.get(own)).toBe('0.00%');
  const others = [...before].filter(([at]) => !rateCells.includes(at));
  expect(others.filter(([at, format]) => after.get(at) !== format)).toEqual([]);
  // The sheets are protected again after their formats were set.
  expect(fake.inspect.protection('Axe 1').protected).toBe(true);
}, 60_000);

test('failing at any request of « Calculer », the rate cells keep the formats they had', async () => {
  restore();
  const before = formats();
  const protection = () => fake.inspect.sheetNames().map((name) => fake.inspect.protection(name));
  const protectedBefore = protection();
  const outcomes = await failingEachRequest(async (request) => {
    restore();
    // Small requests, so that the formats go in several of them.
    const { port } = recordingPort(() => fake.failures.failRequest(request), 2048);
    let error: unknown = null;
    await computeAndWrite(port, { now }).catch((caught: unknown) => void (error = caught));
    const fired = fake.failures.fired;
    fake.failures.clear();
    return { fired, error, formats: formats(), protection: protection() };
  });
  expect(outcomes.length).toBeGreaterThan(1);
  const failed = outcomes.filter(({ outcome }) => outcome.error !== null);
  expect(failed.length).toBeGreaterThan(0);
  for (const { where, outcome } of failed) {
    expect([where, outcome.error]).toEqual([where, expect.any(ExcelWorkbookError)]);
    expect([where, rateCells.filter((at) => outcome.formats.get(at) !== before.get(at))]).toEqual([where, []]);
    expect([where, outcome.protection]).toEqual([where, protectedBefore]);
  }
}, 120_000);
