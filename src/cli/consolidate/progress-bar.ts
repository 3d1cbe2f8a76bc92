import { SingleBar } from 'cli-progress';
import { texts } from '../texts';

/**
 * The consolidation's progress on a terminal: a bar on stderr (cli-progress), nothing when stderr is not a
 * terminal (a pipe, a CI log), as every command's progress (docs/WORKBOOK.md, « Command line »).
 */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function terminalProgress(total: number): Progress {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${texts.consolidate.barLabel} [{bar}] {value}/{total} fichiers · {duration_formatted}`,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
