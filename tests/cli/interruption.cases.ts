import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compiledCli } from '../helpers/compiled-cli';

/**
 * A real Ctrl-C (SIGINT, SIGTERM) while a command's step runs `interruptible` (src/cli/interruption.ts). Node gives a
 * signal to its listeners only between two turns of its event loop: a step that reads a large .xlsx synchronously
 * (no conversion needed) and ends without one removed its listeners first, and the signal was lost: validate
 * printed its report, consolidate (its files measured in the main thread, below 200) wrote its workbook, exit 0, as
 * if no Ctrl-C. Run in a process of its own, on the built modules: jest's `process` is not the one signals reach.
 */

let built: string;

beforeAll(() => {
  built = join(dirname(compiledCli()), '..', 'dist', 'node', 'cli');
}, 200_000);

/** `script` run by node with `built` (the compiled src/cli) and a console on stderr; its exit and output. */
function runScript(script: string) {
  const prelude = `
    const built = ${JSON.stringify(built)};
    const { interruptible } = require(built + '/interruption.js');
    const console = { out: () => undefined, err: (text) => process.stderr.write(text + '\\n'), progress: () => undefined };
    const busy = (ms) => { const until = Date.now() + ms; while (Date.now() < until); };
  `;
  const result = spawnSync(process.execPath, ['-e', prelude + script], { encoding: 'utf8' });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const describePosix = process.platform === 'win32' ? describe.skip : describe;

describePosix('a command step interrupted by a real signal', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('ends the command on %s received while the step holds the thread to its end', (signal, code) => {
    const run = runScript(`
      interruptible(console, { message: 'Interrompu', json: false }, async () => {
        process.kill(process.pid, '${signal}');
        busy(50); // a large workbook read synchronously
        return 'read';
      }).then((read) => process.stdout.write(read + ', and the command went on'));
    `);
    expect(run).toEqual({ status: code, signal: null, stdout: '', stderr: 'Interrompu\n' });
  });

  it('stops a consolidation measured in the main thread after the file it was measuring, not after them all', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ctg-interruption-'));
    const paths = ['a', 'b', 'c'].map((name) => join(folder, `${name}.xlsx`));
    for (const path of paths) writeFileSync(path, 'not a workbook');
    const run = runScript(`
      const { measureFiles } = require(built + '/consolidate/measure-pool.js');
      let measured = 0;
      process.on('exit', () => process.stdout.write('measured: ' + measured));
      const onMeasured = (done) => {
        measured = done;
        if (done === 1) process.kill(process.pid, 'SIGINT');
      };
      interruptible(console, { message: 'Interrompu', json: false }, () =>
        measureFiles(${JSON.stringify(paths)}, { quarter: null, today: new Date(), workers: 1, onMeasured }),
      );
    `);
    expect(run).toEqual({ status: 130, signal: null, stdout: 'measured: 1', stderr: 'Interrompu\n' });
  });
});
