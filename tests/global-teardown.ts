/** Stops the shared production build if it is still running, and removes the run's folder made by global-setup.ts. */
import * as fs from 'fs';
import type { ChildProcess } from 'child_process';
import { BUILD_PROCESS_GLOBAL } from './global-setup';

export default function globalTeardown(): void {
  const build = (globalThis as Record<string, unknown>)[BUILD_PROCESS_GLOBAL] as ChildProcess | undefined;
  if (build?.pid !== undefined && build.exitCode === null) {
    try {
      process.kill(-build.pid); // the recorder and its webpack
    } catch {
      // already gone
    }
  }
  const dir = process.env.CTG_TEST_RUN_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
