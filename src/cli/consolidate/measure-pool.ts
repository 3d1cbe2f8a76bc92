import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileOrigin, FileOrigins } from '../../app/consolidate';
import type { MeasureOptions, MeasureOutcome } from '../../app/consolidate/measure-territory';
import type { Quarter } from '../../app';
import { nextTurn } from '../interruption';
import { texts } from '../texts';
import { measureFile } from './measure-file';

/**
 * The files of a consolidation measured one at a time per worker thread, one worker per core (docs/WORKBOOK.md,
 * « Consolidation »): a worker holds one file while it measures it, and only its outcome (counts) comes back, so
 * memory does not grow with the files' sizes. Outcomes come back in the order the files were given (that order
 * breaks ties between two copies of a territory).
 */

export interface MeasureRequest {
  index: number;
  path: string;
  origin: FileOrigin | undefined;
  quarter: Quarter | null;
  today: string;
}

export type MeasureResponse = { index: number; outcome: MeasureOutcome } | { index: number; failure: string };

export interface PoolOptions {
  quarter: Quarter | null;
  today: Date;
  /** Worker threads to use; 1 measures in this thread. Default: `defaultWorkers`. */
  workers?: number;
  /** Called after each file. */
  onMeasured?: (done: number, total: number) => void;
  /** How each file was given (a folder, by name), for the advice of its reason. */
  originOf?: FileOrigins;
}

/** What `measureFile` is told of a file besides its path. */
export function measureOptionsOf(request: Omit<MeasureRequest, 'index' | 'path'>): MeasureOptions {
  return {
    today: new Date(request.today),
    ...(request.quarter ? { quarter: request.quarter } : {}),
    ...(request.origin ? { origin: request.origin } : {}),
  };
}

/**
 * The worker's script, compiled beside this module: the pool runs from the built program only (the tests take the
 * built program's pool too), so that no worker loads a compiler to transpile the sources.
 */
function startWorker(): Worker {
  return new Worker(join(__dirname, 'measure-worker.js'));
}

function failed(path: string, failure: string): MeasureOutcome {
  return {
    ok: false,
    rejected: { file: path, code: 'unexpected-error', reason: texts.consolidate.unexpected(failure) },
  };
}

/** What a worker is sent for the file at `index`. */
function requestOf(paths: readonly string[], index: number, options: PoolOptions): MeasureRequest {
  const path = paths[index];
  return {
    index,
    path,
    origin: options.originOf?.(path),
    quarter: options.quarter,
    today: options.today.toISOString(),
  };
}

async function measureHere(paths: readonly string[], options: PoolOptions): Promise<MeasureOutcome[]> {
  const outcomes: MeasureOutcome[] = [];
  for (let index = 0; index < paths.length; index += 1) {
    const path = paths[index];
    outcomes.push(
      await measureFile(path, measureOptionsOf(requestOf(paths, index, options))).catch((error) =>
        failed(path, String(error)),
      ),
    );
    options.onMeasured?.(outcomes.length, paths.length);
    // A file is measured synchronously: Ctrl-C, given only between two turns of the event loop, stops the
    // consolidation after this file, not after them all (src/cli/interruption.ts).
    await nextTurn();
  }
  return outcomes;
}

/**
 * From how many files one worker per core measures faster than this thread alone. Each worker starts, loads the
 * code and warms up on its own (its first sixty files are slower), and on two cores each measures a file in nearly
 * twice a lone thread's time, the second core being shared with the collector: there, 40 files took 1.4 s in this
 * thread against 2.0 s on two workers, 100 files 2.0 s against 2.6 s, 200 files 3.4–3.6 s either way, and 1 000
 * files ≈ 1.4× faster on two workers (docs/TOOLING.md, « Benchmarks »). With more cores each worker slows less; the
 * threshold there is not measured.
 */
const MIN_FILES_FOR_WORKERS = { twoCores: 200, moreCores: 16 };

/** How many worker threads measure `files` files on `cores` cores; 1: this thread alone. */
export function defaultWorkers(files: number, cores: number): number {
  if (cores <= 1) return 1;
  const minFiles = cores === 2 ? MIN_FILES_FOR_WORKERS.twoCores : MIN_FILES_FOR_WORKERS.moreCores;
  return files >= minFiles ? cores : 1;
}

export async function measureFiles(paths: readonly string[], options: PoolOptions): Promise<MeasureOutcome[]> {
  const workers = options.workers ?? defaultWorkers(paths.length, availableParallelism());
  const count = Math.min(workers, paths.length);
  if (count <= 1) return measureHere(paths, options);
  const outcomes: (MeasureOutcome | undefined)[] = new Array(paths.length);
  let next = 0;
  let done = 0;
  const request = (index: number) => requestOf(paths, index, options);
  await new Promise<void>((resolve) => {
    const finish = (index: number, outcome: MeasureOutcome) => {
      outcomes[index] = outcome;
      done += 1;
      options.onMeasured?.(done, paths.length);
      if (done === paths.length) resolve();
    };
    const run = () => {
      const worker = startWorker();
      let current: number | null = null;
      const feed = () => {
        if (next >= paths.length) {
          current = null;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage(request(current));
      };
      worker.on('message', (response: MeasureResponse) => {
        finish(
          response.index,
          'outcome' in response ? response.outcome : failed(paths[response.index], response.failure),
        );
        feed();
      });
      // A worker that dies (out of memory on a hostile file) loses its file only: it is reported, a new worker goes on.
      let lastError = '';
      worker.on('error', (error) => {
        lastError = String(error);
      });
      worker.on('exit', () => {
        if (current === null) return;
        finish(current, failed(paths[current], lastError || texts.consolidate.workerStopped));
        current = null;
        if (next < paths.length) run();
      });
      feed();
    };
    for (let i = 0; i < count; i += 1) run();
  });
  return outcomes as MeasureOutcome[];
}
