import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';

/**
 * The bytes `make` gives for `inputs`, made once per run by the first suite that asks and kept in the run's shared
 * folder (tests/global-setup.ts) for the others, under a name starting with `name`. Reading a workbook's state
 * compares its cells with the layout of today (its current quarter): bytes are kept per day, local and UTC, so that
 * a suite under a faked clock (tests/cli/clock.ts) gets its own. Outside a run (no shared folder), made every time.
 */
export async function keptForRun(name: string, inputs: unknown, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const shared = process.env.CTG_TEST_RUN_DIR;
  if (!shared) return make();
  const digest = createHash('sha256')
    .update(serialize([inputs, today()]))
    .digest('hex');
  const kept = join(shared, `${name}-${digest.slice(0, 16)}`);
  if (existsSync(kept)) return new Uint8Array(readFileSync(kept));
  const bytes = await make();
  // Written aside then renamed: a suite reading at the same time sees the whole file or none.
  const aside = `${kept}.${process.pid}.part`;
  writeFileSync(aside, bytes);
  renameSync(aside, kept);
  return bytes;
}

/** Today, local and UTC (tests/cli/generated-workbook.ts names its workbooks by it too). */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}-utc-${now.toISOString().slice(0, 10)}`;
}
