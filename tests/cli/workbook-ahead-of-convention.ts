import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { embeddedPlan } from '../../src/app';
import { clockAt } from './clock';
import { runCli } from './run-cli';

/**
 * The embedded plan moved to 2027-07-01 – 2031-06-30 and its workbook generated as `output` on 2026-12-06, the clock
 * left there: a workbook made ahead of its convention, whose current quarter is the convention's first.
 */
export async function generateAheadOfConvention(folder: string, output: string): Promise<void> {
  clockAt(new Date('2026-12-06T10:00:00Z'));
  const plan = embeddedPlan().plan;
  plan.period = { start: '2027-07-01', end: '2031-06-30' };
  const planFile = join(folder, 'plan-2027.json');
  writeFileSync(planFile, JSON.stringify(plan));
  expect((await runCli(['generate', '--plan', planFile, '-o', output])).code).toBe(0);
}
