import { PassThrough } from 'node:stream';
import type { Console } from '../../src/cli/console';
import { terminalProgress } from '../../src/cli/consolidate/progress-bar';
import { interruptible } from '../../src/cli/interruption';
import { texts } from '../../src/cli/texts';

/**
 * Ctrl-C during a long consolidation (a thousand territories take half a minute): the progress bar hides the
 * cursor and turns off line wrapping, and the interrupted command left the person's terminal so, without a word.
 * The command measures its files `interruptible` (src/cli/interruption.ts), the bar stopped first.
 * (The command interrupted as a whole, a conversion under way: tests/cli/interrupted-conversion.cases.ts.)
 */
describe('a consolidation interrupted while its progress bar is shown', () => {
  /** A terminal as the bar sees it: what it is sent is kept. */
  function terminal(): { stream: NodeJS.WriteStream; shown: () => string; console: Console } {
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 100 }) as unknown as NodeJS.WriteStream;
    let shown = '';
    stream.on('data', (chunk: Buffer) => void (shown += chunk.toString()));
    const write = (text: string) => void stream.write(`${text}\n`);
    return { stream, shown: () => shown, console: { out: write, err: write, progress: write } };
  }

  /** The measuring as consolidate runs it, held until `finish`. */
  function measuring(console: Console, stream: NodeJS.WriteStream) {
    const progress = terminalProgress(10, stream, { TERM: 'xterm-256color' });
    let finish: () => void = () => undefined;
    const interruption = { message: texts.consolidate.interrupted, json: false, before: () => progress.stop() };
    const done = interruptible(console, interruption, () => new Promise<void>((resolve) => (finish = resolve)));
    return { progress, done, finish: () => finish() };
  }

  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('on %s gives the terminal its cursor and line wrapping back, says so and exits', async (signal, code) => {
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const { stream, shown, console } = terminal();
    const { progress, done, finish } = measuring(console, stream);
    progress.update(3, 10);
    expect(shown()).toContain('\u001b[?25l');
    process.emit(signal, signal);
    const after = shown().slice(shown().lastIndexOf('3/10'));
    expect(after).toContain('\u001b[?25h');
    expect(after).toContain('\u001b[?7h');
    const said = after.indexOf('Consolidation interrompue\u00a0: rien n’a été écrit.\n');
    expect(said).toBeGreaterThan(after.indexOf('\u001b[?25h'));
    expect(exit).toHaveBeenCalledWith(code);
    finish();
    await done;
  });

  it('once measured, leaves Ctrl-C to its usual behaviour', async () => {
    const listeners = { SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') };
    const { stream, console } = terminal();
    const { progress, done, finish } = measuring(console, stream);
    expect(process.listenerCount('SIGINT')).toBe(listeners.SIGINT + 1);
    finish();
    await done;
    progress.stop();
    expect({ SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') }).toEqual(listeners);
  });
});

describe('a terminal that cannot move its cursor (TERM=dumb: Emacs’s shell, some CI logs)', () => {
  it('shows no bar, as a pipe: its escape codes would be printed as they are', () => {
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 100 }) as unknown as NodeJS.WriteStream;
    let shown = '';
    stream.on('data', (chunk: Buffer) => void (shown += chunk.toString()));
    const progress = terminalProgress(10, stream, { TERM: 'dumb' });
    progress.update(3, 10);
    progress.stop();
    expect(shown).toBe('');
  });
});
