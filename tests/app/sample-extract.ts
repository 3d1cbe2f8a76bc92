import { extractWorkbook, findWorkbookRecipient } from '../../src/app/extract';
import { readWorkbookState, type WorkbookState } from '../../src/app/workbook-state';
import type { WorkbookGrids } from '../../src/domain/grid';
import { buildNewWorkbook } from '../../src/layout/workbook-layout';
import { samplePlan } from '../layout/helpers/sample-plan';
import { roundTrip } from '../rewrite/helpers';

/** The sample plan's tracking workbook generated on `today`, as read back from its file. */
export async function sampleWorkbookState(today: Date): Promise<WorkbookState> {
  const reading = await readWorkbookState(await roundTrip((await buildNewWorkbook(samplePlan(), { today })).spec));
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return reading.state;
}

/** The extract of that workbook for `recipient`, made on `today`, as its file reads back. */
export async function sampleExtractGrids(recipient: string, today: Date): Promise<WorkbookGrids> {
  const state = await sampleWorkbookState(today);
  const made = await extractWorkbook(state, findWorkbookRecipient(state, recipient)!, { now: today });
  if (!made.ok) throw new Error(JSON.stringify(made.issues));
  return roundTrip(made.extract.spec);
}
