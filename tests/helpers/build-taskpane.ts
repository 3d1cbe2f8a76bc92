/** Runs the real webpack build of the task pane (webpack.config.js) into a folder of the test's choosing. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const repoRoot = path.resolve(__dirname, '..', '..');
const webpackCli = path.join(repoRoot, 'node_modules', 'webpack-cli', 'bin', 'cli.js');

export interface TaskpaneBuild {
  status: number | null;
  /** stdout and stderr together. */
  output: string;
  outDir: string;
}

/** A fresh folder under .scratch/ (git-ignored) for one test file's build. */
export function scratchDir(name: string): string {
  const dir = path.join(repoRoot, '.scratch', `${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function buildTaskpane(
  outDir: string,
  options: { mode: 'development' | 'production'; env?: string[]; statsJson?: string },
) {
  const args = [webpackCli, '--mode', options.mode, '--output-path', outDir, '--no-color'];
  for (const env of options.env ?? []) args.push('--env', env);
  if (options.statsJson) args.push('--json', options.statsJson);
  const run = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, output: `${run.stdout}${run.stderr}`, outDir } satisfies TaskpaneBuild;
}
