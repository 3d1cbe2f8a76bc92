/**
 * Set up before every suite (jest.config.js `setupFiles`): the fake Excel's formula evaluations are kept on disk, by
 * a hash of what they were evaluated from, so that the many suites that generate the same workbook evaluate it with
 * HyperFormula once instead of once each — and, like jest's own cache, from one run to the next (`.cache/`,
 * git-ignored). An evaluation is a function of the cells and names alone (workbooks with volatile functions are not
 * kept: formula-engine.ts) and of the engine: the folder is named by the hash of the engine's source and
 * HyperFormula's version, and the folders of other engines are removed by the run's setup (tests/global-setup.ts).
 * The fake holds no Node built-in (it also runs in a browser): the store is handed to it on `globalThis`.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { deserialize, serialize } from 'v8';
import { EVALUATION_STORE_GLOBAL, type Evaluation, type EvaluationStore } from './fake-excel/evaluation-store';
import { evaluationCacheFolder } from './helpers/evaluation-cache';

if (process.env.CTG_TEST_RUN_DIR) {
  const folder = evaluationCacheFolder();
  fs.mkdirSync(folder, { recursive: true });
  const fileOf = (content: string) => path.join(folder, `${createHash('sha256').update(content).digest('hex')}.v8`);
  const store: EvaluationStore = {
    get(content) {
      try {
        return deserialize(fs.readFileSync(fileOf(content))) as Evaluation;
      } catch {
        return undefined; // not evaluated yet
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
