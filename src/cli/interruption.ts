import type { Console } from './console';
import { reportError } from './failure';

/** The signals that end a run from the terminal (Ctrl-C) or from outside, each with its shell exit code (128 + n). */
const ENDING_SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;

type EndingSignal = keyof typeof ENDING_SIGNALS;

export interface Interruption {
  /** What the person is told: what the command did not write (« Fusion interrompue : rien n’a été écrit. »). */
  message: string;
  /** --json: the message is the one document's `error` (code `interrupted`), on stdout. */
  json: boolean;
  /** Run first: a progress bar gives the terminal its cursor and line wrapping back. */
  before?: () => void;
}

/**
 * `work` (a step that may convert a file through LibreOffice), during which Ctrl-C or SIGTERM ends the command:
 * `before`, the message said as any failure (on stderr, or as the --json document), exit 130 or 143. Ended by
 * `process.exit`, the command runs the `exit` hook of src/cli/libreoffice.ts, which kills a conversion under way (in
 * a process group of its own, which the terminal's Ctrl-C does not reach) and removes its folder, which holds a copy
 * of the person's file; ended by the signal's default, it left both behind. The command's usual signal handling is
 * back once `work` is done.
 */
export async function interruptible<T>(
  console: Console,
  { message, json, before }: Interruption,
  work: () => Promise<T>,
): Promise<T> {
  const handlers = (Object.keys(ENDING_SIGNALS) as EndingSignal[]).map((signal) => {
    const handler = () => {
      release();
      before?.();
      process.exit(reportError(console, json, { code: 'interrupted', message }, ENDING_SIGNALS[signal]));
    };
    process.on(signal, handler);
    return { signal, handler };
  });
  function release() {
    for (const { signal, handler } of handlers) process.off(signal, handler);
  }
  try {
    return await work();
  } finally {
    // Node gives a signal to its listeners between two turns of its event loop: one that came while `work` held the
    // thread to its end (a large .xlsx read synchronously) would be lost once they are removed, and the command go on.
    await nextTurn();
    release();
  }
}

/** Resolves after the event loop has polled once, signals received meanwhile given to their listeners. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A signal held by `holdingSignals`, with its exit code. */
export type HeldSignal = { signal: EndingSignal; exitCode: number };

/**
 * `work` (a file written: temporary file, then renamed into place) with Ctrl-C and SIGTERM held rather than ending the
 * command at once, which left the temporary file behind: `signalled` tells `work` the first one received so far, for
 * it to stop where nothing is left half done; null when none came. `held` is that signal once `work` is done, even one
 * `work` did not stop for (received once the file was whole): a command that writes more files stops there.
 */
export async function holdingSignals<T>(
  work: (signalled: () => HeldSignal | null) => Promise<T>,
): Promise<{ value: T; held: HeldSignal | null }> {
  let received: EndingSignal | null = null;
  const signalled = () => (received === null ? null : { signal: received, exitCode: ENDING_SIGNALS[received] });
  const handlers = (Object.keys(ENDING_SIGNALS) as EndingSignal[]).map((signal) => {
    const handler = () => void (received ??= signal);
    process.on(signal, handler);
    return { signal, handler };
  });
  try {
    const value = await work(signalled);
    await nextTurn();
    return { value, held: signalled() };
  } finally {
    for (const { signal, handler } of handlers) process.off(signal, handler);
  }
}
