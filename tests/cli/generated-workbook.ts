import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { today } from '../helpers/kept-for-run';
import { runCli } from './run-cli';

/**
 * `target` made the tracking workbook `ctg-suivi generate -o target` writes today: of the embedded plan, or of the
 * plan file `plan` (`--plan plan`), for the suites that only start from it (those that test `generate` itself run
 * it). It is generated once per run, by the first suite that asks, in the run's shared folder
 * (tests/global-setup.ts), then copied: about thirty generations a run, a few tenths of a second each. A plan file
 * is known by its bytes, which are all `generate` reads of it (src/app/plan-source.ts), not by its name. A workbook
 * depends on the day it is generated (its current quarter, its Journal): one is kept per day, local and UTC, so that
 * a suite under a faked clock (tests/cli/clock.ts) gets its own.
 */
export async function generatedWorkbook(target: string, { plan }: { plan?: string } = {}): Promise<void> {
  const args = plan === undefined ? [] : ['--plan', plan];
  const shared = process.env.CTG_TEST_RUN_DIR;
  if (!shared) {
    await generate(target, args);
    return;
  }
  const day = today();
  const ofPlan = plan === undefined ? '' : `-plan-${digest(readFileSync(plan))}`;
  const kept = join(shared, `generated-${day}${ofPlan}.xlsx`);
  if (!existsSync(kept)) {
    // Generated aside then renamed: two suites that ask at once each write a whole workbook, and either stays.
    const aside = join(shared, `generating-${process.pid}.xlsx`);
    await generate(aside, args);
    renameSync(aside, kept);
  }
  copyFileSync(kept, target);
}

const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

async function generate(file: string, args: string[]): Promise<void> {
  const run = await runCli(['generate', ...args, '-o', file]);
  if (run.code !== 0) throw new Error(`ctg-suivi generate: ${run.stderr}`);
}
