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

/** The signals that end a run from the terminal (Ctrl-C) or from outside, each with its shell exit code (128 + n). */
const ENDING_SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;

export function terminalProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream,
    format: `${texts.consolidate.barLabel} [{bar}] {value}/{total} fichiers · {duration_formatted}`,
    hideCursor: true,
    clearOnComplete: true,
  });
  // The bar hides the cursor and turns off line wrapping: a run ended while it shows gives them back, and says that
  // it wrote nothing (the workbook is written once every file is measured, after the bar).
  const interrupted = (signal: keyof typeof ENDING_SIGNALS) => () => {
    stop();
    stream.write(`${texts.consolidate.interrupted}\n`);
    process.exit(ENDING_SIGNALS[signal]);
  };
  const handlers = { SIGINT: interrupted('SIGINT'), SIGTERM: interrupted('SIGTERM') };
  function stop() {
    process.off('SIGINT', handlers.SIGINT);
    process.off('SIGTERM', handlers.SIGTERM);
    bar.stop();
  }
  process.on('SIGINT', handlers.SIGINT);
  process.on('SIGTERM', handlers.SIGTERM);
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop };
}
