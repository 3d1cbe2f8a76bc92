import { generateWorkbook } from '../../src/app/generate';
import { validateWorkbook } from '../../src/app/validate';
import { createExcelPort } from '../../src/excel';
import { createFakeExcel } from '../fake-excel';
import { samplePlan } from '../layout/helpers/sample-plan';
import { officeRuntimeOn } from '../helpers/office-runtime';

/**
 * The axis sheets' merged areas (src/excel/merged-areas.ts) as Office.js's own runtime asks for them and reads
 * Excel's answer: a load through the `areas` collection is sent and read back only in the form the runtime knows
 * (office-js#190: `load([...'items/...'])` is not), which the fake alone would not tell.
 */
test('the merged areas of an axis sheet come through Office.js’s runtime, a row merged whole among them', async () => {
  const today = new Date('2026-11-28T10:00:00Z');
  const fake = createFakeExcel({ requestPayloadLimit: Infinity, responsePayloadLimit: Infinity, apiVersion: '1.13' });
  const runtime = officeRuntimeOn(fake);
  const port = createExcelPort({ excel: runtime.Excel, office: fake.officeJs.Office });
  await generateWorkbook(samplePlan(), port, { today });
  fake.seed
    .sheet('Axe 1', [[12, 15]], 'W5')
    .merge('Axe 1', 'W5:X5')
    .merge('Axe 1', '6:6');

  const report = await validateWorkbook(port, { today });
  const merged = report.issues.filter((issue) => issue.code.startsWith('merged-'));
  expect(merged.map((issue) => [issue.code, issue.cell, issue.params.range])).toEqual([
    ['merged-cells', 'W5', 'W5:X5'],
    ['merged-cells', 'A6', 'A6:XFD6'],
  ]);
}, 120_000);
