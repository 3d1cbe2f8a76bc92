import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * `bin/ctg-suivi.js` runs the compiled command line (dist/node): after a change to the sources without
 * `npm run build`, it would run the old code without a word. It says so, on stderr, and still runs.
 */

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'ctg-suivi.js');

function checkout(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ctg-stale-'));
  fs.mkdirSync(path.join(root, 'bin'));
  fs.copyFileSync(BIN, path.join(root, 'bin', 'ctg-suivi.js'));
  fs.mkdirSync(path.join(root, 'dist', 'node', 'cli'), { recursive: true });
  fs.writeFileSync(path.join(root, 'dist', 'node', 'cli', 'main.js'), 'exports.main = async () => 0;\n');
  fs.mkdirSync(path.join(root, 'src', 'domain'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src', 'domain', 'rates.ts'), 'export {};\n');
  fs.mkdirSync(path.join(root, 'src', 'taskpane'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src', 'taskpane', 'pane.tsx'), 'export {};\n');
  return root;
}

const setTime = (file: string, seconds: number) => fs.utimesSync(file, seconds, seconds);

function run(root: string) {
  const result = spawnSync(process.execPath, [path.join(root, 'bin', 'ctg-suivi.js'), 'help'], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

describe('a build older than the sources', () => {
  let root: string;
  const built = 1_800_000_000;

  beforeEach(() => {
    root = checkout();
    setTime(path.join(root, 'dist', 'node', 'cli', 'main.js'), built);
    setTime(path.join(root, 'src', 'domain', 'rates.ts'), built - 60);
    setTime(path.join(root, 'src', 'taskpane', 'pane.tsx'), built - 60);
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is said on stderr when a source of the command line changed after the build, and the command still runs', () => {
    setTime(path.join(root, 'src', 'domain', 'rates.ts'), built + 60);

    const { status, stderr } = run(root);

    expect(status).toBe(0);
    expect(stderr).toBe(
      'Attention\u00a0: les sources (src/) ont changé depuis la dernière compilation de ctg-suivi, qui lance donc ' +
        'l’ancien code. Relancez «\u00a0npm run build\u00a0».\n',
    );
  });

  it('is not said for a build newer than every source, nor for a change to the task pane alone', () => {
    expect(run(root).stderr).toBe('');
    setTime(path.join(root, 'src', 'taskpane', 'pane.tsx'), built + 60);
    expect(run(root).stderr).toBe('');
  });

  it('without a build, says in French to build first, and stops with exit 2', () => {
    fs.rmSync(path.join(root, 'dist'), { recursive: true });

    expect(run(root)).toEqual({
      status: 2,
      stderr: 'ctg-suivi n’est pas encore compilé\u00a0: lancez d’abord «\u00a0npm run build\u00a0».\n',
    });
  });

  it('is not looked for in an installed copy, which has no sources', () => {
    fs.rmSync(path.join(root, 'src'), { recursive: true });
    expect(run(root)).toEqual({ status: 0, stderr: '' });
  });
});
