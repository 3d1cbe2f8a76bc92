/**
 * HyperFormula for the suites (jest.config.js `moduleNameMapper`): required by Node's own `require`, so that a jest
 * worker loads it once for all its suites instead of once per suite in each suite's module registry. Its code then
 * stays compiled and optimised from one suite to the next: building the embedded plan's workbook took 5–16 s in a
 * suite's first evaluation (cold) against ≈ 2.6 s warm (docs/TOOLING.md). Its objects come from another realm
 * than the suite's: an array a suite gives it is not `instanceof Array` there (tests/fake-excel/formula-engine.ts
 * passes a cell's raw content, never wrapped in arrays, to `setCellContents`).
 */
// jest hands the suites a `module` whose `createRequire` is jest's own require (which would map `hyperformula`
// back to this file); that class extends Node's, whose `createRequire` is Node's.
const nodeModule = Object.getPrototypeOf(require('module'));

const requireHyperFormula = nodeModule.createRequire(__filename);
// Its date parse remembers the texts that are no date (≈ a fifth of an evaluation went to parsing them again).
require('./hyperformula-date-parse-kept')(requireHyperFormula);

module.exports = requireHyperFormula('hyperformula');
