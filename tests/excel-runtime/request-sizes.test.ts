import { generateWorkbook } from '../../src/app/generate';
import { embeddedPlan } from '../../src/app/plan-source';
import { closeQuarterAndWrite, computeAndWrite } from '../../src/app/rewrite-use-cases';
import type { Plan } from '../../src/domain/plan';
import { createExcelPort } from '../../src/excel';
import { createFakeExcel } from '../fake-excel';
import { scaledPlan } from '../excel-backend/helpers/scaled-plan';
import { newJournalLines, officeRuntimeOn, WEB_PAYLOAD_LIMIT, type RuntimeExchange } from '../helpers/office-runtime';

/**
 * Request sizes as Office.js itself builds them: the add-in's use cases run on the real runtime
 * (excel-web-16.00.js in jsdom, tests/helpers/office-runtime.ts), the fake Excel answering its requests. On the
 * embedded plan, three and ten times larger: every request and every answer stays under Excel on the web's 5 MB,
 * and the sizes the request batcher and the fake count (src/excel/request-size.ts) are never below the real ones.
 */
const today = new Date('2026-11-28T10:00:00Z');
const AXIS_SHEET = 'Axe 1';
const FIRST_FICHE_ROW = 4;

interface Step {
  exchanges: RuntimeExchange[];
  /** The batcher's count of each request of the step's write. */
  batched: readonly number[];
}

type Scenario = 'generate' | 'compute' | 'close' | 'change';

async function runOnRuntime(plan: Plan): Promise<Record<Scenario, Step>> {
  const fake = createFakeExcel({ requestPayloadLimit: Infinity, responsePayloadLimit: Infinity });
  const runtime = officeRuntimeOn(fake);
  const port = createExcelPort({ excel: runtime.Excel, office: fake.officeJs.Office });
  const step = async (work: () => Promise<unknown>): Promise<Step> => {
    runtime.reset();
    await work();
    return { exchanges: [...runtime.exchanges], batched: port.lastWriteRequestBytes() };
  };
  const done = async (outcome: Promise<{ status: string }>) => expect((await outcome).status).toBe('done');

  const generate = await step(() => generateWorkbook(plan, port, { today }));
  // A person abandons the first fiche: compute then has cells to write (« Abandonnée en », the Journal).
  const grid = fake.inspect.snapshotGrid(AXIS_SHEET);
  const statut = grid.rows[FIRST_FICHE_ROW - 2].findIndex((cell) => cell?.value === 'Statut');
  await fake.officeJs.Excel.run(async (context) => {
    context.workbook.worksheets.getItem(AXIS_SHEET).getCell(FIRST_FICHE_ROW - 1, statut).values = [['Abandonnée']];
    await context.sync();
  });
  const compute = await step(() => done(computeAndWrite(port, { now: today })));
  const close = await step(() => done(closeQuarterAndWrite(port, { now: today })));
  // Cell changes without a read before (port.change): new Journal lines, ten cells per fiche of the plan.
  const cells = newJournalLines(fake, plan);
  const change = await step(() => port.change({ cells, ranges: [] }));
  return { generate, compute, close, change };
}

describe.each([1, 3, 10])('the embedded plan ×%i on Office.js’s runtime', (factor) => {
  let steps: Record<Scenario, Step>;
  beforeAll(async () => {
    steps = await runOnRuntime(scaledPlan(embeddedPlan().plan, factor));
  }, 120_000);

  it.each(['generate', 'compute', 'close', 'change'] as const)(
    '%s: every request and answer under 5 MB, none refused, each counted at least at its real size',
    (scenario) => {
      const { exchanges, batched } = steps[scenario];
      const sizes = exchanges.map(({ requestBytes, responseBytes, countedBytes, refused }) => ({
        requestBytes,
        responseBytes,
        countedBytes,
        refused,
      }));
      // No request is ever refused. An answer may be, once: the reader then starts over in bands
      // (src/excel/README.md), each of which must come back.
      expect(sizes.filter((size) => size.refused === 'RequestPayloadSizeLimitExceeded')).toEqual([]);
      const refusedAnswers = sizes.filter((size) => size.refused === 'ResponsePayloadSizeLimitExceeded');
      expect(refusedAnswers.length).toBeLessThanOrEqual(scenario === 'compute' || scenario === 'close' ? 1 : 0);
      for (const size of sizes) {
        expect(size.requestBytes).toBeLessThan(WEB_PAYLOAD_LIMIT);
        if (!size.refused) expect(size.responseBytes).toBeLessThan(WEB_PAYLOAD_LIMIT);
        // The fake counts the operations of the very request the runtime sent.
        if (!size.refused) expect(size.countedBytes).toBeGreaterThanOrEqual(size.requestBytes);
      }
      // The batcher's requests are the step's last ones (reads come first).
      const written = sizes.slice(sizes.length - batched.length);
      expect(batched.length).toBeGreaterThan(0);
      batched.forEach((estimate, index) => expect(estimate).toBeGreaterThanOrEqual(written[index].requestBytes));
    },
  );
});
