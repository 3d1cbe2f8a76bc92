import { parentPort } from 'node:worker_threads';
import { useNodeDigest } from '../node-digest';
import { useNodeInflater } from '../node-inflater';
import { measureFile } from './measure-file';
import { measureOptionsOf, type MeasureRequest, type MeasureResponse } from './measure-pool';

useNodeInflater();
useNodeDigest();

/**
 * A worker thread of the consolidation (measure-pool.ts): measures the files it is sent, one at a time, and posts
 * back each outcome. An unexpected failure is posted as such, so that the file is reported and the others go on.
 */
parentPort?.on('message', (request: MeasureRequest) => {
  measureFile(request.path, measureOptionsOf(request))
    .then((outcome) => parentPort?.postMessage({ index: request.index, outcome } satisfies MeasureResponse))
    .catch((error: unknown) =>
      parentPort?.postMessage({ index: request.index, failure: String(error) } satisfies MeasureResponse),
    );
});
