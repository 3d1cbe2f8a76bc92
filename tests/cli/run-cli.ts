import { main } from '../../src/cli/main';
import type { Console } from '../../src/cli/console';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the command line in-process with captured output, as a user would see it on a terminal-less pipe.
 * `onProgress` runs when the command says what it is doing (its input read, its work begun): where a test does what
 * another program would do meanwhile.
 */
export async function runCli(args: string[], { onProgress }: { onProgress?: () => void } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const console: Console = {
    out: (text) => void (stdout += `${text}\n`),
    err: (text) => void (stderr += `${text}\n`),
    progress: () => onProgress?.(),
  };
  const code = await main(args, console);
  return { code, stdout, stderr };
}
