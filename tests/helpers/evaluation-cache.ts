/** Where the fake Excel's formula evaluations are kept between suites and runs (tests/share-fake-evaluations.ts). */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

const CACHE = path.resolve(__dirname, '..', '..', '.cache', 'fake-evaluations');

/** What an evaluation depends on besides the workbook: the engine's source and HyperFormula's version. */
const ENGINE_FILES = [
  path.resolve(__dirname, '..', 'fake-excel', 'formula-engine.ts'),
  path.resolve(__dirname, '..', 'fake-excel', 'evaluation-store.ts'),
  path.resolve(__dirname, '..', '..', 'node_modules', 'hyperformula', 'package.json'),
];

function engineKey(): string {
  const hash = createHash('sha256');
  for (const file of ENGINE_FILES) hash.update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** The folder of the current engine's evaluations. */
export function evaluationCacheFolder(): string {
  return path.join(CACHE, engineKey());
}

/** Removes the evaluations of other engines (an older fake or HyperFormula): they can never be read again. */
export function pruneEvaluationCache(): void {
  const current = path.basename(evaluationCacheFolder());
  if (!fs.existsSync(CACHE)) return;
  for (const name of fs.readdirSync(CACHE))
    if (name !== current) fs.rmSync(path.join(CACHE, name), { recursive: true, force: true });
}
