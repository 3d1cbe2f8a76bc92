import { main } from '../../src/cli/main';
import type { Console } from '../../src/cli/console';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process with captured output, as a user would see it on a terminal-less pipe. */
export async function runCli(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const console: Console = {
    out: (text) => void (stdout += `${text}\n`),
    err: (text) => void (stderr += `${text}\n`),
    progress: () => undefined,
  };
  const code = await main(args, console);
  return { code, stdout, stderr };
}
