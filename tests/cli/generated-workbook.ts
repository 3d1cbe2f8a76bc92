import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './run-cli';

/**
 * `target` made the embedded plan's tracking workbook, as `ctg-suivi generate -o target` writes it today: for the
 * suites that only start from it (those that test `generate` itself run it). It is generated once per run, by the
 * first suite that asks, in the run's shared folder (tests/global-setup.ts), then copied: about twenty generations
 * a run, a few tenths of a second each. A workbook depends on the day it is generated (its current quarter, its
 * Journal): one is kept per day, local and UTC, so that a suite under a faked clock (tests/cli/clock.ts) gets its own.
 */
export async function generatedWorkbook(target: string): Promise<void> {
  const shared = process.env.CTG_TEST_RUN_DIR;
  if (!shared) {
    await generate(target);
    return;
  }
  const now = new Date();
  const day = `${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}-utc-${now.toISOString().slice(0, 10)}`;
  const kept = join(shared, `generated-${day}.xlsx`);
  if (!existsSync(kept)) {
    // Generated aside then renamed: two suites that ask at once each write a whole workbook, and either stays.
    const aside = join(shared, `generating-${process.pid}.xlsx`);
    await generate(aside);
    renameSync(aside, kept);
  }
  copyFileSync(kept, target);
}

async function generate(file: string): Promise<void> {
  const run = await runCli(['generate', '-o', file]);
  if (run.code !== 0) throw new Error(`ctg-suivi generate: ${run.stderr}`);
}
