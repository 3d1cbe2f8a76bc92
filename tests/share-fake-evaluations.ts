/**
 * Set up before every suite (jest.config.js `setupFiles`): the fake Excel's formula evaluations are kept in the
 * run's folder (tests/global-setup.ts), by a hash of what they were evaluated from, so that the many suites that
 * generate the same workbook evaluate it with HyperFormula once per run instead of once each. The fake holds no Node
 * built-in (it also runs in a browser): the store is handed to it on `globalThis`.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { deserialize, serialize } from 'v8';
import { EVALUATION_STORE_GLOBAL, type Evaluation, type EvaluationStore } from './fake-excel/evaluation-store';

const runDir = process.env.CTG_TEST_RUN_DIR;

if (runDir) {
  const folder = path.join(runDir, 'fake-evaluations');
  fs.mkdirSync(folder, { recursive: true });
  const fileOf = (content: string) => path.join(folder, `${createHash('sha256').update(content).digest('hex')}.v8`);
  const store: EvaluationStore = {
    get(content) {
      try {
        return deserialize(fs.readFileSync(fileOf(content))) as Evaluation;
      } catch {
        return undefined; // not evaluated yet in this run
      }
    },
    set(content, evaluation) {
      const file = fileOf(content);
      // Written aside then renamed: a suite reading at the same time sees the whole file or none.
      const part = `${file}.${process.pid}.part`;
      fs.writeFileSync(part, serialize(evaluation));
      fs.renameSync(part, file);
    },
  };
  (globalThis as Record<string, unknown>)[EVALUATION_STORE_GLOBAL] = store;
}
