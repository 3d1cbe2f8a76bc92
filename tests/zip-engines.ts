/**
 * Set up before every suite (jest.config.js `setupFilesAfterEnv`): workbooks are deflated and inflated with Node's
 * zlib, as the command line does (src/cli/main.ts), rather than fflate's JavaScript, which took a tenth to a quarter
 * of the suites that write and read many workbooks. The task pane's suites (jsdom, a browser's window) keep fflate,
 * the engine the pane runs with. The suites that compare both engines choose each one themselves: those that count
 * zlib's calls through a mock of it are left alone here (loaded now, the engines would hold zlib itself, not the
 * mock); tests/xlsx-reader/hostile.test.ts sets each engine in turn.
 */
import * as path from 'path';

const ENGINES_COUNTED = ['node-natives.test.ts', 'node-deflater.test.ts'].map((name) =>
  path.join('tests', 'cli', name),
);

const suite = expect.getState().testPath ?? '';
if (typeof window === 'undefined' && !ENGINES_COUNTED.some((name) => suite.endsWith(name))) {
  // Required here only: in a jsdom suite, the reader's modules would load before the suite's own globals are set.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { useNodeDeflater } = require('../src/cli/node-deflater') as typeof import('../src/cli/node-deflater');
  const { useNodeInflater } = require('../src/cli/node-inflater') as typeof import('../src/cli/node-inflater');
  /* eslint-enable @typescript-eslint/no-require-imports */
  useNodeDeflater();
  useNodeInflater();
}
