/** Where the command line writes: results to stdout, diagnostics to stderr, progress only on a terminal. */
export interface Console {
  out(text: string): void;
  err(text: string): void;
  progress(text: string): void;
}

export function processConsole(): Console {
  return {
    out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    progress: (text) => {
      if (process.stderr.isTTY) process.stderr.write(`${text}\n`);
    },
  };
}
