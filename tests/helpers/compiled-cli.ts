import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The command line as a person runs it: compiled by the project's compiler (tsconfig.cli.json; types are checked by
 * `npm run lint`, not here) into a folder laid out as the package is (package.json, bin/, dist/node, its
 * node_modules), for what only the built program shows: the version it reads from its package.json, a signal sent
 * to its process. Built once per jest run, in the run's folder, and shared by the suites that need it: the first
 * one to ask builds it, the others wait for it.
 */

const repoRoot = resolve(__dirname, '..', '..');
const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');

/** How long a suite waits for another one's build (a busy 2-core machine takes 15–40 s). */
const WAIT_MS = 180_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function build(root: string): { ok: boolean; output: string } {
  mkdirSync(join(root, 'bin'), { recursive: true });
  copyFileSync(join(repoRoot, 'package.json'), join(root, 'package.json'));
  copyFileSync(join(repoRoot, 'bin', 'ctg-suivi.js'), join(root, 'bin', 'ctg-suivi.js'));
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'junction');
  const run = spawnSync(
    process.execPath,
    [tsc, '-p', join(repoRoot, 'tsconfig.cli.json'), '--noCheck', '--outDir', join(root, 'dist', 'node')],
    { encoding: 'utf8' },
  );
  return { ok: run.status === 0, output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ?? ''}` };
}

/** The path of the compiled `bin/ctg-suivi.js`, built first if this run has none yet. */
export function compiledCli(): string {
  const runDir = process.env.CTG_TEST_RUN_DIR ?? mkdtempSync(join(tmpdir(), 'ctg-cli-'));
  const root = join(runDir, 'compiled-cli');
  const bin = join(root, 'bin', 'ctg-suivi.js');
  const ready = join(runDir, 'compiled-cli.ready');
  const failed = join(runDir, 'compiled-cli.failed');
  let builder = false;
  try {
    mkdirSync(root); // atomic: one suite builds
    builder = true;
  } catch {
    // Another suite builds it.
  }
  if (builder) {
    const built = build(root);
    writeFileSync(built.ok ? ready : failed, built.output);
  }
  for (let waited = 0; !existsSync(ready); waited += 200) {
    if (existsSync(failed)) throw new Error(`The command line did not compile:\n${readFileSync(failed, 'utf8')}`);
    if (waited > WAIT_MS) throw new Error('The command line was not compiled in time by another suite');
    sleep(200);
  }
  return bin;
}
