import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * Stand-ins for the programs the command line starts (LibreOffice's `soffice`): shell scripts written in a test's
 * folder, and the environment variable that names one, set for the time of a piece of work.
 */

/** A shell script `name` in `folder` running `body`; its path. */
export function standInProgram(folder: string, name: string, body: string): string {
  const file = join(folder, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** `work` run with the environment variable `name` set to `value`, then restored (removed if it was not set). */
export async function withEnv<T>(name: string, value: string, work: () => Promise<T>): Promise<T> {
  const previous = process.env[name];
  process.env[name] = value;
  try {
    return await work();
  } finally {
    if (previous === undefined) delete process.env[name];
    else process.env[name] = previous;
  }
}

/**
 * A stand-in's shell lines that write, to `file`, the folder of the conversion it was run for (the folder of its
 * --outdir), in the system's temporary folder: a test looks at that folder by name, since other suites convert in
 * the same temporary folder at the same time (and setting TMPDIR in a test does not move `os.tmpdir()`, which reads
 * the process's own environment, not the test's copy of it).
 */
export const recordConversionFolder = (file: string): string =>
  `prev=""; for a; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done; dirname "$out" > "${file}"`;

/** The conversion's folder a stand-in recorded in `file`: checked to be one of the command line's, in `os.tmpdir()`. */
export function recordedConversionFolder(file: string): string {
  const work = readFileSync(file, 'utf8').trim();
  expect(dirname(work)).toBe(tmpdir());
  expect(basename(work)).toMatch(/^ctg-suivi-libreoffice-/);
  return work;
}

/** Whether a process still runs: a killed one whose parent died may stay a zombie (state Z) until reaped. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}
