/**
 * One folder per `jest` run, under .scratch (git-ignored), where suites share what is costly to make once (the
 * task pane's production build, the embedded plan's generated workbook of tests/cli/generated-workbook.ts): its path is
 * passed to the workers in CTG_TEST_RUN_DIR; global-teardown.ts removes it.
 * The suites' temporary folders (`os.tmpdir()`, TMPDIR) are made inside it too, so that a run leaves nothing in the
 * system's /tmp, whether a suite removes its own folders or not; the folders of a run that was stopped before its
 * teardown are removed by the next run.
 * When the run has suites that need the production build, it is started here, in the background. The fake Excel's
 * kept evaluations of an older engine are removed (tests/helpers/evaluation-cache.ts), and LibreOffice's kept
 * conversions made by another installation (tests/helpers/libreoffice-cache.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Config } from '@jest/types';
import { startSharedProductionBuild } from './helpers/build-taskpane';
import { pruneEvaluationCache } from './helpers/evaluation-cache';
import { pruneLibreOfficeCache } from './helpers/libreoffice-cache';

/** The suites that read the shared production build (tests/helpers/build-taskpane.ts, `sharedProductionBuild`). */
const SUITES_OF_THE_BUILD = ['e2e/taskpane.e2e.test.ts', 'build/taskpane-bundle.test.ts', 'manifest/manifest.test.ts'];

/** Where the build's process is kept for global-teardown.ts (same process). */
export const BUILD_PROCESS_GLOBAL = '__ctgSharedProductionBuild';

export default function globalSetup(globalConfig: Config.GlobalConfig): void {
  const scratch = path.resolve(__dirname, '..', '.scratch');
  removeStoppedRuns(scratch);
  const dir = path.join(scratch, `jest-run-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  const temporary = path.join(dir, 'tmp');
  fs.mkdirSync(temporary, { recursive: true });
  process.env.CTG_TEST_RUN_DIR = dir;
  process.env.TMPDIR = temporary;
  pruneEvaluationCache();
  pruneLibreOfficeCache();

  const patterns = globalConfig.testPathPatterns;
  const executor = patterns.toExecutor({ rootDir: globalConfig.rootDir });
  const needed = SUITES_OF_THE_BUILD.some(
    (suite) => !patterns.isSet() || executor.isMatch(path.join(__dirname, suite)),
  );
  if (needed) (globalThis as Record<string, unknown>)[BUILD_PROCESS_GLOBAL] = startSharedProductionBuild(dir);
}

/** The folders of earlier runs whose jest process is gone (a run stopped by Ctrl+C skips its teardown). */
function removeStoppedRuns(scratch: string): void {
  if (!fs.existsSync(scratch)) return;
  for (const name of fs.readdirSync(scratch)) {
    const pid = /^jest-run-(\d+)$/.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid)))
      fs.rmSync(path.join(scratch, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
