import { readFileSync } from 'fs';
import { JSDOM } from 'jsdom';
import path from 'path';
import type { CellChange } from '../../src/app/port';
import type { Plan } from '../../src/domain/plan';
import { sheetNames } from '../../src/layout/texts';
import type { FakeExcel } from '../fake-excel';
import { answerOnFake, type RichApiRequestBody } from '../fake-excel/rich-api-host';

/**
 * Office.js's own runtime (`@microsoft/office-js`, dist/excel-web-16.00.js, the Excel on the web build) loaded in a
 * jsdom window, its requests answered by the fake Excel (tests/fake-excel/rich-api-host.ts). `Excel.run` gives the
 * batch a context whose URL is not the local document, so the runtime sends each `sync` through
 * `OfficeExtension.HttpUtility` (HttpRequestExecutor), where `setCustomSendRequestFunc` takes it: the body is the
 * same `JSON.stringify(request.Body)` that its OfficeJsRequestExecutor hands to the web host
 * (`RichApiMessageUtility.buildMessageArrayForIRequestExecutor`), so what is measured here is what Excel on the
 * web receives. Excel on the web refuses a request or an answer above 5 MB (learn.microsoft.com, « Resource limits
 * and performance optimization for Office Add-ins », Excel add-ins).
 */

export interface RuntimeExchange {
  /** UTF-8 bytes of the request body the runtime serialised. */
  requestBytes: number;
  /** UTF-8 bytes of the answer (the fake's values, in the runtime's wire format). */
  responseBytes: number;
  actions: number;
  objectPaths: number;
  /** What the fake counted for the same operations (its stats.history, src/excel/request-size.ts). */
  countedBytes: number;
  /** The host refused it (request or answer over the limit): the error code it answered with. */
  refused?: string;
}

/**
 * Excel on the web's limit on a request and on an answer: « 5 MB » in the docs, read as 5 000 000 bytes (the
 * stricter of 5 000 000 and 5 × 1024 × 1024).
 */
export const WEB_PAYLOAD_LIMIT = 5_000_000;

/** The host's answer to a request it refuses (the runtime reads `error.code`: CoreUtility._parseErrorResponse). */
function refusal(exchange: RuntimeExchange, code: string) {
  exchange.refused = code;
  return { statusCode: 413, headers: {}, body: JSON.stringify({ error: { code, message: `${code} (test host)` } }) };
}

const RUNTIME = path.join(__dirname, '../../node_modules/@microsoft/office-js/dist/excel-web-16.00.js');
const HOST_URL = 'https://excel.example/ctg';

let runtimeSource: string | undefined;

export interface OfficeRuntime {
  /** Office.js's `Excel`, with `run` sending to the fake; pass it as `createExcelPort({ excel })`. */
  Excel: typeof Excel;
  /** Every request sent since the last `reset()`, in order. */
  exchanges: RuntimeExchange[];
  reset(): void;
}

/**
 * A fresh runtime answering from `fake` (one window per runtime: ≈0.1 s to load), refusing as Excel on the web
 * does a request or an answer above `limit` bytes. Give the fake no limits of its own (Infinity): the runtime's
 * real sizes are the ones checked here.
 */
export function officeRuntimeOn(fake: FakeExcel, limit = WEB_PAYLOAD_LIMIT): OfficeRuntime {
  runtimeSource ??= readFileSync(RUNTIME, 'utf8');
  const dom = new JSDOM('<!doctype html><html><body></body></html>', {
    runScripts: 'outside-only',
    url: 'https://localhost/',
  });
  const window = dom.window as unknown as {
    eval(code: string): void;
    Excel: typeof Excel;
    OfficeExtension: {
      HttpUtility: {
        setCustomSendRequestFunc(send: (request: { body: RichApiRequestBody | string }) => unknown): void;
      };
    };
  };
  window.eval(runtimeSource);
  const exchanges: RuntimeExchange[] = [];
  window.OfficeExtension.HttpUtility.setCustomSendRequestFunc(
    async (request: { body: RichApiRequestBody | string }) => {
      const text = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
      const body = JSON.parse(text) as RichApiRequestBody;
      // UTF-8 sizes counted without an encoded copy (a lone surrogate weighs its replacement's 3 bytes, as encoded).
      const exchange: RuntimeExchange = {
        requestBytes: Buffer.byteLength(text, 'utf8'),
        responseBytes: 0,
        actions: body.Actions.length,
        objectPaths: Object.keys(body.ObjectPaths).length,
        countedBytes: 0,
      };
      exchanges.push(exchange);
      if (exchange.requestBytes > limit) return refusal(exchange, 'RequestPayloadSizeLimitExceeded');
      const syncsBefore = fake.stats.history.length;
      const answer = JSON.stringify(await answerOnFake(fake, body));
      exchange.countedBytes = fake.stats.history[syncsBefore]?.requestBytes ?? 0;
      exchange.responseBytes = Buffer.byteLength(answer, 'utf8');
      if (exchange.responseBytes > limit) return refusal(exchange, 'ResponsePayloadSizeLimitExceeded');
      return { statusCode: 200, headers: {}, body: answer };
    },
  );
  const runtimeExcel = window.Excel;
  const run = (...args: unknown[]) =>
    (runtimeExcel.run as (...a: unknown[]) => Promise<unknown>)(HOST_URL, args[args.length - 1]);
  return {
    Excel: new Proxy(runtimeExcel, {
      get: (target, name) => (name === 'run' ? run : (target as unknown as Record<string | symbol, unknown>)[name]),
    }),
    exchanges,
    reset: () => {
      exchanges.length = 0;
    },
  };
}

/** Cell changes without a read before (port.change): new Journal lines, ten text cells per fiche of the plan. */
export function newJournalLines(fake: FakeExcel, plan: Plan): CellChange[] {
  const journalRows = fake.inspect.snapshotGrid(sheetNames.journal).rows.length;
  const cellCount = 10 * plan.axes.reduce((sum, axis) => sum + axis.fiches.length, 0);
  return Array.from({ length: cellCount }, (_, index) => ({
    sheet: sheetNames.journal,
    row: journalRows + 1 + Math.floor(index / 10),
    column: (index % 10) + 1,
    content: `ligne ${index}`,
    style: { numFmt: '@' },
  }));
}
