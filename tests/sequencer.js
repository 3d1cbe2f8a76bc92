/**
 * jest's order of suites (jest.config.js `testSequencer`): jest's own (the suites that failed last time first,
 * then the longest by the durations it kept), except that a suite it has no duration for is weighed by its size
 * together with the files of cases it imports (`import './x.cases';`), not by its own size alone. On a fresh clone
 * jest knows no duration and runs the largest suites first, so that the last ones to start are short; a suite
 * that is only a list of imports (tests/taskpane/pane.test.tsx) would otherwise start last and run alone.
 */
const fs = require('fs');
const path = require('path');
const { default: DefaultSequencer } = require('@jest/test-sequencer');

const CASES_IMPORT = /^import '(\.\/[^']+\.cases)';\r?$/gm;

/** The bytes of a suite and of the files of cases it imports. */
function suiteSize(file) {
  const text = fs.readFileSync(file, 'utf8');
  let size = Buffer.byteLength(text);
  for (const [, specifier] of text.matchAll(CASES_IMPORT)) {
    const base = path.resolve(path.dirname(file), specifier);
    const cases = ['.tsx', '.ts'].map((extension) => base + extension).find((candidate) => fs.existsSync(candidate));
    if (cases) size += fs.statSync(cases).size;
  }
  return size;
}

class SuiteSequencer extends DefaultSequencer {
  sort(tests) {
    const sizes = new Map();
    const sizeOf = (test) => {
      if (!sizes.has(test.path)) sizes.set(test.path, suiteSize(test.path));
      return sizes.get(test.path);
    };
    for (const test of tests) test.duration = this.time(test);
    return tests.sort((a, b) => {
      const failedA = this.hasFailed(a);
      if (failedA !== this.hasFailed(b)) return failedA ? -1 : 1;
      const timedA = a.duration != null;
      if (timedA !== (b.duration != null)) return timedA ? 1 : -1; // as jest: suites without a duration first
      if (timedA) return b.duration - a.duration;
      return sizeOf(b) - sizeOf(a);
    });
  }
}

module.exports = SuiteSequencer;
