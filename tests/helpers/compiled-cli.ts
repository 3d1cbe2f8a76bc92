import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

/**
 * The command line as a person runs it: compiled by the project's compiler (tsconfig.cli.json; types are checked by
 * `npm run lint`, not here) into a folder laid out as the package is (package.json, bin/, dist/node, its
 * node_modules), for what only the built program shows: the version it reads from its package.json, a signal sent
 * to its process. Built once per jest run, in the run's folder, and shared by the suites that need it: the first
 * one to ask builds it, the others wait for it. The compiler's output is kept in .cache/compiled-cli by a hash of
 * what it is made from (src, the tsconfig files, the compiler's version), like jest's own cache: a run whose
 * sources did not change copies it instead of compiling again (≈ 6 s of CPU).
 */

const repoRoot = resolve(__dirname, '..', '..');
const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');

/** How long a suite waits for another one's build (a busy 2-core machine takes 15–40 s). */
const WAIT_MS = 180_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const KEPT = join(repoRoot, '.cache', 'compiled-cli');

/** A hash of what the output is made from: all of src (the compiler follows imports), the configs, tsc's version. */
function sourcesKey(): string {
  const sources = readdirSync(join(repoRoot, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const hash = createHash('sha256');
  for (const file of [
    join(repoRoot, 'package.json'),
    join(repoRoot, 'tsconfig.json'),
    join(repoRoot, 'tsconfig.cli.json'),
    join(repoRoot, 'node_modules', 'typescript', 'package.json'),
    ...sources,
  ])
    hash.update(relative(repoRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The compiler's output for the sources as they are: the kept one, or compiled now and kept (older ones removed). */
function compiledOutput(): { dir?: string; output: string } {
  const key = sourcesKey();
  const kept = join(KEPT, key);
  if (existsSync(kept)) return { dir: kept, output: '' };
  mkdirSync(KEPT, { recursive: true });
  const part = join(KEPT, `${key}.${process.pid}.part`);
  const run = spawnSync(
    process.execPath,
    [tsc, '-p', join(repoRoot, 'tsconfig.cli.json'), '--noCheck', '--outDir', part],
    { encoding: 'utf8' },
  );
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ?? ''}`;
  if (run.status !== 0) {
    rmSync(part, { recursive: true, force: true });
    return { output };
  }
  for (const name of readdirSync(KEPT))
    if (name !== key && !name.endsWith('.part')) rmSync(join(KEPT, name), { recursive: true, force: true });
  try {
    renameSync(part, kept); // whole or not at all
  } catch {
    rmSync(part, { recursive: true, force: true }); // another run kept the same output meanwhile
  }
  return { dir: kept, output };
}

function build(root: string): { ok: boolean; output: string } {
  mkdirSync(join(root, 'bin'), { recursive: true });
  copyFileSync(join(repoRoot, 'package.json'), join(root, 'package.json'));
  copyFileSync(join(repoRoot, 'bin', 'ctg-suivi.js'), join(root, 'bin', 'ctg-suivi.js'));
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'junction');
  const compiled = compiledOutput();
  if (compiled.dir !== undefined) cpSync(compiled.dir, join(root, 'dist', 'node'), { recursive: true });
  return { ok: compiled.dir !== undefined, output: compiled.output };
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
