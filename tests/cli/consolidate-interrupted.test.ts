import { PassThrough } from 'node:stream';
import { terminalProgress } from '../../src/cli/consolidate/progress-bar';

/**
 * Ctrl-C during a long consolidation (a thousand territories take half a minute): the progress bar hides the
 * cursor and turns off line wrapping, and the interrupted command left the person's terminal so, without a word.
 */
describe('a consolidation interrupted while its progress bar is shown', () => {
  /** A terminal as the bar sees it: what it is sent is kept. */
  function terminal(): { stream: NodeJS.WriteStream; shown: () => string } {
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 100 }) as unknown as NodeJS.WriteStream;
    let shown = '';
    stream.on('data', (chunk: Buffer) => void (shown += chunk.toString()));
    return { stream, shown: () => shown };
  }

  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('on %s gives the terminal its cursor and line wrapping back, says so and exits', (signal, code) => {
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const { stream, shown } = terminal();
    const progress = terminalProgress(10, stream);
    progress.update(3, 10);
    expect(shown()).toContain('\u001b[?25l');
    process.emit(signal, signal);
    const after = shown().slice(shown().lastIndexOf('3/10'));
    expect(after).toContain('\u001b[?25h');
    expect(after).toContain('\u001b[?7h');
    expect(after).toContain('Consolidation interrompue\u00a0: rien n’a été écrit.');
    expect(exit).toHaveBeenCalledWith(code);
    progress.stop();
  });

  it('once stopped, leaves Ctrl-C to its usual behaviour', () => {
    const listeners = process.listenerCount('SIGINT');
    const progress = terminalProgress(10, terminal().stream);
    progress.stop();
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });
});
