/**
 * Set up before every suite (jest.config.js `setupFilesAfterEnv`): workbooks are deflated and inflated with Node's
 * zlib, as the command line does (src/cli/main.ts), rather than fflate's JavaScript, which took a tenth to a quarter
 * of the suites that write and read many workbooks. The task pane's suites (jsdom, a browser's window) keep fflate,
 * the engine the pane runs with. The suites that compare both engines choose each one themselves: those that count
 * zlib's calls through a mock of it are left alone here (loaded now, the engines would hold zlib itself, not the
 * mock); tests/xlsx-reader/hostile.test.ts sets each engine in turn.
 */
import * as path from 'path';
import type { RawInflater } from '../src/xlsx/reader/zip-entry-stream';

const ENGINES_COUNTED = ['node-natives.test.ts', 'node-deflater.test.ts'].map((name) =>
  path.join('tests', 'cli', name),
);

const suite = expect.getState().testPath ?? '';
if (typeof window === 'undefined' && !ENGINES_COUNTED.some((name) => suite.endsWith(name))) {
  // Required here only: in a jsdom suite, the reader's modules would load before the suite's own globals are set.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { useNodeDeflater } = require('../src/cli/node-deflater') as typeof import('../src/cli/node-deflater');
  const { setRawInflater } =
    require('../src/xlsx/reader/zip-entry-stream') as typeof import('../src/xlsx/reader/zip-entry-stream');
  useNodeDeflater();
  // Node's inflater (src/cli/node-inflater.ts) is required at the first part inflated: it imports the reader's
  // index, and with it the domain's messages and zod, ≈ 0.2 s of every suite that never reads a workbook.
  let nodeRawInflater: RawInflater | undefined;
  setRawInflater((data, maxBytes) => {
    nodeRawInflater ??= (require('../src/cli/node-inflater') as typeof import('../src/cli/node-inflater'))
      .nodeRawInflater;
    return nodeRawInflater(data, maxBytes);
  });
  /* eslint-enable @typescript-eslint/no-require-imports */
}
