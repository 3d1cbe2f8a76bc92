/** Runs the real webpack build of the task pane (webpack.config.js) into a folder of the test's choosing. */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const repoRoot = path.resolve(__dirname, '..', '..');
const webpackCli = path.join(repoRoot, 'node_modules', 'webpack-cli', 'bin', 'cli.js');

export interface TaskpaneBuild {
  status: number | null;
  /** stdout and stderr together. */
  output: string;
  outDir: string;
}

/** A fresh folder under .scratch/ (git-ignored) for one test file's build. */
export function scratchDir(name: string): string {
  const dir = path.join(repoRoot, '.scratch', `${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

interface BuildOptions {
  mode: 'development' | 'production';
  env?: string[];
  statsJson?: string;
}

function webpackArgs(outDir: string, options: BuildOptions): string[] {
  const args = [webpackCli, '--mode', options.mode, '--output-path', outDir, '--no-color'];
  for (const env of options.env ?? []) args.push('--env', env);
  // webpack's cache is the config's (.cache/webpack, one per mode): shared with `npm run build`, kept between runs.
  if (options.statsJson) args.push('--json', options.statsJson);
  return args;
}

export function buildTaskpane(outDir: string, options: BuildOptions): TaskpaneBuild {
  const run = spawnSync(process.execPath, webpackArgs(outDir, options), {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}`, outDir };
}

/**
 * The address the shared production build is made for, as an organisation deploys it (`--env baseUrl=…`, given
 * without its trailing slash on purpose: the build adds it). Only manifest.xml depends on it.
 */
export const ORGANISATION_BASE_URL = 'https://intranet.caf.example/outils/suivi-ctg/';
const productionOptions = (statsJson: string): BuildOptions => ({
  mode: 'production',
  env: [`baseUrl=${ORGANISATION_BASE_URL.replace(/\/$/, '')}`],
  statsJson,
});

/** Where a run's shared production build goes, under the run's folder. */
function sharedBuildFiles(runDir: string) {
  const folder = path.join(runDir, 'taskpane-production');
  return {
    folder,
    outDir: path.join(folder, 'dist'),
    statsFile: path.join(folder, 'stats.json'),
    resultFile: path.join(folder, 'result.json'),
  };
}

function writeResult(resultFile: string, result: { status: number | null; output: string }): void {
  fs.writeFileSync(`${resultFile}.part`, JSON.stringify(result));
  fs.renameSync(`${resultFile}.part`, resultFile);
}

/**
 * Starts the run's shared production build in the background (tests/global-setup.ts, when the run has suites that
 * need it): the workers run other suites meanwhile, instead of one building and the other waiting for it.
 */
export function startSharedProductionBuild(runDir: string): ChildProcess {
  const { folder, outDir, statsFile, resultFile } = sharedBuildFiles(runDir);
  fs.mkdirSync(folder); // taken: no suite builds it again
  const recorder = path.join(__dirname, 'build-and-record.js');
  const args = [recorder, resultFile, ...webpackArgs(outDir, productionOptions(statsFile))];
  // Its own process group, so that the run's teardown can stop webpack with it.
  return spawn(process.execPath, args, { cwd: repoRoot, stdio: 'ignore', detached: true });
}

/** The folder of the current `jest` run, shared by its suites (made by tests/global-setup.ts); undefined outside jest. */
export function testRunDir(): string | undefined {
  return process.env.CTG_TEST_RUN_DIR;
}

/** Blocks this process for `ms` milliseconds (suites wait synchronously in a beforeAll). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The production build of the task pane for an organisation's address, and its webpack stats, made once per `jest`
 * run and shared by the suites that look at it (the first load's size, the end-to-end test, the deployed manifest):
 * started by the run's setup, or else by the first suite to ask, into the run's folder; the others, in this worker
 * or another, wait for it. Outside a jest run, each caller builds its own.
 */
export function sharedProductionBuild(): TaskpaneBuild & { statsFile: string } {
  const runDir = testRunDir();
  if (!runDir) {
    const outDir = scratchDir('taskpane-production');
    const statsFile = `${outDir}-stats.json`; // outside outDir, which the build cleans
    return { ...buildTaskpane(outDir, productionOptions(statsFile)), statsFile };
  }
  const { folder, outDir, statsFile, resultFile } = sharedBuildFiles(runDir);
  let builder = false;
  try {
    fs.mkdirSync(folder); // atomic: whoever makes the folder builds
    builder = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (builder) {
    const build = buildTaskpane(outDir, productionOptions(statsFile));
    writeResult(resultFile, { status: build.status, output: build.output });
  }
  const deadline = Date.now() + 10 * 60_000;
  while (!fs.existsSync(resultFile)) {
    if (Date.now() > deadline) throw new Error(`The shared task pane build did not finish in ${folder}`);
    sleep(500);
  }
  const { status, output } = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as {
    status: number | null;
    output: string;
  };
  return { status, output, outDir, statsFile };
}
