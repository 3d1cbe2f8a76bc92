import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
