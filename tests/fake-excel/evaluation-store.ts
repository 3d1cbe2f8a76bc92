/** What the fake's formula engine computes, and where it may keep it between fakes (no dependency: cheap to load). */

/** A computed cell as Excel reports it in `range.values`: errors come back as their text (`#DIV/0!`). */
export interface ComputedValue {
  value: string | number | boolean;
  isError: boolean;
}

/**
 * The computed values of a workbook's formula cells, by sheet name then cell key (`row * MAX_COLUMNS + column`),
 * exactly as HyperFormula gave them. Plain data: it can be kept once the HyperFormula instance is gone.
 */
export type Evaluation = Map<string, Map<number, ComputedValue>>;

/**
 * Where evaluations are kept between fakes, by what they were evaluated from (a text that spells out every cell and
 * name). Under jest, tests/share-fake-evaluations.ts puts one on `globalThis` that keeps them on disk (.cache/, from
 * one run to the next): the suites that generate the same workbook then evaluate it once. Without it, evaluations
 * are kept in memory.
 */
export interface EvaluationStore {
  get(content: string): Evaluation | undefined;
  set(content: string, evaluation: Evaluation): void;
}

/** The store's name on `globalThis` (the fake uses no Node built-in, so the store is handed to it from outside). */
export const EVALUATION_STORE_GLOBAL = '__fakeExcelEvaluationStore';
