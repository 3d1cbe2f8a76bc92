import { SingleBar } from 'cli-progress';
import { texts } from '../texts';

/**
 * The consolidation's progress on a terminal: a bar on stderr (cli-progress), nothing when stderr is not a
 * terminal (a pipe, a CI log), as every command's progress (docs/WORKBOOK.md, « Command line »), nor on a terminal
 * that says it cannot move its cursor (`TERM=dumb`: Emacs's shell), which would print the bar's escape codes. The bar hides the
 * cursor and turns off line wrapping: `stop` gives them back, also when the run is interrupted (the command's
 * `interruptible`, src/cli/interruption.ts, stops it before it exits).
 */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function terminalProgress(
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): Progress {
  if (!stream.isTTY || env.TERM === 'dumb') return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream,
    format: `${texts.consolidate.barLabel} [{bar}] {value}/{total} fichiers · {duration_formatted}`,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
