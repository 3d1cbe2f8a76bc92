/** The convention-text reader: text → plan + warnings, bytes → text, and plan → text (its inverse). */
export { parseConvention, type PlanParseResult, type PlanFailureParams } from './parse-convention';
export { decodeConventionBytes, type DecodeResult } from './decode';
export { printConvention } from './print';
export { communeKey } from './communes';
