import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compiledCli } from '../helpers/compiled-cli';
import { runCli } from './run-cli';

/**
 * `ctg-suivi --version` (or `-v`, or `version`, as `--help`, `-h` and `help`): the version of the package installed,
 * read from its package.json by the built program, said as « ctg-suivi 0.1.0 ».
 */

let bin: string;
/** The version the installed package's package.json gives. */
let installed: string;

beforeAll(() => {
  bin = compiledCli();
  installed = JSON.parse(readFileSync(join(dirname(bin), '..', 'package.json'), 'utf8')).version;
}, 200_000);

const run = (args: string[]) => {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('the version of the command line', () => {
  it.each([['--version'], ['-v'], ['version']])('is said by %s on the built program (exit 0)', (word) => {
    expect(installed).toMatch(/^\d+\.\d+\.\d+/);
    expect(run([word])).toEqual({ status: 0, stdout: `ctg-suivi ${installed}\n`, stderr: '' });
  });

  it('is the one JSON document with --json', () => {
    const result = run(['--version', '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ version: installed });
  });

  it('is the checkout’s own when run from the sources', async () => {
    const own = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version;
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `ctg-suivi ${own}\n`, stderr: '' });
  });

  it('is in the help, and suggested for a word close to it', async () => {
    const help = (await runCli(['help'])).stdout;
    expect(help).toMatch(/^ {2}version, --version, -v +affiche la version de ctg-suivi$/m);
    expect((await runCli(['versoin'])).stderr).toContain('(vouliez-vous dire «\u00a0version\u00a0»\u00a0?)');
  });
});
