/**
 * One folder per `jest` run, under .scratch (git-ignored), where suites share what is costly to make once (the
 * task pane's production build): its path is passed to the workers in CTG_TEST_RUN_DIR; global-teardown.ts removes it.
 */
import * as fs from 'fs';
import * as path from 'path';

export default function globalSetup(): void {
  const dir = path.resolve(__dirname, '..', '.scratch', `jest-run-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  process.env.CTG_TEST_RUN_DIR = dir;
}
