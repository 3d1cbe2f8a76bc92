import { generateWorkbook } from '../../../src/app/generate';
import { validateWorkbook } from '../../../src/app/validate';
import type { Plan } from '../../../src/domain/plan';
import { createExcelPort, type ExcelPort } from '../../../src/excel';
import { createFakeExcel, type FakeExcel } from '../../fake-excel';

/** A fake Excel and an Excel port on it (the port is given the fake's Office.js-typed namespaces). */
export type FakeOptions = Parameters<typeof createFakeExcel>[0] & { requestBudgetBytes?: number };

export function portOnFake(options: FakeOptions = {}): { fake: FakeExcel; port: ExcelPort } {
  const fake = createFakeExcel(options);
  const port = createExcelPort({
    excel: fake.officeJs.Excel,
    office: fake.officeJs.Office,
    requestBudgetBytes: options.requestBudgetBytes,
  });
  return { fake, port };
}

/** A host without Excel on the web's 5 MB request and response limits (Excel on Windows or Mac). */
export const WITHOUT_PAYLOAD_LIMITS: FakeOptions = {
  requestPayloadLimit: Number.POSITIVE_INFINITY,
  responsePayloadLimit: Number.POSITIVE_INFINITY,
  requestBudgetBytes: Number.POSITIVE_INFINITY,
};

/** Round trips and operations of one use case on the fake, counted from a reset. */
export async function measured<T>(fake: FakeExcel, work: () => Promise<T>) {
  fake.stats.reset();
  const result = await work();
  return {
    result,
    roundTrips: fake.stats.roundTrips,
    syncs: fake.stats.syncs,
    operations: fake.stats.operations,
    requestBytes: fake.stats.history.map((sync) => sync.requestBytes),
  };
}

export async function generateOnFake(plan: Plan, today: Date, options: FakeOptions = {}) {
  const { fake, port } = portOnFake(options);
  const run = await measured(fake, () => generateWorkbook(plan, port, { today }));
  return { fake, port, ...run };
}

export async function validateOnFake(fake: FakeExcel, port: ExcelPort, today: Date) {
  return measured(fake, () => validateWorkbook(port, { today }));
}
