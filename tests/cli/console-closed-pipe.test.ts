import { processConsole } from '../../src/cli/console';

// `ctg-suivi consolidate … | head`: the reader of the output goes away before the command ends. The command must
// not stop on a stack trace (an unhandled EPIPE did), and stops writing to the pipe that is gone.
it('stops writing to an output whose reader has gone (EPIPE), without an error', () => {
  const terminal = processConsole();
  const written: string[] = [];
  jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string) => {
    written.push(chunk);
    return true;
  }) as typeof process.stdout.write);
  terminal.out('première ligne');
  const gone = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
  expect(process.stdout.listeners('error').length).toBeGreaterThan(0);
  expect(() => process.stdout.emit('error', gone)).not.toThrow();
  terminal.out('deuxième ligne');
  expect(written).toEqual(['première ligne\n']);
  jest.restoreAllMocks();
});
