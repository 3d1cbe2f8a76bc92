/**
 * One folder per `jest` run, under .scratch (git-ignored), where suites share what is costly to make once (the
 * task pane's production build): its path is passed to the workers in CTG_TEST_RUN_DIR; global-teardown.ts removes it.
 * When the run has suites that need the production build, it is started here, in the background. The fake Excel's
 * kept evaluations of an older engine are removed (tests/helpers/evaluation-cache.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Config } from '@jest/types';
import { startSharedProductionBuild } from './helpers/build-taskpane';
import { pruneEvaluationCache } from './helpers/evaluation-cache';

/** The suites that read the shared production build (tests/helpers/build-taskpane.ts, `sharedProductionBuild`). */
const SUITES_OF_THE_BUILD = ['e2e/taskpane.e2e.test.ts', 'build/taskpane-bundle.test.ts', 'manifest/manifest.test.ts'];

/** Where the build's process is kept for global-teardown.ts (same process). */
export const BUILD_PROCESS_GLOBAL = '__ctgSharedProductionBuild';

export default function globalSetup(globalConfig: Config.GlobalConfig): void {
  const dir = path.resolve(__dirname, '..', '.scratch', `jest-run-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  process.env.CTG_TEST_RUN_DIR = dir;
  pruneEvaluationCache();

  const patterns = globalConfig.testPathPatterns;
  const executor = patterns.toExecutor({ rootDir: globalConfig.rootDir });
  const needed = SUITES_OF_THE_BUILD.some(
    (suite) => !patterns.isSet() || executor.isMatch(path.join(__dirname, suite)),
  );
  if (needed) (globalThis as Record<string, unknown>)[BUILD_PROCESS_GLOBAL] = startSharedProductionBuild(dir);
}
